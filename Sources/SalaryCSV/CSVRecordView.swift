/// One record of a CSV input, as the streaming `CSVReader` hands it over.
///
/// The view points into the reader's buffers: it and every buffer it gives out are valid only
/// during the `onRecord` call that received it (the view cannot be copied out of it). Copy what
/// you need, for example with `string(at:)` or `CSVRecord(_:)`.
///
///     var reader = CSVReader()
///     try reader.parse(Array("a,\"b \"\"c\"\"\",\n".utf8)) { record in
///       print(record.count, record.string(at: 1), record.column(at: 2))
///     }
///     // Prints "3 b "c" 13"
public struct CSVRecordView: ~Copyable {
  /// Where a field's unescaped bytes lie in the record buffer and where the field began.
  struct FieldSpan {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
  }

  private let bytes: UnsafeRawBufferPointer
  private let fields: UnsafeBufferPointer<FieldSpan>

  /// The 1-based physical line on which the record starts.
  public let line: Int

  init(bytes: UnsafeRawBufferPointer, fields: UnsafeBufferPointer<FieldSpan>, line: Int) {
    self.bytes = bytes
    self.fields = fields
    self.line = line
  }

  /// The number of fields in the record; at least 1.
  public var count: Int { fields.count }

  /// The unescaped UTF-8 bytes of the field at `index` (quotes removed, doubled quotes made
  /// single), valid only during the `onRecord` call. The bytes are well-formed UTF-8.
  ///
  /// `index` must be in `0..<count`.
  ///
  /// - Complexity: O(1).
  public func bytes(at index: Int) -> UnsafeRawBufferPointer {
    let field = span(at: index)
    return UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end])
  }

  /// The field at `index` as a string. `index` must be in `0..<count`.
  ///
  /// - Complexity: O(*m*) in the length of the field.
  public func string(at index: Int) -> String {
    String(decoding: bytes(at: index), as: UTF8.self)
  }

  /// The 1-based column, in Unicode scalars, at which the field at `index` starts: its first
  /// character, its opening quote, or for an empty field the place it would be.
  /// `index` must be in `0..<count`.
  public func column(at index: Int) -> Int {
    span(at: index).column
  }

  /// The 1-based physical line on which the field at `index` starts; later than `line` when an
  /// earlier field of the record is quoted and holds a line break.
  /// `index` must be in `0..<count`.
  public func line(at index: Int) -> Int {
    span(at: index).line
  }

  private func span(at index: Int) -> FieldSpan {
    precondition(index >= 0 && index < fields.count, "field index \(index) out of range")
    return fields[index]
  }
}

/// A record of a CSV input, copied out of the reader: fields as strings, with their positions.
///
///     let records = try CSVReader.readRecords(from: Array("a,b\n1,\"x\"\n".utf8))
///     // records[1] == CSVRecord(fields: ["1", "x"], line: 2, columns: [1, 3])
public struct CSVRecord: Equatable, Hashable, Sendable {
  /// The unescaped fields, in order.
  public var fields: [String]
  /// The 1-based physical line on which the record starts.
  public var line: Int
  /// The 1-based column, in Unicode scalars, at which each field starts.
  public var columns: [Int]

  /// Creates a record from its fields and positions.
  public init(fields: [String], line: Int, columns: [Int]) {
    precondition(fields.count == columns.count, "one column per field")
    self.fields = fields
    self.line = line
    self.columns = columns
  }

  /// Copies a record the reader handed over.
  ///
  /// - Complexity: O(*n*) in the size of the record.
  public init(_ view: borrowing CSVRecordView) {
    var fields: [String] = []
    var columns: [Int] = []
    fields.reserveCapacity(view.count)
    columns.reserveCapacity(view.count)
    for index in 0..<view.count {
      fields.append(view.string(at: index))
      columns.append(view.column(at: index))
    }
    self.init(fields: fields, line: view.line, columns: columns)
  }
}

extension CSVReader {
  /// Reads a whole, small input at once.
  ///
  ///     let records = try CSVReader.readRecords(from: Array("x,y\r\n1,2\r\n".utf8))
  ///     // records.map(\.fields) == [["x", "y"], ["1", "2"]]
  ///
  /// An empty input has no records. For large inputs, stream with `parse(_:onRecord:)`.
  ///
  /// - Throws: `CSVError` at the first problem in the input.
  /// - Complexity: O(*n*) in the length of the input.
  public static func readRecords(
    from bytes: some Collection<UInt8>,
    configuration: Configuration = .rfc4180
  ) throws(CSVError) -> [CSVRecord] {
    var reader = CSVReader(configuration: configuration)
    var records: [CSVRecord] = []
    do {
      try reader.parse(bytes) { records.append(CSVRecord($0)) }
      try reader.finish { records.append(CSVRecord($0)) }
    } catch let error as CSVError {
      throw error
    } catch {
      preconditionFailure("only the reader throws here: \(error)")
    }
    return records
  }
}
