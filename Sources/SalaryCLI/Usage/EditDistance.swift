// The Levenshtein distance behind "Did you mean '--format'?".

extension StringProtocol {
  /// The Levenshtein edit distance between this string and `target`, in characters.
  ///
  /// A port of swift-argument-parser's `editDistance(to:)`: a common prefix and suffix are
  /// trimmed first, then two rows of the classic matrix are kept.
  ///
  ///     "kitten".editDistance(to: "sitting")  // 3
  ///     "--formt".editDistance(to: "--format")  // 1
  ///
  /// - Complexity: O(*m* × *n*) time and O(*n*) space after trimming.
  func editDistance(to target: some StringProtocol) -> Int {
    var source = Array(self)[...]
    var target = Array(target)[...]
    while let first = source.first, first == target.first {
      source.removeFirst()
      target.removeFirst()
    }
    while let last = source.last, last == target.last {
      source.removeLast()
      target.removeLast()
    }
    if source.isEmpty || target.isEmpty { return Swift.max(source.count, target.count) }

    var previousRow = [Int](repeating: 0, count: target.count + 1)
    var currentRow = Array(0...target.count)
    for (row, sourceCharacter) in source.enumerated() {
      swap(&previousRow, &currentRow)
      currentRow[0] = row + 1
      for (column, targetCharacter) in target.enumerated() {
        if sourceCharacter == targetCharacter {
          currentRow[column + 1] = previousRow[column]
        } else {
          currentRow[column + 1] =
            Swift.min(previousRow[column + 1], currentRow[column], previousRow[column]) + 1
        }
      }
    }
    return currentRow[target.count]
  }
}
