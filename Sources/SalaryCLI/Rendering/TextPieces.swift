import ArgumentParsing

extension StringProtocol where SubSequence == Substring {
  /// The text cut at every `separator`, which must be an ASCII byte: at the byte, not at
  /// a character, so a space followed by a combining mark is a cut too. What the tables and
  /// wrapping of reports cut their text by: lines at `\n`, words at ` `.
  ///
  ///     "a b\nc".pieces(at: "\n")  // ["a b", "c"]
  ///
  /// - Complexity: O(*n*) in the text's UTF-8 length.
  func pieces(at separator: Unicode.Scalar, omittingEmpty: Bool = true) -> [Substring] {
    precondition(separator.isASCII, "an ASCII separator")
    let byte = UInt8(separator.value)
    let whole = self[startIndex..<endIndex]
    let utf8 = whole.utf8
    var pieces: [Substring] = []
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == byte {
        if !omittingEmpty || index != start { pieces.append(whole[start..<index]) }
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    if !omittingEmpty || start != utf8.endIndex { pieces.append(whole[start..<utf8.endIndex]) }
    return pieces
  }

  /// The text with every CRLF and lone CR as a plain line break: a CR written to a
  /// terminal sends the cursor back to the line's start, over what came before (a name
  /// from a spreadsheet's cell, `"a\r\nb"`, broke the table's columns).
  ///
  /// - Complexity: O(*n*); no copy when there is no CR.
  var withPlainLineBreaks: String {
    let cr = UInt8(ascii: "\r")
    guard utf8.contains(cr) else { return String(self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var previous: UInt8 = 0
    for byte in utf8 {
      if byte == cr {
        bytes.append(UInt8(ascii: "\n"))
      } else if !(byte == UInt8(ascii: "\n") && previous == cr) {
        bytes.append(byte)
      }
      previous = byte
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
