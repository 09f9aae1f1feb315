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
/// otherwise where it must be. Existing line breaks are kept.
///
///     wrap("Noble Desktop, 2026-03-22", width: 14)  // ["Noble Desktop,", "2026-03-22"]
func wrap(_ text: String, width: Int) -> [String] {
  precondition(width > 0, "a column is at least one character wide")
  var lines: [String] = []
  for paragraph in text.pieces(at: "\n", omittingEmpty: false) {
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
        if piece.isEmpty, let character = rest.first {  // a wide character in a one-column cell
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
