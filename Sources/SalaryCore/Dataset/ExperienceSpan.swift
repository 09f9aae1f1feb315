/// A span of years of professional experience, such as `0–2` or the open `5+`.
///
/// Guides publish spans with inclusive whole-year ends. An open span has no stated
/// end; ``closed(openSpanYears:)`` gives it one from the dataset's assumption.
///
///     ExperienceSpan(parsing: "0 to 2")?.description  // "0–2"
///     ExperienceSpan(parsing: "5+")?.midpoint          // nil: open
///     ExperienceSpan(from: 5, to: nil).closed(openSpanYears: 5).midpoint  // 7.5
public struct ExperienceSpan: Sendable, Hashable, CustomStringConvertible {
  /// The first year of the span, zero or more.
  public var from: Double
  /// The last year of the span, greater than ``from``; `nil` for an open span.
  public var to: Double?

  /// Creates a span. `from` must be finite and non-negative, `to` finite and above `from`.
  public init(from: Double, to: Double?) {
    precondition(from.isFinite && from >= 0, "a span starts at zero or more years")
    precondition(to.map { $0.isFinite && $0 > from } ?? true, "a span ends after it starts")
    self.from = from
    self.to = to
  }

  /// Parses `A to B` (or `A-B`) and `A+`, where A and B are years; `nil` if malformed.
  ///
  /// Spans are ASCII: a year is digits and a point, and the separators are ASCII, so text
  /// with any other character is not a span, and a byte is a character.
  public init?(parsing text: String) {
    let bytes = Array(text.utf8)
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    func number(_ range: Range<Int>, trimming: Bool = true) -> Double? {
      var low = range.lowerBound
      var high = range.upperBound
      while trimming && low < high && bytes[low] == UInt8(ascii: " ") { low += 1 }
      while trimming && high > low && bytes[high - 1] == UInt8(ascii: " ") { high -= 1 }
      return Double(String(decoding: bytes[low..<high], as: UTF8.self))
    }
    func occurrences(of pattern: [UInt8], in range: Range<Int>) -> [Int] {
      var found: [Int] = []
      var i = range.lowerBound
      while i + pattern.count <= range.upperBound {
        if bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
          found.append(i)
          i += pattern.count
        } else {
          i += 1
        }
      }
      return found
    }
    var low = 0
    var high = bytes.count
    while low < high && bytes[low] == UInt8(ascii: " ") { low += 1 }
    while high > low && bytes[high - 1] == UInt8(ascii: " ") { high -= 1 }
    if high > low && bytes[high - 1] == UInt8(ascii: "+") {
      // The year before the plus is not trimmed again: `5 +` is not a span.
      guard let from = number(low..<(high - 1), trimming: false), from.isFinite, from >= 0
      else { return nil }
      self.init(from: from, to: nil)
      return
    }
    var separator = Array(" to ".utf8)
    var splits = occurrences(of: separator, in: low..<high)
    if splits.isEmpty {
      separator = [UInt8(ascii: "-")]
      splits = occurrences(of: separator, in: low..<high)
    }
    guard splits.count == 1,
      let from = number(low..<splits[0]),
      let to = number((splits[0] + separator.count)..<high),
      from.isFinite, to.isFinite, from >= 0, to > from
    else { return nil }
    self.init(from: from, to: to)
  }

  /// Whether the span has no stated end.
  public var isOpen: Bool { to == nil }

  /// The middle of a closed span, where its figure sits on an experience curve.
  public var midpoint: Double? { to.map { (from + $0) / 2 } }

  /// The span with an open end closed `openSpanYears` after its start.
  ///
  /// A closed span is returned as it is.
  public func closed(openSpanYears: Double) -> ExperienceSpan {
    precondition(openSpanYears > 0, "an open span must close after it starts")
    return to == nil ? ExperienceSpan(from: from, to: from + openSpanYears) : self
  }

  /// Whether `years` lies in the span (both ends included; an open span has no upper end).
  public func contains(_ years: Double) -> Bool {
    years >= from && (to.map { years <= $0 } ?? true)
  }

  /// `0–2` for a closed span, `5+` for an open one.
  public var description: String {
    let start = from.compactNumber
    return to.map { "\(start)–\($0.compactNumber)" } ?? "\(start)+"
  }
}

extension Double {
  /// `4` for 4.0 and `2.5` for 2.5: a number as a person writes it.
  public var compactNumber: String {
    self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
