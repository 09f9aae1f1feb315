extension StringProtocol {
  /// The text as an error message repeats it back: whole when it is short, otherwise its
  /// first `limit` characters and "…", so that a megabyte value given by mistake does not
  /// become a megabyte message.
  ///
  ///     "austin".echoed                              // "austin"
  ///     String(repeating: "x", count: 800).echoed    // 60 × "x" + "…"
  ///
  /// - Complexity: O(`limit`): the rest of a long text is never read.
  public var echoed: String { echoed(limit: 60) }

  /// The text cut to its first `limit` characters and "…" when it is longer.
  public func echoed(limit: Int) -> String {
    precondition(limit > 0, "an echo keeps at least one character")
    var end = startIndex
    var kept = 0
    while end < endIndex && kept < limit {
      formIndex(after: &end)
      kept += 1
    }
    return end == endIndex ? String(self) : String(self[..<end]) + "…"
  }
}
