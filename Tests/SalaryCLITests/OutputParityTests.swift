import Foundation
import SalaryCSV
import Testing

@testable import SalaryCLI

/// The output options mean the same in every command: `--out`'s extension picks the format
/// when `--format` is absent, `--format` wins when both are given, CSV-only options with
/// another format are usage errors, and `--quiet` leaves only errors on standard error.
@Suite struct OutputParityTests {
  static let scenarios = GoldenOutputTests.inputs + "/scenarios.csv"
  static let profiles = GoldenOutputTests.inputs + "/profiles.csv"

  /// One invocation of every command that writes an answer.
  static let commands: [[String]] = [
    ["estimate", "-e", "4"], ["estimate", "--location", "austin"], ["offer", "128000", "-e", "4"],
    ["project", "-e", "4", "--paths", "100"], ["compare", scenarios, "--paths", "100"],
    ["export", scenarios, "--paths", "100"], ["estimate", "--batch", profiles],
    ["data", "levels"], ["data", "check", GoldenOutputTests.inputs + "/../../../../data"],
  ]

  /// What a file in each format starts with.
  static func looksLike(_ format: String, _ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    switch format {
    case "csv": return text.hasPrefix("\u{FEFF}\"")  // a file gets the byte order mark
    case "json": return text.hasPrefix("{\n  \"schema\": \"salary.")
    case "xlsx": return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])  // a ZIP's first entry
    default: return text.hasPrefix("{\"schema\":\"salary.") && text.hasSuffix("}\n")
    }
  }

  @Test(arguments: commands)
  func theOutFileNamePicksTheFormat(_ command: [String]) throws {
    let folder = try temporaryFolder([:])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let streamed = command[0] == "export" || command.contains("--batch")
    for format in streamed ? ["csv", "jsonl", "xlsx"] : ["csv", "json", "jsonl", "xlsx"] {
      let path = folder + "/answer." + format
      let run = salary(command + ["--out", path, "--quiet"])
      #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "\(run)")
      let bytes = try #require(FileManager.default.contents(atPath: path))
      // A dataset without problems has no rows: its JSON lines file is empty.
      let empty = command[1] == "check" && format == "jsonl"
      #expect(empty ? bytes.isEmpty : Self.looksLike(format, Array(bytes)), "\(command) \(format)")
    }
    // --format wins over the name; a name that names no format keeps the default.
    let named = folder + "/named.csv"
    let other = streamed ? "jsonl" : "json"
    #expect(salary(command + ["--out", named, "--format", other]).status == 0)
    let bytes = try #require(FileManager.default.contents(atPath: named))
    #expect(Self.looksLike(other, Array(bytes)))
  }

  @Test(arguments: commands)
  func csvOptionsWithAnotherFormatAreUsageErrors(_ command: [String]) {
    let streamed = command[0] == "export" || command.contains("--batch")
    for options in [
      ["--format", streamed ? "jsonl" : "json", "--dialect", "excel-eu"],
      ["--format", "jsonl", "--bom"], ["--format", "xlsx", "--dialect", "excel-eu"],
    ] {
      let run = salary(command + options)
      #expect(run.status == 64 && run.stdout.isEmpty, "\(run)")
      #expect(run.stderr.contains("applies to CSV only"), "\(run.stderr)")
      guard options[1] != "xlsx" else {
        #expect(run.stderr.hasPrefix("Error: --dialect applies to CSV only"), "\(run.stderr)")
        continue
      }
      // JSON was asked for, so the error is one JSON object naming the flag.
      let error = try? JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any]
      let body = error?["error"] as? [String: Any]
      #expect(body?["flag"] as? String == options[2] && body?["exit_status"] as? Int == 64)
    }
  }

  @Test func quietLeavesOnlyErrors() throws {
    let folder = try temporaryFolder([:])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for command in [["export", Self.scenarios], ["estimate", "--batch", Self.profiles]] {
      let loud = folder + "/\(command[0]).loud.csv"
      let quiet = folder + "/\(command[0]).quiet.csv"
      let loudRun = salary(command + ["--out", loud])
      #expect(loudRun.status == 0 && !loudRun.stderr.isEmpty, "\(loudRun)")
      let quietRun = salary(command + ["--out", quiet, "-q"])
      #expect(quietRun.status == 0 && quietRun.stderr.isEmpty, "\(quietRun)")
      #expect(
        FileManager.default.contents(atPath: loud) == FileManager.default.contents(atPath: quiet))
      // An error still shows: the file exists and --force is not given.
      let failing = salary(command + ["--out", quiet, "-q"])
      #expect(failing.status != 0 && failing.stderr.hasPrefix("Error: "), "\(failing)")
    }
  }

  @Test func anErrorInAFileIsOneJSONObjectWithItsPlace() throws {
    let folder = try temporaryFolder(["bad.csv": "name,experience\r\na,4\r\nb,old\r\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary("export", folder + "/bad.csv", "--out", folder + "/out.jsonl")
    #expect(run.status == 64 && run.stdout.isEmpty)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any])
    let error = try #require(object["error"] as? [String: Any])
    #expect(error["file"] as? String == folder + "/bad.csv")
    #expect(error["line"] as? Int == 3 && error["column"] as? Int == 3)
    #expect(
      (error["message"] as? String)?.hasPrefix(folder + "/bad.csv:3:3 (scenario 'b'): ") == true)
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.jsonl"))
  }

  @Test func colourFollowsTheOptionThenTheContext() {
    var terminal = CommandContext.fixed(width: 80)
    terminal.outputIsTerminal = true
    terminal.colour = true
    let arguments = ["project", "-e", "2", "--years", "3", "--paths", "100", "--chart"]
    let escape = "\u{1B}["
    #expect(salary(arguments, context: terminal).stdout.contains(escape))
    #expect(!salary(arguments + ["--color", "never"], context: terminal).stdout.contains(escape))
    terminal.colour = false  // NO_COLOR or TERM=dumb
    #expect(!salary(arguments, context: terminal).stdout.contains(escape))
    #expect(salary(arguments + ["--color", "always"], context: terminal).stdout.contains(escape))
  }
}
