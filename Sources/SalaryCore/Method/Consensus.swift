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
  /// Each curve's source, numbered in order of first appearance, so that a weight is found
  /// without hashing a source's name.
  private let sources: [Int]
  private let sourceCount: Int

  /// - Precondition: at least one curve.
  public init(curves: [SeriesCurve]) {
    precondition(!curves.isEmpty, "a consensus needs a curve")
    self.curves = curves
    let names = uniqueInOrder(curves.map(\.series.source))
    self.sources = curves.map { names.firstIndex(of: $0.series.source)! }
    self.sourceCount = names.count
  }

  /// Each curve's weight at `experience`, in the curves' order.
  public func weights(at experience: Double) -> [Double] {
    var loudest = [Double](repeating: 0, count: sourceCount)
    var total = [Double](repeating: 0, count: sourceCount)
    // By index: a curve read in place, not copied with every array it holds.
    var voices = [Double](repeating: 0, count: curves.count)
    for index in curves.indices { voices[index] = curves[index].voice(at: experience) }
    for (source, voice) in zip(sources, voices) {
      loudest[source] = max(loudest[source], voice)
      total[source] += voice
    }
    return zip(sources, voices).map { source, voice in
      total[source] > 0 ? loudest[source] * voice / total[source] : 0
    }
  }

  /// The experience range in which some series speaks with a full voice: from the
  /// earliest point any curve is full (0 when a curve's coverage starts at 0) to the last
  /// midpoint of any curve. Beyond it an estimate is held at its edge.
  public var supportedExperience: ClosedRange<Double> {
    let starts = curves.map { $0.coverage.lowerBound == 0 ? 0 : $0.fullVoice.lowerBound }
    return starts.min()!...curves.map(\.fullVoice.upperBound).max()!
  }
}
