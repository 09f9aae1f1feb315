import ArgumentParsing
import SalaryCore

/// A projection ready to run, with what the report needs to explain it.
struct ProjectionRequest {
  var profile: Profile
  var rule: PayRule
  var education: EducationPlan?
  var settings: ProjectionSettings
  var rates: [DerivedRate]
  /// The percentile a salary was at before it was kept within P1–P99, when it was.
  var clampedFrom: Double?
  var assumptions: [String]
  var isRaiseMode: Bool { if case .raises = rule { true } else { false } }

  /// The market of the curves, in curve mode.
  var market: Market? { if case .curve(let market, _, _, _) = rule { market } else { nil } }
}

/// Turns projection options into a projection: the one service behind `project`, and behind
/// every scenario of `compare` and `export`. What it resolves (markets and their tables)
/// comes from `markets`, shared by every projection of a run.
struct Projecting {
  let markets: Markets
  /// The dataset's defaults, worked out once.
  let defaults: ProjectionDefaults

  init(markets: Markets) {
    self.markets = markets
    self.defaults = ProjectionDefaults(dataset: markets.model.dataset)
  }

  var dataset: Dataset { markets.model.dataset }

  /// The projection `options` describe, with its report.
  func report(_ options: ProjectionOptions) throws -> ProjectionReport {
    let request = try request(options)
    let projection = Projection.make(
      startExperience: request.profile.experience, rule: request.rule,
      education: request.education, settings: request.settings)
    return ProjectionReport(request: request, projection: projection)
  }

  /// The request `options` describe: the market, the rule, the settings with each rate's
  /// derivation, and every assumption used.
  func request(_ options: ProjectionOptions) throws -> ProjectionRequest {
    let profile = try Estimating.profile(options.profile, markets)
    var assumptions = profile.assumptions
    var rates: [DerivedRate] = []
    func rate(_ given: Double?, _ found: DerivedRate?, _ known: Assumption.Known, _ option: String)
      throws -> Double
    {
      if let given {
        rates.append(DerivedRate(assumption: known.rawValue, percent: given, derivation: .given))
        return given / 100
      }
      guard let found else { throw missing(known, option) }
      rates.append(found)
      assumptions.append(found.assumption)
      return found.fraction
    }
    func number(_ given: Double?, _ found: Double?, _ known: Assumption.Known, _ option: String)
      throws -> Double
    {
      if let given { return given }
      guard let found else { throw missing(known, option) }
      return found
    }

    typealias Arguments = ProjectionArguments
    let inflation = try rate(
      options.inflation, defaults.inflation, .inflation, Arguments.inflation.key)
    let discount = try rate(
      options.discount, defaults.discountRate, .discountRate, Arguments.discount.key)
    var settings = ProjectionSettings(
      years: options.years, startYear: options.startYear, drift: 0, inflation: inflation,
      discount: discount, paths: options.paths, seed: options.seed)

    let rule: PayRule
    var clampedFrom: Double?
    switch options.mode {
    case .raises(let salary, let percent, let promotions):
      rule = .raises(
        salary: salary * profile.rate.dollarsPerUnit, raise: percent / 100,
        promotions: promotions.map { ($0.afterYear, $0.percent) })
    case .curve(let path, let salary):
      settings.drift = try rate(options.drift, defaults.drift, .marketDrift, Arguments.drift.key)
      settings.driftVolatility = try rate(
        options.driftVolatility, defaults.driftVolatility, .driftVolatility,
        Arguments.driftVolatility.key)
      settings.persistence = try number(
        options.persistence, defaults.persistence, .bandPersistence, Arguments.persistence.key)
      settings.bandVolatility = try number(
        options.bandVolatility, defaults.bandVolatility, .bandVolatility,
        Arguments.bandVolatility.key)
      settings.timingYears = Int(
        try number(options.timing, defaults.promotionTiming, .promotionTiming, Arguments.timing.key)
      )
      if options.persistence == nil {
        assumptions.append(Assumption.Known.bandPersistence.rawValue)
      }
      if options.bandVolatility == nil {
        assumptions.append(Assumption.Known.bandVolatility.rawValue)
      }
      if options.timing == nil && !path.promotions.isEmpty {
        assumptions.append(Assumption.Known.promotionTiming.rawValue)
      }
      var percentile = 0.5
      if let salary {
        let found: Double
        do throws(MarketError) {
          found = try profile.market.percentile(
            of: salary * profile.rate.dollarsPerUnit, experience: profile.experience)
        } catch {
          throw Estimating.failure(error, markets.model)
        }
        percentile = min(max(found, 0.01), 0.99)
        if percentile != found { clampedFrom = found }
      } else {
        assumptions.append(Assumption.Known.unknownPosition.rawValue)
      }
      rule = .curve(
        market: profile.market, percentile: percentile, positionKnown: salary != nil, path: path)
    }
    if options.education != nil {
      assumptions.append(Assumption.Known.educationFigures.rawValue)
    }
    return ProjectionRequest(
      profile: profile, rule: rule, education: options.education, settings: settings,
      rates: rates, clampedFrom: clampedFrom, assumptions: assumptions)
  }

  private func missing(_ known: Assumption.Known, _ option: String) -> CommandFailure {
    CommandFailure("This dataset has no '\(known.rawValue)' assumption; give --\(option).")
  }
}
