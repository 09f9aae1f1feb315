import Foundation
import Testing
import _TestSupport

@testable import SalaryCLI

/// `estimate --batch` and `export` split their input between threads: the output, the
/// messages and the first error must be what one thread reading the whole input gives,
/// however the input falls into parts.
@Suite struct ParallelStreamingTests {
  /// `salary` in-process on `workers` threads, with parts of `partSize` bytes for a batch.
  static func run(_ arguments: [String], workers: Int, partSize: Int) -> Run {
    var context = CommandContext.fixed(width: 80)
    context.workers = workers
    context.partSize = partSize
    return salary(arguments, context: context)
  }

  /// Profiles of exactly `rowLength` bytes each (so that parts of a multiple of it divide
  /// the input evenly), with places as people type them, some quoted, some not known when
  /// `bad` names a row.
  static func profiles(count: Int, seed: UInt64, badRow: Int? = nil) -> String {
    var rng = SplitMix64(seed: seed)
    let places = ["austin    ", "\"bay area\"", "seattle   ", "germany   ", "          "]
    var text = "name,experience,location\n"
    for row in 1...max(1, count) where count > 0 {
      let tenths = Int.random(in: 0...300, using: &rng)
      let years = "\(tenths / 100)\(tenths / 10 % 10).\(tenths % 10)"  // 4 bytes
      let place = row == badRow ? "atlantis  " : places.randomElement(using: &rng)!
      text += "p\(String(format: "%05d", row)),\(years),\(place)\n"  // 23 bytes
    }
    return text
  }

  static let rowLength = 23

  @Test(arguments: [
    (0, 1), (1, 1), (7, 2), (64, 4), (64, 3), (300, 7),
  ])
  func aBatchWritesTheSameBytesOnOneThreadAndOnSeveral(rows: Int, rowsPerPart: Int) throws {
    let input = Self.profiles(count: rows, seed: UInt64(rows * 31 + rowsPerPart))
    let folder = try temporaryFolder(["profiles.csv": input])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for format in ["csv", "jsonl", "xlsx"] {
      var arguments = ["estimate", "--batch", folder + "/profiles.csv", "--format", format]
      let out = folder + "/ranges.xlsx"
      if format == "xlsx" { arguments += ["--out", out, "--force"] }
      /// The run, with the workbook's bytes as its output.
      func run(workers: Int, partSize: Int) throws -> Run {
        var run = Self.run(arguments, workers: workers, partSize: partSize)
        if format == "xlsx" {
          run.stdout = String(
            decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
        }
        return run
      }
      // One thread, one part: the whole input through one reader.
      let whole = try run(workers: 1, partSize: Int.max / 2)
      #expect(whole.status == 0, "\(whole)")
      if format != "xlsx" {
        #expect(
          whole.stdout.split(separator: format == "csv" ? "\r\n" : "\n").count
            == rows + (format == "csv" ? 1 : 0))
      }
      // Parts that divide the rows evenly, parts that do not, and parts of a byte (each
      // row its own part).
      for partSize in [rowsPerPart * Self.rowLength, rowsPerPart * Self.rowLength + 5, 1] {
        for workers in [1, 3] {
          let split = try run(workers: workers, partSize: partSize)
          #expect(split == whole, "\(format), \(workers) threads, parts of \(partSize) bytes")
        }
      }
    }
  }

