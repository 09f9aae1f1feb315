import SalaryCSV
import Testing

/// The output of writing `records` with a fresh writer, as a string.
func written(
  _ records: [[CSVField]], configuration: CSVWriter.Configuration = .rfc4180
) throws -> String {
  var writer = CSVWriter(configuration: configuration)
  var output: [UInt8] = []
  for record in records {
    try writer.writeRecord(record, into: &output)
  }
  return String(decoding: output, as: UTF8.self)
}

@Test func textIsAlwaysQuotedWithQuotesDoubled() throws {
  #expect(try written([[.text("plain")]]) == "\"plain\"\r\n")
  #expect(try written([[.text("say \"hi\"")]]) == "\"say \"\"hi\"\"\"\r\n")
  #expect(try written([[.text("\"")]]) == "\"\"\"\"\r\n")
  #expect(try written([[.text("a,b"), .text("x;y")]]) == "\"a,b\",\"x;y\"\r\n")
  #expect(try written([[.text("42")]]) == "\"42\"\r\n")
  #expect(try written([[.text("Zürich"), .text("東京")]]) == "\"Zürich\",\"東京\"\r\n")
  #expect(try written([[.text("")]]) == "\"\"\r\n")
}

@Test func everyRecordEndsWithCRLFTheLastIncluded() throws {
  let output = try written([[.text("a"), .integer(1)], [.text("b"), .integer(2)]])
  #expect(output == "\"a\",1\r\n\"b\",2\r\n")
}

@Test func numbersAreNeverQuoted() throws {
  let output = try written([[.integer(42), .number(3.5, fractionDigits: 2), .integer(-7)]])
  #expect(output == "42,3.5,-7\r\n")
}

@Test func anEmptyValueIsAnEmptyField() throws {
  #expect(try written([[.text("a"), .empty, .integer(1), .empty]]) == "\"a\",,1,\r\n")
  #expect(try written([[.empty, .empty]]) == ",\r\n")
}

@Test func aRecordOfOneEmptyFieldIsNotABlankLine() throws {
  #expect(try written([[.text("h")], [.empty], [.text("x")]]) == "\"h\"\r\n\"\"\r\n\"x\"\r\n")
  var writer = CSVWriter()
  var output: [UInt8] = []
  writer.appendEmpty(into: &output)
  writer.endRecord(into: &output)
  #expect(String(decoding: output, as: UTF8.self) == "\"\"\r\n")
}

@Test(
  "number shapes: no grouping, exponent, plus sign or -0",
  arguments: [
    (1_234_567.0, 0, "1234567"),
    (1e14, 2, "100000000000000"),
    (1e-7, 6, "0"),
    (-0.0, 2, "0"),
    (-0.001, 2, "0"),
    (-1.5, 1, "-1.5"),
    (2.0, 2, "2"),
    (0.5, 0, "1"),
  ])
func numberShapes(_ value: Double, _ fractionDigits: Int, _ expected: String) throws {
  #expect(try written([[.number(value, fractionDigits: fractionDigits)]]) == expected + "\r\n")
}

@Test func neverExactlyThreeDecimals() throws {
  #expect(try written([[.number(0.035, fractionDigits: 3)]]) == "0.0350\r\n")
  #expect(try written([[.number(12.345, fractionDigits: 3)]]) == "12.3450\r\n")
  #expect(try written([[.number(12.3456, fractionDigits: 3)]]) == "12.3460\r\n")
  #expect(try written([[.number(12.3, fractionDigits: 3)]]) == "12.3\r\n")
}

@Test func atMostFifteenSignificantDigits() throws {
  let output = try written([
    [.number(1.0 / 3.0, fractionDigits: 15)],
    [.number(123_456_789.987_654_321, fractionDigits: 15)],
    [.number(123_456_789_012_345.6, fractionDigits: 2)],
  ])
  #expect(output == "0.333333333333333\r\n123456789.987654\r\n123456789012346\r\n")
}

@Test func integersAtTheLimit() throws {
  #expect(
    try written([[.integer(999_999_999_999_999), .integer(-999_999_999_999_999)]])
      == "999999999999999,-999999999999999\r\n")
  #expect(try written([[.integer(0)]]) == "0\r\n")
  for value in [1_000_000_000_000_000, -1_000_000_000_000_000, Int.max, Int.min] {
    #expect(throws: CSVNumberError.magnitudeTooLarge) { try written([[.integer(value)]]) }
  }
}

@Test(
  "NaN, infinity and 1e15 are refused and nothing is written",
  arguments: [
    (Double.nan, CSVNumberError.notFinite),
    (Double.infinity, .notFinite),
    (-Double.infinity, .notFinite),
    (1e15, .magnitudeTooLarge),
    (-2e15, .magnitudeTooLarge),
  ])
func refusedNumbersWriteNothing(_ value: Double, _ error: CSVNumberError) throws {
  var writer = CSVWriter()
  var output: [UInt8] = []
  writer.appendText("a", into: &output)
  #expect(throws: error) {
    try writer.appendNumber(value, fractionDigits: 2, into: &output)
  }
  // The writer is where it was: the next field gets one delimiter, no stray one.
  try writer.appendNumber(1, fractionDigits: 2, into: &output)
  writer.endRecord(into: &output)
  #expect(String(decoding: output, as: UTF8.self) == "\"a\",1\r\n")
}

