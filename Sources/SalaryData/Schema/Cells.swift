import ArgumentParsing
import SalaryCore

/// Typed reading of cells. Each reader reports a readable problem and returns `nil`
/// (or a neutral value) when the cell is wrong, so one pass finds every problem.
extension Row {
  /// A required cell's text; reports an empty cell.
  func text(_ column: Column, _ diagnostics: Diagnostics) -> String? {
    let value = self[column]
    guard !value.isEmpty else {
      report(column, "missing value in column '\(column.name)'", to: diagnostics)
      return nil
    }
    return value
  }

  /// An optional cell's text; `nil` when empty.
  func optionalText(_ column: Column) -> String? {
    let value = self[column]
    return value.isEmpty ? nil : value
  }

  /// A required identifier: lower-case letters and digits in groups joined by single hyphens.
  func identifier(_ column: Column, _ diagnostics: Diagnostics) -> String? {
    guard let value = text(column, diagnostics) else { return nil }
    return checkedIdentifier(value, column: column, diagnostics)
  }

  /// An optional identifier; `nil` when empty.
  func optionalIdentifier(_ column: Column, _ diagnostics: Diagnostics) -> String? {
    optionalText(column).flatMap { checkedIdentifier($0, column: column, diagnostics) }
  }

  /// A list of identifiers separated by `;`, possibly empty.
  func identifiers(_ column: Column, _ diagnostics: Diagnostics) -> [String] {
    let items = list(column)
    if items.allSatisfy(isIdentifier) { return items }
    return items.compactMap { checkedIdentifier($0, column: column, diagnostics) }
  }

  /// A list of free-text items separated by `;`, trimmed, lower-cased, possibly empty.
  func aliases(_ column: Column) -> [String] {
    list(column).map { $0.lowercased() }
  }

  /// The cell's items separated by `;`, each without leading and trailing spaces (U+0020),
  /// empty ones left out; with `keepingBlankItems`, an item of spaces only is kept (as an
  /// empty string).
  ///
  /// Split by bytes: `;` and the space are ASCII, and no byte of another character's UTF-8
  /// is either.
  func list(_ column: Column, keepingBlankItems: Bool = false) -> [String] {
    if isEmpty(column) { return [] }
    return withBytes(column) { bytes in
      var items: [String] = []
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
        var low = start
        var high = end
        while low < high && bytes[low] == UInt8(ascii: " ") { low += 1 }
        while high > low && bytes[high - 1] == UInt8(ascii: " ") { high -= 1 }
        if low < high {
          items.append(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self))
        } else if keepingBlankItems && end > start {
          items.append("")
        }
        start = end + 1
      }
      return items
    }
  }

  private func checkedIdentifier(_ value: String, column: Column, _ diagnostics: Diagnostics)
    -> String?
  {
    guard isIdentifier(value) else {
      report(
        column,
        "'\(value)' is not a valid id: use lower-case letters and digits joined by hyphens",
        to: diagnostics)
      return nil
    }
    return value
  }

  /// A number in a cell; `nil` when the cell is empty (no problem) or malformed (reported).
  ///
  /// Accepts plain decimals such as `81000`, `-5` or `2.5`; refuses grouping, currency
  /// signs, NaN and infinities.
  func number(_ column: Column, _ diagnostics: Diagnostics) -> Double? {
    if isEmpty(column) { return nil }
    let number = withBytes(column, plainDecimal) ?? nil
    guard let number, number.isFinite else {
      report(
        column,
        "'\(self[column])' in column '\(column.name)' is not a plain number (write 81000, not $81,000)",
        to: diagnostics)
      return nil
    }
    return number
  }

  /// A required number above zero.
  func positiveNumber(_ column: Column, _ diagnostics: Diagnostics) -> Double? {
    guard !isEmpty(column) else {
      report(column, "missing value in column '\(column.name)'", to: diagnostics)
      return nil
    }
    guard let number = number(column, diagnostics) else { return nil }
    guard number > 0 else {
      report(
        column, "\(self[column]) in column '\(column.name)' must be above zero", to: diagnostics)
      return nil
    }
    return number
  }

  /// An optional whole year such as `2032`.
  func year(_ column: Column, _ diagnostics: Diagnostics) -> Int? {
    let value = self[column]
    guard !value.isEmpty else { return nil }
    guard value.count == 4, let year = Int(value), year >= 1900, year <= 2200 else {
      report(
        column, "'\(value)' in column '\(column.name)' is not a year such as 2032",
        to: diagnostics)
      return nil
    }
    return year
  }

  /// A required period, `YYYY` or `YYYY-MM`.
  func period(_ column: Column, _ diagnostics: Diagnostics) -> Period? {
    guard let value = text(column, diagnostics) else { return nil }
    guard let period = Period(parsing: value) else {
      report(
        column, "'\(value)' is not a period: write a year (2025) or a month (2024-12)",
        to: diagnostics)
      return nil
    }
    return period
  }

  /// An optional ISO date, `YYYY-MM-DD`.
  func date(_ column: Column, _ diagnostics: Diagnostics) -> CalendarDate? {
    guard let value = optionalText(column) else { return nil }
    guard let date = CalendarDate(parsing: value) else {
      report(
        column, "'\(value)' is not a date: write YYYY-MM-DD, such as 2025-02-11", to: diagnostics)
      return nil
    }
    return date
  }

  /// A required ISO 4217 currency code.
  func currency(_ column: Column, _ diagnostics: Diagnostics) -> CurrencyCode? {
    guard let value = text(column, diagnostics) else { return nil }
    guard let code = CurrencyCode(value) else {
      let hint =
        CurrencyCode(value.uppercased()) != nil ? " Did you mean '\(value.uppercased())'?" : ""
      report(
        column, "unknown currency '\(value)': use an ISO 4217 code such as USD.\(hint)",
        to: diagnostics)
      return nil
    }
    return code
  }

  /// A yes/no cell: `yes` or empty.
  func flag(_ column: Column, _ diagnostics: Diagnostics) -> Bool {
    if isEmpty(column) { return false }
    if withBytes(column, { $0.elementsEqual("yes".utf8) }) { return true }
    report(
      column, "'\(self[column])' in column '\(column.name)' must be 'yes' or empty",
      to: diagnostics)
    return false
  }

  /// A required value from a fixed list, such as a statistic.
  func choice<Choice: RawRepresentable & CaseIterable>(
    _ column: Column, _ diagnostics: Diagnostics, as: Choice.Type = Choice.self
  ) -> Choice? where Choice.RawValue == String {
    guard let value = text(column, diagnostics) else { return nil }
    if let choice = Choice(rawValue: value) { return choice }
    let names = Choice.allCases.map(\.rawValue)
    report(
      column,
      "'\(value)' is not a valid \(column.name).\(didYouMean(suggestions(for: value, among: names, limit: 1)))"
        + " Use one of: \(names.joined(separator: ", ")).",
      to: diagnostics)
    return nil
  }
}