  @Test(arguments: [false, true])
  func aBadRowInALatePartStopsTheRunAtItsTrueLine(toFile: Bool) throws {
    let input = Self.profiles(count: 400, seed: 9, badRow: 377)
    let folder = try temporaryFolder(["profiles.csv": input])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let out = folder + "/ranges.csv"
    let arguments =
      ["estimate", "--batch", folder + "/profiles.csv"] + (toFile ? ["--out", out] : [])
    for workers in [1, 2, 3] {
      let run = Self.run(arguments, workers: workers, partSize: 5 * Self.rowLength)
      #expect(run.status == 64 && run.stdout == "", "\(run)")
      // Row 377 is on line 378, its place in column 13.
      #expect(
        run.stderr.hasPrefix(
          "Error: \(folder)/profiles.csv:378:13: the value 'atlantis' is invalid for column "
            + "'location': unknown place."), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }

  @Test func skippedRowsAreReportedInOrderFromEveryPart() throws {
    var input = Self.profiles(count: 200, seed: 4)
    // Bad rows spread over the parts: an unknown place, bad numbers (one in a name with a
    // quoted line break), no experience.
    var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[20] = "p00020,1.5,atlantis"
    lines[95] = "p00095,x,austin"
    lines[160] = "\"p\n160\",99,austin"
    lines[180] = "p00180,,austin"
    input = lines.joined(separator: "\n")
    let folder = try temporaryFolder(["profiles.csv": input])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = ["estimate", "--batch", folder + "/profiles.csv", "--skip-bad-rows"]
    let whole = Self.run(arguments, workers: 1, partSize: Int.max / 2)
    #expect(whole.status == 0)
    #expect(whole.stderr.components(separatedBy: "Skipped: ").count == 5, "\(whole)")
    // A row after the quoted line break, on the line after its own row number's.
    #expect(whole.stderr.contains("profiles.csv:182: the row has no experience"), "\(whole)")
    for workers in [2, 3] {
      for partSize in [1, 3 * Self.rowLength, 1_000] {
        let split = Self.run(arguments, workers: workers, partSize: partSize)
        #expect(split == whole, "\(workers) threads, parts of \(partSize) bytes")
      }
    }
  }

  @Test func skippingBadRowsToStandardOutputWritesNothingBeforeALateCSVError() throws {
    let input = Self.profiles(count: 300, seed: 6) + "p00301,\"4.0,austin\n"
    let folder = try temporaryFolder(["profiles.csv": input])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for workers in [1, 2] {
      let run = Self.run(
        ["estimate", "--batch", folder + "/profiles.csv", "--skip-bad-rows"], workers: workers,
        partSize: 2 * Self.rowLength)
      #expect(run.status == 64 && run.stdout == "", "\(run)")
      #expect(run.stderr.hasPrefix("Error: \(folder)/profiles.csv:302:8: "), "\(run.stderr)")
    }
  }

  @Test func aCSVErrorInALatePartIsReportedWhereItIs() throws {
    let input = Self.profiles(count: 120, seed: 5) + "p00121,\"4.0,austin\n"
    let folder = try temporaryFolder(["profiles.csv": input])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = ["estimate", "--batch", folder + "/profiles.csv"]
    let whole = Self.run(arguments, workers: 1, partSize: Int.max / 2)
    #expect(whole.status == 64 && whole.stdout == "")
    #expect(whole.stderr.contains("profiles.csv:122:8: "), "\(whole.stderr)")
    for workers in [2, 3] {
      let split = Self.run(arguments, workers: workers, partSize: 2 * Self.rowLength)
      #expect(split == whole)
    }
  }
}

/// `export` on several threads, and its memo of rows: the bytes, messages and first error
/// of one thread projecting every scenario itself.
@Suite struct ExportPartsTests {
  /// `salary` in-process on `workers` threads, with parts of `partSize` bytes and a memo
  /// of `memoBytes` (0: none).
  static func run(_ arguments: [String], workers: Int, partSize: Int, memoBytes: Int) -> Run {
    var context = CommandContext.fixed(width: 80)
    context.workers = workers
    context.partSize = partSize
    context.scenarioMemoBytes = memoBytes
    return salary(arguments, context: context)
  }

  /// Scenarios of the kinds people write, many with the same options under different
  /// names (so the memo has work), some bad: a misspelt place, a missing name, a salary
  /// with a place (which raises refuse), a quoted line break in a name.
  static func scenarios(count: Int, seed: UInt64, bad: Bool) -> String {
    var rng = SplitMix64(seed: seed)
    var text = "name,experience,location,salary,raise,path,track,years\n"
    for index in 1...count {
      let experience = ["1", "4", "4.5", "12", " 4 "].randomElement(using: &rng)!
      let place = ["austin", "seattle", "\"bay area\"", "", "remote"].randomElement(using: &rng)!
      let name = index % 41 == 0 && bad ? "\"s\n\(index)\"" : "s\(index)"
      switch Int.random(in: bad ? 0..<20 : 3..<20, using: &rng) {
      case 0: text += "s\(index),3,seatle,,,,,\n"
      case 1: text += ",3,austin,,,,,\n"
      case 2: text += "s\(index),,austin,90000,3%,,,\n"
      case 3..<6: text += "\(name),\(experience),\(place),,,,management,3\n"
      case 6..<8: text += "\(name),1,\(place),,,\"mid@2,senior@5\",,\n"
      case 8..<10: text += "\(name),,,95000,2%,,,4\n"
      default: text += "\(name),\(experience),\(place),,,,,\n"
      }
    }
    return text
  }

