import SalaryCSV

/// A command's machine-readable answer as rows of one shape: the CSV file, the main sheet
/// of a workbook, or JSON lines, all from the same values.
struct RecordTable {
  /// The column names: the CSV header, JSON member names, the sheet's header row.
  var header: [String]
  var rows: [[FieldValue]] = []

  /// Adds one record written field by field, as streaming rows are.
  mutating func append(_ body: (inout FieldRecord) throws -> Void) rethrows {
    var record = FieldRecord()
    try body(&record)
    rows.append(record.values)
  }

  /// The table as CSV: the header, then a record a row.
  func csv(_ configuration: CSVWriter.Configuration = .rfc4180) throws(CSVNumberError) -> String {
    var writer = CSVWriter(configuration: configuration)
    var bytes: [UInt8] = []
    for key in header { writer.appendText(key, into: &bytes) }
    writer.endRecord(into: &bytes)
    for row in rows {
      for value in row { try value.append(to: &writer, &bytes) }
      writer.endRecord(into: &bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Each row as a JSON object keyed by the header, after a `schema` member if given
  /// (JSON lines name theirs on every line, so each stands alone).
  func jsonObjects(schema: String? = nil) throws(CSVNumberError) -> [JSONValue] {
    var objects: [JSONValue] = []
    for row in rows {
      var members: [(String, JSONValue)] = schema.map { [("schema", .string($0))] } ?? []
      for (key, value) in zip(header, row) { members.append((key, try value.json())) }
      objects.append(.object(members))
    }
    return objects
  }
}
