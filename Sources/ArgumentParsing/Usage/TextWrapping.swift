// Word wrapping of help text, exactly as swift-argument-parser does it.

extension StringProtocol where SubSequence == Substring {
  /// The text wrapped to `columns`, every non-empty line indented by `wrappingIndent`.
  ///
  /// A port of swift-argument-parser's `wrapped(to:wrappingIndent:)`. Each line is cut from a
  /// chunk of `columns - wrappingIndent` characters at the chunk's last space, so a line fills
  /// the width only when it ends the text; otherwise a word ending on the last column moves to
  /// the next line (at 80 columns, help text after the 26-column labels gets 53 characters a
  /// line, and 54 on its last). Existing line breaks are kept; a word longer than the width
  /// overflows. Returns "" if `columns - wrappingIndent` is not positive, as upstream does in
  /// release builds.
  ///
  ///     "Work location. (values: remote, london, berlin, paris)".wrapped(to: 40)
  ///     // "Work location. (values: remote, london,\nberlin, paris)"
  ///
  /// - Complexity: O(*n*) in the length of the text.
  public func wrapped(to columns: Int, wrappingIndent: Int = 0) -> String {
    let columns = columns - wrappingIndent
    guard columns > 0 else { return "" }

    var result: [Substring] = []
    var currentIndex = startIndex
    while true {
      let nextChunk = self[currentIndex...].prefix(columns)
      if let lastLineBreak = nextChunk.lastIndex(of: "\n") {
        result.append(
          contentsOf: self[currentIndex..<lastLineBreak].split(
            separator: "\n", omittingEmptySubsequences: false))
        currentIndex = index(after: lastLineBreak)
      } else if nextChunk.endIndex == endIndex {
        result.append(self[currentIndex...])
        break
      } else if let lastSpace = nextChunk.lastIndex(of: " ") {
        result.append(self[currentIndex..<lastSpace])
        currentIndex = index(after: lastSpace)
      } else if let nextSpace = self[currentIndex...].firstIndex(of: " ") {
        result.append(self[currentIndex..<nextSpace])
        currentIndex = index(after: nextSpace)
      } else {
        result.append(self[currentIndex...])
        break
      }
    }

    let indent = String(repeating: " ", count: wrappingIndent)
    return result.map { $0.isEmpty ? String($0) : indent + $0 }.joined(separator: "\n")
  }
}
