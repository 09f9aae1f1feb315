/// What a streaming command (`export`, `estimate --batch`) makes of each row it writes.
enum RowEncoding: Sendable {
  /// CSV records, bytes.
  case csv
  /// One JSON object a row, each on its own line, bytes.
  case jsonLines
  /// The rows' values, for a writer that needs them whole (a workbook).
  case records

  /// The encoding of an output format; nil for the formats that are not streamed.
  init?(_ format: OutputFormat) {
    switch format {
    case .csv: self = .csv
    case .jsonl: self = .jsonLines
    case .xlsx: self = .records
    case .table, .json: return nil
    }
  }

  /// One row as a JSON line after its schema: `{"schema":…,"name":…}` and a line break.
  static func jsonLine(
    schema: String, header: [String], _ row: some Sequence<FieldValue>, into bytes: inout [UInt8]
  ) throws {
    var members: [(String, JSONValue)] = [("schema", .string(schema))]
    for (key, value) in zip(header, row) { members.append((key, try value.json())) }
    bytes.append(contentsOf: JSONValue.object(members).renderedLine().utf8)
    bytes.append(UInt8(ascii: "\n"))
  }
}
