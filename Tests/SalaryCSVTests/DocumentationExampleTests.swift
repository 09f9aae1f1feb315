import SalaryCSV
import Testing

// The examples in the doc comments, run, so that they stay true.

@Test func csvReaderExample() throws {
  var reader = CSVReader()
  var names: [String] = []
  let input = Array("name,city\r\nAnn,\"Zürich, CH\"\r\n".utf8)
  try reader.parse(input) { record in names.append(record.string(at: 1)) }
  try reader.finish { record in names.append(record.string(at: 1)) }
  #expect(names == ["city", "Zürich, CH"])
}

@Test func csvRecordViewExample() throws {
  var reader = CSVReader()
  var printed: [String] = []
  try reader.parse(Array("a,\"b \"\"c\"\"\",\n".utf8)) { record in
    printed.append("\(record.count) \(record.string(at: 1)) \(record.column(at: 2))")
  }
  #expect(printed == ["3 b \"c\" 13"])
}

@Test func csvErrorExample() {
  let input = Array("name,city\n\"Ann,Zürich\n".utf8)
  do {
    _ = try CSVReader.readRecords(from: input)
    Issue.record("no error")
  } catch {
    #expect(error.description(inFile: "people.csv") == "people.csv:2:1: unterminated quoted field")
  }
  #expect(
    CSVError(.textAfterClosingQuote, line: 14, column: 9).description(inFile: "data/bands.csv")
      == "data/bands.csv:14:9: text after closing quote")
}

@Test func csvRecordExamples() throws {
  let records = try CSVReader.readRecords(from: Array("a,b\n1,\"x\"\n".utf8))
  #expect(records[1] == CSVRecord(fields: ["1", "x"], line: 2, columns: [1, 3]))
  let more = try CSVReader.readRecords(from: Array("x,y\r\n1,2\r\n".utf8))
  #expect(more.map(\.fields) == [["x", "y"], ["1", "2"]])
}

@Test func formatDecimalExamples() throws {
  #expect(try formatDecimal(1234.5, maxFractionDigits: 2) == "1234.5")
  #expect(try formatDecimal(1234.5, maxFractionDigits: 2, minFractionDigits: 2) == "1234.50")
  #expect(try formatDecimal(0.035, maxFractionDigits: 3) == "0.0350")
  #expect(try formatDecimal(-0.004, maxFractionDigits: 2) == "0")
  #expect(try formatDecimal(2.5, maxFractionDigits: 0) == "3")
  #expect(try formatDecimal(-2.5, maxFractionDigits: 0) == "-3")
  #expect(try formatDecimal(1.005, maxFractionDigits: 2) == "1")
  #expect(try formatDecimal(1.0 / 3.0, maxFractionDigits: 15) == "0.333333333333333")
  #expect(try formatDecimal(123_456_789.123_456, maxFractionDigits: 9) == "123456789.123456")
}

@Test func csvWriterExamples() throws {
  var writer = CSVWriter()
  var output: [UInt8] = []
  try writer.writeRecord([.text("level"), .text("raise_pct")], into: &output)
  try writer.writeRecord([.text("=1+1"), .number(3.5, fractionDigits: 2)], into: &output)
  try writer.writeRecord([.text("Zürich"), .number(0.035, fractionDigits: 3)], into: &output)
  #expect(
    String(decoding: output, as: UTF8.self)
      == "\"level\",\"raise_pct\"\r\n\"'=1+1\",3.5\r\n\"Zürich\",0.0350\r\n")

  var fields = CSVWriter()
  var line: [UInt8] = []
  fields.appendText("say \"hi\"", into: &line)
  fields.appendText("-5", into: &line)
  fields.appendText("", into: &line)
  try fields.appendNumber(-1234.5, fractionDigits: 2, into: &line)
  try fields.appendNumber(0.035, fractionDigits: 3, into: &line)
  try fields.appendInteger(-42, into: &line)
  fields.endRecord(into: &line)
  #expect(
    String(decoding: line, as: UTF8.self)
      == "\"say \"\"hi\"\"\",\"'-5\",\"\",-1234.5,0.0350,-42\r\n")

  var record = CSVWriter()
  var berlin: [UInt8] = []
  try record.writeRecord([.text("Berlin"), .integer(2024), .empty], into: &berlin)
  #expect(String(decoding: berlin, as: UTF8.self) == "\"Berlin\",2024,\r\n")
}

@Test func csvRecordEncoderExample() throws {
  var writer = CSVWriter()
  var space = [UInt8](repeating: 0, count: 256)
  let count = try space.withUnsafeMutableBytes { space in
    try writer.encodeRecord(into: space) { record throws(CSVNumberError) in
      record.appendText("=1+1")
      try record.appendNumber(0.035, fractionDigits: 3)
    }
  }
  #expect(String(decoding: space[..<count], as: UTF8.self) == "\"'=1+1\",0.0350\r\n")
}

@Test func encodeRecordExample() throws {
  var writer = CSVWriter()
  var space = [UInt8](repeating: 0, count: 64)
  let count = try space.withUnsafeMutableBytes { space in
    try writer.encodeRecord(into: space) { record throws(CSVNumberError) in
      record.appendText("Berlin")
      try record.appendInteger(2024)
    }
  }
  #expect(String(decoding: space[..<count], as: UTF8.self) == "\"Berlin\",2024\r\n")
}

@Test func csvEncodedFieldsExample() throws {
  let place = try CSVEncodedFields([.text("Austin, TX"), .empty, .text("USD")])
  #expect(place.byteCount == 19)
}

/// Fields encoded by a record's own methods are the fields those methods append.
@Test func csvEncodedFieldsFromARecordEncoder() throws {
  for configuration in [
    CSVWriter.Configuration.rfc4180, .init(delimiter: ";", decimalSeparator: ","),
  ] {
    let made = try CSVEncodedFields(configuration: configuration, room: 128) {
      record throws(CSVNumberError) in
      try record.appendNumber(4.5, fractionDigits: 2)
      record.appendEmpty()
      record.appendText("=x")
      try record.appendInteger(84_742)
    }
    let listed = try CSVEncodedFields(
      [.number(4.5, fractionDigits: 2), .empty, .text("=x"), .integer(84_742)],
      configuration: configuration)
    #expect(made == listed && made.count == 4)
    let empty = try CSVEncodedFields(configuration: configuration, room: 8) { $0.appendEmpty() }
    #expect(empty == (try CSVEncodedFields([.empty], configuration: configuration)))
  }
}
