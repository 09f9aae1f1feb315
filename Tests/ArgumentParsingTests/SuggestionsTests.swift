import Testing
import _TestSupport

@testable import ArgumentParsing

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("", "", 0), ("a", "", 1), ("", "abc", 3), ("austn", "austin", 1), ("rnage", "range", 1),
    ("kitten", "sitting", 3), ("ca", "abc", 3), ("東京", "東京都", 1),
  ])
  func editDistances(_ a: String, _ b: String, _ distance: Int) {
    #expect(editDistance(a, b) == distance)
    #expect(editDistance(b, a) == distance)
  }

  @Test func closeNamesAreSuggestedBestFirst() {
    let places = ["austin", "atlanta", "boston", "seattle", "san-francisco"]
    #expect(suggestions(for: "austn", among: places) == ["austin"])
    #expect(suggestions(for: "SEATLE", among: places) == ["seattle"])
    #expect(suggestions(for: "san", among: places) == ["san-francisco"])
    #expect(suggestions(for: "tokyo", among: places) == [])
    #expect(suggestions(for: "", among: places) == [])
  }

  @Test func didYouMeanReadsAsEnglish() {
    #expect(didYouMean([]) == "")
    #expect(didYouMean(["a"]) == " Did you mean 'a'?")
    #expect(didYouMean(["a", "b", "c"]) == " Did you mean 'a', 'b' or 'c'?")
  }
}

@Suite struct LevenshteinModeTests {
  @Test func withoutTranspositionsASwapCostsTwo() {
    #expect(editDistance("rnage", "range", allowingTranspositions: false) == 2)
    #expect(editDistance("kitten", "sitting", allowingTranspositions: false) == 3)
  }
}

/// Suggestions skip the names too far in length to be near: the same answers as counting
/// every distance, in one pass over a long input.
@Suite struct BoundedSuggestionsTests {
  static func reference(_ input: String, _ candidates: [String]) -> [String] {
    let needle = input.lowercased()
    guard !needle.isEmpty else { return [] }
    var scored: [(Int, Int, String)] = []
    for (order, candidate) in candidates.enumerated() {
      let lowered = candidate.lowercased()
      let distance = editDistance(needle, lowered)
      let length = lowered.unicodeScalars.count
      let allowed = min(4, length <= 3 ? 1 : max(2, length / 3))
      let isPrefix =
        min(needle.count, lowered.count) >= 3
        && (lowered.hasPrefix(needle) || needle.hasPrefix(lowered))
      if distance <= allowed || isPrefix {
        scored.append((isPrefix ? min(distance, 1) : distance, order, candidate))
      }
    }
    var seen = Set<String>()
    return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
      .filter { seen.insert($0).inserted }.prefix(3).map { $0 }
  }

  @Test func theSameAsCountingEveryDistance() {
    let places = ["austin", "seattle", "san-francisco", "sf", "nyc", "new-york", "remote", "go"]
    var random = SplitMix64(seed: 11)
    let letters = Array("austinelrmoyfkgw-")
    for _ in 0..<2_000 {
      let length = 1 + Int(random.next() % 16)
      let input = String((0..<length).map { _ in letters[Int(random.next() % 17)] })
      #expect(suggestions(for: input, among: places) == Self.reference(input, places), "\(input)")
    }
  }

  @Test func aLongInputStillFindsTheNameItStartsWith() {
    let long = "austin" + String(repeating: "q", count: 200_000)
    #expect(suggestions(for: long, among: ["seattle", "austin"]) == ["austin"])
    #expect(suggestions(for: String(repeating: "q", count: 200_000), among: ["austin"]) == [])
  }
}
