/// One series' pay as a function of experience, and how loudly it speaks at each point.
///
/// Its observations sit at their spans' midpoints. μ(e) is the monotone cubic (PCHIP)
/// through their μ, σ(e) is linear between their σ, and both are flat outside the outer
/// midpoints. Where two observations share a midpoint they are averaged.
///
/// The voice τ(e) is 1 between the outer midpoints, falls linearly to 0 from the last
/// midpoint to the end of the series' coverage, and rises linearly from 0 at the start of
/// its coverage to the first midpoint, unless the coverage starts at 0 (then it is 1 from
/// 0). Outside the coverage it is 0.
public struct SeriesCurve: Sendable {
  /// The series.
  public let series: SeriesID
  /// Its observations, by midpoint.
  public let observations: [Observation]
  /// The years the series covers: from its earliest span start to its latest span end.
  public let coverage: ClosedRange<Double>
  /// The first and last midpoints, where the voice is full.
  public let fullVoice: ClosedRange<Double>

  private let mu: MonotoneCubic
  private let sigma: LinearInterpolant

  /// Builds the curve of one series from its observations (at least one).
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
    self.mu = MonotoneCubic(x: xs, y: mus.map(mean))
    self.sigma = LinearInterpolant(x: xs, y: sigmas.map(mean))
    self.coverage = sorted.map(\.span.from).min()!...sorted.map { $0.span.to! }.max()!
    self.fullVoice = xs[0]...xs[xs.count - 1]
  }

  /// The series' pay at `experience` years.
  public func distribution(at experience: Double) -> LogNormal {
    LogNormal(mu: mu.value(at: experience), sigma: sigma.value(at: experience))
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
