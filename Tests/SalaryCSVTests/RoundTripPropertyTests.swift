import SalaryCSV
import Testing
import _TestSupport

private let formulaStarts: Set<Unicode.Scalar> = [
  "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
]

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
      (0..<columns).map { _ in randomField(using: &rng, maxFractionDigits: 6) }
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
