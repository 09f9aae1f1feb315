import SalaryCore
import Testing

@testable import SalaryData

/// `data check` means usable: a dataset whose rows are each valid must also answer at
/// every experience from 0 to 30 years, and one that cannot says why, on the row to blame.
@Suite struct UsabilityTests {
  /// The embedded files with `pay.csv` replaced by its header and the rows `keep` chooses.
  static func files(keeping keep: (String) -> Bool, extra: [String] = []) -> [String: [UInt8]] {
    var files = EmbeddedDataset.files
    let lines = String(decoding: files["pay.csv"]!, as: UTF8.self).split(separator: "\n")
    let kept = [String(lines[0])] + lines.dropFirst().map(String.init).filter(keep) + extra
    files["pay.csv"] = Array((kept.joined(separator: "\n") + "\n").utf8)
    return files
  }

  static func diagnostics(_ files: [String: [UInt8]]) throws -> [String] {
    let dataset = try DatasetLoader.load(files: files)
    return UsabilityDiagnostics.diagnostics(of: dataset, files: files) { $0 }.map(\.description)
  }

  static let noCurves =
    "pay.csv: no figure gives pay by experience (years_from and years_to) or by a level of "
    + "the ladder: estimate, offer and project have nothing to answer from"

  @Test func theEmbeddedDatasetIsUsable() throws {
    #expect(Usability.problems(of: PayModel(dataset: try EmbeddedDataset.load())) == [])
    #expect(try Self.diagnostics(EmbeddedDataset.files) == [])
  }

  @Test func aPayFileWithOnlyItsHeaderCannotAnswer() throws {
    // Once it passed the check, and every estimate then stopped the program.
    #expect(try Self.diagnostics(Self.files { _ in false }) == [Self.noCurves])
  }

  @Test func onlyTheOfficialPercentilesCannotAnswer() throws {
    let files = Self.files { $0.hasPrefix("bls-") }
    #expect(try DatasetLoader.load(files: files).payFigures.count == 8)
    #expect(try Self.diagnostics(files) == [Self.noCurves])
  }

  @Test func figuresStartingAtTwentyYearsAreBlamedOnTheirRow() throws {
    // One figure from 20 years: every estimate below would read 22.5 years' pay.
    let row =
      "cbt-late,cbt-nuggets,salary-table,How Much Does a Back-End Developer Make?,2024-12,us,"
      + "back-end developers,entry,Entry-Level,20,25,range,,,60000,85000,,,USD,"
    let files = Self.files(keeping: { $0.hasPrefix("bls-") }, extra: [row])
    let column =
      row.split(separator: ",", omittingEmptySubsequences: false).prefix(9)
      .joined(separator: ",").count + 2
    let blsRows = 8
    #expect(
      try Self.diagnostics(files) == [
        "pay.csv:\(blsRows + 2):\(column): the figures by experience start at 20 years: with "
          + "none from 0 years, an estimate for fewer years would read the pay of 22.5 years. "
          + "Add a figure whose span starts at 0"
      ])
  }

  @Test func aLadderLevelWithoutAFigureIsBlamedOnTheLevel() throws {
    // The Himalayas ladder's top level loses its figures (a median and a mean).
    let dataset = try DatasetLoader.load(files: EmbeddedDataset.files)
    let top = try #require(dataset.ladder.levels.last)
    let ids = Set(
      dataset.payFigures.filter { $0.level == top.key && $0.source == dataset.ladder.source }
        .map(\.id))
    #expect(ids.count == 2)
    let files = Self.files { !ids.contains(String($0.prefix { $0 != "," })) }
    let problems = try Self.diagnostics(files)
    #expect(
      problems.contains { $0.hasPrefix("levels.csv:") && $0.contains("'\(top.key)'") },
      "\(problems)")
  }
}
