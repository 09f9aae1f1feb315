import Foundation
import Testing

@testable import SalaryCLI

/// The exact JSON every command prints, and the CSV header of every command, against
/// files checked in under `Goldens/`: the README's JSON section describes these documents,
/// and a change to any of them is a change to the contract that the CHANGELOG must name.
///
/// `SALARY_RECORD_GOLDENS=1 swift test --filter GoldenOutputTests` rewrites the files from
/// what the commands print now; review the diff before committing it.
@Suite struct GoldenOutputTests {
  /// The folder of the golden files, found from this source file.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens").path
  static let inputs = folder + "/inputs"
  static let recording = ProcessInfo.processInfo.environment["SALARY_RECORD_GOLDENS"] == "1"

  /// One command whose JSON is golden: the file name and the arguments.
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var arguments: [String]
    var testDescription: String { file }
  }

  static let dataTopics = [
    "sources", "levels", "pay", "locations", "countries", "growth", "calibration", "outlook",
    "education", "specializations", "assumptions",
  ]

  static let jsonCases: [Case] =
    [
      Case(file: "estimate.json", arguments: ["estimate", "-e", "4", "--location", "austin"]),
      Case(file: "estimate.workforce.json", arguments: ["estimate", "--location", "austin"]),
      Case(file: "offer.json", arguments: ["offer", "128000", "-e", "4", "--location", "austin"]),
      Case(file: "project.json", arguments: ["project", "-e", "4", "--location", "austin"]),
      Case(file: "compare.json", arguments: ["compare", inputs + "/scenarios.csv"]),
      Case(file: "data.check.json", arguments: ["data", "check", inputs + "/../../../../data"]),
    ]
    + dataTopics.map { Case(file: "data.\($0).json", arguments: ["data", $0]) }

  static let jsonLinesCases: [Case] = [
    Case(file: "export.jsonl", arguments: ["export", inputs + "/scenarios.csv"]),
    Case(
      file: "estimate.batch.jsonl", arguments: ["estimate", "--batch", inputs + "/profiles.csv"]),
  ]

  /// The output with this machine's paths replaced, so the golden holds on any checkout.
  static func portable(_ text: String) -> String {
    let root = URL(fileURLWithPath: folder + "/../../..").standardized.path
    return text.replacingOccurrences(of: inputs + "/../../../../data", with: "DATA")
      .replacingOccurrences(of: inputs, with: "INPUTS")
      .replacingOccurrences(of: root, with: "ROOT")
  }

  /// Compares `text` with the golden file `name`, or writes it when recording.
  static func matchesGolden(_ text: String, _ name: String) throws {
    let path = folder + "/" + name
    if recording {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    guard text != expected else { return }
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(got.count, want.count)
    Issue.record(
      """
      \(name) differs at line \(line + 1):
        golden: \(line < want.count ? want[line] : "(end)")
        now:    \(line < got.count ? got[line] : "(end)")
      (SALARY_RECORD_GOLDENS=1 rewrites the goldens)
      """)
  }

  @Test(arguments: jsonCases)
  func json(_ golden: Case) throws {
    let run = salary(golden.arguments + ["--format", "json"])
    try #require(run.status == 0, "\(run)")
    try Self.matchesGolden(Self.portable(run.stdout), golden.file)
    let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    let object = try #require(document as? [String: Any])
    let command = golden.file.dropLast(".json".count).split(separator: ".")
    let expected = command.first == "data" ? command.joined(separator: ".") : String(command[0])
    let schema = try #require(object["schema"] as? String)
    #expect(schema.hasPrefix("salary.\(expected)") && schema.hasSuffix("/1"), "\(schema)")
  }

  @Test(arguments: jsonLinesCases)
  func jsonLines(_ golden: Case) throws {
    let run = salary(golden.arguments + ["--format", "jsonl"])
    try #require(run.status == 0, "\(run)")
    try Self.matchesGolden(Self.portable(run.stdout), golden.file)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count > 1)
    for line in lines {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["schema"] as? String == "salary.\(golden.file.dropLast(6))/1")
    }
  }

  /// Every command's CSV header, one line a command, in one golden file.
  @Test func csvHeaders() throws {
    let commands: [[String]] =
      Self.jsonCases.filter { $0.file != "data.check.json" }.map(\.arguments)
      + Self.jsonLinesCases.map(\.arguments)
      + [
        ["project", "-e", "4", "--totals"], ["data", "check", Self.inputs + "/../../../../data"],
      ]
    var text = ""
    for arguments in commands {
      let run = salary(arguments + ["--format", "csv"])
      try #require(run.status == 0, "\(run)")
      let header = run.stdout.split(separator: "\r\n", maxSplits: 1).first ?? ""
      text += "salary \(arguments.joined(separator: " ")) --format csv\n\(header)\n\n"
    }
    try Self.matchesGolden(Self.portable(text), "csv-headers.txt")
  }
}
