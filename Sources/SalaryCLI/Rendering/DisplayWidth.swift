import ArgumentParsing

/// How many terminal columns text takes: East Asian wide characters (`東京`) take two,
/// combining marks none, everything else one.
///
///     displayWidth("Zürich")  // 6
///     displayWidth("東京")     // 4
func displayWidth<S: StringProtocol>(_ text: S) -> Int {
  var width = 0
  for scalar in text.unicodeScalars {
    width += columns(of: scalar)
  }
  return width
}

/// The terminal columns one scalar takes (a close reading of Unicode's East Asian Width).
private func columns(of scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  switch value {
  case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
    0x200B...0x200F:
    return 0
  case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
    return 2
  default:
    return 1
  }
}

/// Splits text into lines no wider than `width` columns, breaking at spaces; a word
/// wider than `width` is broken after an en dash if it has one (`$60,000–` / `$85,000`),
/// otherwise where it must be. Existing line breaks are kept (CRLF and CR read as one).
///
/// - Complexity: O(*n*) in the text's length, however long a word is.
///
///     wrap("Noble Desktop, 2026-03-22", width: 14)  // ["Noble Desktop,", "2026-03-22"]
func wrap(_ text: String, width: Int) -> [String] {
  precondition(width > 0, "a column is at least one character wide")
  var lines: [String] = []
  for paragraph in text.withPlainLineBreaks.pieces(at: "\n", omittingEmpty: false) {
    var line = ""
    var lineWidth = 0
    for word in paragraph.pieces(at: " ") {
      var word = Substring(word)
      let wordWidth = displayWidth(word)
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        // Appended as a substring: `" " + word` goes through the generic sequence append.
        line += " "
        line.append(contentsOf: word)
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      if wordWidth > width {
        // In one pass, whatever the word's length: its last en dash is found once (a break
        // after it fits once the pieces before it are gone), and widths are counted down.
        let whole = word
        var dash = whole.unicodeScalars.lastIndex(of: "–").flatMap { index -> String.Index? in
          index == whole.unicodeScalars.index(before: whole.endIndex) ? nil : index
        }
        let widthThroughDash = dash.map { displayWidth(whole[...$0]) } ?? 0
        var remaining = wordWidth
        var consumed = 0
        while remaining > width {
          if let found = dash, widthThroughDash - consumed <= width {
            let end = whole.unicodeScalars.index(after: found)
            lines.append(String(word[..<end]))
            remaining -= widthThroughDash - consumed
            consumed = widthThroughDash
            word = word[end...]
            dash = nil
            continue
          }
          var end = word.startIndex
          var pieceWidth = 0
          while end < word.endIndex {
            let characterWidth = displayWidth(word[end..<word.index(after: end)])
            if pieceWidth + characterWidth > width && pieceWidth > 0 { break }
            // (A wide character in a one-column cell goes alone.)
            pieceWidth += characterWidth
            end = word.index(after: end)
          }
          lines.append(String(word[..<end]))
          word = word[end...]
          remaining -= pieceWidth
          consumed += pieceWidth
          if let found = dash, found < word.startIndex { dash = nil }
        }
      }
      line = String(word)
      lineWidth = displayWidth(word)
    }
    lines.append(line)
  }
  return lines
}
