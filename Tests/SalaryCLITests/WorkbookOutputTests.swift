import Foundation
import SalaryCSV
import SalaryWorkbook
import Testing
import _TestSupport

@testable import SalaryCLI

/// Workbooks from the output layer, read back by Python's zipfile and xml.etree: values
/// written equal values read, numbers refused where CSV refuses them, the Sources sheet,
/// the charts, and the rules of `--format xlsx`.
@Suite struct WorkbookOutputTests {
  /// `records` under `header` as a workbook file, read back.
  static func workbook(
    header: [String], records: [[FieldValue]], extras: WorkbookExtras = WorkbookExtras()
  ) throws -> WorkbookDump {
    var bytes: [UInt8] = []
    let stream = try WorkbookStream(header: header, into: &bytes)
    for record in records { try stream.append(record, into: &bytes) }
    try stream.finish(extras, into: &bytes)
    let path = NSTemporaryDirectory() + "salary-book-\(UUID().uuidString).xlsx"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try WorkbookDump.read(path)
  }

  /// A FieldValue of any case; numbers often at the edges.
  static func randomValue(_ random: inout SplitMix64) -> FieldValue {
    let edges: [Double] = [
      0, -0.0, 0.5, -0.5, 1.005, 2.675, 1e-9, -1e-9, 1e-300, 999_999_999_999_999, -123_456.789,
      0.015, 57.42,
    ]
    func number() -> Double {
      random.next() % 2 == 0
        ? edges[Int(random.next() % UInt64(edges.count))]
        : Double(Int64(bitPattern: random.next()) % 10_000_000_000) / 1_000
    }
    let digits = Int(random.next() % 5)
    switch random.next() % 8 {
    case 0:
      return .text(
        ["", "a", "=1+1", "007", "1/2", "TRUE", "x\u{1}y", "ü 東京"][Int(random.next() % 8)])
    case 1: return .number(number(), fractionDigits: digits)
    case 2: return .amount(number())
    case 3: return .percent(number(), fractionDigits: digits)
    case 4:
      return .integer(
        [0, -1, 2026, Int(Int32.max), -9_007_199_254_740_992][Int(random.next() % 5)])
    case 5: return .flag(random.next() % 2 == 0)
    case 6: return .list(["a", "b c"].shuffled(using: &random))
    default: return .none
    }
  }

  @Test func seededRandomValuesReadBackAsWritten() throws {
    var random = SplitMix64(seed: 2_026)
    let header = ["a", "b", "c", "d", "e", "f", "currency"]
    var records: [[FieldValue]] = []
    for _ in 0..<200 {
      records.append((0..<6).map { _ in Self.randomValue(&random) } + [.text("EUR")])
    }
    let dump = try Self.workbook(header: header, records: records)
    #expect(dump.checks)
    for (index, (record, row)) in zip(records, dump.firstSheet.dropFirst()).enumerated() {
      let present = record.filter { $0 != .none }
      #expect(present.count == row.count, "row \(index + 2)")
      for (value, cell) in zip(present, row) {
        let format = dump.formats[cell.style]
        let context = "row \(index + 2): \(value) as \(cell)"
        switch value {
        case .text(let text):
          #expect(cell.type == "inlineStr" && cell.value == text, "\(context)")
        case .number(let number, let digits):
          let expected = Double(try formatDecimal(number, maxFractionDigits: digits))!
          #expect(cell.type == "n" && Double(cell.value) == expected, "\(context)")
          #expect(format == WorkbookCells.decimalFormat(digits), "\(context)")
        case .amount(let number):
          let expected = Double(try formatDecimal(number, maxFractionDigits: 0))!
          #expect(cell.type == "n" && Double(cell.value) == expected, "\(context)")
          #expect(format == "[$€-x-euro2] #,##0", "\(context)")
        case .percent(let number, let digits):
          let expected = Double(try formatDecimal(number, maxFractionDigits: digits))!
          let read = Double(cell.value)!
          #expect(cell.type == "n" && abs(read * 100 - expected) <= abs(expected) * 1e-15)
          #expect(format == WorkbookCells.decimalFormat(digits) + "%", "\(context)")
        case .integer(let number):
          #expect(cell.type == "n" && Double(cell.value) == Double(number), "\(context)")
          #expect(format == "0", "\(context)")
        case .flag(let flag):
          #expect(cell.type == "b" && cell.value == (flag ? "1" : "0"), "\(context)")
        case .list(let items):
          #expect(cell.type == "inlineStr" && cell.value == items.joined(separator: "; "))
        case .none: Issue.record("an empty value was written")
        }
      }
    }
  }

