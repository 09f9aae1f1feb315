// The edit distance and the "Did you mean" suggestions built on it.

import Testing
import _TestSupport

@testable import ArgumentParsing

/// The textbook full-matrix Levenshtein distance, to check the trimmed two-row one against.
private func referenceDistance(_ source: [Character], _ target: [Character]) -> Int {
  var matrix = Array(
    repeating: Array(repeating: 0, count: target.count + 1), count: source.count + 1)
  for row in 0...source.count { matrix[row][0] = row }
  for column in 0...target.count { matrix[0][column] = column }
  for row in stride(from: 1, through: source.count, by: 1) {
    for column in stride(from: 1, through: target.count, by: 1) {
      let cost = source[row - 1] == target[column - 1] ? 0 : 1
      matrix[row][column] = min(
        matrix[row - 1][column] + 1, matrix[row][column - 1] + 1,
        matrix[row - 1][column - 1] + cost)
    }
  }
  return matrix[source.count][target.count]
}

/// Levenshtein distances, and the suggestions made from them.
@Suite("Edit distance and suggestions")
struct EditDistanceTests {
  @Test(
    "known distances",
    arguments: [
      ("kitten", "sitting", 3), ("bar", "baz", 1), ("", "abc", 3), ("abc", "", 3), ("", "", 0),
      ("same", "same", 0), ("--formt", "--format", 1), ("--locaton", "--location", 1),
      ("-trak", "--track", 2), ("--delimXXXX", "--delimiter", 4), ("ab", "ba", 2),
    ])
  func knownDistances(_ source: String, _ target: String, _ distance: Int) {
    #expect(source.editDistance(to: target) == distance)
    #expect(target.editDistance(to: source) == distance)
  }

  @Test("matches the full-matrix algorithm on seeded random words")
  func randomWords() {
    var generator = SplitMix64(seed: 0x5A1A_2026)
    let alphabet: [Character] = ["a", "b", "c", "-", "é"]
    for trial in 0..<500 {
      let source = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      let target = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      let expected = referenceDistance(source, target)
      let actual = String(source).editDistance(to: String(target))
      #expect(actual == expected, "trial \(trial): '\(String(source))' → '\(String(target))'")
    }
  }

  private func unknownOption(_ typed: Name, among arguments: [ArgumentSpec]) -> String {
    let command = CommandSpec(name: "tool", arguments: arguments)
    return ErrorMessageGenerator(commandStack: [command], error: .unknownOption(typed))
      .makeErrorMessage()
  }

  @Test("a long name closer than 4 edits is suggested, the closest and first-declared first")
  func suggestions() {
    let arguments: [ArgumentSpec] = [
      .option("delimiter"), .option("format"), .option("formal"), .flag("verbose", short: "v"),
    ]
    #expect(
      unknownOption(.long("formt"), among: arguments)
        == "Unknown option '--formt'. Did you mean '--format'?")
    #expect(
      unknownOption(.long("forma"), among: arguments)
        == "Unknown option '--forma'. Did you mean '--format'?")
    #expect(
      unknownOption(.long("delimXXXr"), among: arguments)
        == "Unknown option '--delimXXXr'. Did you mean '--delimiter'?")
    #expect(unknownOption(.long("delimXXXX"), among: arguments) == "Unknown option '--delimXXXX'")
    #expect(
      unknownOption(.longWithSingleDash("verbose"), among: arguments)
        == "Unknown option '-verbose'. Did you mean '--verbose'?")
  }

  @Test("short names are never suggested, nor suggestions made for them")
  func shortNames() {
    let arguments: [ArgumentSpec] = [.flag("verbose", short: "v"), .option("x")]
    #expect(unknownOption(.short("x"), among: arguments) == "Unknown option '-x'")
    #expect(
      unknownOption(.long("v"), among: arguments) == "Unknown option '--v'. Did you mean '--x'?")
    #expect(
      unknownOption(.long("verbose-mode"), among: arguments) == "Unknown option '--verbose-mode'")
  }
}
