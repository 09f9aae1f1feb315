// The Levenshtein distance behind "Did you mean '--format'?".

extension StringProtocol {
  /// The Levenshtein edit distance between this string and `target`, as swift-argument-parser
  /// computes it for option suggestions (no transpositions).
  ///
  ///     "kitten".editDistance(to: "sitting")  // 3
  ///     "--formt".editDistance(to: "--format")  // 1
  ///
  /// - Complexity: O(*m* × *n*) time and O(*n*) space.
  public func editDistance(to target: some StringProtocol) -> Int {
    ArgumentParsing.editDistance(String(self), String(target), allowingTranspositions: false)
  }
}