  @Test(arguments: [
    FieldValue.number(.nan, fractionDigits: 2), .number(.infinity, fractionDigits: 0),
    .amount(-.infinity), .percent(.nan, fractionDigits: 2), .amount(1e15),
  ])
  func aNumberCSVRefusesIsRefused(value: FieldValue) throws {
    var bytes: [UInt8] = []
    let stream = try WorkbookStream(header: ["x"], into: &bytes)
    #expect(throws: CSVNumberError.self) { try stream.append([value], into: &bytes) }
  }

  @Test(arguments: [
    ("57.42", "0.5742"), ("-3", "-0.03"), ("0", "0.00"), ("123.4", "1.234"), ("0.05", "0.0005"),
    ("-100", "-1.00"),
  ])
  func aPercentIsItsHundredthExactly(text: String, hundredths: String) {
    #expect(WorkbookCells.hundredths(text) == hundredths)
  }

  @Test func moneyFormatsCarryTheCurrency() {
    #expect(WorkbookCells.moneyFormat("USD") == "[$$-409]#,##0")
    #expect(WorkbookCells.moneyFormat("GBP") == "[$£-809]#,##0")
    #expect(WorkbookCells.moneyFormat("EUR") == "[$€-x-euro2] #,##0")
    #expect(WorkbookCells.moneyFormat("JPY") == "#,##0 [$JPY]")
  }

  /// Runs `salary` in-process writing `name` in a fresh folder, and reads the file back.
  static func run(
    _ arguments: [String], file name: String = "out.xlsx", files: [String: String] = [:]
  )
    throws -> (Run, WorkbookDump?)
  {
    let folder = try temporaryFolder(files)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = arguments.map { $0.replacingOccurrences(of: "{}", with: folder) }
    let run = salary(arguments + ["--out", folder + "/" + name])
    guard FileManager.default.fileExists(atPath: folder + "/" + name) else { return (run, nil) }
    return (run, try WorkbookDump.read(folder + "/" + name))
  }

