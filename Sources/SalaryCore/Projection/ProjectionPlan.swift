/// A projection's rates and simulation as a person chooses them: each left `nil` takes the
/// dataset's default (``ProjectionDefaults``), and the plan says which did.
///
///     var choices = ProjectionChoices(startYear: 2026)
///     choices.inflation = 3  // percent
///     let plan = try ProjectionPlan(choices, defaults: ProjectionDefaults(dataset: dataset),
///                                   onCurves: true, hasPromotions: false)
///     plan.settings.inflation  // 0.03
public struct ProjectionChoices: Sendable, Hashable {
  /// Years projected, 1 to 60.
  public var years: Int
  /// The calendar year of year 1.
  public var startYear: Int
  /// Monte Carlo paths (0: the market's own spread, nothing simulated).
  public var paths: Int
  /// The simulation's seed.
  public var seed: UInt64
  /// The market's yearly drift, inflation, the discount rate, in percent; the drift's
  /// yearly spread in points.
  public var drift: Double?
  public var driftVolatility: Double?
  public var inflation: Double?
  public var discount: Double?
  /// The simulation's parameters (see ``ProjectionSettings``).
  public var persistence: Double?
  public var bandVolatility: Double?
  public var promotionTiming: Double?
  /// Where the simulation's draws come from (``ProjectionSettings``).
  package var sampling = MonteCarloSampling.sobol

  public init(
    years: Int = 10, startYear: Int, paths: Int = ProjectionSettings.defaultPaths,
    seed: UInt64 = 1
  ) {
    self.years = years
    self.startYear = startYear
    self.paths = paths
    self.seed = seed
  }
}

/// Why a projection cannot be made.
public enum ProjectionError: Error, Sendable, Equatable {
  /// The dataset lacks the assumption behind a default that was not chosen.
  case missingAssumption(Assumption.Known)
  /// The market cannot answer (no series speaks at the experience).
  case market(MarketError)
  /// Pay in `year` leaves the range up to ``Projection/largestYearlyAmount`` (or is not a
  /// number): the rates compound to more than any career pays.
  case amountOutOfRange(year: Int)
}

/// The settings of one projection, each rate with how it was found and every assumption
/// behind a default: the rule that turns choices and defaults into settings, in one place.
public struct ProjectionPlan: Sendable {
  /// The settings the engine runs with.
  public var settings: ProjectionSettings
  /// Every rate used, chosen or derived, in the order inflation, discount, drift, drift
  /// volatility.
  public var rates: [DerivedRate]
  /// The assumptions behind the defaults taken.
  public var assumptions: [String]

  /// Settles `choices` against `defaults`. On the curves (`onCurves`) the market drifts and
  /// the simulation's parameters apply; with fixed raises they do not. The promotion timing
  /// is an assumption only when there are promotions to time.
  ///
  /// - Throws: ``ProjectionError/missingAssumption(_:)`` for a default the dataset lacks.
  public init(
    _ choices: ProjectionChoices, defaults: ProjectionDefaults, onCurves: Bool,
    hasPromotions: Bool
  ) throws(ProjectionError) {
    var rates: [DerivedRate] = []
    var assumptions: [String] = []
    func rate(_ chosen: Double?, _ found: DerivedRate?, _ known: Assumption.Known)
      throws(ProjectionError) -> Double
    {
      if let chosen {
        rates.append(DerivedRate(assumption: known.rawValue, percent: chosen, derivation: .given))
        return chosen / 100
      }
      guard let found else { throw .missingAssumption(known) }
      rates.append(found)
      assumptions.append(found.assumption)
      return found.fraction
    }
    func number(_ chosen: Double?, _ found: Double?, _ known: Assumption.Known, counts: Bool)
      throws(ProjectionError) -> Double
    {
      if let chosen { return chosen }
      guard let found else { throw .missingAssumption(known) }
      if counts { assumptions.append(known.rawValue) }
      return found
    }
    let inflation = try rate(choices.inflation, defaults.inflation, .inflation)
    let discount = try rate(choices.discount, defaults.discountRate, .discountRate)
    var settings = ProjectionSettings(
      years: choices.years, startYear: choices.startYear, drift: 0, inflation: inflation,
      discount: discount, paths: choices.paths, seed: choices.seed)
    settings.sampling = choices.sampling
    if onCurves {
      settings.drift = try rate(choices.drift, defaults.drift, .marketDrift)
      settings.driftVolatility = try rate(
        choices.driftVolatility, defaults.driftVolatility, .driftVolatility)
      settings.persistence = try number(
        choices.persistence, defaults.persistence, .bandPersistence, counts: true)
      settings.bandVolatility = try number(
        choices.bandVolatility, defaults.bandVolatility, .bandVolatility, counts: true)
      settings.timingYears = Int(
        try number(
          choices.promotionTiming, defaults.promotionTiming, .promotionTiming,
          counts: hasPromotions))
    }
    self.settings = settings
    self.rates = rates
    self.assumptions = assumptions
  }
}
