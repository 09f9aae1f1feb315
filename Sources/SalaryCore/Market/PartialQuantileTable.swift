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
  /// Why every table of the market fails, if one does: where no series speaks at a kink
  /// (checked for all of them first, so that a stretch fails where the whole would).
  let failure: MarketError?
  /// The kinks' nodes solved so far, from the first.
  private var kinkNodes: [Node] = []
  /// For each interval between two kinks, once halved: its grid points after its start, up
  /// to and including its end.
  private var halved: [[Node]?]

  /// The probabilities of the table.
  var probabilities: [Double] { builder.probabilities }
  /// The experiences the table spans.
  var range: ClosedRange<Double> { builder.range }

  init(consensus: Consensus, applied: [Factor], offset: Double, probabilities: [Double]) {
    builder = QuantileTableBuilder(
      consensus: consensus, applied: applied, offset: offset, probabilities: probabilities)
    kinks = builder.kinks()
    halved = Array(repeating: nil, count: kinks.count - 1)
    // Between two kinks every voice is linear and not negative, so if none speaks
    // somewhere inside, none speaks at either end: the first kink where none speaks is
    // where the whole table's build fails.
    failure = kinks.first { !consensus.weights(at: $0).contains(where: { $0 > 0 }) }
      .map { .noSeriesCovers(experience: $0) }
  }

  /// The intervals between kinks (by the index of the kink that starts each) that a table
  /// answering over `experiences` (within the range) holds: from the last that starts at
  /// or before the lowest to the last that starts at or before the highest, the interval
  /// the whole table reads there (the last one for the range's end).
  func intervals(spanning experiences: ClosedRange<Double>) -> ClosedRange<Int> {
    precondition(
      range.contains(experiences.lowerBound) && range.contains(experiences.upperBound),
      "experiences the market has held")
    func interval(holding experience: Double) -> Int {
      var k = 0
      while k + 2 < kinks.count && kinks[k + 1] <= experience { k += 1 }
      return k
    }
    return interval(holding: experiences.lowerBound)...interval(holding: experiences.upperBound)
  }

  /// The grid's nodes over `intervals` (see ``intervals(spanning:)``), solving those not
  /// solved yet: for a one-point range, its one node.
  ///
  /// - Throws: ``failure``, if there is one.
  mutating func nodes(_ intervals: ClosedRange<Int>) throws(MarketError) -> [Node] {
    if let failure { throw failure }
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
  /// - Throws: ``failure``, if there is one.
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
