import SalaryCore

/// Which statistics a file allows, and whether zero is a valid amount in it.
struct FigureRules {
  var allowed: [Statistic]
  var allowsZero = false
}

extension Row {
  /// Reads the `statistic` column and the number columns it needs, reporting a missing
  /// number, a number the statistic does not use, a range whose low is not below its
  /// high, or a statistic the file does not allow.
  ///
  /// Columns: `statistic`, `value`, `low`, `high`, `plus`, and where the file has them
  /// `percentile` and `relative_to`.
  func figure(_ rules: FigureRules, _ diagnostics: Diagnostics) -> Figure? {
    guard let statistic = choice(.statistic, diagnostics, as: Statistic.self) else { return nil }
    guard rules.allowed.contains(statistic) else {
      report(
        .statistic,
        "statistic '\(statistic.rawValue)' is not used in this file; use one of: "
          + rules.allowed.map(\.rawValue).joined(separator: ", "),
        to: diagnostics)
      return nil
    }
    let plus = flag(.plus, diagnostics)
    if plus && statistic != .range {
      report(
        .plus, "'plus' marks the top of a range; a \(statistic.rawValue) has none", to: diagnostics
      )
    }
    func needs(_ column: Column) -> Bool {
      switch statistic {
      case .range: column == .low || column == .high
      case .percentile: column == .value || column == .percentile
      case .relative: column == .value || column == .relativeTo
      default: column == .value
      }
    }
    for column in Self.figureNumberColumns where !needs(column) && !isEmpty(column) {
      report(
        column,
        "column '\(column.name)' must be empty for a \(statistic.rawValue) (it holds '\(self[column])')",
        to: diagnostics)
    }

    switch statistic {
    case .range:
      guard let low = amount(.low, rules, diagnostics),
        let high = amount(.high, rules, diagnostics)
      else { return nil }
      guard low < high else {
        report(
          .high, "a range's high (\(self[.high])) must be above its low (\(self[.low]))",
          to: diagnostics)
        return nil
      }
      return .range(low: low, high: high, openTop: plus)
    case .percentile:
      guard let value = amount(.value, rules, diagnostics) else { return nil }
      guard let rank = positiveNumber(.percentile, diagnostics) else { return nil }
      guard rank < 100 else {
        report(
          .percentile, "a percentile rank is between 0 and 100, not \(self[.percentile])",
          to: diagnostics)
        return nil
      }
      return .percentile(value, rank: rank)
    case .relative:
      guard let place = identifier(.relativeTo, diagnostics) else { return nil }
      guard let percent = requiredNumber(.value, diagnostics) else { return nil }
      guard percent > -100, percent != 0 else {
        report(
          .value, "a relative difference is a percent above -100 and not 0, not \(self[.value])",
          to: diagnostics)
        return nil
      }
      return .relative(percent: percent, to: place)
    default:
      guard let value = amount(.value, rules, diagnostics) else { return nil }
      switch statistic {
      case .median: return .median(value)
      case .mean: return .mean(value)
      case .typical: return .typical(value)
      case .lowerBound: return .lowerBound(value)
      case .upperBound: return .upperBound(value)
      case .approximate: return .approximate(value)
      default: return .value(value)
      }
    }
  }

  /// The columns that hold a figure's numbers, in the order they are checked.
  private static let figureNumberColumns: [Column] = [
    .value, .low, .high, .percentile, .relativeTo,
  ]

  /// A required amount: above zero, or zero too where the rules allow it.
  func amount(_ column: Column, _ rules: FigureRules, _ diagnostics: Diagnostics) -> Double? {
    guard let value = requiredNumber(column, diagnostics) else { return nil }
    guard value > 0 || (rules.allowsZero && value == 0) else {
      report(
        column, "\(self[column]) in column '\(column.name)' must be above zero", to: diagnostics)
      return nil
    }
    return value
  }

  /// A required number of any sign.
  func requiredNumber(_ column: Column, _ diagnostics: Diagnostics) -> Double? {
    guard !isEmpty(column) else {
      report(column, "missing value in column '\(column.name)'", to: diagnostics)
      return nil
    }
    return number(column, diagnostics)
  }
}
