import SalaryCSV
import Testing
import _TestSupport

// `CSVWriter.encodeRecord(into:_:)` writes records straight into memory for speed. It must
// write the bytes `writeRecord(_:into:)` writes for the same fields, in every dialect.

/// A record's parts: single fields, or runs of fields encoded beforehand.
private enum Part {
  case field(CSVField)
  case run([CSVField], CSVEncodedFields)

  var fields: [CSVField] {
    switch self {
    case .field(let field): return [field]
    case .run(let fields, _): return fields
    }
  }
}

/// Writes `parts` with the encoder into fresh memory and returns the bytes.
private func encode(_ parts: [Part], with writer: inout CSVWriter) throws -> [UInt8] {
  var space = [UInt8](repeating: 0, count: 4_096)
  let count = try space.withUnsafeMutableBytes { space in
    try writer.encodeRecord(into: space) { record throws(CSVNumberError) in
      for part in parts {
        switch part {
        case .field(.text(let text)):
          if Bool.random() {
            record.appendText(text)
          } else {
            var text = text
            text.withUTF8 { record.appendText(utf8: UnsafeRawBufferPointer($0)) }
          }
        case .field(.number(let value, let digits)):
          try record.appendNumber(value, fractionDigits: digits)
        case .field(.integer(let value)):
          try record.appendInteger(value)
        case .field(.empty):
          record.appendEmpty()
        case .run(_, let encoded):
          record.append(encoded)
        }
      }
    }
  }
  return Array(space[..<count])
}

@Test(arguments: [
  CSVWriter.Configuration.rfc4180, CSVWriter.Configuration.excel,
  CSVWriter.Configuration.european,
])
func encodedRecordsAreTheWrittenOnes(configuration: CSVWriter.Configuration) throws {
  var rng = SplitMix64(seed: 11)
  for table in 0..<200 {
    let width = Int.random(in: 1...8, using: &rng)
    var careful = CSVWriter(configuration: configuration)
    var fast = CSVWriter(configuration: configuration)
    var expected: [UInt8] = []
    var actual: [UInt8] = []
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
      // Fields, some of them grouped into runs encoded ahead, `width` in all.
      var parts: [Part] = []
      var count = 0
      while count < width {
        let length = min(width - count, Int.random(in: 1...3, using: &rng))
        let fields = (0..<length).map { _ in randomField(using: &rng, maxFractionDigits: 15) }
        if length > 1 || Bool.random(using: &rng) {
          parts.append(.run(fields, try CSVEncodedFields(fields, configuration: configuration)))
        } else {
          parts.append(.field(fields[0]))
        }
        count += length
      }
      try careful.writeRecord(parts.flatMap(\.fields), into: &expected)
      actual += try encode(parts, with: &fast)
    }
    #expect(
      String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
      "table \(table)")
  }
}

@Test func aLoneEmptyFieldIsNotABlankLine() throws {
  var writer = CSVWriter()
  #expect(try encode([.field(.empty)], with: &writer) == Array("\"\"\r\n".utf8))
  let empty = try CSVEncodedFields([.empty])
  #expect(try encode([.run([.empty], empty)], with: &writer) == Array("\"\"\r\n".utf8))
}

@Test func aRefusedNumberLeavesTheWriterAsItWas() throws {
  var writer = CSVWriter(configuration: .excel)
  #expect(throws: CSVNumberError.notFinite) {
    _ = try encode([.field(.text("x")), .field(.number(.nan, fractionDigits: 2))], with: &writer)
  }
  // The byte order mark is still due, and the field count still open.
  #expect(
    try encode([.field(.text("a")), .field(.integer(1)), .field(.empty)], with: &writer)
      == [0xEF, 0xBB, 0xBF] + Array("\"a\",1,\r\n".utf8))
}

@Test func encodedFieldsCountTheirFields() throws {
  let place = try CSVEncodedFields([.text("Austin, TX"), .empty, .text("USD")])
  #expect(place.count == 3)
  #expect(place.byteCount == 19)
}
