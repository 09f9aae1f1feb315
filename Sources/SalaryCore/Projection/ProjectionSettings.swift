/// The rates and the Monte Carlo's parameters.
public struct ProjectionSettings: Sendable {
  /// Years projected, 1 to 60.
  public var years: Int
  /// The calendar year of year 1.
  public var startYear: Int
  /// The market's yearly drift, a fraction (curve mode only).
  public var drift: Double
  /// Inflation, a fraction, for real pay.
  public var inflation: Double
  /// The discount rate, a fraction, for present values.
  public var discount: Double
  /// Monte Carlo paths. With 0 the band is the market's own spread (its P10 and P90 at
  /// each year's experience, after factors and drift) and nothing is simulated.
  public var paths: Int
  /// The seed: the same seed gives the same bands.
  public var seed: UInt64
  /// The drift's yearly standard deviation, a fraction (0.0088 for 0.88 points).
  public var driftVolatility: Double
  /// The year-to-year correlation of a person's departure from their usual place in the band.
  public var persistence: Double
  /// The yearly shift of that place, in standard deviations of the market's spread.
  public var bandVolatility: Double
  /// How many years early or late a promotion may come.
  public var timingYears: Int
  /// Where the paths' draws come from: a scrambled Sobol' sequence, each path's place in
  /// the band integrated exactly (the default), or independent draws, which a reference
  /// run of many paths uses to check it.
  package var sampling = MonteCarloSampling.sobol

  /// The paths simulated unless a number is chosen: with each path's place in the band
  /// integrated exactly, enough for every figure of a ten-year band to lie within 0.5% of
  /// a million independent paths (the `monte-carlo-error` bench measures it).
  public static let defaultPaths = 256

  public init(
    years: Int = 10, startYear: Int, drift: Double, inflation: Double, discount: Double,
    paths: Int = ProjectionSettings.defaultPaths, seed: UInt64 = 1, driftVolatility: Double = 0,
    persistence: Double = 1,
    bandVolatility: Double = 0, timingYears: Int = 0
  ) {
    precondition((1...60).contains(years), "1 to 60 years")
    precondition(drift > -1 && inflation > -1 && discount > -1, "rates above -100%")
    precondition(paths >= 0 && driftVolatility >= 0 && bandVolatility >= 0 && timingYears >= 0)
    precondition((0...1).contains(persistence), "a correlation from 0 to 1")
    self.years = years
    self.startYear = startYear
    self.drift = drift
    self.inflation = inflation
    self.discount = discount
    self.paths = paths
    self.seed = seed
    self.driftVolatility = driftVolatility
    self.persistence = persistence
    self.bandVolatility = bandVolatility
    self.timingYears = timingYears
  }
}

/// The 10th, 50th and 90th percentiles of something across the Monte Carlo's paths.
public struct Band: Sendable, Hashable {
  public var p10: Double
  public var p50: Double
  public var p90: Double

  public init(p10: Double, p50: Double, p90: Double) {
    self.p10 = p10
    self.p50 = p50
    self.p90 = p90
  }

  /// A band of no width.
  public static func point(_ value: Double) -> Band { Band(p10: value, p50: value, p90: value) }
}
