import SalaryCSV
import SalaryCore

/// A column a data file may or must have.
struct ColumnSpec: Sendable {
  var name: String
  var isRequired: Bool

  static func required(_ name: String) -> ColumnSpec { ColumnSpec(name: name, isRequired: true) }
  static func optional(_ name: String) -> ColumnSpec { ColumnSpec(name: name, isRequired: false) }
}

/// The columns of one data file, and whether a dataset must have the file.
struct TableSchema: Sendable {
  /// The file name inside the dataset folder, such as `pay.csv`.
  var fileName: String
  /// Whether a dataset without this file is an error (otherwise it counts as empty).
  var isRequired: Bool
  /// Every column the file may have; any other column is an error.
  var columns: [ColumnSpec]
}

/// A data file after its CSV syntax and header were checked.
struct Table {
  /// The name used in diagnostics (`my-data/pay.csv`).
  let displayName: String
  /// The data rows, header excluded.
  let rows: [Row]

  /// Reads a table, reporting syntax errors, missing required columns and unknown columns.
  ///
  /// Returns `nil` when the table cannot be read at all (a syntax error, no header or a
  /// missing required column); its rows are then not checked further.
  init?(bytes: [UInt8], schema: TableSchema, displayName: String, diagnostics: Diagnostics) {
    let records: [CSVRecord]
    do {
      records = try CSVReader.readRecords(from: bytes)
    } catch {
      diagnostics.report(displayName, line: error.line, column: error.column, error.message)
      return nil
    }
    guard let header = records.first else {
      diagnostics.report(displayName, line: 1, column: 1, "empty file: expected a header row")
      return nil
    }
    let known = schema.columns.map(\.name)
    var index: [String: Int] = [:]
    var usable = true
    for (position, name) in header.fields.enumerated() {
      let column = header.columns[position]
      if !known.contains(name) {
        diagnostics.report(
          displayName, line: header.line, column: column,
          "unknown column '\(name)'.\(didYouMean(suggestions(for: name, among: known, limit: 1)))"
            + " Columns of \(schema.fileName): \(known.joined(separator: ", ")).")
        usable = false
      } else if index[name] != nil {
        diagnostics.report(
          displayName, line: header.line, column: column, "column '\(name)' appears twice")
        usable = false
      } else {
        index[name] = position
      }
    }
    for spec in schema.columns where spec.isRequired && index[spec.name] == nil {
      diagnostics.report(
        displayName, line: header.line, column: 1, "missing required column '\(spec.name)'")
      usable = false
    }
    guard usable else { return nil }
    let layout = ColumnLayout(index: index)
    self.displayName = displayName
    self.rows = records.dropFirst().map {
      Row(file: displayName, line: $0.line, fields: $0.fields, columns: $0.columns, layout: layout)
    }
  }
}

/// Where each named column sits in a table's rows.
final class ColumnLayout: Sendable {
  let index: [String: Int]
  init(index: [String: Int]) { self.index = index }
}

/// One data row: its cells by column name, and where each cell starts.
struct Row {
  let file: String
  let line: Int
  let fields: [String]
  let columns: [Int]
  let layout: ColumnLayout

  /// The cell's text, or an empty string when the file has no such column.
  subscript(_ name: String) -> String {
    layout.index[name].map { fields[$0] } ?? ""
  }

  /// The 1-based column where the named cell starts (1 when the file has no such column).
  func column(of name: String) -> Int {
    layout.index[name].map { columns[$0] } ?? 1
  }

  /// Reports a problem with the named cell.
  func report(_ name: String, _ message: String, to diagnostics: Diagnostics) {
    diagnostics.report(file, line: line, column: column(of: name), message)
  }
}
