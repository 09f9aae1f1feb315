import SalaryCore
import Testing
import _TestSupport

@testable import SalaryData

/// The cell readers, which work on bytes, against plain readings of the same rules (lists
/// split at every `;` scalar and trimmed of U+0020 spaces; numbers as `Double` reads
/// them), on edge cases and seeded random cells.
@Suite struct CellReadingTests {
  /// `cell`'s items by the rule: split at every `;`, each trimmed of leading and trailing
  /// U+0020 (a scalar, even when a combining mark follows it); items that are empty after
  /// trimming left out, or with `keepingBlank`, those of spaces only kept as "".
  static func items(_ cell: String, keepingBlank: Bool = false) -> [String] {
    var items: [String] = []
    for piece in cell.unicodeScalars.split(separator: ";", omittingEmptySubsequences: true) {
      var scalars = Array(piece)
      while scalars.first == " " { scalars.removeFirst() }
      while scalars.last == " " { scalars.removeLast() }
      if !scalars.isEmpty {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        items.append(text)
      } else if keepingBlank {
        items.append("")
      }
    }
    return items
  }

  /// Seeded random cells of up to 14 characters from an alphabet of what matters to lists,
  /// numbers and ids: separators, spaces, digits, signs, points, letters, a combining acute
  /// accent (U+0301) and other non-ASCII characters.
  static func randomCells(seed: UInt64, count: Int) -> [String] {
    let alphabet: [String] = [
      ";", ";", " ", " ", "0", "1", "9", "-", ".", "a", "z", "Q", "A", "\u{301}", "é", "É", "\"",
      ",", "\t",
    ]
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...14, using: &rng)
      return (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
    }
  }

  static let edges = [
    "", ";", ";;", " ; ", "a;b", " a ; b ", "a; ;b", "a;\u{301}b", "a; \u{301}b", "é;  ü ", "a ;",
    "0", "-0", "-", ".5", "5.", "1.2.3", "--1", "81000", "-5", "2.5", "007", "0.1", "1e3",
    "1234567890123456", "12345678901234567890.5", "9" + String(repeating: "9", count: 400),
    "0.000000000000001", "123456789012345", "12345678901234.5", "nan", "inf", "$81,000", "٣",
    "a-b", "a--b", "-a", "a-", "ab12-cd", "A", "a_b",
  ]

  static let cells = edges + randomCells(seed: 20_260_602, count: 20_000)

  /// A one-column table of `cells`, each quoted so that any text survives the CSV.
  static func table(_ cells: [String]) throws -> Table {
    let schema = TableSchema(
      fileName: "cells.csv", isRequired: false, columns: [.required(.aliases)])
    let quoted = cells.map { "\"" + $0.replacingQuotes + "\"" }
    let text = "aliases\n" + quoted.joined(separator: "\n") + "\n"
    let diagnostics = Diagnostics()
    let table = Table(
      bytes: Array(text.utf8), schema: schema, displayName: "cells.csv",
      diagnostics: diagnostics)
    #expect(diagnostics.isEmpty)
    return try #require(table)
  }

  @Test func cellsReadBackAsTheyWereWritten() throws {
    let table = try Self.table(Self.cells)
    #expect(table.rows.count == Self.cells.count)
    for (row, cell) in zip(table.rows, Self.cells) {
      #expect(row[.aliases] == cell)
      #expect(row.isEmpty(.aliases) == cell.isEmpty)
      #expect(row[.note] == "" && row.isEmpty(.note))
    }
  }

  @Test func listsSplitAtEverySemicolon() throws {
    let table = try Self.table(Self.cells)
    for (row, cell) in zip(table.rows, Self.cells) {
      #expect(row.list(.aliases) == Self.items(cell), "\(cell.debugDescription)")
    }
    // A combining mark after a separator or a space does not hide it.
    let marks = try Self.table(["a;\u{301}b", "a; \u{301}b "])
    #expect(marks.rows[0].list(.aliases) == ["a", "\u{301}b"])
    #expect(marks.rows[1].list(.aliases) == ["a", "\u{301}b"])
  }

  @Test func aliasesAreLowerCasedAsStringsAre() throws {
    let table = try Self.table(Self.cells)
    for (row, cell) in zip(table.rows, Self.cells) {
      let expected = Self.items(cell).map { $0.lowercased() }
      #expect(row.aliases(.aliases) == expected, "\(cell.debugDescription)")
    }
  }

  @Test func identifierListsReportEveryBadItem() throws {
    let table = try Self.table(["a;b-c; d ", "a;B;c;-d", "x;;y\u{301}"])
    let diagnostics = Diagnostics()
    #expect(table.rows[0].identifiers(.aliases, diagnostics) == ["a", "b-c", "d"])
    #expect(table.rows[1].identifiers(.aliases, diagnostics) == ["a", "c"])
    #expect(table.rows[2].identifiers(.aliases, diagnostics) == ["x"])
    #expect(
      diagnostics.items.map(\.message) == [
        "'B' is not a valid id: use lower-case letters and digits joined by hyphens",
        "'-d' is not a valid id: use lower-case letters and digits joined by hyphens",
        "'y\u{301}' is not a valid id: use lower-case letters and digits joined by hyphens",
      ])
  }

  @Test func trackListsKeepBlankItems() throws {
    let table = try Self.table(Self.cells)
    for (row, cell) in zip(table.rows, Self.cells) where !cell.allSatisfy({ $0 == " " }) {
      #expect(
        row.list(.aliases, keepingBlankItems: true) == Self.items(cell, keepingBlank: true),
        "\(cell.debugDescription)")
    }
  }

  @Test func numbersAreWhatDoubleReads() {
    for cell in Self.cells {
      let expected = Self.referenceIsPlainDecimal(cell) ? Double(cell) : nil
      let found = plainDecimal(cell)
      #expect(
        found?.bitPattern == expected?.bitPattern,
        "\(cell.debugDescription): \(String(describing: found))")
    }
    // Every decimal of up to 15 digits reads exactly as Double does; a sample of them.
    var rng = SplitMix64(seed: 3)
    for _ in 0..<50_000 {
      let digits = Int.random(in: 1...15, using: &rng)
      var text = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
      if digits > 1 && Bool.random(using: &rng) {
        let point = text.index(text.startIndex, offsetBy: Int.random(in: 1..<digits, using: &rng))
        text.insert(".", at: point)
      }
      if Bool.random(using: &rng) { text = "-" + text }
      #expect(plainDecimal(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test func idsAreWhatTheScalarsSay() {
    for cell in Self.cells + ["a", "a-b", "a-b-c", "a--b", "-a", "a-", "é", "a\u{301}"] {
      #expect(isIdentifier(cell) == Self.referenceIsIdentifier(cell), "\(cell.debugDescription)")
    }
  }

  /// `-?digits(.digits)?`, read by scalars.
  static func referenceIsPlainDecimal(_ text: String) -> Bool {
    var scalars = Substring(text).unicodeScalars[...]
    if scalars.first == "-" { scalars = scalars.dropFirst() }
    let parts = String(scalars).split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return false }
    return parts.allSatisfy { part in
      !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
  }

  /// `[a-z0-9]+(-[a-z0-9]+)*`, read by scalars.
  static func referenceIsIdentifier(_ text: String) -> Bool {
    var previousWasHyphen = true
    for scalar in text.unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9": previousWasHyphen = false
      case "-" where !previousWasHyphen: previousWasHyphen = true
      default: return false
      }
    }
    return !previousWasHyphen
  }
}

extension String {
  /// The text with each quote doubled, byte by byte (a quote followed by a combining mark
  /// is one character, but still a quote to CSV).
  fileprivate var replacingQuotes: String {
    String(decoding: utf8.flatMap { $0 == UInt8(ascii: "\"") ? [$0, $0] : [$0] }, as: UTF8.self)
  }
}
