// Splitting text at line breaks and spaces, as splitting its characters does, without
// walking characters where bytes give the same answer.

extension StringProtocol where SubSequence == Substring {
  /// The text split at every `separator`, a line break or a space, exactly as
  /// `split(separator:omittingEmptySubsequences:)` splits its characters.
  ///
  /// Every report is wrapped and laid out in columns this way, and walking characters
  /// costs several times what finding a byte does. The two agree wherever the separator
  /// byte is a whole character: a line break always is, unless it follows a carriage
  /// return; a space is, unless a non-ASCII scalar (a combining mark, say) stands beside
  /// it. Otherwise the characters are split.
  func splitting(at separator: Character, omittingEmptySubsequences: Bool = true) -> [Substring] {
    guard let byte = separator.asciiValue, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: " ")
    else {
      return split(separator: separator, omittingEmptySubsequences: omittingEmptySubsequences)
    }
    let whole = self[startIndex..<endIndex]
    let utf8 = whole.utf8
    var previous: UInt8 = 0
    for next in utf8 {
      let ambiguous =
        byte == UInt8(ascii: "\n")
        ? next == UInt8(ascii: "\r")
        : (next >= 0x80 && previous == byte) || (next == byte && previous >= 0x80)
      if ambiguous {
        return split(separator: separator, omittingEmptySubsequences: omittingEmptySubsequences)
      }
      previous = next
    }
    var pieces: [Substring] = []
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == byte {
        if !omittingEmptySubsequences || index != start { pieces.append(whole[start..<index]) }
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    if !omittingEmptySubsequences || start != utf8.endIndex {
      pieces.append(whole[start..<utf8.endIndex])
    }
    return pieces
  }
}
