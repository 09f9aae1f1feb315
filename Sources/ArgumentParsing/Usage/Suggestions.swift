/// The edit distance between two strings, counted in Unicode scalars: insertions,
/// deletions, substitutions and, by default, swaps of two neighbours each cost 1 (the
/// optimal string alignment distance, so the typo `rnage` is one edit from `range`).
/// Without transpositions it is the Levenshtein distance, as swift-argument-parser uses.
///
///     editDistance("austn", "austin")                               // 1
///     editDistance("rnage", "range")                                // 1
///     editDistance("rnage", "range", allowingTranspositions: false)  // 2
///
/// - Complexity: O(*m* × *n*) time and O(*n*) memory for strings of *m* and *n* scalars.
public func editDistance(_ a: String, _ b: String, allowingTranspositions: Bool = true) -> Int {
  let a = Array(a.unicodeScalars)
  let b = Array(b.unicodeScalars)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var beforePrevious = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      if allowingTranspositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
        current[j] = min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    (beforePrevious, previous, current) = (previous, current, beforePrevious)
  }
  return previous[b.count]
}

/// The candidates closest to `input`, best first, for "Did you mean …?" messages.
///
/// Matching ignores case. A candidate qualifies when its distance is at most 1 for
/// names of up to three letters, and otherwise at most a third of its length but at
/// least 2 (never more than `maximumDistance`); or when one of the two starts with the
/// other and the shorter has at least three letters. Ties keep the candidates' order.
///
/// - Complexity: O(*n* + *k* × *m*²) for an input of *n* scalars and *k* candidates of
///   up to *m*: linear in the input, whatever its length.
///
///     suggestions(for: "austn", among: ["austin", "atlanta", "boston"])  // ["austin"]
public func suggestions(
  for input: String, among candidates: [String], limit: Int = 3, maximumDistance: Int = 4
) -> [String] {
  let needle = input.lowercased()
  guard !needle.isEmpty else { return [] }
  let needleLength = needle.unicodeScalars.count
  let needleCharacters = needle.count
  var scored: [(distance: Int, order: Int, candidate: String)] = []
  for (order, candidate) in candidates.enumerated() {
    let lowered = candidate.lowercased()
    let length = lowered.unicodeScalars.count
    let allowed = min(maximumDistance, length <= 3 ? 1 : max(2, length / 3))
    // The distance is at least the difference in length: past `allowed`, it need not be
    // counted, so an input of any length costs one pass, not its length times each name's.
    let distance =
      abs(needleLength - length) > allowed ? Int.max : editDistance(needle, lowered)
    let isPrefix =
      min(needleCharacters, lowered.count) >= 3
      && (lowered.hasPrefix(needle) || needle.hasPrefix(lowered))
    if distance <= allowed || isPrefix {
      scored.append((isPrefix ? min(distance, 1) : distance, order, candidate))
    }
  }
  var seen = Set<String>()
  return scored.sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }
    .map(\.candidate)
    .filter { seen.insert($0).inserted }
    .prefix(limit)
    .map { $0 }
}

/// ` Did you mean 'a'?` or ` Did you mean 'a' or 'b'?`, or an empty string: ready to
/// append to a message.
public func didYouMean(_ names: [String]) -> String {
  switch names.count {
  case 0: return ""
  case 1: return " Did you mean '\(names[0])'?"
  default:
    let quoted = names.map { "'\($0)'" }
    return " Did you mean \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last!)?"
  }
}
