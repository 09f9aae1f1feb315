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

/// An input read in chunks, from its start: ``ReplayableInput``, or a test's.
protocol ChunkedInput {
  /// Calls `body` with successive chunks of the input; throws what reading it throws, and
  /// what `body` throws.
  func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws
}

extension ReplayableInput: ChunkedInput {}

/// Cuts a CSV input into its header and parts of whole records, where
/// ``CSVRecordBoundaries`` finds a record's end, for the streaming commands to read on
/// every core.
///
/// Reading the parts in order, each with its own reader, meets every record and the first
/// error that one reader of the whole input meets, in the same order: when reading the
/// input fails, the records read before the failure still make a last part; and where the
/// boundaries cannot be trusted (a stray quote flips what looks quoted, so no record seems
/// to end), a reader checks the bytes, and a part that holds a syntax error ends the input
/// there, to fail where one reader fails.
enum InputParts {
  /// Past this many bytes of the input without a record's end, they are checked by a
  /// reader: a part's room many times over, and at least a megabyte.
  static func longRun(partSize: Int) -> Int {
    let (run, overflow) = partSize.multipliedReportingOverflow(by: 4)
    return overflow ? Int.max : max(run, 1 << 20)
  }

  /// Reads `input` in order: its first record to `header`, read as one reader reads a whole
  /// input (a byte order mark skipped, a record that never ends with a line end still a
  /// record), then the rest in parts of about `partSize` bytes (at least that many, up to
  /// the next record's end) to `part`. `read` gets the bytes read so far after each chunk.
  /// Nothing is given to `header` for an empty input.
  ///
  /// Memory holds a chunk of the input, a part and the longest record.
  ///
  /// - Throws: what reading the input throws (``LocalFileError``, ``CommandFailure``) after
  ///   the last part of the records read before it, a ``CSVError`` in the header, and what
  ///   `header` and `part` throw.
  static func read(
    _ input: some ChunkedInput, partSize: Int,
    header: (CSVRecord) throws -> Void, part: (InputPart) throws -> Void,
    read: (Int) -> Void = { _ in }
  ) throws {
    precondition(partSize >= 1, "parts of at least a byte")
    let longRun = longRun(partSize: partSize)
    var boundaries = CSVRecordBoundaries()
    // The bytes read and not yet in a part: `rest[restStart...]`, from the boundary
    // `start` on. Cut parts are left behind `restStart` until the chunk is done.
    var rest: [UInt8] = []
    var restStart = 0
    var start = CSVRecordBoundaries.Boundary(offset: 0, lines: 0, records: 0)
    var fieldCount: Int?
    var consumed = 0
    /// A reader of the bytes since `start`, once they are a long run with no record's end.
    var checker: CSVReader?
    /// Whether `header` or `part` threw: nothing more is handed on after that.
    var handingFailed = false

    /// Reads the header's bytes; whether they held a record.
    func readHeader(_ bytes: ArraySlice<UInt8>) throws -> Bool {
      var record: CSVRecord?
      var reader = CSVReader()
      try reader.parse(bytes) { record = record ?? CSVRecord($0) }
      try reader.finish { record = record ?? CSVRecord($0) }
      guard let record else { return false }
      do {
        try header(record)
      } catch {
        handingFailed = true
        throw error
      }
      fieldCount = record.fields.count
      return true
    }
    /// Hands on the bytes from `start` to `end` as a part.
    func cut(at end: CSVRecordBoundaries.Boundary) throws {
      let length = end.offset - start.offset
      let piece = InputPart(
        bytes: Array(rest[restStart..<(restStart + length)]), line: start.lines + 1,
        rowsBefore: start.records - 1)
      restStart += length
      start = end
      checker = nil
      do {
        try part(piece)
      } catch {
        handingFailed = true
        throw error
      }
    }
    /// Checks the new bytes of a long run with no record's end: throws the header's syntax
    /// error; returns whether a row holds one, for the part that holds it to be the last.
    func check(_ new: ArraySlice<UInt8>) throws -> Bool {
      var bytes = new
      if checker == nil {
        // The header's reader from the input's start, a row's from the last record's end.
        checker =
          fieldCount.map { CSVReader(resumingAtLine: start.lines + 1, fieldCount: $0) }
          ?? CSVReader()
        bytes = rest[restStart...]
      }
      do {
        try checker!.parse(bytes) { _ in }
        return false
      } catch  where fieldCount != nil {
        return true
      }
    }

    do {
      try input.forEachChunk { chunk in
        consumed += chunk.count
        rest.append(contentsOf: chunk)
        var offset = 0
        while fieldCount == nil && offset < chunk.count {
          // The header first, once its record has ended: the first boundary.
          offset += boundaries.scan(
            UnsafeRawBufferPointer(rebasing: chunk[offset...]), untilBoundary: true)
          guard boundaries.last.offset > start.offset else { break }
          let length = boundaries.last.offset - start.offset
          _ = try readHeader(rest[restStart..<(restStart + length)])
          restStart += length
          start = boundaries.last
        }
        // Up to the first boundary past a part's size, and cut there: parts of about equal
        // size keep the workers equally busy.
        while fieldCount != nil && offset < chunk.count {
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
        if rest.count - restStart > longRun, try check(rest[(rest.count - chunk.count)...]) {
          throw StopReading()
        }
        rest.removeSubrange(..<restStart)
        restStart = 0
        read(consumed)
      }
    } catch is StopReading {
      // The syntax error is in what is left: the last part, where its reader meets it.
      try part(
        InputPart(
          bytes: Array(rest[restStart...]), line: start.lines + 1,
          rowsBefore: start.records - 1))
      return
    } catch {
      // Reading failed: the records read before the failure, as one reader would have met
      // them (a record ended by a CR is one, whatever follows).
      if !handingFailed, fieldCount != nil, boundaries.lastRecordEnd.offset > start.offset {
        try cut(at: boundaries.lastRecordEnd)
      }
      throw error
    }
    if fieldCount == nil {
      // A header that never ended: the whole input.
      _ = try readHeader(rest[...])
    } else if !rest.isEmpty {
      try part(InputPart(bytes: rest, line: start.lines + 1, rowsBefore: start.records - 1))
    }
  }

  /// Ends the reading of the chunks early.
  private struct StopReading: Error {}
}
