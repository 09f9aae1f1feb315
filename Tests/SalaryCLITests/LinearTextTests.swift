import Testing
import _TestSupport

@testable import SalaryCLI

/// Wrapping and line breaks in one pass over the text: the same lines as the word-by-word
/// wrapping they replace, at any length.
@Suite struct LinearTextTests {
  /// The wrapping before it was made linear: each piece of a long word measured and
  /// searched again from the start of what was left.
  static func referenceWrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.pieces(at: "\n", omittingEmpty: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.pieces(at: " ") {
        var word = Substring(word)
        let wordWidth = displayWidth(word)
        if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while displayWidth(word) > width {
          if let dash = word.lastIndex(of: "–"), dash != word.index(before: word.endIndex),
            displayWidth(word[...dash]) <= width
          {
            lines.append(String(word[...dash]))
            word = word[word.index(after: dash)...]
            continue
          }
          var piece = ""
          var pieceWidth = 0
          var rest = word
          while let character = rest.first, pieceWidth + displayWidth(String(character)) <= width {
            piece.append(character)
            pieceWidth += displayWidth(String(character))
            rest = rest.dropFirst()
          }
          if piece.isEmpty, let character = rest.first {
            piece.append(character)
            rest = rest.dropFirst()
          }
          lines.append(piece)
          word = rest
        }
        line = String(word)
        lineWidth = displayWidth(word)
      }
      lines.append(line)
    }
    return lines
  }

  @Test(arguments: [1, 2, 3, 5, 8, 13, 40])
  func wrappingMatchesTheReferenceOnSeededText(_ width: Int) {
    var random = SplitMix64(seed: UInt64(width))
    let alphabet: [String] = ["a", "b", "Z", "–", " ", " ", "$", "0", ",", "東", "é", "\n"]
    for _ in 0..<400 {
      let length = Int(random.next() % 90)
      let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        .joined()
      #expect(wrap(text, width: width) == Self.referenceWrap(text, width: width), "\(text)")
    }
  }

  @Test func aLongWordBreaksAtItsLastDashThenByWidth() {
    #expect(wrap("$60,000–$85,000", width: 10) == ["$60,000–", "$85,000"])
    #expect(wrap("aaaa–bbbbbbbbbb", width: 6) == ["aaaa–", "bbbbbb", "bbbb"])
    // A word that ends a line exactly leaves an empty line after it, as before.
    #expect(wrap("東京東京", width: 1) == ["東", "京", "東", "京", ""])
    let long = String(repeating: "x", count: 40_000)
    let lines = wrap(long, width: 7)
    #expect(lines.count == 5_715 && lines.allSatisfy { $0.count <= 7 })
    #expect(lines.joined() == long)
  }

  @Test func carriageReturnsAreLineBreaks() {
    #expect("a\r\nb\rc\nd".withPlainLineBreaks == "a\nb\nc\nd")
    #expect("\r\r\n\n".withPlainLineBreaks == "\n\n\n")
    #expect("plain".withPlainLineBreaks == "plain")
    #expect(wrap("stay\r\nhere", width: 20) == ["stay", "here"])
    let table = TextTable(
      columns: [.init(title: "Name"), .init(title: "Pay")],
      rows: [
        ["a\r\nb", "1"]
      ])
    #expect(table.rendered(width: 80) == "Name  Pay\n----  ---\na     1\nb\n")
  }
}
