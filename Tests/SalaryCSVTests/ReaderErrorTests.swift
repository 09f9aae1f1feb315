import SalaryCSV
import Testing

/// One bad input and the exact error it must give.
struct BadInput: Sendable, CustomTestStringConvertible {
  var name: String
  var bytes: [UInt8]
  var expected: String

  init(_ name: String, _ text: String, _ expected: String) {
    self.init(name, Array(text.utf8), expected)
  }

  init(_ name: String, _ bytes: [UInt8], _ expected: String) {
    self.name = name
    self.bytes = bytes
    self.expected = expected
  }

  var testDescription: String { name }
}

// Every expectation is `line:column: message`, worked out by hand.
private let badInputs: [BadInput] = [
  // Unterminated quoted field: reported at the opening quote.
  BadInput("unterminated alone", "\"abc", "1:1: unterminated quoted field"),
  BadInput("unterminated after a line end", "a,b\n1,\"x\ny", "2:3: unterminated quoted field"),
  BadInput("unterminated after non-ASCII", "Zürich,\"x", "1:8: unterminated quoted field"),
  BadInput("unterminated after CRLF lines", "a,b\r\n1,2\r\n\"x", "3:1: unterminated quoted field"),
  BadInput("unterminated after CR lines", "a,b\r1,2\r\"x", "3:1: unterminated quoted field"),
  BadInput("unterminated after a final quote pair", "\"a\"\"", "1:1: unterminated quoted field"),
  // Text after a closing quote: at the offending character.
  BadInput("text after closing quote", "\"ab\"c", "1:5: text after closing quote"),
  BadInput(
    "text after closing quote, second field", "x,\"ab\"c\n", "1:7: text after closing quote"),
  BadInput("space after closing quote", "\"ab\" ,c", "1:5: text after closing quote"),
  BadInput(
    "combining accent after closing quote", "\"a\"\u{301},b", "1:4: text after closing quote"),
  BadInput("text after closing quote on line 3", "a\n\"x\ny\"z", "3:3: text after closing quote"),
  // A quote inside an unquoted field: at the quote.
  BadInput("quote in unquoted field", "ab\"c", "1:3: quote in unquoted field"),
  BadInput("quote after non-ASCII", "東京\"", "1:3: quote in unquoted field"),
  BadInput(
    "quote in unquoted after a quoted line break", "a,b\n\"x\ny\",z\"q",
    "3:5: quote in unquoted field"),
  // Wrong field count: at the first extra field, or at the end of a short record.
  BadInput("too few fields", "a,b,c,d\n1,2,3\n", "2:6: expected 4 fields, found 3"),
  BadInput("too few fields at EOF", "a,b\n1,2\n3", "3:2: expected 2 fields, found 1"),
  BadInput("too few fields, CRLF", "a,b,c\r\n1,2\r\n", "2:4: expected 3 fields, found 2"),
  BadInput("too many fields", "a,b\n1,2,3\n", "2:5: expected 2 fields, found 3"),
  BadInput(
    "trailing delimiter is an extra field", "a,b\n1,2,\n", "2:5: expected 2 fields, found 3"),
  BadInput("blank line in the middle", "a,b\n\n1,2\n", "2:1: expected 2 fields, found 1"),
  BadInput("blank CRLF line", "a,b\r\n\r\n1,2\r\n", "2:1: expected 2 fields, found 1"),
  BadInput("one field expected", "a\n1,2\n", "2:3: expected 1 field, found 2"),
  BadInput(
    "extra field after a quoted line break", "a,b\n\"x\ny\",z,w\n",
    "3:6: expected 2 fields, found 3"),
  BadInput(
    "short record ending after a quoted line break", "a,b,c\n1,\"x\r\ny\"\n",
    "3:3: expected 3 fields, found 2"),
  // Invalid UTF-8: at the first byte of the ill-formed sequence.
  BadInput("invalid byte", [0x61, 0x2C, 0xFF], "1:3: invalid UTF-8"),
  BadInput("lone continuation byte", [0x61, 0x62, 0x80], "1:3: invalid UTF-8"),
  BadInput("truncated sequence before ASCII", [0xC3, 0xA9, 0xC3, 0x41], "1:2: invalid UTF-8"),
  BadInput("truncated sequence at EOF", [0x61, 0xC3], "1:2: invalid UTF-8"),
  BadInput(
    "truncated sequence before a line end", [0x61, 0x0A, 0x62, 0xE2, 0x82, 0x0A],
    "2:2: invalid UTF-8"),
  BadInput("overlong encoding", [0xC0, 0xAF], "1:1: invalid UTF-8"),
  BadInput("overlong three-byte encoding", [0xE0, 0x80, 0xAF], "1:1: invalid UTF-8"),
  BadInput("surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], "1:2: invalid UTF-8"),
  BadInput("above U+10FFFF", [0x78, 0xF4, 0x90, 0x80, 0x80], "1:2: invalid UTF-8"),
  BadInput(
    "invalid byte in a quoted field on line 2", [0x61, 0x0A, 0x22, 0x0A, 0x62, 0xFE, 0x22],
    "3:2: invalid UTF-8"),
  BadInput("half a byte order mark", [0xEF, 0xBB], "1:1: invalid UTF-8"),
  BadInput("half a byte order mark then ASCII", [0xEF, 0xBB, 0x61], "1:1: invalid UTF-8"),
]

@Test("each bad input fails with its exact kind, line, column and message", arguments: badInputs)
func badInputFails(_ input: BadInput) {
  let error = readError(input.bytes)
  #expect(error?.description == input.expected)
}

@Test("the error is the same whatever the chunk size", arguments: badInputs)
func badInputFailsTheSameInChunks(_ input: BadInput) {
  for size in 1...max(1, input.bytes.count) {
    let error = readError(input.bytes, chunkSize: size)
    #expect(error?.description == input.expected, "chunk size \(size)")
  }
}

@Test func errorKindsCarryTheirValues() throws {
  let error = try #require(readError(Array("a,b,c,d\n1,2,3\n".utf8)))
  #expect(error == CSVError(.wrongFieldCount(expected: 4, found: 3), line: 2, column: 6))
  #expect(error.message == "expected 4 fields, found 3")
  #expect(
    error.description(inFile: "data/bands.csv") == "data/bands.csv:2:6: expected 4 fields, found 3")
  #expect(readError(Array("\"ab\"c".utf8))?.kind == .textAfterClosingQuote)
  #expect(readError(Array("ab\"c".utf8))?.kind == .quoteInUnquotedField)
  #expect(readError(Array("\"a".utf8))?.kind == .unterminatedQuotedField)
  #expect(readError([0xFF])?.kind == .invalidUTF8)
}