/// Whether `text` is an id: `[a-z0-9]+(-[a-z0-9]+)*`.
func isIdentifier(_ text: String) -> Bool {
  // Bytes suffice: every byte of a non-ASCII scalar is 0x80 or above, so not allowed.
  text.utf8.withContiguousStorageIfAvailable { bytes in
    var previousWasHyphen = true
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        previousWasHyphen = false
      case UInt8(ascii: "-") where !previousWasHyphen: previousWasHyphen = true
      default: return false
      }
    }
    return !previousWasHyphen
  } ?? false
}

/// The number `text` writes as `-?digits(.digits)?`, or `nil` if it is not of that form.
///
/// The value is `Double(text)`, correctly rounded; up to 15 digits it is worked out
/// directly (a whole number of at most 15 digits, over a power of ten of at most 22, are
/// both exact doubles, so their quotient is the correctly rounded value), which is the
/// case of every figure in the guides and much cheaper than the general conversion.
func plainDecimal(_ text: String) -> Double? {
  text.utf8.withContiguousStorageIfAvailable(plainDecimal) ?? nil
}

/// The number `bytes` write as `-?digits(.digits)?`, or `nil`; see ``plainDecimal(_:)``.
func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
  var digits = 0
  var fractionDigits = 0
  var sawPoint = false
  var negative = false
  var mantissa: UInt64 = 0
  for (index, byte) in bytes.enumerated() {
    switch byte {
    case UInt8(ascii: "-") where index == 0:
      negative = true
    case UInt8(ascii: "."):
      // A point needs a digit on each side, and only one point is allowed.
      guard !sawPoint, digits > 0 else { return nil }
      sawPoint = true
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      digits += 1
      if sawPoint { fractionDigits += 1 }
      if digits <= 15 { mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0")) }
    default:
      return nil
    }
  }
  guard digits > 0, !sawPoint || fractionDigits > 0 else { return nil }
  guard digits <= 15 else { return Double(String(decoding: bytes, as: UTF8.self)) }
  let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
  return negative ? -magnitude : magnitude
}

/// 10⁰ through 10¹⁵, each exact.
private let powersOfTen: [Double] = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
]
