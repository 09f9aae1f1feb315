import Foundation
import Testing

@testable import SalaryCLI

/// The bad files of the fault matrix: each is a usage error at its position with nothing on
/// standard output, or a failed `data check` that names the row to blame.
@Suite struct BadFileInputTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var arguments: [String]
    var error: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a scenarios file naming a column twice",
      file: "name,experience,location,experience\na,3,austin,4\n",
      arguments: ["export"],
      error:
        "Error: F:1:26: the column 'experience' is already at column 6; give each column once.\n"
    ),
    Case(
      name: "a profiles file naming a column twice",
      file: "name,experience,location,location\na,3,austin,seattle\n",
      arguments: ["estimate", "--batch"],
      error:
        "Error: F:1:26: the column 'location' is already at column 17; give each column once.\n"
    ),
    Case(
      name: "a NUL byte in a scenario's name",
      file: "name,experience\nmo\u{0}ve,3\n",
      arguments: ["export"],
      error: "Error: F:2:3: NUL byte (U+0000) in the text: remove it\n"),
    Case(
      name: "a NUL byte in a profile's place",
      file: "name,experience,location\na,3,aus\u{0}tin\n",
      arguments: ["estimate", "--batch"],
      error: "Error: F:2:8: NUL byte (U+0000) in the text: remove it\n"),
    Case(
      name: "an empty promotion in a scenario's path",
      file: "name,experience,path\na,1,\"mid@2,,senior@5\"\n",
      arguments: ["export"],
      error:
        "Error: F:2:5 (scenario 'a'): The value 'mid@2,,senior@5' is invalid for '--path <level@year,...>': an empty promotion between commas"
    ),
    Case(
      name: "a scenario's premium out of bounds",
      file: "name,experience,premium\na,1,1e17%\n",
      arguments: ["export"],
      error:
        "Error: F:2:5 (scenario 'a'): The value '1e17%' is invalid for '--premium <percent>': a premium is a percent from -90% to 300%"
    ),
    Case(
      name: "a scenario's raises given one a year",
      file: "name,salary,raise,years\na,100000,\"3%,200%\",3\n",
      arguments: ["export"],
      error:
        "Error: F:2:10 (scenario 'a'): The value '3%,200%' is invalid for '--raise <percent,...>'"
    ),
  ]

  @Test(arguments: cases)
  func aBadFileIsAUsageErrorAtItsPosition(_ bad: Case) throws {
    let folder = try temporaryFolder(["in.csv": bad.file])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/in.csv"
    let run = salary(bad.arguments + [path])
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    let expected = bad.error.replacingOccurrences(of: "F:", with: path + ":")
    #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
  }

  @Test func anInlineScenarioGivingAnOptionTwiceIsAnError() {
    let run = salary(
      "compare", "--paths", "100", "--scenario", "a: -e 2 -e 3", "--scenario", "b: -e 4")
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    #expect(
      run.stderr.hasPrefix(
        "Error: --scenario 1 (scenario 'a'): -e was given twice, as '2' and '3': give it once.\n"))
  }

  @Test func aPayFileWithOnlyItsHeaderFailsTheCheck() throws {
    let data = try temporaryFolder([:])
    defer { try? FileManager.default.removeItem(atPath: data) }
    for name in try FileManager.default.contentsOfDirectory(atPath: repositoryDataFolder) {
      try FileManager.default.copyItem(
        atPath: repositoryDataFolder + "/" + name, toPath: data + "/" + name)
    }
    let pay = try String(contentsOfFile: data + "/pay.csv", encoding: .utf8)
    try (String(pay.prefix { $0 != "\n" }) + "\n").write(
      toFile: data + "/pay.csv", atomically: true, encoding: .utf8)
    let run = salary("data", "check", data)
    #expect(run.status == 1, "\(run)")
    #expect(
      run.stdout.hasPrefix(
        "\(data)/pay.csv: no figure gives pay by experience (years_from and years_to) or by a "
          + "level of the ladder: estimate, offer and project have nothing to answer from\n"),
      "\(run)")
    let json = salary("data", "check", data, "--format", "json")
    #expect(json.stdout.contains(#""ok": false"#), "\(json)")
  }
}