  @Test(arguments: ["csv", "jsonl", "xlsx"], [false, true])
  func exportGivesOneThreadsBytesOnSeveralAndWithTheMemo(format: String, bad: Bool) throws {
    let folder = try temporaryFolder([
      "scenarios.csv": Self.scenarios(count: 120, seed: 3, bad: bad)
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var arguments = [
      "export", folder + "/scenarios.csv", "--skip-bad-rows", "--totals", "--format", format,
    ]
    if format == "xlsx" { arguments += ["--out", folder + "/out.xlsx", "--force"] }
    func output(_ run: Run) throws -> Run {
      guard format == "xlsx" else { return run }
      var run = run
      run.stdout = try String(
        decoding: Data(contentsOf: URL(fileURLWithPath: folder + "/out.xlsx")), as: UTF8.self)
      return run
    }
    // One thread, one part, no memo: every scenario projected in turn.
    let plain = try output(Self.run(arguments, workers: 1, partSize: 1 << 30, memoBytes: 0))
    #expect(plain.status == 0, "\(plain)")
    #expect(
      (plain.stderr.components(separatedBy: "Skipped: ").count > 10) == bad, "\(plain.stderr)")
    for (workers, partSize, memoBytes) in [
      (1, 1 << 30, 32 << 20), (3, 1, 0), (3, 1, 32 << 20), (2, 100, 32 << 20), (2, 333, 4_000),
    ] {
      let run = try output(
        Self.run(arguments, workers: workers, partSize: partSize, memoBytes: memoBytes))
      #expect(
        run == plain, "\(workers) threads, parts of \(partSize) bytes, memo of \(memoBytes)")
    }
  }

  @Test func aBadRowInALatePartStopsTheExportAtItsTrueLine() throws {
    var text = "name,experience,location\n"
    for index in 1...200 { text += "s\(index),\(index % 30),austin\n" }
    text += "late,3,atlantis\nafter,3,austin\n"
    let folder = try temporaryFolder(["scenarios.csv": text])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for out in [[], ["--out", folder + "/out.csv"]] {
      for (workers, partSize) in [(1, 1 << 30), (3, 64), (2, 1)] {
        let run = Self.run(
          ["export", folder + "/scenarios.csv"] + out, workers: workers, partSize: partSize,
          memoBytes: 32 << 20)
        #expect(run.status == 64 && run.stdout == "", "\(run)")
        #expect(
          run.stderr.hasPrefix(
            "Error: \(folder)/scenarios.csv:202:8 (scenario 'late'): The value 'atlantis' is "
              + "invalid for '--location <place>': unknown place."), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.csv"))
      }
    }
  }

  @Test func aRepeatedNameIsCaughtOnEveryThreadWithTheLineItFirstHad() throws {
    var text = "name,experience,location\n"
    for index in 1...150 { text += "s\(index % 140),4,austin\n" }
    let folder = try temporaryFolder(["scenarios.csv": text])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = ["export", folder + "/scenarios.csv", "--skip-bad-rows", "--years", "1"]
    let plain = Self.run(arguments, workers: 1, partSize: 1 << 30, memoBytes: 0)
    #expect(plain.status == 0)
    // s1 (line 2) comes again on line 142, ..., s10 (line 11) on line 151.
    #expect(
      plain.stderr.contains(
        "Skipped: \(folder)/scenarios.csv:142:1: the name 's1' is already used on line 2."),
      "\(plain.stderr)")
    #expect(plain.stderr.hasSuffix("Exported 140 scenarios (140 rows); skipped 10 bad rows.\n"))
    for (workers, partSize) in [(3, 1), (2, 50)] {
      #expect(
        Self.run(arguments, workers: workers, partSize: partSize, memoBytes: 32 << 20) == plain)
    }
  }
}
