import ArgumentParsing
import SalaryCSV
import SalaryWorkbook

/// A command's answer as a workbook, written into an ``OutputSink``'s buffer as it goes:
/// the rows on a sheet named `Rows` (going on in `Rows 2`, … past a sheet's 1,048,576
/// rows), then a band chart and a `Sources` sheet as the answer's ``WorkbookExtras`` say.
///
/// Money takes the currency of its row's `currency` column, US dollars without one.
final class WorkbookStream {
  /// The main sheet's name; continuation sheets add a number.
  static let sheetName = "Rows"

  private var book = WorkbookWriter()
  private var cells = WorkbookCells()
  private var row: [Cell] = []
  let header: [String]
  private let currencyColumn: Int?

  /// Starts the main sheet with `header`.
  init(header: [String], into bytes: inout [UInt8]) throws(CommandFailure) {
    self.header = header
    currencyColumn = header.firstIndex(of: "currency")
    do {
      try book.startSheet(Self.sheetName, header: header, into: &bytes)
    } catch {
      throw Self.failure(error)
    }
  }

  /// Appends one record to the main sheet.
  ///
  /// - Throws: `CSVNumberError` for a number no format could write; ``CommandFailure``
  ///   when the workbook passes what the format holds.
  func append(_ values: some Collection<FieldValue>, into bytes: inout [UInt8]) throws {
    try append(values, to: &book, into: &bytes)
  }

  /// Appends one record to whatever sheet `book` has open.
  private func append(
    _ values: some Collection<FieldValue>, to book: inout WorkbookWriter,
    into bytes: inout [UInt8]
  ) throws {
    var currency = "USD"
    if let currencyColumn, values.count > currencyColumn,
      case .text(let code) = values[values.index(values.startIndex, offsetBy: currencyColumn)]
    {
      currency = code
    }
    row.removeAll(keepingCapacity: true)
    for value in values { row.append(try cells.cell(value, currency: currency, in: &book)) }
    do {
      try book.appendRow(row, into: &bytes)
    } catch {
      throw Self.failure(error)
    }
  }

  /// Ends the main sheet with its chart, writes the Sources sheet, and completes the file.
  func finish(_ extras: WorkbookExtras, into bytes: inout [UInt8]) throws {
    do {
      switch extras.chart {
      case .rows?:
        // Charted answers are a few rows; they are the main sheet's, still in memory.
        break
      case .sheet(let name, let table)?:
        try book.finishSheet(into: &bytes)
        try book.startSheet(name, header: table.header, into: &bytes)
        for values in table.rows { try append(values, to: &book, into: &bytes) }
        for chart in Self.bandCharts(table, firstRow: 2) { book.addChart(chart) }
      case nil: break
      }
      let sources = extras.sourceRows()
      if extras.dataset != nil {
        try book.finishSheet(into: &bytes)
        try book.startSheet("Sources", header: WorkbookExtras.sourcesHeader, into: &bytes)
        for source in sources {
          try book.appendRow(source.map { $0.isEmpty ? .empty : .text($0) }, into: &bytes)
        }
      }
      try book.finish(into: &bytes)
    } catch let error as WorkbookError {
      throw Self.failure(error)
    }
  }

  /// Puts the band charts of `table`, whose rows are the main sheet's from its second row,
  /// on the main sheet. Call before ``finish(_:into:)``.
  func chartRows(_ table: RecordTable) {
    for chart in Self.bandCharts(table, firstRow: 2) { book.addChart(chart) }
  }

  /// One line chart of P10, P50 and P90 pay by calendar year for each scenario (each run
  /// of rows with the same `name`, or all of them without that column), from the rows of
  /// kind `year`; none when the columns are missing.
  static func bandCharts(_ table: RecordTable, firstRow: Int) -> [LineChart] {
    let header = table.header
    guard let year = header.firstIndex(of: "calendar_year"),
      let kind = header.firstIndex(of: "kind")
    else { return [] }
    let bands = ["p10", "p50", "p90"].compactMap { header.firstIndex(of: $0) }
    guard bands.count == 3 else { return [] }
    let name = header.firstIndex(of: "name")
    func number(_ value: FieldValue) -> Double {
      // As the cells hold them: money in whole units, rounded as CSV rounds it.
      switch value {
      case .amount(let number):
        (try? formatDecimal(number, maxFractionDigits: 0)).flatMap { Double($0) } ?? .nan
      case .integer(let number): Double(number)
      default: .nan
      }
    }
    var charts: [LineChart] = []
    var start = 0
    while start < table.rows.count {
      var end = start + 1
      while end < table.rows.count,
        name.map({ table.rows[end][$0] == table.rows[start][$0] })
          ?? true
      {
        end += 1
      }
      // The years lead a scenario's rows; a total row follows them.
      let years = table.rows[start..<end].prefix { $0[kind] == .text("year") }
      if !years.isEmpty {
        var title = "P10, P50 and P90 pay by year"
        if let name, case .text(let scenario) = table.rows[start][name] {
          title += ": \(scenario)"
        }
        charts.append(
          LineChart(
            title: title, categoryColumn: year, categories: years.map { number($0[year]) },
            firstRow: firstRow + start,
            series: bands.map { column in
              .init(
                column: column, name: header[column],
                values: years.map { number($0[column]) })
            }))
      }
      start = end
    }
    return charts
  }

  /// The error a user sees when the workbook cannot be written.
  private static func failure(_ error: WorkbookError) -> CommandFailure {
    CommandFailure("Cannot write the workbook: \(error).")
  }
}
