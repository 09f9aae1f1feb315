import SalaryCSV
import Testing
import _TestSupport

// Pieces random text is made of: the characters CSV and spreadsheets care about, non-ASCII
// text, a combining accent (which fuses with a quote into one Character) and formula triggers.
private let textPieces: [String] = [
  "a", "Z", "7", " ", "ü", "東京", "😀", "\u{301}", "\"", "\"\"", ",", ";", "\r", "\n", "\r\n",
  "\t", "'", "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FEFF}",
  "1.5", "0,035",
]

private let formulaStarts: Set<Unicode.Scalar> = [
  "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
]

private func randomText(using rng: inout SplitMix64) -> String {
  var text = ""
  for _ in 0..<Int.random(in: 0...6, using: &rng) {
    text += textPieces.randomElement(using: &rng)!
  }
  return text
}

private func randomField(using rng: inout SplitMix64) -> CSVField {
  switch Int.random(in: 0..<10, using: &rng) {
  case 0..<5:
    return .text(randomText(using: &rng))
  case 5..<8:
    let magnitude = [1.0, 100, 100_000, 1e9, 1e14].randomElement(using: &rng)!
    let value = Double.random(in: -magnitude...magnitude, using: &rng)
    return .number(value, fractionDigits: Int.random(in: 0...6, using: &rng))
  case 8:
    return .integer(Int.random(in: -999_999_999_999_999...999_999_999_999_999, using: &rng))
  default:
    return .empty
  }
}

/// What the reader must give back for a field the writer wrote.
private func expectedReading(
  of field: CSVField, decimalSeparator: UInt8
) throws -> String {
  switch field {
  case .text(let text):
    let guarded = text.unicodeScalars.first.map(formulaStarts.contains) ?? false
    return guarded ? "'" + text : text
  case .number(let value, let fractionDigits):
    let digits = try formatDecimal(value, maxFractionDigits: fractionDigits)
    return String(
      decoding: digits.utf8.map { $0 == UInt8(ascii: ".") ? decimalSeparator : $0 }, as: UTF8.self)
  case .integer(let value):
    return String(value)
  case .empty:
    return ""
  }
}

@Test func randomTablesReadBackAsWritten() throws {
  let dialects: [(CSVWriter.Configuration, CSVReader.Configuration)] = [
    (.rfc4180, .rfc4180), (.excel, .rfc4180), (.european, .semicolon),
  ]
  for seed in UInt64(0)..<400 {
    var rng = SplitMix64(seed: seed)
    let (writing, reading) = dialects.randomElement(using: &rng)!
    let columns = Int.random(in: 1...6, using: &rng)
    let table = (0..<Int.random(in: 1...8, using: &rng)).map { _ in
      (0..<columns).map { _ in randomField(using: &rng) }
    }

    var writer = CSVWriter(configuration: writing)
    var output: [UInt8] = []
    for row in table {
      try writer.writeRecord(row, into: &output)
    }
    // Also feed the output in random chunks.
    let chunkSize = Int.random(in: 1...max(1, output.count), using: &rng)
    let records: [CSVRecord]
    do {
      records = try readInChunks(output, chunkSize: chunkSize, configuration: reading)
        .map(\.record)
    } catch {
      Issue.record("seed \(seed): \(error) reading \(String(decoding: output, as: UTF8.self))")
      continue
    }

    try #require(records.count == table.count, "seed \(seed): \(records.count) records")
    for (row, (written, read)) in zip(table, records).enumerated() {
      try #require(read.fields.count == columns, "seed \(seed) row \(row)")
      for (column, field) in written.enumerated() {
        let expected = try expectedReading(of: field, decimalSeparator: writing.decimalSeparator)
        // Compare bytes: String's == would call "é" and "e\u{301}" equal.
        #expect(
          Array(read.fields[column].utf8) == Array(expected.utf8),
          "seed \(seed) row \(row) column \(column): wrote \(field), read \(read.fields[column])")
      }
    }
  }
}
