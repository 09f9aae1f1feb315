/// Which statistic a published figure is, as named in the data files' `statistic` column.
public enum Statistic: String, Sendable, Hashable, CaseIterable {
  /// A low–high range (read as the 25th to 75th percentile; see the `range-coverage` assumption).
  case range
  /// The 50th percentile.
  case median
  /// The arithmetic mean ("average").
  case mean
  /// A single figure the guide calls typical without naming the statistic.
  case typical
  /// A figure that pay is said to exceed ("over $150,000").
  case lowerBound = "lower_bound"
  /// A figure that something is said to stay under ("less than a year").
  case upperBound = "upper_bound"
  /// A loose figure ("approaching or exceeding $200,000"); shown, never fitted.
  case approximate
  /// A stated percentile other than the median, with its rank in the `percentile` column.
  case percentile
  /// A difference in percent from another place's pay ("5% below San Francisco").
  case relative
  /// An exact quantity, such as a four-year degree.
  case value
}

/// One published figure: a statistic and its numbers.
///
/// A figure knows nothing of currency or experience; the row that holds it does.
///
///     Figure.range(low: 60_000, high: 85_000, openTop: false).statistic  // .range
public enum Figure: Sendable, Hashable {
  /// A range; `openTop` records a published plus sign (`$110,000 – $140,000+`).
  case range(low: Double, high: Double, openTop: Bool)
  /// A median.
  case median(Double)
  /// A mean.
  case mean(Double)
  /// A figure given as typical, statistic unstated.
  case typical(Double)
  /// A figure that values are said to exceed.
  case lowerBound(Double)
  /// A figure that values are said to stay under.
  case upperBound(Double)
  /// A loose figure.
  case approximate(Double)
  /// The value at a percentile rank strictly between 0 and 100.
  case percentile(Double, rank: Double)
  /// A difference in percent from the pay of another place, named by its id.
  case relative(percent: Double, to: String)
  /// An exact quantity.
  case value(Double)

  /// The statistic this figure is.
  public var statistic: Statistic {
    switch self {
    case .range: .range
    case .median: .median
    case .mean: .mean
    case .typical: .typical
    case .lowerBound: .lowerBound
    case .upperBound: .upperBound
    case .approximate: .approximate
    case .percentile: .percentile
    case .relative: .relative
    case .value: .value
    }
  }

  /// The single number of a one-number figure; `nil` for ranges and relative figures.
  public var singleValue: Double? {
    switch self {
    case .median(let v), .mean(let v), .typical(let v), .lowerBound(let v), .upperBound(let v),
      .approximate(let v), .value(let v), .percentile(let v, _):
      v
    case .range, .relative: nil
    }
  }

  /// The figure's amounts: both ends of a range, the one number of the others (a relative
  /// figure's percent included).
  public var numbers: [Double] {
    switch self {
    case .range(let low, let high, _): [low, high]
    case .relative(let percent, _): [percent]
    default: singleValue.map { [$0] } ?? []
    }
  }

  /// The low and high ends of a range; `nil` for other figures.
  public var bounds: (low: Double, high: Double)? {
    if case .range(let low, let high, _) = self { return (low, high) }
    return nil
  }
}
