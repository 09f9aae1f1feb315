import Testing

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
