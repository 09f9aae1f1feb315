import Foundation
import SalaryCSV
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// How LibreOffice Calc reads our workbooks: each sheet's cells with their types
/// (`float`, `currency` with its code, `percentage`, `string`, `boolean`) and values, and
/// the charts, from the flat XML `soffice --headless --convert-to fods` writes.
enum CalcWorkbook {
  typealias Cell = CalcCell

  /// A workbook as Calc reads it.
  struct Reading {
    /// Each sheet's rows by name; empty trailing cells are dropped.
    var sheets: [(name: String, rows: [[Cell]])] = []
    /// Each chart's series, as the ranges of their values (`Rows.K2:Rows.K11`).
    var chartSeries: [[String]] = []

    func rows(_ name: String) -> [[Cell]] { sheets.first { $0.name == name }?.rows ?? [] }
  }

  /// Calc's reading of `workbook`, with `environment` added to soffice's (a locale).
  static func read(_ workbook: URL, environment: [String: String] = [:]) throws -> Reading {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-calc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("book.xlsx")
    try FileManager.default.copyItem(at: workbook, to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Calc.path!)
    process.arguments = [
      "--headless", "--norestore", "--nolockcheck",
      "-env:UserInstallation=file://\(folder.path)/profile", "--convert-to", "fods", "--outdir",
      folder.path, input.path,
    ]
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let data = try Data(contentsOf: folder.appendingPathComponent("book.fods"))
    let reader = FlatODSReader()
    #expect(reader.parse(data), "Calc's output is well-formed XML")
    return Reading(sheets: reader.sheets, chartSeries: reader.chartSeries)
  }
}

@Suite(
  .serialized,
  .enabled(
    if: Calc.path != nil,
    "LibreOffice Calc (soffice) is not on PATH: install libreoffice-calc to run the spreadsheet tests"
  ))
struct WorkbookCalcTests {
  static let names = [#"=HYPERLINK("x")"#, "007", "1/2", "TRUE", "Zürich", "-10% cut"]

  /// A fresh folder with the awkwardly named scenarios, exported as CSV and as a workbook.
  func export() throws -> (folder: URL, csv: [[String]], book: URL) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-book-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var scenarios = "name,experience,location,years,paths\r\n"
    for name in Self.names {
      scenarios += "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",4,austin,3,0\r\n"
    }
    try scenarios.write(
      to: folder.appendingPathComponent("scenarios.csv"), atomically: true, encoding: .utf8)
    let book = folder.appendingPathComponent("projections.xlsx")
    let written = try BinaryTests().run(
      ["export", "scenarios.csv", "--out", book.path, "--totals"], in: folder)
    #expect(written.status == 0, "\(written.stderr)")
    let csv = try BinaryTests().run(["export", "scenarios.csv", "--totals"], in: folder)
    let records = try CSVReader.readRecords(from: Data(csv.stdout.utf8))
    return (folder, records.map(\.fields), book)
  }

  /// The columns of export's rows that hold money.
  static let money: Set<String> = [
    "pay", "p10", "p50", "p90", "cost", "cumulative", "real_pay", "present_value",
  ]

