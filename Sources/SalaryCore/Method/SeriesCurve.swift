/// One series' pay as a function of experience, and how loudly it speaks at each point.
///
/// A series of figures by experience sits its observations at their spans' midpoints:
/// μ(e) is the monotone cubic (PCHIP) through their μ, σ(e) is linear between their σ.
/// Past the last midpoint both are flat. Before the first, μ follows the curve's end slope
/// down to the start of the first figure's span (pay with no experience is below the
/// middle of a 0–2 year band), and is flat before that; σ is flat. Where two observations
/// share a midpoint they are averaged.
///
/// The ladder's level table is not a curve of pay by experience: it gives the pay of the
/// people *at* each level. It speaks as the mix of levels people with so many years hold
/// (``LevelMix``): a mixture of the levels' lognormals weighted by their shares. For an
/// estimate at one level (`--level`) it speaks with that level's figure alone.
///
/// The voice τ(e) is 1 between the outer midpoints (for the ladder, over the years its mix
/// covers), falls linearly to 0 from the last midpoint to the end of the series' coverage,
/// and rises linearly from 0 at the start of its coverage to the first midpoint, unless
/// the coverage starts at 0 (then it is 1 from 0). Outside the coverage it is 0.
public struct SeriesCurve: Sendable {
  /// How the series gives pay at an experience.
  indirect enum Shape: Sendable {
    /// Figures by experience: μ by PCHIP, σ linear, with the slope μ follows before the
    /// first midpoint.
    case figures(mu: MonotoneCubic, sigma: LinearInterpolant, lowSlope: Double)
    /// The ladder's levels, weighted by the mix of levels at each experience.
    case levels(mix: LevelMix, distributions: [LogNormal])
    /// One level of the ladder, at every experience.
    case level(LogNormal)
  }

  /// The series.
  public let series: SeriesID
  /// Its observations, by midpoint.
  public let observations: [Observation]
  /// The years the series covers: from its earliest span start to its latest span end (for
  /// the ladder, the years its mix covers).
  public let coverage: ClosedRange<Double>
  /// Where the voice is full: between the first and last midpoints (for the ladder, its
  /// coverage).
  public let fullVoice: ClosedRange<Double>
  let shape: Shape

  /// Builds the curve of one series of figures by experience from its observations (at
  /// least one).
  public init(series: SeriesID, observations: [Observation]) {
    precondition(!observations.isEmpty, "a curve needs an observation")
    precondition(observations.allSatisfy { $0.series == series }, "one series per curve")
    let sorted = observations.sorted { $0.midpoint < $1.midpoint }
    self.series = series
    self.observations = sorted
    var xs: [Double] = []
    var mus: [[Double]] = []
    var sigmas: [[Double]] = []
    for observation in sorted {
      if let last = xs.last, last == observation.midpoint {
        mus[mus.count - 1].append(observation.distribution.mu)
        sigmas[sigmas.count - 1].append(observation.distribution.sigma)
      } else {
        xs.append(observation.midpoint)
        mus.append([observation.distribution.mu])
        sigmas.append([observation.distribution.sigma])
      }
    }
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
    let mu = MonotoneCubic(x: xs, y: mus.map(mean))
    self.shape = .figures(
      mu: mu, sigma: LinearInterpolant(x: xs, y: sigmas.map(mean)), lowSlope: mu.slopes[0])
    self.coverage = sorted.map(\.span.from).min()!...sorted.map { $0.span.to! }.max()!
    self.fullVoice = xs[0]...xs[xs.count - 1]
  }

  /// The ladder's level series: its levels' figures (one observation a level of `mix`,
  /// in the mix's order), weighted by `mix`, speaking fully from 0 to the mix's horizon.
  init(ladder series: SeriesID, observations: [Observation], levels: [Observation], mix: LevelMix) {
    precondition(levels.count == mix.model.levels.count, "one figure a level")
    self.series = series
    self.observations = observations.sorted { $0.midpoint < $1.midpoint }
    self.shape = .levels(mix: mix, distributions: levels.map(\.distribution))
    self.coverage = 0...mix.horizon
    self.fullVoice = 0...mix.horizon
  }

  /// This ladder curve speaking for one level alone, with its voice unchanged.
  func speaking(for level: Observation) -> SeriesCurve {
    SeriesCurve(self, shape: .level(level.distribution))
  }

  private init(_ other: SeriesCurve, shape: Shape) {
    self.series = other.series
    self.observations = other.observations
    self.coverage = other.coverage
    self.fullVoice = other.fullVoice
    self.shape = shape
  }

  /// Whether the series is the ladder's level table, speaking as a mix of levels.
  public var isLadder: Bool {
    if case .levels = shape { return true }
    return false
  }

  /// The mix of levels the ladder speaks as at `experience`, in the track's order; `nil`
  /// for a series that is not the ladder's mix.
  public func levelMix(at experience: Double) -> [LevelShare]? {
    guard case .levels(let mix, _) = shape else { return nil }
    return zip(mix.model.levels, mix.shares(at: experience)).map {
      LevelShare(level: $0, share: $1)
    }
  }

  /// Where the series' pay bends within its coverage besides its midpoints: for the ladder,
  /// the grid points of its mix of levels, between which the shares are straight lines.
  var breakpoints: [Double] {
    guard case .levels(let mix, _) = shape else { return [] }
    return mix.gridPoints
  }

  /// The most components ``components(at:)`` gives at any experience.
  var componentCount: Int {
    if case .levels(_, let distributions) = shape { return distributions.count }
    return 1
  }

  /// The series' pay at `experience` years: lognormals and their shares (summing to 1),
  /// always in the same order and number, shares of 0 included.
  public func components(at experience: Double) -> [(share: Double, distribution: LogNormal)] {
    switch shape {
    case .figures(let mu, let sigma, let lowSlope):
      let first = mu.x[0]
      var log = mu.value(at: experience)
      if experience < first {
        log += lowSlope * (max(experience, coverage.lowerBound) - first)
      }
      return [(1, LogNormal(mu: log, sigma: sigma.value(at: experience)))]
    case .levels(let mix, let distributions):
      let shares = mix.shares(at: experience)
      return shares.indices.map { (share: shares[$0], distribution: distributions[$0]) }
    case .level(let distribution):
      return [(1, distribution)]
    }
  }

  /// The series' pay at `experience` years, as one distribution of its own: its mixture
  /// for the ladder.
  public func mixture(at experience: Double) -> LogNormalMixture {
    LogNormalMixture(components(at: experience).map { .init($0.distribution, weight: $0.share) })
  }

  /// How loudly the series speaks at `experience`, from 0 to 1.
  public func voice(at experience: Double) -> Double {
    if fullVoice.contains(experience) { return 1 }
    if experience > fullVoice.upperBound {
      guard experience < coverage.upperBound else { return 0 }
      return (coverage.upperBound - experience) / (coverage.upperBound - fullVoice.upperBound)
    }
    if coverage.lowerBound == 0 { return experience >= 0 ? 1 : 0 }
    guard experience > coverage.lowerBound else { return 0 }
    return (experience - coverage.lowerBound) / (fullVoice.lowerBound - coverage.lowerBound)
  }
}

/// A level's share of the people with some experience.
public struct LevelShare: Sendable, Hashable {
  public var level: Level
  /// From 0 to 1.
  public var share: Double
}
