import ArgumentParsing
import SalaryCSV
import SalaryCore

/// A column a data file may or must have.
struct ColumnSpec: Sendable {
  var column: Column
  var isRequired: Bool

  /// The column's name in the header.
  var name: String { column.name }

  static func required(_ column: Column) -> ColumnSpec {
    ColumnSpec(column: column, isRequired: true)
  }
  static func optional(_ column: Column) -> ColumnSpec {
    ColumnSpec(column: column, isRequired: false)
  }
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
  init?(bytes input: [UInt8], schema: TableSchema, displayName: String, diagnostics: Diagnostics) {
    // The cells are kept as bytes, and a cell becomes a string only when a reader asks for
    // its text: a third of the cells are empty, and many are numbers or names of a fixed
    // list, which are read from the bytes.
    var builder = TableCells.Builder(capacity: input.count)
    defer { builder.deallocate() }
    var reader = CSVReader()
    do {
      try input.withUnsafeBytes { try reader.parse($0) { builder.add($0) } }
      try reader.finish { builder.add($0) }
    } catch let error as CSVError {
      diagnostics.report(displayName, line: error.line, column: error.column, error.message)
      return nil
    } catch {
      preconditionFailure("only the reader throws here: \(error)")
    }
    let header = builder.header
    guard let header else {
      diagnostics.report(displayName, line: 1, column: 1, "empty file: expected a header row")
      return nil
    }
    var positions = [Int](repeating: -1, count: Column.allCases.count)
    var usable = true
    for (position, name) in header.fields.enumerated() {
      let column = header.columns[position]
      guard let spec = schema.columns.first(where: { $0.name == name }) else {
        let known = schema.columns.map(\.name)
        diagnostics.report(
          displayName, line: header.line, column: column,
          "unknown column '\(name)'.\(didYouMean(suggestions(for: name, among: known, limit: 1)))"
            + " Columns of \(schema.fileName): \(known.joined(separator: ", ")).")
        usable = false
        continue
      }
      if positions[spec.column.rawValue] >= 0 {
        diagnostics.report(
          displayName, line: header.line, column: column, "column '\(name)' appears twice")
        usable = false
      } else {
        positions[spec.column.rawValue] = position
      }
    }
    for spec in schema.columns where spec.isRequired && positions[spec.column.rawValue] < 0 {
      diagnostics.report(
        displayName, line: header.line, column: 1, "missing required column '\(spec.name)'")
      usable = false
    }
    guard usable else { return nil }
    let cells = TableCells(
      file: displayName, positions: positions, width: header.fields.count,
      bytes: Array(UnsafeBufferPointer(start: builder.bytes, count: builder.count)),
      spans: builder.spans)
    self.displayName = displayName
    self.rows = builder.lines.indices.map { Row(cells: cells, index: $0, line: builder.lines[$0]) }
  }
}

/// The cells of a table: every field's unescaped bytes one after the other, where each
/// lies and at which column of its line it starts, record by record.
final class TableCells: Sendable {
  /// Where a cell's bytes lie in ``bytes``, and the 1-based column at which it starts.
  struct Span {
    var start: Int
    var end: Int
    var column: Int
  }

  /// The name used in diagnostics.
  let file: String
  /// The position of each column by ``Column/rawValue``, or -1 when the file does not have it.
  let positions: [Int]
  /// Cells per record.
  let width: Int
  let bytes: [UInt8]
  let spans: [Span]

  /// Collects a table's records as the reader hands them over: the header as a record,
  /// the rest as bytes and spans.
  struct Builder {
    var header: CSVRecord?
    /// Room for every byte of the input, which the unescaped fields never exceed.
    let bytes: UnsafeMutablePointer<UInt8>
    var count = 0
    var spans: [Span] = []
    var lines: [Int] = []

    init(capacity: Int) {
      bytes = .allocate(capacity: max(1, capacity))
    }

    func deallocate() { bytes.deallocate() }

    mutating func add(_ record: borrowing CSVRecordView) {
      guard header != nil else {
        header = CSVRecord(record)
        return
      }
      lines.append(record.line)
      for index in 0..<record.count {
        let field = record.bytes(at: index)
        spans.append(Span(start: count, end: count + field.count, column: record.column(at: index)))
        if let source = field.baseAddress {
          UnsafeMutableRawPointer(bytes + count).copyMemory(from: source, byteCount: field.count)
        }
        count += field.count
      }
    }
  }

  init(file: String, positions: [Int], width: Int, bytes: [UInt8], spans: [Span]) {
    self.file = file
    self.positions = positions
    self.width = width
    self.bytes = bytes
    self.spans = spans
  }
}

/// One data row: its cells by column, and where each cell starts.
struct Row {
  let cells: TableCells
  /// The row's index among the data rows.
  let index: Int
  /// The 1-based line on which the row starts.
  let line: Int

  /// The name of the file in diagnostics.
  var file: String { cells.file }

  /// The span of a cell, or `nil` when the file has no such column.
  private func span(_ column: Column) -> TableCells.Span? {
    let position = cells.positions[column.rawValue]
    return position >= 0 ? cells.spans[index * cells.width + position] : nil
  }

  /// The cell's text, or an empty string when the file has no such column.
  subscript(_ column: Column) -> String {
    guard let span = span(column), span.end > span.start else { return "" }
    return cells.bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[span.start..<span.end]), as: UTF8.self)
    }
  }

  /// Whether the cell is empty (or the file has no such column), without reading its text.
  func isEmpty(_ column: Column) -> Bool {
    guard let span = span(column) else { return true }
    return span.end == span.start
  }

  /// Calls `body` with the cell's UTF-8 bytes (empty when the file has no such column).
  func withBytes<Result>(
    _ column: Column, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    let span = span(column) ?? TableCells.Span(start: 0, end: 0, column: 1)
    return try cells.bytes.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[span.start..<span.end]))
    }
  }

  /// The 1-based column where the cell starts (1 when the file has no such column).
  func column(of column: Column) -> Int {
    span(column)?.column ?? 1
  }

  /// Reports a problem with a cell.
  func report(_ column: Column, _ message: String, to diagnostics: Diagnostics) {
    diagnostics.report(cells.file, line: line, column: self.column(of: column), message)
  }
}
