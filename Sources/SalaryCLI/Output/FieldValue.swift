import SalaryCSV

/// One value of a machine-readable record: what CSV, JSON and a workbook each write in
/// their own way, said once.
///
/// The cases carry meaning, not only a number: money becomes a currency cell in a
/// workbook and a whole number in CSV; a percent becomes a percentage cell and the same
/// digits in CSV.
enum FieldValue: Equatable {
  case text(String)
  /// A number with at most this many decimals (rates: 2).
  case number(Double, fractionDigits: Int)
  /// Money in the record's currency, written in whole units.
  case amount(Double)
  /// A percent (57.42 for 57.42%), with at most this many decimals.
  case percent(Double, fractionDigits: Int)
  case integer(Int)
  /// True or false; written `yes`/`no` in CSV, so spreadsheets keep it as text.
  case flag(Bool)
  /// Several names; a JSON array, or joined with `; ` in CSV.
  case list([String])
  /// No value: `null` in JSON, an empty field in CSV.
  case none

  static func optional(_ text: String?) -> FieldValue { text.map(FieldValue.text) ?? .none }
  static func money(_ amount: Double?) -> FieldValue { amount.map(FieldValue.amount) ?? .none }
  static func years(_ years: Double?) -> FieldValue {
    years.map { .number($0, fractionDigits: 2) } ?? .none
  }

  /// The value as JSON, rounded exactly as CSV rounds it, so the two agree to the digit.
  ///
  /// - Throws: `CSVNumberError` for a number CSV could not write either.
  func json() throws(CSVNumberError) -> JSONValue {
    switch self {
    case .text(let text): return .string(text)
    case .number(let number, let digits), .percent(let number, let digits):
      return .number(Double(try formatDecimal(number, maxFractionDigits: digits))!)
    case .amount(let number):
      return .number(Double(try formatDecimal(number, maxFractionDigits: 0))!)
    case .integer(let number): return .number(Double(number))
    case .flag(let flag): return .bool(flag)
    case .list(let items): return .array(items.map(JSONValue.string))
    case .none: return .null
    }
  }

  /// Appends the value as one CSV field.
  func append(to writer: inout CSVWriter, _ bytes: inout [UInt8]) throws(CSVNumberError) {
    switch self {
    case .text(let text): writer.appendText(text, into: &bytes)
    case .number(let number, let digits), .percent(let number, let digits):
      try writer.appendNumber(number, fractionDigits: digits, into: &bytes)
    case .amount(let number): try writer.appendNumber(number, fractionDigits: 0, into: &bytes)
    case .integer(let number): try writer.appendInteger(number, into: &bytes)
    case .flag(let flag): writer.appendText(flag ? "yes" : "no", into: &bytes)
    case .list(let items): writer.appendText(items.joined(separator: "; "), into: &bytes)
    case .none: writer.appendEmpty(into: &bytes)
    }
  }
}
