import ArgumentParsing
import SalaryCSV

/// One value of a listing's machine-readable record.
enum FieldValue: Equatable {
  case text(String)
  /// A number with at most this many decimals (money: 0; rates: 2).
  case number(Double, fractionDigits: Int)
  case integer(Int)
  /// True or false; written `yes`/`no` in CSV, so spreadsheets keep it as text.
  case flag(Bool)
  /// Several names; a JSON array, or joined with `; ` in CSV.
  case list([String])
  /// No value: `null` in JSON, an empty field in CSV.
  case none

  static func optional(_ text: String?) -> FieldValue { text.map(FieldValue.text) ?? .none }
  static func money(_ amount: Double?) -> FieldValue {
    amount.map { .number($0, fractionDigits: 0) } ?? .none
  }
  static func years(_ years: Double?) -> FieldValue {
    years.map { .number($0, fractionDigits: 2) } ?? .none
  }
}

/// What a command answers: rows of one kind, defined once and shown as an aligned
/// table for people or as JSON/CSV records for scripts.
///
/// The table and the records may differ in shape (a table shows `$60,000–$85,000`
/// where a record has `low` and `high`), but both come from the same rows.
struct Listing {
  /// The record keys, in order: JSON member names and the CSV header.
  var keys: [String]
  /// One record per row.
  var records: [[FieldValue]]
  /// The same rows for people.
  var table: TextTable
  /// Lines printed under the table: sources, assumptions, caveats.
  var notes: [String]

  /// Builds a listing from typed rows, a record field list and table columns.
  init<Row>(
    _ rows: [Row], fields: [(String, (Row) -> FieldValue)],
    columns: [(TextTable.Column, (Row) -> String)], notes: [String] = []
  ) {
    self.keys = fields.map(\.0)
    self.records = rows.map { row in fields.map { $0.1(row) } }
    self.table = TextTable(
      columns: columns.map(\.0), rows: rows.map { row in columns.map { $0.1(row) } })
    self.notes = notes
  }

  /// The listing in `format`, ending in a line break; tables fit `width` columns.
  ///
  /// - Throws: `CSVNumberError` if a number cannot be written (NaN, infinity, 1e15 or
  ///   more): the caller reports it and prints nothing.
  func rendered(as format: OutputFormat, width: Int) throws(CSVNumberError) -> String {
    switch format {
    case .table:
      var text = table.rendered(width: width)
      if !notes.isEmpty {
        text += "\n" + notes.map { wrap($0, width: width).joined(separator: "\n") + "\n" }.joined()
      }
      return text
    case .json:
      return try JSONValue.array(
        records.map { record throws(CSVNumberError) in
          var members: [(String, JSONValue)] = []
          for (key, value) in zip(keys, record) { members.append((key, try json(value))) }
          return .object(members)
        }
      ).rendered()
    case .csv:
      var writer = CSVWriter()
      var bytes: [UInt8] = []
      for key in keys { writer.appendText(key, into: &bytes) }
      writer.endRecord(into: &bytes)
      for record in records {
        for value in record { try append(value, to: &writer, &bytes) }
        writer.endRecord(into: &bytes)
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  private func json(_ value: FieldValue) throws(CSVNumberError) -> JSONValue {
    switch value {
    case .text(let text): return .string(text)
    case .number(let number, let digits):
      // Rounded exactly as CSV rounds, so the two formats agree to the digit.
      return .number(Double(try formatDecimal(number, maxFractionDigits: digits))!)
    case .integer(let number): return .number(Double(number))
    case .flag(let flag): return .bool(flag)
    case .list(let items): return .array(items.map(JSONValue.string))
    case .none: return .null
    }
  }

  private func append(_ value: FieldValue, to writer: inout CSVWriter, _ bytes: inout [UInt8])
    throws(CSVNumberError)
  {
    switch value {
    case .text(let text): writer.appendText(text, into: &bytes)
    case .number(let number, let digits):
      try writer.appendNumber(number, fractionDigits: digits, into: &bytes)
    case .integer(let number): try writer.appendInteger(number, into: &bytes)
    case .flag(let flag): writer.appendText(flag ? "yes" : "no", into: &bytes)
    case .list(let items): writer.appendText(items.joined(separator: "; "), into: &bytes)
    case .none: writer.appendEmpty(into: &bytes)
    }
  }
}
