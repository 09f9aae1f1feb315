// Splitting by bytes, against splitting by characters.

import Testing
import _TestSupport

@testable import SalaryCLI

@Suite struct TextSplittingTests {
  /// Seeded random texts over the characters that matter: separators, a carriage return,
  /// a combining acute accent (U+0301), a zero-width joiner, wide and accented letters.
  static let texts: [String] = {
    let alphabet = [
      " ", " ", "\n", "\n", "\r", "a", "b", "é", "\u{301}", "\u{200D}", "東", "–", "$", "1",
    ]
    var rng = SplitMix64(seed: 20_261_124)
    let random = (0..<20_000).map { _ in
      (0..<Int.random(in: 0...16, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
        .joined()
    }
    return ["", " ", "\n", "a b", " a  b ", "a\nb\n", "\r\n", "a \u{301}b", "é b", "a\r\nb"]
      + random
  }()

  @Test(arguments: [" ", "\n"] as [Character])
  func splittingIsSplittingCharacters(_ separator: Character) {
    for text in Self.texts {
      for omitting in [true, false] {
        let expected = text.split(separator: separator, omittingEmptySubsequences: omitting)
        let found = text.splitting(at: separator, omittingEmptySubsequences: omitting)
        #expect(found == expected, "\(text.debugDescription) omitting: \(omitting)")
        let substring = text.dropFirst()
        #expect(
          substring.splitting(at: separator, omittingEmptySubsequences: omitting)
            == substring.split(separator: separator, omittingEmptySubsequences: omitting))
      }
    }
  }
}