@Test func readRecordsThrowsTheTypedError() {
  #expect(throws: CSVError(.unterminatedQuotedField, line: 1, column: 3)) {
    try CSVReader.readRecords(from: Array("a,\"b".utf8))
  }
}

@Test func anErrorFromTheCallbackIsRethrown() {
  struct Stop: Error, Equatable {}
  var reader = CSVReader()
  #expect(throws: Stop()) {
    try reader.parse(Array("a\nb\n".utf8)) { _ in throw Stop() }
  }
}

@Test(arguments: [
  // Unquoted, at a field's start, inside a plain run, quoted, and right after a closing quote.
  ("a,b\n\u{0},c\n", 2, 1),
  ("a,b\nx\u{0}y,c\n", 2, 2),
  ("a,\"b\u{0}\"\n", 1, 5),
  ("a,\"b\"\u{0}\n", 1, 6),
  ("na\u{0}me\n", 1, 3),
])
func aNulByteIsAnErrorAtItsPosition(input: String, line: Int, column: Int) {
  #expect(readError(Array(input.utf8)) == CSVError(.nulByte, line: line, column: column))
  #expect(
    readError(Array(input.utf8))?.description(inFile: "s.csv")
      == "s.csv:\(line):\(column): NUL byte (U+0000) in the text: remove it")
}
