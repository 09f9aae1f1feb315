extension StringProtocol {
  /// The text without leading and trailing spaces (U+0020 only).
  ///
  ///     "  sf ".trimmingSpaces  // "sf"
  public var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " { text = text.dropFirst() }
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}

/// The items without repeats, each where it first appears.
///
///     uniqueInOrder(["b", "a", "b"])  // ["b", "a"]
public func uniqueInOrder(_ items: [String]) -> [String] {
  var seen = Set<String>()
  return items.filter { seen.insert($0).inserted }
}

/// The positions of the first item that repeats an earlier one, with that earlier one's:
/// a header naming a column twice.
///
///     firstRepeat(in: ["name", "location", "name"])  // (0, 2)
///
/// - Complexity: O(n).
public func firstRepeat(in items: [String]) -> (first: Int, again: Int)? {
  var seen: [String: Int] = [:]
  for (index, item) in items.enumerated() {
    if let first = seen[item] { return (first, index) }
    seen[item] = index
  }
  return nil
}
