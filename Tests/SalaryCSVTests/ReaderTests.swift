import SalaryCSV
import Testing

@Test func emptyInputHasNoRecords() throws {
  #expect(try fields("") == [])
  #expect(try readInChunks([]) == [])
}

@Test func aLoneLineEndIsOneEmptyField() throws {
  #expect(try fields("\n") == [[""]])
  #expect(try fields("\r\n") == [[""]])
}

@Test func byteOrderMarkIsStripped() throws {
  let records = try CSVReader.readRecords(from: [0xEF, 0xBB, 0xBF] + Array("name,x\n1,2".utf8))
  #expect(
    records == [
      CSVRecord(fields: ["name", "x"], line: 1, columns: [1, 6]),
      CSVRecord(fields: ["1", "2"], line: 2, columns: [1, 3]),
    ])
  #expect(try CSVReader.readRecords(from: [0xEF, 0xBB, 0xBF]) == [])
  #expect(try fields("\u{FEFF}\"quoted\"") == [["quoted"]])
}

@Test func byteOrderMarkIsOnlyStrippedAtTheStart() throws {
  #expect(try fields("a,\u{FEFF}b") == [["a", "\u{FEFF}b"]])
  #expect(try fields("\u{FEFF}\u{FEFF}a") == [["\u{FEFF}a"]])
  // EF BB 80 is U+FEC0, not a byte order mark.
  #expect(try CSVReader.readRecords(from: [0xEF, 0xBB, 0x80]).map(\.fields) == [["\u{FEC0}"]])
}

@Test(
  "every kind of line end ends a record",
  arguments: [
    ("LF", "a,b\n1,2\n3,4\n"),
    ("CRLF", "a,b\r\n1,2\r\n3,4\r\n"),
    ("CR", "a,b\r1,2\r3,4\r"),
    ("mixed", "a,b\r\n1,2\n3,4\r"),
    ("mixed, no final line end", "a,b\r1,2\r\n3,4"),
  ])
func lineEnds(_ name: String, _ text: String) throws {
  let records = try CSVReader.readRecords(from: Array(text.utf8))
  #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
  #expect(records.map(\.line) == [1, 2, 3])
}

@Test func aFinalLineEndAddsNoRecordButABlankLineDoes() throws {
  #expect(try fields("a\n") == [["a"]])
  #expect(try fields("a\n\n") == [["a"], [""]])
  #expect(try fields("a\r\n\r\n") == [["a"], [""]])
  #expect(try fields("a\r\rb") == [["a"], [""], ["b"]])
  #expect(try fields("a\n\r\nb") == [["a"], [""], ["b"]])
}

@Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws {
  let text = "\"a,b\",\"c\"\"d\",\"e\r\nf\",\"g\nh\",\"i\rj\",\"\",\"\"\"\"\n"
  #expect(try fields(text) == [["a,b", "c\"d", "e\r\nf", "g\nh", "i\rj", "", "\""]])
}

@Test func nonASCIIFields() throws {
  #expect(try fields("Zürich,\"東京\",\"Zürich, 東京\"\n") == [["Zürich", "東京", "Zürich, 東京"]])
  #expect(try fields("😀,\"😀\"") == [["😀", "😀"]])
}

@Test func aQuoteFollowedByACombiningAccentIsStillAQuote() throws {
  // As Characters, `"` + U+0301 is one grapheme; the reader must see the quote anyway.
  #expect(try fields("x,\"\u{301}\",y") == [["x", "\u{301}", "y"]])
  #expect(try fields("\"\u{301}a\"\"\u{301}\"") == [["\u{301}a\"\u{301}"]])
  #expect(try fields("e\u{301},\"e\u{301}\"") == [["e\u{301}", "e\u{301}"]])
}

