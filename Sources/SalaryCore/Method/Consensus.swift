/// The consensus of the sources at one experience: a mixture of every series' lognormal,
/// each weighted by its voice, each source speaking as loudly as its loudest series.
///
/// With τₛ the voice of series s at experience e, a source's series share its loudest
/// voice in proportion to their own:
///
/// ```
/// wₛ = max τ · τₛ / Σ τ    (max and sum over the source's series)
/// ```
///
/// so one source with many series counts no more than one with a single series, and no
/// estimate jumps where a series starts or stops covering.
public struct Consensus: Sendable {
  /// The curves that take part.
  public let curves: [SeriesCurve]

  /// - Precondition: at least one curve.
  public init(curves: [SeriesCurve]) {
    precondition(!curves.isEmpty, "a consensus needs a curve")
    self.curves = curves
  }

  /// Each curve's weight at `experience`, in the curves' order.
  public func weights(at experience: Double) -> [Double] {
    let voices = curves.map { $0.voice(at: experience) }
    var loudest: [String: Double] = [:]
    var total: [String: Double] = [:]
    for (curve, voice) in zip(curves, voices) {
      loudest[curve.series.source] = max(loudest[curve.series.source] ?? 0, voice)
      total[curve.series.source, default: 0] += voice
    }
    return zip(curves, voices).map { curve, voice in
      let sum = total[curve.series.source]!
      return sum > 0 ? loudest[curve.series.source]! * voice / sum : 0
    }
  }

  /// The experience range in which some series speaks with a full voice: from the
  /// earliest point any curve is full (0 when a curve's coverage starts at 0) to the last
  /// midpoint of any curve. Beyond it an estimate is held at its edge.
  public var supportedExperience: ClosedRange<Double> {
    let starts = curves.map { $0.coverage.lowerBound == 0 ? 0 : $0.fullVoice.lowerBound }
    return starts.min()!...curves.map(\.fullVoice.upperBound).max()!
  }

  /// The mixture at `experience` after `factors`; `nil` if no series speaks there.
  public func mixture(at experience: Double, factors: [Factor] = []) -> LogNormalMixture? {
    let weights = weights(at: experience)
    guard weights.contains(where: { $0 > 0 }) else { return nil }
    return LogNormalMixture(
      zip(curves, weights).map { curve, weight in
        LogNormalMixture.Component(
          curve.distribution(at: experience).applying(factors), weight: weight)
      })
  }
}
