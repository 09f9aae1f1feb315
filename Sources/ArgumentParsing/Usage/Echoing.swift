// The parser's own copy of the rule its error messages follow when they repeat a value back.
// The module depends on nothing else in the package, as swift-argument-parser is a package
// of its own; `SalaryCore` keeps the same rule for the commands and the data files.

extension StringProtocol {
  /// The value whole when it is short, else its first 60 characters and "…": an error that
  /// repeats a megabyte value given by mistake stays a line long.
  ///
  ///     "abc".echoedValue                            // "abc"
  ///     String(repeating: "x", count: 800).echoedValue // 60 × "x" + "…"
  ///
  /// - Complexity: O(60): the rest of a long value is never read.
  var echoedValue: String {
    var end = startIndex
    var kept = 0
    while end < endIndex && kept < 60 {
      formIndex(after: &end)
      kept += 1
    }
    return end == endIndex ? String(self) : String(self[..<end]) + "…"
  }
}
