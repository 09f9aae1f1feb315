/// What a dataset's own figures say about the spread of pay, to check the `range-coverage`
/// assumption against: σ from every median–mean pair, and σ from every range on an
/// experience curve under two readings of what a range covers.
///
/// A median and a mean of the same pay fix σ without any assumption, so they are the
/// yardstick: the reading of ranges whose σ agrees with them is the better one.
public struct SpreadEvidence: Sendable {
  /// The smallest, largest and median of a set of σ values, and how many there were.
  public struct Summary: Sendable, Equatable {
    public var count: Int
    public var minimum: Double
    public var maximum: Double
    public var median: Double

    init?(_ values: [Double]) {
      guard !values.isEmpty else { return nil }
      let sorted = values.sorted()
      count = sorted.count
      minimum = sorted[0]
      maximum = sorted[sorted.count - 1]
      median =
        sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
  }

  /// σ from each median and mean that one series gives for the same level and span.
  public let fromMedianMeanPairs: Summary?
  /// The ranges that sit on experience curves (those with a span), as (low, high).
  public let ranges: [(low: Double, high: Double)]

  /// Collects the evidence in `dataset`.
  public init(dataset: Dataset) {
    var pairs: [Double] = []
    let onCurves = dataset.payFigures.filter { $0.span != nil }
    for median in onCurves {
      guard case .median(let m) = median.figure else { continue }
      let mean = onCurves.first {
        $0.series == median.series && $0.span == median.span && $0.level == median.level
          && $0.places == median.places && $0.figure.statistic == .mean
      }
      if let mean, case .mean(let a) = mean.figure, a > m {
        pairs.append(LogNormalSpread.fromMedian(m, mean: a))
      }
    }
    fromMedianMeanPairs = Summary(pairs)
    ranges = onCurves.compactMap { $0.figure.bounds }
  }

  /// σ of every range on a curve, read as covering the central `coverage` of pay.
  public func fromRanges(coverage: Double) -> Summary? {
    Summary(ranges.map { LogNormalSpread.fromRange($0.low, $0.high, coverage: coverage) })
  }
}
