import SalaryCSV
import Testing

// Inputs whose tricky parts (a quoted line break, a CRLF, a doubled quote, a multi-byte scalar,
// a byte order mark) fall on a chunk boundary for some chunk size.
private let trickyInputs: [String] = [
  "a,b\r\n\"x\r\ny\",\"q\"\"r\"\r\nZürich,東京\r\n",
  "\u{FEFF}h1,h2\n\"\",\n,\"\"\"\"\n",
  "a\rb\r\n\r\nc\n\"d\re\"",
  "\"😀,\"\"😀\"\"\",e\u{301}\n\"\u{301}\",x",
  "one",
  "\u{FEFF}",
  "\n",
]

@Test("every chunk size gives the same records as the whole input", arguments: trickyInputs)
func chunkedFeedingGivesIdenticalRecords(_ text: String) throws {
  let input = Array(text.utf8)
  let whole = try readInChunks(input)
  for size in 1...max(1, input.count) {
    let chunked = try readInChunks(input, chunkSize: size)
    #expect(chunked == whole, "chunk size \(size)")
  }
}

@Test func chunkedExpectationsAreExact() throws {
  let records = try readInChunks(Array(trickyInputs[0].utf8), chunkSize: 1)
  #expect(records.map(\.record.fields) == [["a", "b"], ["x\r\ny", "q\"r"], ["Zürich", "東京"]])
  #expect(records.map(\.record.line) == [1, 2, 4])
}

@Test func emptyChunksChangeNothing() throws {
  var reader = CSVReader()
  var records: [[String]] = []
  for piece in ["", "a,", "", "\"b", "", "\"\r", "", "\n", ""] {
    try reader.parse(Array(piece.utf8)) { records.append(CSVRecord($0).fields) }
  }
  try reader.finish { records.append(CSVRecord($0).fields) }
  #expect(records == [["a", "b"]])
}