  @Test func everyCellHasItsTypeAndValue() throws {
    let (folder, csv, book) = try export()
    defer { try? FileManager.default.removeItem(at: folder) }
    let reading = try CalcWorkbook.read(book)
    #expect(reading.sheets.map(\.name) == ["Rows", "Sources"])
    let rows = reading.rows("Rows")
    #expect(rows.count == csv.count)
    let header = csv[0]
    #expect(rows[0].map(\.text) == header)
    #expect(rows[0].allSatisfy { $0.type == "string" })
    for (record, cells) in zip(csv.dropFirst(), rows.dropFirst()) {
      for (column, field) in record.enumerated() {
        let name = header[column]
        let cell = column < cells.count ? cells[column] : .init(type: "empty", text: "")
        if field.isEmpty {
          #expect(cell.type == "empty", "\(name): \(cell)")
        } else if Self.money.contains(name) {
          #expect(cell.type == "currency" && cell.currency == "USD", "\(name): \(cell)")
          #expect(cell.value == Double(field), "\(name): \(cell) for \(field)")
          #expect(cell.text.hasPrefix("$") || cell.text.hasPrefix("-$"), "\(name): \(cell)")
        } else if let number = Double(field), name != "name" {
          #expect(cell.type == "float" && cell.value == number, "\(name): \(cell) for \(field)")
        } else {
          // CSV guards a leading =, +, - or @ with a quote; a workbook need not.
          let text = field.hasPrefix("'") ? String(field.dropFirst()) : field
          #expect(cell.type == "string" && cell.text == text, "\(name): \(cell) for \(field)")
        }
      }
    }
    let names = rows.dropFirst().map { $0[0] }
    for name in Self.names {
      #expect(
        names.contains { $0.type == "string" && $0.text == name }, "\(name) arrives as text")
    }
    let sources = reading.rows("Sources")
    #expect(sources[0].map(\.text) == ["kind", "id", "value", "reason", "citation"])
    #expect(
      sources.dropFirst().allSatisfy { $0.allSatisfy { $0.type == "string" || $0.type == "empty" } }
    )
    #expect(sources.contains { $0[0].text == "assumption" && $0[1].text == "range-coverage" })
  }

  @Test func germanSettingsChangeNoValue() throws {
    let (folder, _, book) = try export()
    defer { try? FileManager.default.removeItem(at: folder) }
    let english = try CalcWorkbook.read(book, environment: ["LC_ALL": "en_US.UTF-8"])
    let german = try CalcWorkbook.read(
      book, environment: ["LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "LANGUAGE": "de"])
    func values(_ reading: CalcWorkbook.Reading) -> [[String]] {
      reading.rows("Rows").map { row in
        row.map { cell in "\(cell.type) \(cell.value.map { String($0) } ?? cell.text)" }
      }
    }
    #expect(values(german) == values(english))
    #expect(values(german).count > 1)
    // The settings took: Calc shows the same start_experience with a decimal comma.
    #expect(english.rows("Rows")[1][2].text == "4.00")
    #expect(german.rows("Rows")[1][2].text == "4,00")
  }

  @Test func aProjectionHasANativeChartOfItsBand() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-book-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let book = folder.appendingPathComponent("career.xlsx")
    let run = try BinaryTests().run(
      ["project", "--experience", "3", "--years", "8", "--out", book.path])
    #expect(run.status == 0, "\(run.stderr)")
    let reading = try CalcWorkbook.read(book)
    #expect(reading.chartSeries == [["Rows.K2:Rows.K9", "Rows.L2:Rows.L9", "Rows.M2:Rows.M9"]])
    let rows = reading.rows("Rows")
    #expect(rows.count == 9)
    #expect(rows.dropFirst().allSatisfy { $0[10].type == "currency" && $0[12].type == "currency" })
    #expect(rows.dropFirst().allSatisfy { $0[5].type == "float" && $0[5].text.count == 4 })
  }

  @Test func percentagesAreShownAsPercentages() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-book-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let book = folder.appendingPathComponent("offer.xlsx")
    let run = try BinaryTests().run(
      ["offer", "120000", "--experience", "4", "--location", "austin", "--out", book.path])
    #expect(run.status == 0, "\(run.stderr)")
    let csv = try BinaryTests().run(
      ["offer", "120000", "--experience", "4", "--location", "austin", "--format", "csv"])
    let records = try CSVReader.readRecords(from: Data(csv.stdout.utf8)).map(\.fields)
    let reading = try CalcWorkbook.read(book)
    let rows = reading.rows("Rows")
    #expect(rows.count == records.count)
    var percentages = 0
    for (column, cell) in rows[1].enumerated() where cell.type == "percentage" {
      percentages += 1
      let percent = try #require(Double(records[1][column]))
      #expect(abs(cell.value! * 100 - percent) < 1e-9, "\(records[0][column])")
      #expect(cell.text.hasSuffix("%"))
    }
    #expect(percentages > 0, "an offer has a percentile")
  }
}
