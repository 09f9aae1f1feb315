import SalaryCSV

/// Reads `input` by feeding the reader chunks of `chunkSize` bytes (the whole input at once when
/// `chunkSize` is nil), and copies each record with the line of each of its fields.
func readInChunks(
  _ input: [UInt8],
  chunkSize: Int? = nil,
  configuration: CSVReader.Configuration = .rfc4180
) throws -> [RecordWithFieldLines] {
  var reader = CSVReader(configuration: configuration)
  var records: [RecordWithFieldLines] = []
  let size = max(1, chunkSize ?? input.count)
  var start = 0
  while start < input.count {
    let end = min(start + size, input.count)
    try reader.parse(input[start..<end]) { records.append(RecordWithFieldLines($0)) }
    start = end
  }
  try reader.finish { records.append(RecordWithFieldLines($0)) }
  return records
}

/// A record with every position the view offers, to compare chunked and whole reads.
struct RecordWithFieldLines: Equatable, CustomStringConvertible {
  var record: CSVRecord
  var fieldLines: [Int]

  init(_ view: borrowing CSVRecordView) {
    record = CSVRecord(view)
    fieldLines = (0..<view.count).map { view.line(at: $0) }
  }

  var description: String {
    "\(record.line): \(record.fields) columns \(record.columns) lines \(fieldLines)"
  }
}

/// The fields of every record of `text`, read whole.
func fields(_ text: String, configuration: CSVReader.Configuration = .rfc4180) throws
  -> [[String]]
{
  try CSVReader.readRecords(from: Array(text.utf8), configuration: configuration).map(\.fields)
}

/// The error reading `input` throws, or nil.
func readError(_ input: [UInt8], chunkSize: Int? = nil) -> CSVError? {
  do {
    _ = try readInChunks(input, chunkSize: chunkSize)
    return nil
  } catch let error as CSVError {
    return error
  } catch {
    return nil
  }
}
