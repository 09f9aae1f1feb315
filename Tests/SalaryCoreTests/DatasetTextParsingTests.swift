import Testing
import _TestSupport

@testable import SalaryCore

/// The parsers of the dataset's text (periods, dates, spans, name keys), which read bytes,
/// against readings by characters that state the rules plainly (kept here as the
/// reference), on hand-picked edge cases and on seeded random strings over an alphabet of
/// the characters that matter (digits, separators, spaces, signs, combining marks and other
/// non-ASCII letters).
@Suite struct ByteParsingTests {
  /// The edges: empty, separators alone or doubled, signs, spaces, a combining acute accent
  /// (U+0301) after a digit, a hyphen or a space, and a fullwidth digit.
  static let edges = [
    "", "-", "--", "+", "2025", "2025-", "-2025", "2025-12", "2025-1", "2025-123", "2025-12-01",
    "2025-12-1", "0000", "0000-00", "9999-12-31", "2024-02-29", "2025-02-29", "02025", " 2025",
    "2025 ", "2025\u{301}", "2025-\u{301}12", "2\u{301}025", "２０２５", "+2025", "2025-+1",
    "0 to 2", "0 to 2 ", " 0 to 2", "0to2", "0 to  2", "0  to 2", "0 to 2 to 3", "0 to to 2",
    "5+", "5 +", " 5+", "5++", "+5", "2.5-4", "2.5 - 4", "-1-2", "1--2", "1-2-3", "1 to -2",
    "0 to inf", "nan to 3", "1e1 to 2e1", "0x10 to 0x20", "0 \u{301}to 2", "0 to\u{301} 2",
    "5\u{301}+", "1\u{301}-2", "１-２", "0 to 2\r\n", "3 to 1", "2 to 2",
  ]

  /// Seeded random strings of up to 12 characters from an alphabet of the characters that
  /// matter to the three parsers.
  static func randomTexts(seed: UInt64, count: Int) -> [String] {
    let alphabet: [String] = [
      "0", "1", "2", "5", "9", "-", "-", "+", " ", " to ", ".", "e", "t", "o", "\u{301}", "é",
      "２",
    ]
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...12, using: &rng)
      return (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
    }
  }

  static let texts = edges + randomTexts(seed: 20_260_601, count: 20_000)

  @Test func periodsReadAsTheyDidByCharacters() {
    for text in Self.texts {
      #expect(Period(parsing: text) == ReferenceParsing.period(text), "\(text.debugDescription)")
    }
    // Every well-formed period too, to be sure the fast path accepts what it should.
    for year in [1, 999, 1000, 2025, 9999] {
      for month in [nil, 1, 9, 10, 12] {
        let text = Period(year: year, month: month).description
        #expect(Period(parsing: text) == ReferenceParsing.period(text))
      }
    }
  }

  @Test func datesReadAsTheyDidByCharacters() {
    let dates = ["2025-02-11", "2024-02-29", "2000-02-29", "1900-02-29", "2025-04-31"]
    for text in Self.texts + dates {
      #expect(
        CalendarDate(parsing: text) == ReferenceParsing.date(text), "\(text.debugDescription)")
    }
  }

  @Test func spansReadAsTheyDidByCharacters() {
    for text in Self.texts {
      #expect(
        ExperienceSpan(parsing: text) == ReferenceParsing.span(text), "\(text.debugDescription)")
    }
  }

  @Test func nameKeysAreWhatLowerCasingGives() {
    let names = [
      "", " ", "San Francisco, CA", "  NEW_york ", "a..b", "A\tB", "ÉCOLE", "Zürich, CH",
      "İstanbul", "ß", "x\u{301}", ",,", "_a_", "Ünïcode  Name.", "MiXeD,Case.Name_here",
    ]
    let random = Self.randomTexts(seed: 7, count: 5_000).map { $0.uppercased() + " _,.\tAb" }
    for name in names + random {
      #expect(nameKey(name) == ReferenceParsing.nameKey(name), "\(name.debugDescription)")
    }
  }

  @Test func theFirstEntryToClaimANameKeepsIt() {
    let index = NameIndex([
      ("austin", "Austin, TX", ["atx"]),
      ("austin-metro", "Austin metro", ["austin", "ATX"]),
      ("zurich", "Zürich, CH", ["zh"]),
    ])
    #expect(index.resolve("AUSTIN") == "austin")
    #expect(index.resolve("atx") == "austin")
    #expect(index.resolve("austin tx") == "austin")
    #expect(index.resolve("Austin Metro") == "austin-metro")
    #expect(index.resolve("ZÜRICH") == "zurich")
    #expect(index.resolve("zürich ch") == "zurich")
    #expect(index.resolve("zurich") == "zurich")
    #expect(index.resolve("dallas") == nil)
    #expect(index.resolve("") == nil)
  }

  @Test func aLargeIndexFindsEveryName() {
    let entries = (0..<500).map { ("id-\($0)", "Place \($0), ST", ["alias \($0)", "a\($0)"]) }
    let index = NameIndex(entries)
    for number in 0..<500 {
      for name in ["id-\(number)", "place \(number)", "PLACE \(number) st", "Alias_\(number)"] {
        #expect(index.resolve(name) == "id-\(number)", "\(name)")
      }
    }
    #expect(index.resolve("place 500") == nil)
  }
}

/// The character-based readings the byte parsers replaced, as they were.
enum ReferenceParsing {
  static func period(_ text: String) -> Period? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts[0].count == 4,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isASCIIDigit) }),
      let year = Int(parts[0]), (1...9999).contains(year)
    else { return nil }
    if parts.count == 2 {
      guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else {
        return nil
      }
      return Period(year: year, month: month)
    }
    return Period(year: year)
  }

  static func date(_ text: String) -> CalendarDate? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      parts.allSatisfy({ $0.allSatisfy(isASCIIDigit) })
    else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  static func span(_ text: String) -> ExperienceSpan? {
    let trimmed = text.trimmingSpaces
    if trimmed.hasSuffix("+") {
      guard let from = Double(String(trimmed.dropLast())), from.isFinite, from >= 0 else {
        return nil
      }
      return ExperienceSpan(from: from, to: nil)
    }
    let separator = trimmed.contains(" to ") ? " to " : "-"
    let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == 2,
      let from = Double(String(parts[0]).trimmingSpaces),
      let to = Double(String(parts[1]).trimmingSpaces),
      from.isFinite, to.isFinite, from >= 0, to > from
    else { return nil }
    return ExperienceSpan(from: from, to: to)
  }

  static func nameKey(_ name: String) -> String {
    var key: [UInt8] = []
    var pendingSpace = false
    for byte in name.lowercased().utf8 {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "\t"):
        pendingSpace = !key.isEmpty
      default:
        if pendingSpace { key.append(UInt8(ascii: " ")) }
        pendingSpace = false
        key.append(byte)
      }
    }
    return String(decoding: key, as: UTF8.self)
  }

  private static func isASCIIDigit(_ character: Character) -> Bool {
    ("0"..."9").contains(character)
  }
}