  @Test func anEstimateListsTheSourcesAndAssumptionsItUsed() throws {
    let (run, book) = try Self.run(["estimate", "--experience", "4", "--location", "austin"])
    #expect(run.status == 0, "\(run)")
    let dump = try #require(book)
    #expect(dump.sheetNames == ["Rows", "Sources"])
    let json = salary("estimate", "--experience", "4", "--location", "austin", "--format", "json")
    let sources = dump.sheets["Sources"]!.dropFirst()
    #expect(dump.sheets["Sources"]![0].map(\.value) == WorkbookExtras.sourcesHeader)
    let assumptions = sources.filter { $0[0].value == "assumption" }.map { $0[1].value }
    #expect(!assumptions.isEmpty)
    for id in assumptions { #expect(json.stdout.contains("\"\(id)\""), "\(id) is in the JSON") }
    #expect(sources.contains { $0[0].value == "source" })
    let csv = salary("estimate", "--experience", "4", "--location", "austin", "--format", "csv")
    #expect(dump.firstSheet.count == csv.stdout.split(separator: "\r\n").count)
  }

  @Test func aProjectionHasABandChartOfItsYears() throws {
    let (run, book) = try Self.run(["project", "--experience", "4", "--years", "6"])
    #expect(run.status == 0, "\(run)")
    let dump = try #require(book)
    let chart = try #require(dump.parts["xl/charts/chart1.xml"])
    #expect(chart.components(separatedBy: "<c:ser>").count == 4)
    for column in ["K", "L", "M"] {
      #expect(chart.contains("<c:f>'Rows'!$\(column)$2:$\(column)$7</c:f>"))
    }
    #expect(chart.components(separatedBy: "<c:ptCount val=\"6\"/>").count == 7)
    #expect(dump.firstSheet.count == 7)
  }

  @Test func aComparisonChartsEachScenarioOnASheetOfYears() throws {
    let (run, book) = try Self.run([
      "compare", "--scenario", "stay: --location austin", "--scenario", "move: --location seattle",
      "--years", "4",
    ])
    #expect(run.status == 0, "\(run)")
    let dump = try #require(book)
    #expect(dump.sheetNames == ["Rows", "Years", "Sources"])
    #expect(dump.sheets["Years"]!.count == 9)
    #expect(dump.names.contains("xl/charts/chart2.xml"))
    #expect(dump.parts["xl/charts/chart2.xml"]!.contains("$L$6:$L$9"))
  }

  @Test func theFormatComesFromTheExtensionAndAWorkbookIsNeverForATerminal() throws {
    let (run, book) = try Self.run(["data", "levels"])
    #expect(run.status == 0)
    #expect(try #require(book).sheetNames == ["Rows", "Sources"])
    var terminal = CommandContext.fixed(width: 80)
    terminal.outputIsTerminal = true
    let refused = salary(["estimate", "--experience", "3", "--format", "xlsx"], context: terminal)
    #expect(refused.status == 64 && refused.stdout == "")
    #expect(refused.stderr.contains("--out FILE.xlsx"))
    let piped = salary(["estimate", "--experience", "3", "--format", "xlsx"])
    #expect(piped.status == 0 && piped.stdout.hasPrefix("PK"))
    for option in ["--bom", "--dialect=excel-eu"] {
      let (wrong, _) = try Self.run(["estimate", "--experience", "3", option])
      #expect(wrong.status == 64 && wrong.stderr.contains("applies to CSV only"), "\(wrong)")
    }
  }

  /// A name longer than a cell holds stops the workbook with an error and leaves no file;
  /// CSV still takes it.
  @Test func aNameLongerThanACellHoldsIsAnErrorNotACutName() throws {
    let name = String(repeating: "L", count: 40_000)
    let scenarios = "name,experience,years\r\n\(name),4,2\r\n"
    for command in [["export", "{}/s.csv"], ["compare", "{}/s.csv", "--paths", "50"]] {
      let (run, book) = try Self.run(command, files: ["s.csv": scenarios])
      #expect(run.status != 0 && book == nil, "\(run.status)")
      #expect(run.stderr.contains("32,767"), "\(run.stderr.prefix(300))")
    }
    let folder = try temporaryFolder(["s.csv": scenarios])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(salary("export", folder + "/s.csv", "--out", folder + "/out.csv").status == 0)
  }

  @Test func exportAndBatchStreamTheirRowsIntoAWorkbook() throws {
    let scenarios = "name,experience,location,years\r\na,4,austin,3\r\nb,2,seattle,2\r\n"
    let (export, book) = try Self.run(["export", "{}/s.csv"], files: ["s.csv": scenarios])
    #expect(export.status == 0, "\(export)")
    let dump = try #require(book)
    #expect(dump.sheetNames == ["Rows", "Sources"])
    #expect(dump.firstSheet.count == 6)
    #expect(dump.firstSheet[0].map(\.value) == ExportColumns.header)
    let profiles = "name,experience,location\r\nx,3,austin\r\ny,5,germany\r\n"
    let (batch, rows) = try Self.run(
      ["estimate", "--batch", "{}/p.csv"], files: ["p.csv": profiles])
    #expect(batch.status == 0, "\(batch)")
    let sheet = try #require(rows).firstSheet
    #expect(sheet.map { $0[1].value } == ["name", "x", "y"])
    #expect(sheet[1].first { $0.reference == "J2" }?.type == "n")
  }
}
