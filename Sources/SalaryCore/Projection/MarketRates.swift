/// A rate the projection uses, with the assumption behind it and how it was found.
public struct DerivedRate: Sendable, Hashable {
  /// How the rate was found.
  public enum Derivation: Sendable, Hashable {
    /// Stated in the assumption row itself.
    case stated
    /// Set by the user on the command line.
    case given
    /// The median of published rates.
    case median(of: [String])
    /// The sample standard deviation of published rates across the years they describe.
    case standardDeviation(of: [String])
    /// One published rate.
    case cited(String)
    /// (1 + inflation)(1 + a published real rate) − 1.
    case realPlusInflation(real: String)
  }

  /// The assumption's id.
  public var assumption: String
  /// The rate in percent (percentage points for a volatility).
  public var percent: Double
  public var derivation: Derivation

  public init(assumption: String, percent: Double, derivation: Derivation) {
    self.assumption = assumption
    self.percent = percent
    self.derivation = derivation
  }

  /// The rate as a fraction: 0.035 for 3.5%.
  public var fraction: Double { percent / 100 }
}

extension Dataset {
  /// The market's yearly drift: the assumption's own number, or else the median of the
  /// published wage growth for the same work (the Employment Cost Index), which holds the
  /// job fixed and so does not count a person's own progression twice.
  ///
  ///     ECI, private industry wages, 12 months to December: 4.3 (2023), 3.7 (2024),
  ///     3.3 (2025)  →  3.7%
  public var marketDrift: DerivedRate? {
    derived(.marketDrift) {
      let growth = rates.filter { $0.measure == .wageGrowth }
      return median(growth.map(\.percent)).map {
        ($0, .median(of: growth.map(\.id)))
      }
    }
  }

  /// How much the drift varies: the assumption's own number, or else the sample standard
  /// deviation of the published total increase budgets, one per year described.
  ///
  ///     3.9 (2008), 2.2 (2009), 2.8 (2011), 4.4 (2023), 3.6 (2025)  →  0.88 points
  public var driftVolatility: DerivedRate? {
    derived(.driftVolatility) {
      let budgets = rates.filter { $0.measure == .totalIncreaseBudget }
      guard budgets.count >= 2 else { return nil }
      let values = budgets.map(\.percent)
      let mean = values.reduce(0, +) / Double(values.count)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
      return (variance.squareRoot(), .standardDeviation(of: budgets.map(\.id)))
    }
  }

  /// Inflation: the assumption's own number, or else the published inflation objective.
  public var inflation: DerivedRate? {
    derived(.inflation) {
      rates.first { $0.measure == .inflationObjective }.map { ($0.percent, .cited($0.id)) }
    }
  }

  /// The discount rate for present values: the assumption's own number, or else inflation
  /// compounded with the published real discount rate.
  ///
  ///     (1 + 2%)(1 + 3%) − 1  =  5.06%
  public var discountRate: DerivedRate? {
    derived(.discountRate) {
      guard let inflation, let real = rates.first(where: { $0.measure == .realDiscountRate })
      else { return nil }
      return (
        ((1 + inflation.fraction) * (1 + real.percent / 100) - 1) * 100,
        .realPlusInflation(real: real.id)
      )
    }
  }

  /// A plain numeric assumption, such as `band-persistence`.
  public func number(_ known: Assumption.Known) -> Double? {
    if case .number(let value) = assumption(id: known.rawValue)?.value { return value }
    return nil
  }

  private func derived(
    _ known: Assumption.Known, _ derive: () -> (Double, DerivedRate.Derivation)?
  ) -> DerivedRate? {
    guard let row = assumption(id: known.rawValue) else { return nil }
    if case .number(let value) = row.value {
      return DerivedRate(assumption: row.id, percent: value, derivation: .stated)
    }
    return derive().map { DerivedRate(assumption: row.id, percent: $0.0, derivation: $0.1) }
  }
}

/// What a dataset says a projection should assume when the user says nothing: its rates,
/// each with how it was found, and the simulation's parameters. `nil` where the dataset
/// lacks the assumption.
///
///     let defaults = ProjectionDefaults(dataset: dataset)
///     defaults.inflation?.percent  // 2
public struct ProjectionDefaults: Sendable {
  /// The market's yearly drift (``Dataset/marketDrift``).
  public var drift: DerivedRate?
  /// The drift's yearly spread, in points (``Dataset/driftVolatility``).
  public var driftVolatility: DerivedRate?
  /// Inflation (``Dataset/inflation``).
  public var inflation: DerivedRate?
  /// The discount rate for present values (``Dataset/discountRate``).
  public var discountRate: DerivedRate?
  /// The year-to-year correlation of a person's departure from their place in the band.
  public var persistence: Double?
  /// The yearly shift of that place, in standard deviations of the market's spread.
  public var bandVolatility: Double?
  /// How many years early or late a promotion may come.
  public var promotionTiming: Double?

  /// The defaults of `dataset`.
  public init(dataset: Dataset) {
    drift = dataset.marketDrift
    driftVolatility = dataset.driftVolatility
    inflation = dataset.inflation
    discountRate = dataset.discountRate
    persistence = dataset.number(.bandPersistence)
    bandVolatility = dataset.number(.bandVolatility)
    promotionTiming = dataset.number(.promotionTiming)
  }
}
