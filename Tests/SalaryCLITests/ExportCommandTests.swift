import ArgumentParsing
import Foundation
import SalaryCSV
import SalaryCore
import SalaryData
import Testing

@testable import SalaryCLI

/// The records of CSV text (our output has a byte order mark only on request).
private func records(_ text: String) throws -> [[String]] {
  try CSVReader.readRecords(from: Array(text.utf8)).map(\.fields)
}

private func records(file path: String) throws -> [[String]] {
  try CSVReader.readRecords(from: Array(FileManager.default.contents(atPath: path) ?? Data()))
    .map(\.fields)
}

/// The names in a folder, to check that nothing (no temporary file) was left behind.
private func names(in folder: String) throws -> Set<String> {
  Set(try FileManager.default.contentsOfDirectory(atPath: folder))
}

@Suite struct ExportCommandTests {
  static let scenarios = "name,experience,location\r\nstay,3,cincinnati\r\nmove,3,seattle\r\n"

  @Test func theTemplateHasEveryProjectOptionAndExportsAsIs() throws {
    let template = salary("export", "--template")
    #expect(template.status == 0 && template.stderr == "")
    let rows = try records(template.stdout)
    #expect(rows[0] == ["name"] + ProjectionArguments.all.map(\.key))
    #expect(rows[0].contains("promotion") && rows[0].contains("education"))
    #expect(rows.count == 1 + ScenarioTemplate.examples.count)
    // The template's numbers are unquoted so a spreadsheet keeps them numbers.
    #expect(template.stdout.contains(#""3% raises",,,,,,,95000,3,"15%@3""#))

    let folder = try temporaryFolder(["scenarios.csv": template.stdout])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let export = salary("export", folder + "/scenarios.csv")
    #expect(export.status == 0 && export.stderr == "", "\(export)")
    let exported = try records(export.stdout)
    // Ten years for each example.
    #expect(exported.count == 1 + ScenarioTemplate.examples.count * 10)
  }

