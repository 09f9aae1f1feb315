/// A market's ``QuantileTable`` built a stretch at a time: the kinks' nodes solved in order
/// as far as asked, and each interval between two kinks halved when first asked for. A
/// projection over ten years solves those years' stretch of the grid alone, and a whole
/// table made later reuses every node already solved.
///
/// The nodes are those ``QuantileTableBuilder/build()`` solves, from the same guesses: each
/// kink's solve starts from the one before it (so the kinks up to a stretch's end are
/// solved, in order), and an interval's halving reads only the nodes at its two kinks. A
/// table made of them answers as the whole table does wherever it answers, bit for bit;
/// `QuantileTableTests` holds the two to each other.
struct PartialQuantileTable: Sendable {
  typealias Node = QuantileTableBuilder.Node

  private var builder: QuantileTableBuilder
  /// The consensus's kinks (``QuantileTableBuilder/kinks()``).
  let kinks: [Double]
  /// Whether some series speaks at every kink and in every interval between two. Voices
  /// are linear inside an interval, so one point inside stands for all of it; a voice may
  /// stop at a kink (the ladder's horizon), so the kinks are checked apart. Where this is
  /// false the whole table's build fails somewhere, and a stretch must not answer where
  /// it would not: the market builds the whole table instead, for its exact error.
  let speaksThroughout: Bool
  /// The kinks' nodes solved so far, from the first.
  private var kinkNodes: [Node] = []
  /// For each interval between two kinks, once halved: its grid points after its start, up
  /// to and including its end.
  private var halved: [[Node]?]

  /// The experiences the table spans.
  var range: ClosedRange<Double> { builder.range }

  init(consensus: Consensus, applied: [Factor], offset: Double, probabilities: [Double]) {
    builder = QuantileTableBuilder(
      consensus: consensus, applied: applied, offset: offset, probabilities: probabilities)
    kinks = builder.kinks()
    halved = Array(repeating: nil, count: kinks.count - 1)
    let middles = zip(kinks, kinks.dropFirst()).map { ($0 + $1) / 2 }
    speaksThroughout = (kinks + middles).allSatisfy {
      consensus.weights(at: $0).contains(where: { $0 > 0 })
    }
  }

  /// The intervals between kinks (by the index of the kink that starts each) that a table
  /// answering over `experiences` (within the range) holds: from the last that starts at
  /// or before the lowest to the last that starts at or before the highest, the interval
  /// the whole table reads there (the last one for the range's end).
  func intervals(spanning experiences: ClosedRange<Double>) -> ClosedRange<Int> {
    precondition(
      range.contains(experiences.lowerBound) && range.contains(experiences.upperBound),
      "experiences the market has held")
    let kinks = kinks
    func interval(holding experience: Double) -> Int {
      QuantileTableBuilder.interval(holding: experience, between: kinks)
    }
    return interval(holding: experiences.lowerBound)...interval(holding: experiences.upperBound)
  }

  /// The grid's nodes over `intervals` (see ``intervals(spanning:)``), solving those not
  /// solved yet: for a one-point range, its one node.
  ///
  /// - Precondition: ``speaksThroughout``.
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where a solve finds no series.
  mutating func nodes(_ intervals: ClosedRange<Int>) throws(MarketError) -> [Node] {
    precondition(speaksThroughout, "a consensus that speaks throughout")
    try solveKinks(through: min(intervals.upperBound + 1, kinks.count - 1))
    var nodes = [kinkNodes[intervals.lowerBound]]
    guard kinks.count > 1 else { return nodes }
    for k in intervals {
      if let known = halved[k] {
        nodes += known
      } else {
        builder.nodes = []
        try builder.refine(kinkNodes[k], kinkNodes[k + 1], before: kinks[k], after: kinks[k + 1])
        halved[k] = builder.nodes
        nodes += builder.nodes
      }
    }
    return nodes
  }

  /// Every node of the grid: the whole table's, as ``QuantileTableBuilder/build()`` solves
  /// them.
  ///
  /// - Precondition: ``speaksThroughout``.
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where a solve finds no series.
  mutating func allNodes() throws(MarketError) -> [Node] {
    try nodes(0...max(0, kinks.count - 2))
  }

  /// Solves the kinks' nodes up to `last`, each from the prediction of the one before.
  private mutating func solveKinks(through last: Int) throws(MarketError) {
    while kinkNodes.count <= last {
      kinkNodes.append(try builder.kinkNode(kinkNodes.count, kinks, after: kinkNodes.last))
    }
  }
}
