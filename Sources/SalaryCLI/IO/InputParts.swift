import SalaryCSV

/// Whole records of a CSV input: the line the first starts on and the number of records
/// (rows after the header) before it, so that a reader resuming there
/// (``CSVReader/init(configuration:resumingAtLine:fieldCount:)``) reports true lines and
/// rows.
struct InputPart {
  var bytes: [UInt8] = []
  /// The physical line the part starts on, from 1.
  var line = 1
  /// The rows of the input before the part (the header is not a row).
  var rowsBefore = 0
}

/// Cuts a CSV input into its header and parts of whole records, where
/// ``CSVRecordBoundaries`` finds a record's end, for the streaming commands to read on
/// every core.
enum InputParts {
  /// Reads `input` in order: its first record to `header`, read as one reader reads a whole
  /// input (a byte order mark skipped, a record that never ends with a line end still a
  /// record), then the rest in parts of about `partSize` bytes (at least that many, up to
  /// the next record's end) to `part`. `read` gets the bytes read so far after each chunk.
  /// Nothing is given to `header` for an empty input.
  ///
  /// Memory holds a chunk of the input and a part, whatever the input's size.
  ///
  /// - Throws: what reading the input throws (``LocalFileError``, ``CommandFailure``), a
  ///   ``CSVError`` in the header, and what `header` and `part` throw.
  static func read(
    _ input: ReplayableInput, partSize: Int,
    header: (CSVRecord) throws -> Void, part: (InputPart) throws -> Void,
    read: (Int) -> Void = { _ in }
  ) throws {
    precondition(partSize >= 1, "parts of at least a byte")
    var boundaries = CSVRecordBoundaries()
    // The bytes from `start` (a boundary) on that are not in a part yet.
    var rest: [UInt8] = []
    var start = CSVRecordBoundaries.Boundary(offset: 0, lines: 0, records: 0)
    var inBody = false
    var consumed = 0
    /// Reads the header's bytes; whether they held a record.
    func readHeader(_ bytes: ArraySlice<UInt8>) throws -> Bool {
      var record: CSVRecord?
      var reader = CSVReader()
      try reader.parse(bytes) { record = record ?? CSVRecord($0) }
      try reader.finish { record = record ?? CSVRecord($0) }
      guard let record else { return false }
      try header(record)
      return true
    }
    func cut(at end: CSVRecordBoundaries.Boundary) throws {
      let length = end.offset - start.offset
      let piece = InputPart(
        bytes: Array(rest[..<length]), line: start.lines + 1, rowsBefore: start.records - 1)
      rest.removeSubrange(..<length)
      start = end
      try part(piece)
    }
    try input.forEachChunk { chunk in
      consumed += chunk.count
      rest.append(contentsOf: chunk)
      var offset = 0
      while !inBody && offset < chunk.count {
        // The header first, once its record has ended: the first boundary.
        offset += boundaries.scan(
          UnsafeRawBufferPointer(rebasing: chunk[offset...]), untilBoundary: true)
        guard boundaries.last.offset > start.offset else { break }
        let length = boundaries.last.offset - start.offset
        inBody = try readHeader(rest[..<length])
        rest.removeSubrange(..<length)
        start = boundaries.last
      }
      // Up to the first boundary past a part's size, and cut there: parts of about equal
      // size keep the workers of a round equally busy.
      while inBody && offset < chunk.count {
        let toFill = start.offset + partSize - boundaries.scanned
        let piece = UnsafeRawBufferPointer(rebasing: chunk[offset...])
        if toFill > 0 {
          let step = min(toFill, piece.count)
          boundaries.scan(UnsafeRawBufferPointer(rebasing: piece[..<step]))
          offset += step
        } else {
          let before = boundaries.last.offset
          offset += boundaries.scan(piece, untilBoundary: true)
          if boundaries.last.offset != before { try cut(at: boundaries.last) }
        }
      }
      read(consumed)
    }
    if !inBody {
      // A header that never ended: the whole input.
      _ = try readHeader(rest[...])
    } else if !rest.isEmpty {
      try part(InputPart(bytes: rest, line: start.lines + 1, rowsBefore: start.records - 1))
    }
  }
}