  /// Long format: one row a year (then the total, with --totals), each led by the
  /// scenario's name and profile; the figures are those `project --format csv` gives for the
  /// same options.
  @Test func longFormatMatchesProjectRowByRow() throws {
    let folder = try temporaryFolder(["scenarios.csv": Self.scenarios])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let export = salary("export", folder + "/scenarios.csv", "--years", "4", "--totals")
    #expect(export.status == 0 && export.stderr == "", "\(export)")
    let rows = try records(export.stdout)
    #expect(rows[0] == ["name"] + ProjectionReport.csvHeader)
    #expect(
      rows.dropFirst().map { $0[0] } == Array(repeating: "stay", count: 5)
        + Array(repeating: "move", count: 5))
    #expect(
      rows.dropFirst().map { $0[1] } == Array(repeating: "cincinnati", count: 5)
        + Array(repeating: "seattle", count: 5))
    #expect(
      rows.dropFirst().map { $0[4] } == ["year", "year", "year", "year", "total"] + [
        "year", "year", "year", "year", "total",
      ])

    let project = salary(
      "project", "-e", "3", "--location", "seattle", "--years", "4", "--paths", "0", "--format",
      "csv", "--totals")
    #expect(project.status == 0, "\(project)")
    #expect(
      Array(rows[6...].map { Array($0.dropFirst()) })
        == Array(try records(project.stdout).dropFirst()))
  }

  @Test func optionsGivenOnTheCommandLineApplyToEveryScenario() throws {
    let folder = try temporaryFolder(["scenarios.csv": Self.scenarios])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let rows = try records(
      salary("export", folder + "/scenarios.csv", "--years", "2", "--currency", "EUR").stdout)
    #expect(rows.count == 1 + 2 * 2)
    let currency = try #require(rows[0].firstIndex(of: "currency"))
    #expect(rows.dropFirst().allSatisfy { $0[currency] == "EUR" })
  }

  @Test func aFileGetsAByteOrderMarkAndStandardOutputDoesNot() throws {
    let folder = try temporaryFolder(["scenarios.csv": Self.scenarios])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/out.csv"
    let run = salary("export", folder + "/scenarios.csv", "--years", "2", "--out", file)
    #expect(run.status == 0 && run.stdout == "")
    #expect(run.stderr == "Exported 2 scenarios (4 rows) to \(file).\n")
    let bytes = try #require(FileManager.default.contents(atPath: file))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix(#""name","location""#))

    let piped = salary("export", folder + "/scenarios.csv", "--years", "2")
    #expect(piped.stdout.hasPrefix(#""name","location""#))
    #expect(bytes.dropFirst(3) == Data(piped.stdout.utf8))

    let withMark = salary("export", folder + "/scenarios.csv", "--years", "2", "--bom")
    #expect(withMark.stdout.hasPrefix("\u{FEFF}\"name\""))
    let plainFile = folder + "/plain.csv"
    _ = salary("export", folder + "/scenarios.csv", "--years", "2", "--no-bom", "--out", plainFile)
    #expect(FileManager.default.contents(atPath: plainFile) == Data(piped.stdout.utf8))
  }

  @Test func anExistingFileIsReplacedOnlyWithForce() throws {
    let folder = try temporaryFolder(["scenarios.csv": Self.scenarios, "out.csv": "mine\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/out.csv"
    let refused = salary("export", folder + "/scenarios.csv", "--out", file)
    #expect(refused.status == 1)
    #expect(refused.stderr == "Error: '\(file)' already exists; give --force to replace it.\n")
    #expect(FileManager.default.contents(atPath: file) == Data("mine\n".utf8))

    let forced = salary("export", folder + "/scenarios.csv", "--out", file, "--force")
    #expect(forced.status == 0, "\(forced)")
    #expect(try records(file: file).count == 1 + 2 * 10)
    #expect(try names(in: folder) == ["scenarios.csv", "out.csv"])
  }

  /// A bad row stops the run: the target keeps what it had, and no temporary file is left.
  @Test func aBadRowStopsTheRunAndLeavesTheTargetAsItWas() throws {
    let folder = try temporaryFolder([
      "scenarios.csv": Self.scenarios + "typo,3,seatle\r\nlast,3,austin\r\n", "out.csv": "mine\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/out.csv"
    let run = salary("export", folder + "/scenarios.csv", "--out", file, "--force")
    #expect(run.status == 64 && run.stdout == "")
    #expect(
      run.stderr.hasPrefix(
        "Error: \(folder)/scenarios.csv:4:8 (scenario 'typo'): The value 'seatle' is invalid for "
          + "'--location <place>': unknown place. Did you mean 'Seattle, WA'?"), "\(run.stderr)")
    #expect(FileManager.default.contents(atPath: file) == Data("mine\n".utf8))
    #expect(try names(in: folder) == ["scenarios.csv", "out.csv"])
  }

  @Test func skippingBadRowsReportsEachAndCountsThem() throws {
    let folder = try temporaryFolder([
      "scenarios.csv": Self.scenarios
        + "typo,3,seatle\r\n,3,austin\r\nlast,x,austin\r\nend,3,denver\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/out.csv"
    let run = salary(
      "export", folder + "/scenarios.csv", "--out", file, "--skip-bad-rows", "--years", "1")
    #expect(run.status == 0, "\(run)")
    let lines = run.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(run.stderr)")
    #expect(lines[0].hasPrefix("Skipped: \(folder)/scenarios.csv:4:8 (scenario 'typo'): "))
    #expect(lines[1] == "Skipped: \(folder)/scenarios.csv:5:1: a scenario needs a name.")
    #expect(lines[2].hasPrefix("Skipped: \(folder)/scenarios.csv:6:6 (scenario 'last'): "))
    #expect(lines[3] == "Exported 3 scenarios (3 rows) to \(file); skipped 3 bad rows.")
    #expect(try records(file: file).dropFirst().map { $0[0] } == ["stay", "move", "end"])
  }

  @Test(arguments: [
    (["export"], "Error: Give a scenarios file, or --template to write one."),
    (
      ["export", "/nonexistent/s.csv"], "Error: Cannot read the scenarios file '/nonexistent/s.csv'"
    ),
    (
      ["export", "--template", "--out", "/nonexistent/folder/t.csv"],
      "Error: Cannot write to '/nonexistent/folder/t.csv': No such file or directory."
    ),
    (
      ["export", "--template", "--dialect", "excel"],
      "Error: The value 'excel' is invalid for '--dialect <dialect>'"
    ),
  ])
  func badUseSaysWhatWasWrong(_ arguments: [String], _ error: String) {
    let run = salary(arguments)
    #expect(run.status != 0 && run.stdout == "", "\(run)")
    #expect(run.stderr.hasPrefix(error), "\(run.stderr)")
  }

  @Test func theEuropeanDialectUsesSemicolonsAndDecimalCommas() throws {
    let folder = try temporaryFolder(["scenarios.csv": "name,salary,raise\r\nx,95000,3.5\r\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary(
      "export", folder + "/scenarios.csv", "--years", "2", "--dialect", "excel-eu")
    #expect(run.status == 0, "\(run)")
    let rows = try CSVReader.readRecords(
      from: Array(run.stdout.utf8), configuration: .semicolon
    ).map(\.fields)
    #expect(rows[0].count == 1 + ProjectionReport.csvHeader.count)
    let pay = try #require(rows[0].firstIndex(of: "pay"))
    #expect(rows[1][pay] == "95000" && rows[2][pay] == "98325")
    let study = try #require(rows[0].firstIndex(of: "study_share"))
    #expect(rows[1][study] == "0")
  }
}
