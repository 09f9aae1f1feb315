import Foundation
import SalaryCSV
import Testing

@testable import SalaryCLI

private func records(_ text: String) throws -> [[String]] {
  try CSVReader.readRecords(from: Array(text.utf8)).map(\.fields)
}

/// `salary estimate --batch`.
@Suite struct BatchEstimateTests {
  /// Profiles covering every column, each also given to `salary estimate` alone.
  static let profiles: [(row: [String: String], options: [String])] = [
    (["experience": "4", "location": "austin"], ["-e", "4", "--location", "austin"]),
    (["level": "senior", "location": "seattle"], ["--level", "senior", "--location", "seattle"]),
    (["experience": "0.5", "location": "remote"], ["-e", "0.5", "--location", "remote"]),
    (
      ["experience": "6", "location": "germany", "currency": "EUR"],
      ["-e", "6", "--location", "germany", "--currency", "EUR"]
    ),
    (
      ["experience": "3", "specialization": "distributed-systems"],
      ["-e", "3", "--specialization", "distributed-systems"]
    ),
    (["experience": "2", "premium": "5%..15%"], ["-e", "2", "--premium", "5%..15%"]),
    (["experience": "1", "source": "cbt-nuggets"], ["-e", "1", "--source", "cbt-nuggets"]),
    (["experience": "45"], ["-e", "45"]),
    (
      ["level": "Staff", "location": "Austin, TX"],
      ["--level", "Staff", "--location", "Austin, TX"]
    ),
  ]

  static let columns = BatchEstimate.inputColumns

  static func file(_ rows: [[String: String]], columns: [String] = columns) -> String {
    var text = columns.joined(separator: ",") + "\r\n"
    for (index, row) in rows.enumerated() {
      let cells = columns.map { column in
        column == "name" ? "p\(index + 1)" : "\"\(row[column] ?? "")\""
      }
      text += cells.joined(separator: ",") + "\r\n"
    }
    return text
  }

