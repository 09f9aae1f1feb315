/// A multiplier on pay: a place, a country, a specialization's premium or the user's own.
///
/// A factor known only as a range `low…high` is uncertain: the range is read as its own
/// central `coverage` (as published pay ranges are), so it shifts log-pay by the log of its
/// geometric midpoint and widens every component's spread:
///
/// ```
/// μ' = μ + ln √(low·high),   σ' = √(σ² + σ_f²),   σ_f = ln(high/low) / (2·Φ⁻¹(½ + coverage/2))
/// ```
///
/// A point factor (low = high) multiplies every quantile by exactly its value.
public struct Factor: Sendable, Hashable {
  /// What the factor stands for.
  public enum Kind: String, Sendable, Hashable {
    case location
    case country
    case specialization
    /// A premium the user set with `--premium`.
    case premium
  }

  /// The kind.
  public var kind: Kind
  /// What it is for, such as `Austin, TX`.
  public var label: String
  /// The low end (equal to ``high`` for a point factor).
  public var low: Double
  /// The high end.
  public var high: Double
  /// The spread it adds to log-pay, σ_f; 0 for a point factor.
  public var sigma: Double
  /// How it was derived, one entry per ratio of published figures.
  public var evidence: [FactorEvidence]
  /// The assumptions it relies on.
  public var assumptions: [String]
  /// For a place measured only against another place ("5% below San Francisco"): that step.
  public var relative: RelativeStep?

  /// A place's pay stated in percent of another place's.
  public struct RelativeStep: Sendable, Hashable {
    /// The relative figure.
    public var figureID: String
    /// Its percent difference.
    public var percent: Double
    /// The factor of the place it is relative to.
    public var base: Double
    /// That place's name.
    public var baseLabel: String
  }

  /// A point factor.
  public init(
    kind: Kind, label: String, value: Double, evidence: [FactorEvidence] = [],
    assumptions: [String] = []
  ) {
    precondition(value > 0 && value.isFinite, "a factor is positive and finite")
    self.kind = kind
    self.label = label
    self.low = value
    self.high = value
    self.sigma = 0
    self.evidence = evidence
    self.assumptions = assumptions
  }

  /// An uncertain factor whose range covers its central `coverage`.
  public init(
    kind: Kind, label: String, low: Double, high: Double, coverage: Double,
    evidence: [FactorEvidence] = [], assumptions: [String] = []
  ) {
    precondition(low > 0 && high >= low && high.isFinite, "a factor range is positive")
    self.kind = kind
    self.label = label
    self.low = low
    self.high = high
    self.sigma =
      high == low ? 0 : Math.log(high / low) / (2 * StandardNormal.quantile(0.5 + coverage / 2))
    self.evidence = evidence
    self.assumptions = assumptions
  }

  /// The multiplier applied to the median: the geometric midpoint √(low·high).
  public var value: Double { low == high ? low : (low * high).squareRoot() }

  /// Whether the factor is a range rather than a point.
  public var isUncertain: Bool { high > low }
}

/// One ratio behind a factor: a figure for the place against the same series' baseline,
/// or a cited premium against no premium.
public struct FactorEvidence: Sendable, Hashable {
  /// The series both figures belong to, when they are pay figures.
  public var series: SeriesID?
  /// The figure for the place, country or premium.
  public var figureID: String
  /// The baseline figure (the nation, or the US row of a global table); `nil` for a premium.
  public var baselineID: String?
  /// The place's central value (a range's geometric midpoint, or the single value).
  public var numerator: Double
  /// The baseline's central value.
  public var denominator: Double

  /// numerator ÷ denominator.
  public var ratio: Double { numerator / denominator }

  public init(
    series: SeriesID?, figureID: String, baselineID: String?, numerator: Double,
    denominator: Double
  ) {
    self.series = series
    self.figureID = figureID
    self.baselineID = baselineID
    self.numerator = numerator
    self.denominator = denominator
  }
}

extension Array where Element == Factor {
  /// The product of the factors' values.
  public var combinedValue: Double { reduce(1) { $0 * $1.value } }
  /// The spread they add together: √(Σ σ_f²).
  public var combinedSigma: Double { reduce(0) { $0 + $1.sigma * $1.sigma }.squareRoot() }
}

extension LogNormal {
  /// Pay after `factors`: μ shifted by ln of their combined value, σ widened by theirs.
  public func applying(_ factors: [Factor]) -> LogNormal {
    guard !factors.isEmpty else { return self }
    return shifted(by: Math.log(factors.combinedValue), widenedBy: factors.combinedSigma)
  }

  /// μ + `shift`, and σ widened by an independent spread `extra`: √(σ² + extra²). What
  /// ``applying(_:)`` does once its factors are combined.
  func shifted(by shift: Double, widenedBy extra: Double) -> LogNormal {
    LogNormal(mu: mu + shift, sigma: (sigma * sigma + extra * extra).squareRoot())
  }
}