@Test func aRefusedRecordLeavesNothingBehind() throws {
  var writer = CSVWriter(configuration: .excel)
  var output: [UInt8] = []
  #expect(throws: CSVNumberError.notFinite) {
    try writer.writeRecord([.text("a"), .number(.nan, fractionDigits: 1)], into: &output)
  }
  #expect(output == [])
  try writer.writeRecord([.text("a"), .number(1, fractionDigits: 1)], into: &output)
  #expect(throws: CSVNumberError.magnitudeTooLarge) {
    try writer.writeRecord([.integer(1), .integer(Int.max)], into: &output)
  }
  try writer.writeRecord([.text("b"), .integer(2)], into: &output)
  #expect(output == [0xEF, 0xBB, 0xBF] + Array("\"a\",1\r\n\"b\",2\r\n".utf8))
}

private let formulaTriggers = [
  "=1+1", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx",
  "\u{FF1D}1", "\u{FF0B}1", "\u{FF0D}1", "\u{FF20}x", "=", "-",
]

@Test("text that could start a formula gets a leading apostrophe", arguments: formulaTriggers)
func formulaInjectionIsNeutralised(_ text: String) throws {
  let quoted = "\"'" + text.replacingQuotes + "\""
  #expect(Array(try written([[.text(text)]]).utf8) == Array((quoted + "\r\n").utf8))
}

@Test(
  "other text is left alone",
  arguments: [
    " =1", "a=b", "1-2", "'x", "x@y", "\u{FF1E}1", "\u{FF0C}", "\u{FEFF}=1", "e\u{301}", "",
  ])
func otherTextIsNotPrefixed(_ text: String) throws {
  #expect(Array(try written([[.text(text)]]).utf8) == Array(("\"" + text + "\"\r\n").utf8))
}

@Test func negativeNumbersAreNotPrefixed() throws {
  let output = try written([
    [.number(-5, fractionDigits: 0), .integer(-5), .number(-0.5, fractionDigits: 1)]
  ])
  #expect(output == "-5,-5,-0.5\r\n")
}

@Test func lineBreaksInTextAreWrittenAsTheyAre() throws {
  #expect(
    try written([[.text("a\nb"), .text("c\r\nd"), .text("e\rf")]])
      == "\"a\nb\",\"c\r\nd\",\"e\rf\"\r\n")
}

@Test func theByteOrderMarkIsWrittenOnceAndOnlyOnRequest() throws {
  let records: [[CSVField]] = [[.integer(1)], [.integer(2)]]
  let plain = Array(try written(records).utf8)
  #expect(plain == Array("1\r\n2\r\n".utf8))
  let marked = Array(try written(records, configuration: .excel).utf8)
  #expect(marked == [0xEF, 0xBB, 0xBF] + Array("1\r\n2\r\n".utf8))
  var configuration = CSVWriter.Configuration.rfc4180
  configuration.writesByteOrderMark = true
  #expect(configuration == .excel)
}

@Test func theEuropeanDialectUsesSemicolonsAndDecimalCommas() throws {
  let output = try written(
    [
      [
        .text("a;b"), .text("1,5"), .number(1234.5, fractionDigits: 2),
        .number(0.035, fractionDigits: 3), .integer(-3),
      ]
    ],
    configuration: .european)
  #expect(output == "\"a;b\";\"1,5\";1234,5;0,0350;-3\r\n")
}

@Test func configurationDefaults() {
  let standard = CSVWriter.Configuration.rfc4180
  #expect(standard.delimiter == UInt8(ascii: ","))
  #expect(standard.decimalSeparator == UInt8(ascii: "."))
  #expect(!standard.writesByteOrderMark)
  #expect(CSVWriter().configuration == standard)
  let european = CSVWriter.Configuration.european
  #expect(european.delimiter == UInt8(ascii: ";"))
  #expect(european.decimalSeparator == UInt8(ascii: ","))
  #expect(!european.writesByteOrderMark)
  #expect(CSVWriter.Configuration(delimiter: "\t").delimiter == UInt8(ascii: "\t"))
}

@Test func aFileNeverStartsWithID() throws {
  #expect(try written([[.text("ID"), .text("name")]]).hasPrefix("\"ID\""))
}

@Test func fieldByFieldWritingAppendsToTheCallersBuffer() throws {
  var writer = CSVWriter()
  var output = Array("kept".utf8)
  writer.appendText("x", into: &output)
  try writer.appendInteger(7, into: &output)
  try writer.appendNumber(2.25, fractionDigits: 1, into: &output)
  writer.appendEmpty(into: &output)
  writer.endRecord(into: &output)
  // The caller may flush between fields.
  output.removeAll()
  writer.appendText("y", into: &output)
  try writer.appendInteger(8, into: &output)
  try writer.appendNumber(-2.25, fractionDigits: 1, into: &output)
  writer.appendEmpty(into: &output)
  writer.endRecord(into: &output)
  #expect(String(decoding: output, as: UTF8.self) == "\"y\",8,-2.3,\r\n")
}

@Test func theWritersOutputReadsBackAsTheSameValues() throws {
  let output = try written([
    [.text("name"), .text("amount"), .text("note")],
    [.text("=cmd"), .number(-1234.5, fractionDigits: 2), .text("a \"b\",\r\nc")],
    [.text("Zürich"), .number(0.035, fractionDigits: 3), .empty],
  ])
  let records = try CSVReader.readRecords(from: Array(output.utf8))
  #expect(
    records.map(\.fields) == [
      ["name", "amount", "note"],
      ["'=cmd", "-1234.5", "a \"b\",\r\nc"],
      ["Zürich", "0.0350", ""],
    ])
  #expect(records.map(\.line) == [1, 2, 4])
}

extension String {
  fileprivate var replacingQuotes: String {
    var result = ""
    for scalar in unicodeScalars {
      result.unicodeScalars.append(scalar)
      if scalar == "\"" { result.unicodeScalars.append(scalar) }
    }
    return result
  }
}