  /// A batch row has exactly the figures of `salary estimate --format csv` for its profile.
  @Test func eachRowMatchesTheSingleEstimate() throws {
    let folder = try temporaryFolder(["profiles.csv": Self.file(Self.profiles.map(\.row))])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let batch = salary("estimate", "--batch", folder + "/profiles.csv")
    #expect(batch.status == 0 && batch.stderr == "", "\(batch)")
    let rows = try records(batch.stdout)
    #expect(rows[0] == BatchEstimate.outputHeader)
    #expect(rows.count == 1 + Self.profiles.count)
    for (index, profile) in Self.profiles.enumerated() {
      let single = salary(["estimate", "--format", "csv"] + profile.options)
      #expect(single.status == 0, "\(single)")
      let one = try records(single.stdout)
      let shared = BatchEstimate.outputHeader.dropFirst(2)
      #expect(Array(one[0].prefix(shared.count)) == Array(shared))
      #expect(rows[index + 1][0] == String(index + 1))
      #expect(rows[index + 1][1] == "p\(index + 1)")
      #expect(
        Array(rows[index + 1].dropFirst(2)) == Array(one[1].prefix(shared.count)),
        "\(profile.options)")
    }
  }

  @Test func commandLineOptionsFillEmptyCells() throws {
    let folder = try temporaryFolder([
      "profiles.csv": "name,experience,location\r\na,4,\r\nb,4,seattle\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary(
      "estimate", "--batch", folder + "/profiles.csv", "--location", "cincinnati", "--currency",
      "EUR")
    #expect(run.status == 0, "\(run)")
    let rows = try records(run.stdout)
    #expect(rows.dropFirst().map { $0[5] } == ["cincinnati", "seattle"])
    #expect(rows.dropFirst().map { $0[8] } == ["EUR", "EUR"])
  }

  @Test func theLevelColumnAloneIsEnoughAndExperienceComesFromTheOption() throws {
    let folder = try temporaryFolder(["profiles.csv": "name,location\r\na,austin\r\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary("estimate", "--batch", folder + "/profiles.csv", "-e", "7")
    #expect(run.status == 0, "\(run)")
    #expect(try records(run.stdout)[1][2] == "7")
  }

  /// Experience beyond the curves is clamped, and the row says so in `experience_used`.
  @Test func experienceBeyondTheCurvesIsShownClamped() throws {
    let folder = try temporaryFolder(["profiles.csv": "experience\r\n45\r\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let row = try records(salary("estimate", "--batch", folder + "/profiles.csv").stdout)[1]
    #expect(row[2] == "45")
    #expect(Double(row[3])! < 45)
  }

  @Test func aBadRowStopsTheRunWithItsLineAndColumn() throws {
    let folder = try temporaryFolder([
      "profiles.csv": "name,experience,location\r\na,4,austin\r\nb,4,seatle\r\nc,4,denver\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let out = folder + "/ranges.csv"
    let run = salary("estimate", "--batch", folder + "/profiles.csv", "--out", out)
    #expect(run.status == 64 && run.stdout == "")
    #expect(
      run.stderr.hasPrefix(
        "Error: \(folder)/profiles.csv:3:5: the value 'seatle' is invalid for column "
          + "'location': unknown place. Did you mean 'Seattle, WA'?"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == ["profiles.csv"])
  }

  @Test func skippedRowsAreReportedAndCounted() throws {
    let folder = try temporaryFolder([
      "profiles.csv":
        "name,experience,level,location\r\na,4,,austin\r\nb,x,,austin\r\nc,,,austin\r\n"
        + "d,4,senior,austin\r\ne,,boss,austin\r\nf,2,,denver\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary("estimate", "--batch", folder + "/profiles.csv", "--skip-bad-rows")
    #expect(run.status == 0, "\(run)")
    let file = "\(folder)/profiles.csv"
    #expect(
      run.stderr.split(separator: "\n").map(String.init) == [
        "Skipped: \(file):3:3: the value 'x' is invalid for column 'experience': experience is "
          + "a number of years from 0 to 60",
        "Skipped: \(file):4: the row has no experience or level.",
        "Skipped: \(file):5: give experience or level, not both.",
        "Skipped: \(file):6:4: the value 'boss' is invalid for column 'level': unknown level. "
          + "Levels: junior, developer, mid, senior, lead, principal, staff, architect.",
        "Estimated 2 rows; skipped 4 bad rows.",
      ])
    // Row numbers count input rows, so a skipped row leaves a gap rather than renumbering.
    #expect(try records(run.stdout).dropFirst().map { $0[0] } == ["1", "6"])
  }

  @Test(arguments: [
    (
      "name,experiance\r\na,4\r\n",
      [String](),
      "profiles.csv:1:6: unknown column 'experiance'. Did you mean 'experience'?"
    ),
    (
      "name,location\r\na,austin\r\n", [],
      "profiles.csv:1:1: a batch needs an 'experience' or 'level' column"
    ),
    ("", [], "profiles.csv: empty file; expected a header row"),
    ("experience\r\n\"4\r\n", [], "profiles.csv:2:1: "),
    (
      "experience\r\n4\r\n", ["--format", "json"],
      "--batch writes CSV; leave out --format or give --format csv."
    ),
  ])
  func badInputSaysWhereAndWhat(_ text: String, _ options: [String], _ error: String) throws {
    let folder = try temporaryFolder(["profiles.csv": text])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary(["estimate", "--batch", folder + "/profiles.csv"] + options)
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    let expected = error.hasPrefix("profiles.csv") ? "Error: \(folder)/\(error)" : "Error: \(error)"
    #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
  }

  @Test func aMissingFileIsAFailureNotAUsageError() {
    let run = salary("estimate", "--batch", "/nonexistent/profiles.csv")
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("Error: Cannot read '/nonexistent/profiles.csv': "))
  }
}
