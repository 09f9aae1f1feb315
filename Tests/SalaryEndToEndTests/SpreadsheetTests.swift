import Foundation
import SalaryCSV
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// How LibreOffice Calc reads our CSV: each cell's type, value, text and formula, from the
/// flat XML that `soffice --headless --convert-to fods` writes with an explicit CSV filter
/// (comma or semicolon, `"`, UTF-8, first row, a locale, formulas evaluated).
enum Calc {
  typealias Cell = CalcCell

  /// soffice on PATH, or nil: the tests that need it are skipped with a message saying so.
  static let path: String? = {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      for name in ["soffice", "libreoffice"] {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  /// The first sheet's cells, row by row, as Calc reads `csv` in `language` (an LCID:
  /// 1033 en-US, 1031 de-DE) with `separator`.
  static func read(_ csv: URL, language: Int = 1_033, separator: Character = ",") throws
    -> [[Cell]]
  {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-calc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("input.csv")
    try FileManager.default.copyItem(at: csv, to: input)
    let options = [
      String(separator.asciiValue!), "34", "76", "1", "", String(language), "false", "true",
      "false", "false", "false", "0", "true",
    ].joined(separator: ",")
    try run([
      "--headless", "--norestore", "--nolockcheck",
      "-env:UserInstallation=file://\(folder.path)/profile",
      "--infilter=Text - txt - csv (StarCalc):\(options)", "--convert-to", "fods", "--outdir",
      folder.path, input.path,
    ])
    let data = try Data(contentsOf: folder.appendingPathComponent("input.fods"))
    let reader = FlatODSReader()
    #expect(reader.parse(data), "Calc's output is well-formed XML")
    return reader.sheets.first?.rows ?? []
  }

  /// Calc saving `file` as CSV again (what a user's "Save as CSV" writes).
  static func resave(_ csv: URL) throws -> Data {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-calc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("input.csv")
    try FileManager.default.copyItem(at: csv, to: input)
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try run([
      "--headless", "--norestore", "--nolockcheck",
      "-env:UserInstallation=file://\(folder.path)/profile",
      "--infilter=Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,0,true",
      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true",
      "--outdir", out.path, input.path,
    ])
    return try Data(contentsOf: out.appendingPathComponent("input.csv"))
  }

  private static func run(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path!)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
  }
}

@Suite(
  .serialized,
  .enabled(
    if: Calc.path != nil,
    "LibreOffice Calc (soffice) is not on PATH: install libreoffice-calc to run the spreadsheet tests"
  ))
struct SpreadsheetTests {
  static let names = ["Zürich", "東京", "-10% cut", #"=HYPERLINK("http://x","y")"#]

  /// Exports the four awkwardly named scenarios to a file and returns it with our own CSV.
  func export(dialect: String = "rfc4180") throws -> (file: URL, rows: [[String]]) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-sheet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var scenarios = "name,experience,location,years,paths\r\n"
    for name in Self.names {
      scenarios += "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",4,austin,3,0\r\n"
    }
    try scenarios.write(
      to: folder.appendingPathComponent("scenarios.csv"), atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("projections.csv")
    let result = try BinaryTests().run(
      ["export", "scenarios.csv", "--out", out.path, "--dialect", dialect], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CSVReader.readRecords(
      from: Data(contentsOf: out), configuration: dialect == "excel-eu" ? .semicolon : .rfc4180)
    return (out, records.map(\.fields))
  }

  @Test func everyNumberIsANumberAndEveryTextIsText() throws {
    let (file, ours) = try export()
    let sheet = try Calc.read(file)
    #expect(sheet.count == ours.count)
    let header = ours[0].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")) }
    #expect(sheet[0].map(\.text) == header)
    let numeric: Set = [
      "start_experience", "year", "calendar_year", "experience", "study_share", "pay", "p10",
      "p50", "p90", "cost", "cumulative", "real_pay", "present_value",
    ]
    for (rowIndex, (cells, fields)) in zip(sheet, ours).enumerated().dropFirst() {
      for (column, name) in header.enumerated() {
        let field = fields[column]
        let cell =
          column < cells.count ? cells[column] : Calc.Cell(type: "empty", value: nil, text: "")
        #expect(cell.formula == nil, "row \(rowIndex) \(name) became a formula")
        if numeric.contains(name) && !field.isEmpty {
          #expect(cell.type == "float", "row \(rowIndex) \(name): \(cell)")
          #expect(
            cell.value == Double(field),
            "row \(rowIndex) \(name): \(cell.value ?? .nan) vs \(field)")
        } else if !field.isEmpty {
          #expect(cell.type == "string", "row \(rowIndex) \(name): \(cell)")
        }
      }
    }
    let scenarioTexts = Set(sheet.dropFirst().map { $0[0].text })
    #expect(scenarioTexts == ["Zürich", "東京", "'-10% cut", #"'=HYPERLINK("http://x","y")"#])
  }

  @Test func germanSettingsNeverChangeANumberSilently() throws {
    let (file, _) = try export()
    let english = try Calc.read(file)
    let german = try Calc.read(file, language: 1_031)
    for (english, german) in zip(english, german) {
      for (a, b) in zip(english, german) where a.type == "float" {
        #expect(b.formula == nil)
        // Either the same number, or text that shows as it was written: never another number.
        #expect(
          (b.type == "float" && b.value == a.value) || b.type == "string",
          "\(a.text): English \(a.value ?? .nan), German \(b.type) \(b.value ?? .nan)")
      }
    }
  }

  @Test func theEuropeanDialectReadsAsNumbersInGermanSettings() throws {
    let (standard, _) = try export()
    let (european, _) = try export(dialect: "excel-eu")
    let english = try Calc.read(standard)
    let german = try Calc.read(european, language: 1_031, separator: ";")
    for (english, german) in zip(english, german) {
      for (a, b) in zip(english, german) where a.type == "float" {
        #expect(b.type == "float" && b.value == a.value, "\(a.text) → \(b)")
      }
    }
  }

  /// Round trip: the template, opened and saved as CSV by Calc, exports the same.
  @Test func aTemplateSavedByCalcExportsTheSame() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-sheet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let template = try BinaryTests().run(["export", "--template"], in: folder)
    let original = folder.appendingPathComponent("scenarios.csv")
    try template.stdout.write(to: original, atomically: true, encoding: .utf8)
    let resaved = folder.appendingPathComponent("resaved.csv")
    try Calc.resave(original).write(to: resaved)
    let first = try BinaryTests().run(["export", original.path, "--years", "5"], in: folder)
    let second = try BinaryTests().run(["export", resaved.path, "--years", "5"], in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try Data(contentsOf: resaved) != Data(contentsOf: original), "Calc rewrote the file")
    #expect(first.stdout.split(separator: "\r\n").count > 5 * 5)
    #expect(first.stdout == second.stdout)
  }
}
