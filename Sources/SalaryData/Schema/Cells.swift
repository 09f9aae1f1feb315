import SalaryCore

/// Typed reading of cells. Each reader reports a readable problem and returns `nil`
/// (or a neutral value) when the cell is wrong, so one pass finds every problem.
extension Row {
  /// A required cell's text; reports an empty cell.
  func text(_ name: String, _ diagnostics: Diagnostics) -> String? {
    let value = self[name]
    guard !value.isEmpty else {
      report(name, "missing value in column '\(name)'", to: diagnostics)
      return nil
    }
    return value
  }

  /// An optional cell's text; `nil` when empty.
  func optionalText(_ name: String) -> String? {
    let value = self[name]
    return value.isEmpty ? nil : value
  }

  /// A required identifier: lower-case letters and digits in groups joined by single hyphens.
  func identifier(_ name: String, _ diagnostics: Diagnostics) -> String? {
    guard let value = text(name, diagnostics) else { return nil }
    return checkedIdentifier(value, column: name, diagnostics)
  }

  /// An optional identifier; `nil` when empty.
  func optionalIdentifier(_ name: String, _ diagnostics: Diagnostics) -> String? {
    optionalText(name).flatMap { checkedIdentifier($0, column: name, diagnostics) }
  }

  /// A list of identifiers separated by `;`, possibly empty.
  func identifiers(_ name: String, _ diagnostics: Diagnostics) -> [String] {
    list(name).compactMap { checkedIdentifier($0, column: name, diagnostics) }
  }

  /// A list of free-text items separated by `;`, trimmed, lower-cased, possibly empty.
  func aliases(_ name: String) -> [String] {
    list(name).map { $0.lowercased() }
  }

  private func list(_ name: String) -> [String] {
    self[name].split(separator: ";", omittingEmptySubsequences: false)
      .map { $0.trimmingSpaces }
      .filter { !$0.isEmpty }
  }

  private func checkedIdentifier(_ value: String, column: String, _ diagnostics: Diagnostics)
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
  func number(_ name: String, _ diagnostics: Diagnostics) -> Double? {
    let value = self[name]
    guard !value.isEmpty else { return nil }
    guard isPlainDecimal(value), let number = Double(value), number.isFinite else {
      report(
        name, "'\(value)' in column '\(name)' is not a plain number (write 81000, not $81,000)",
        to: diagnostics)
      return nil
    }
    return number
  }

  /// A required number above zero.
  func positiveNumber(_ name: String, _ diagnostics: Diagnostics) -> Double? {
    let value = self[name]
    guard !value.isEmpty else {
      report(name, "missing value in column '\(name)'", to: diagnostics)
      return nil
    }
    guard let number = number(name, diagnostics) else { return nil }
    guard number > 0 else {
      report(name, "\(value) in column '\(name)' must be above zero", to: diagnostics)
      return nil
    }
    return number
  }

  /// An optional whole year such as `2032`.
  func year(_ name: String, _ diagnostics: Diagnostics) -> Int? {
    let value = self[name]
    guard !value.isEmpty else { return nil }
    guard value.count == 4, let year = Int(value), year >= 1900, year <= 2200 else {
      report(name, "'\(value)' in column '\(name)' is not a year such as 2032", to: diagnostics)
      return nil
    }
    return year
  }

  /// A required period, `YYYY` or `YYYY-MM`.
  func period(_ name: String, _ diagnostics: Diagnostics) -> Period? {
    guard let value = text(name, diagnostics) else { return nil }
    guard let period = Period(parsing: value) else {
      report(
        name, "'\(value)' is not a period: write a year (2025) or a month (2024-12)",
        to: diagnostics)
      return nil
    }
    return period
  }

  /// An optional ISO date, `YYYY-MM-DD`.
  func date(_ name: String, _ diagnostics: Diagnostics) -> CalendarDate? {
    guard let value = optionalText(name) else { return nil }
    guard let date = CalendarDate(parsing: value) else {
      report(
        name, "'\(value)' is not a date: write YYYY-MM-DD, such as 2025-02-11", to: diagnostics)
      return nil
    }
    return date
  }

  /// A required ISO 4217 currency code.
  func currency(_ name: String, _ diagnostics: Diagnostics) -> CurrencyCode? {
    guard let value = text(name, diagnostics) else { return nil }
    guard let code = CurrencyCode(value) else {
      let hint =
        CurrencyCode(value.uppercased()) != nil ? " Did you mean '\(value.uppercased())'?" : ""
      report(
        name, "unknown currency '\(value)': use an ISO 4217 code such as USD.\(hint)",
        to: diagnostics)
      return nil
    }
    return code
  }

  /// A yes/no cell: `yes` or empty.
  func flag(_ name: String, _ diagnostics: Diagnostics) -> Bool {
    switch self[name] {
    case "": return false
    case "yes": return true
    case let other:
      report(name, "'\(other)' in column '\(name)' must be 'yes' or empty", to: diagnostics)
      return false
    }
  }

  /// A required value from a fixed list, such as a statistic.
  func choice<Choice: RawRepresentable & CaseIterable>(
    _ name: String, _ diagnostics: Diagnostics, as: Choice.Type = Choice.self
  ) -> Choice? where Choice.RawValue == String {
    guard let value = text(name, diagnostics) else { return nil }
    if let choice = Choice(rawValue: value) { return choice }
    let names = Choice.allCases.map(\.rawValue)
    report(
      name,
      "'\(value)' is not a valid \(name).\(didYouMean(suggestions(for: value, among: names, limit: 1)))"
        + " Use one of: \(names.joined(separator: ", ")).",
      to: diagnostics)
    return nil
  }
}

/// Whether `text` is an id: `[a-z0-9]+(-[a-z0-9]+)*`.
func isIdentifier(_ text: String) -> Bool {
  var previousWasHyphen = true
  for scalar in text.unicodeScalars {
    switch scalar {
    case "a"..."z", "0"..."9": previousWasHyphen = false
    case "-" where !previousWasHyphen: previousWasHyphen = true
    default: return false
    }
  }
  return !previousWasHyphen
}

/// Whether `text` is `-?digits(.digits)?`.
func isPlainDecimal(_ text: String) -> Bool {
  var scalars = Substring(text).unicodeScalars[...]
  if scalars.first == "-" { scalars = scalars.dropFirst() }
  let parts = String(scalars).split(separator: ".", omittingEmptySubsequences: false)
  guard (1...2).contains(parts.count) else { return false }
  return parts.allSatisfy { part in
    !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
  }
}