@Test func emptyAndTrailingEmptyFieldsAreKept() throws {
  #expect(try fields("a,b,\n1,2,\n") == [["a", "b", ""], ["1", "2", ""]])
  #expect(try fields(",,\n,,") == [["", "", ""], ["", "", ""]])
  #expect(try fields("a,\"\"\n,b") == [["a", ""], ["", "b"]])
}

@Test func fieldColumnsCountUnicodeScalars() throws {
  let records = try CSVReader.readRecords(from: Array("a,\"b\",,Zürich,x\n東京,,\"\",y,\n".utf8))
  #expect(records.map(\.columns) == [[1, 3, 7, 8, 15], [1, 4, 5, 8, 10]])
}

@Test func recordLinesCountPhysicalLines() throws {
  let text = "a,b\n\"x\ny\",z\nc,\"d\r\n\r\ne\"\r\nf,g"
  let records = try readInChunks(Array(text.utf8))
  #expect(records.map(\.record.line) == [1, 2, 4, 7])
  #expect(records.map(\.fieldLines) == [[1, 1], [2, 3], [4, 4], [7, 7]])
  #expect(records.map(\.record.columns) == [[1, 3], [1, 4], [1, 3], [1, 3]])
}

@Test func semicolonConfiguration() throws {
  let semicolon = CSVReader.Configuration.semicolon
  #expect(semicolon.delimiter == UInt8(ascii: ";"))
  #expect(try fields("a;\"b;c\";1,5\n", configuration: semicolon) == [["a", "b;c", "1,5"]])
  #expect(try fields("a,b;c", configuration: .rfc4180) == [["a", "b;c"]])
}

@Test func customDelimiterAndQuote() throws {
  let configuration = CSVReader.Configuration(delimiter: "\t", quote: "'")
  #expect(
    try fields("a\t'b\tc''d'\t\"e\"\n", configuration: configuration) == [["a", "b\tc'd", "\"e\""]])
}

@Test func theViewGivesBytesStringsAndPositions() throws {
  var reader = CSVReader()
  var seen: [String] = []
  let input = Array("a,\"b \"\"c\"\"\",\n".utf8)
  try reader.parse(input) { record in
    seen.append("\(record.count) \(record.line)")
    for index in 0..<record.count {
      let bytes = Array(record.bytes(at: index))
      seen.append(
        "\(bytes) \(record.string(at: index)) \(record.line(at: index)):\(record.column(at: index))"
      )
    }
  }
  try reader.finish { _ in seen.append("unexpected record") }
  #expect(seen == ["3 1", "[97] a 1:1", "[98, 32, 34, 99, 34] b \"c\" 1:3", "[]  1:13"])
}

@Test func aReaderStartsAfreshAfterFinish() throws {
  var reader = CSVReader()
  var records: [CSVRecord] = []
  try reader.parse(Array("a,b\n1,2".utf8)) { records.append(CSVRecord($0)) }
  try reader.finish { records.append(CSVRecord($0)) }
  // A new input with another field count and its own line numbers.
  try reader.parse(Array("\u{FEFF}x\ny\n".utf8)) { records.append(CSVRecord($0)) }
  try reader.finish { records.append(CSVRecord($0)) }
  #expect(
    records == [
      CSVRecord(fields: ["a", "b"], line: 1, columns: [1, 3]),
      CSVRecord(fields: ["1", "2"], line: 2, columns: [1, 3]),
      CSVRecord(fields: ["x"], line: 1, columns: [1]),
      CSVRecord(fields: ["y"], line: 2, columns: [1]),
    ])
}

@Test func readsFromAnyCollectionOfBytes() throws {
  var reader = CSVReader()
  var records: [[String]] = []
  try reader.parse("a,b\n".utf8) { records.append(CSVRecord($0).fields) }
  try reader.parse(AnyCollection(Array("c,d\n".utf8))) { records.append(CSVRecord($0).fields) }
  try reader.finish { records.append(CSVRecord($0).fields) }
  #expect(records == [["a", "b"], ["c", "d"]])
}
