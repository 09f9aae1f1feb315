/// A strict, streaming RFC 4180 reader over UTF-8 bytes.
///
/// Feed the input in chunks of any size with `parse(_:onRecord:)`, then call
/// `finish(onRecord:)` once at the end of the input. Each complete record is handed to `onRecord`
/// as a `CSVRecordView` whose fields point into buffers the reader reuses, so reading allocates
/// nothing per record once the buffers have grown to the longest record. Memory therefore stays
/// proportional to the longest record, not to the input.
///
///     var reader = CSVReader()
///     var names: [String] = []
///     let input = Array("name,city\r\nAnn,\"Zürich, CH\"\r\n".utf8)
///     try reader.parse(input) { record in names.append(record.string(at: 1)) }
///     try reader.finish { record in names.append(record.string(at: 1)) }
///     // names == ["city", "Zürich, CH"]
///
/// What it accepts:
/// - Fields separated by the configured delimiter (a comma by default); a field that starts with
///   the quote character (`"`) is quoted and may hold delimiters, quotes (doubled: `""`) and line
///   breaks.
/// - CRLF, LF and CR line ends, mixed too. A line end at the very end of the input does not start
///   another record.
/// - A UTF-8 byte order mark (EF BB BF) at the very start, which is dropped.
///
/// What it rejects, with a `CSVError` giving the line and column:
/// - a quoted field still open at the end of the input,
/// - text after a closing quote (`"ab"c`) and a quote inside an unquoted field (`ab"c`),
/// - a record whose field count differs from the first record's: rows are never padded or cut,
///   and a blank line is a record with one empty field, so it is an error in a file of more
///   than one column,
/// - bytes that are not well-formed UTF-8.
///
/// Empty fields are kept, including a trailing one (`a,b,` has three fields). The reader works
/// on bytes, never on `Character`s, so a quote followed by a combining accent stays a quote.
///
/// After any thrown error, from the input or from `onRecord`, the reader must not be used
/// again; create a new one. After `finish(onRecord:)` it is ready for a new input.
public struct CSVReader {
  /// The characters that structure the input.
  public struct Configuration: Equatable, Hashable, Sendable {
    /// The byte that separates fields: an ASCII character.
    public let delimiter: UInt8
    /// The byte that opens and closes a quoted field: an ASCII character.
    public let quote: UInt8

    /// Creates a configuration.
    ///
    /// Both characters must be ASCII, distinct, and neither CR nor LF; anything else is a
    /// programming error and stops the program.
    ///
    ///     let tabs = CSVReader.Configuration(delimiter: "\t")
    public init(delimiter: Unicode.Scalar = ",", quote: Unicode.Scalar = "\"") {
      precondition(delimiter.isASCII && quote.isASCII, "delimiter and quote must be ASCII")
      precondition(delimiter != quote, "delimiter and quote must differ")
      for scalar in [delimiter, quote] {
        precondition(scalar != "\r" && scalar != "\n", "delimiter and quote cannot be line ends")
      }
      self.delimiter = UInt8(delimiter.value)
      self.quote = UInt8(quote.value)
    }

    /// RFC 4180: comma-separated, fields quoted with `"`.
    public static let rfc4180 = Configuration()

    /// Semicolon-separated, fields quoted with `"`: what spreadsheets write in locales whose
    /// decimal separator is a comma.
    public static let semicolon = Configuration(delimiter: ";")
  }

  /// Where the parser is within the current record.
  private enum State {
    /// No byte of the current record has been seen.
    case recordStart
    /// A field has begun (after a delimiter, or at the start of a record) but no byte of it has
    /// been seen.
    case fieldStart
    /// Inside a field that did not start with a quote.
    case unquoted
    /// Inside a quoted field.
    case quoted
    /// Just after a quote inside a quoted field: either the first of a doubled quote or the
    /// closing quote.
    case quoteInQuoted
  }

  /// The characters this reader splits on.
  public let configuration: Configuration

  private var state = State.recordStart
  /// The physical line of the next byte.
  private var line = 1
  /// The column of the next Unicode scalar in its line.
  private var column = 1
  /// Whether the last byte was a CR, so that a following LF ends the same line.
  private var lastByteWasCR = false

  /// How many continuation bytes the current UTF-8 sequence still needs, and the range the next
  /// one must fall in (Unicode, table 3-7).
  private var utf8Remaining: UInt8 = 0
  private var utf8Low: UInt8 = 0x80
  private var utf8High: UInt8 = 0xBF

  /// How many bytes of a leading byte order mark have been matched; `3` once the start of the
  /// input is past, whether it had one or not.
  private var byteOrderMarkProgress = 0

  private var recordLine = 1
  private var openingQuoteLine = 1
  private var openingQuoteColumn = 1
  /// The field count fixed by the first record; 0 until then.
  private var expectedFieldCount = 0
  private var failed = false

  /// The memory behind the current record: its unescaped field bytes, one field after the
  /// other, and where each field lies. Raw memory rather than arrays, because a record costs a
  /// few appends per byte and arrays check capacity and uniqueness on each; the pointers
  /// below are the storage's, cached in the reader so that the loop reads them without an
  /// indirection.
  private var storage: RecordStorage
  private var fieldBytes: UnsafeMutablePointer<UInt8>
  private var fieldByteCount = 0
  private var fieldByteCapacity: Int
  private var fields: UnsafeMutablePointer<CSVRecordView.FieldSpan>
  private var fieldCount = 0
  private var fieldCapacity: Int
  /// For each byte value, whether it ends a run of plain field bytes: the delimiter, the
  /// quote, CR, LF, NUL, or a byte of a multi-byte scalar.
  private var stopsRun: UnsafePointer<Bool>

  /// Creates a reader at the start of an input.
  public init(configuration: Configuration = .rfc4180) {
    self.configuration = configuration
    storage = RecordStorage(configuration: configuration)
    fieldBytes = storage.bytes
    fieldByteCapacity = storage.byteCapacity
    fields = storage.fields
    fieldCapacity = storage.fieldCapacity
    stopsRun = UnsafePointer(storage.stopsRun)
  }

  /// Creates a reader for a part of an input that starts at a record's start (as
  /// ``CSVRecordBoundaries`` finds them): past the input's start, so no byte order mark is
  /// looked for; at `line`, column 1; with the field count of the input's first record
  /// already fixed. Reading an input in parts this way, each part by its own reader and
  /// finished with `finish(onRecord:)`, gives the records and the first error one reader
  /// gives for the whole input.
  ///
  ///     var rest = CSVReader(resumingAtLine: 2, fieldCount: 2)
  ///     try rest.parse(Array("Ann,Zürich\n".utf8)) { record in print(record.line) }  // 2
  public init(configuration: Configuration = .rfc4180, resumingAtLine line: Int, fieldCount: Int) {
    precondition(line >= 1 && fieldCount >= 1, "a line from 1 and a field count from 1")
    self.init(configuration: configuration)
    self.line = line
    recordLine = line
    expectedFieldCount = fieldCount
    byteOrderMarkProgress = 3
  }

  /// Reads the next chunk of the input and calls `onRecord` for each record it completes.
  ///
  /// A chunk may end anywhere: inside a field, inside a quoted line break, between the CR and
  /// the LF of a line end or inside a UTF-8 sequence. The last record of the input is only known
  /// to be complete at `finish(onRecord:)`.
  ///
  /// The view handed to `onRecord`, and every buffer it gives out, is valid only during that
  /// call.
  ///
  /// - Throws: `CSVError` for bad input, or whatever `onRecord` throws.
  /// - Complexity: O(*n*) in the length of the chunk; no allocation once the reader's buffers
  ///   have grown to the longest record.
  public mutating func parse(
    _ chunk: UnsafeRawBufferPointer,
    onRecord: (borrowing CSVRecordView) throws -> Void
  ) throws {
    precondition(!failed, "a CSVReader cannot be used after it has thrown an error")
    makeStorageUnique()
    do {
      try consume(chunk, onRecord)
    } catch {
      failed = true
      throw error
    }
  }

  /// Reads the next chunk of the input from any collection of bytes, such as an `[UInt8]` or a
  /// `String.UTF8View`. See `parse(_:onRecord:)` for an `UnsafeRawBufferPointer`.
  ///
  /// - Throws: `CSVError` for bad input, or whatever `onRecord` throws.
  /// - Complexity: O(*n*) in the length of the chunk.
  public mutating func parse(
    _ chunk: some Collection<UInt8>,
    onRecord: (borrowing CSVRecordView) throws -> Void
  ) throws {
    let done: Void? = try chunk.withContiguousStorageIfAvailable { buffer in
      try parse(UnsafeRawBufferPointer(buffer), onRecord: onRecord)
    }
    if done == nil {
      try Array(chunk).withUnsafeBytes { buffer in
        try parse(buffer, onRecord: onRecord)
      }
    }
  }

  /// Ends the input: checks that nothing is left open and hands over the last record, if the
  /// input did not end with a line end.
  ///
  /// Afterwards the reader is back at the start of a new input, with no field count fixed.
  ///
  /// - Throws: `CSVError` for bad input (an unterminated quoted field, a truncated UTF-8
  ///   sequence, a last record of the wrong length), or whatever `onRecord` throws.
  public mutating func finish(onRecord: (borrowing CSVRecordView) throws -> Void) throws {
    precondition(!failed, "a CSVReader cannot be used after it has thrown an error")
    makeStorageUnique()
    do {
      try finishInput(onRecord)
    } catch {
      failed = true
      throw error
    }
    self = CSVReader(configuration: configuration, reusing: self)
  }

  /// A fresh reader that keeps the buffers (and their capacity) of `old`.
  private init(configuration: Configuration, reusing old: CSVReader) {
    self.configuration = configuration
    storage = old.storage
    fieldBytes = old.fieldBytes
    fieldByteCapacity = old.fieldByteCapacity
    fields = old.fields
    fieldCapacity = old.fieldCapacity
    stopsRun = old.stopsRun
  }

  /// Gives this reader storage of its own if a copy of it shares the storage, so that a copied
  /// reader behaves as a value.
  private mutating func makeStorageUnique() {
    guard !isKnownUniquelyReferenced(&storage) else { return }
    storage = storage.copy(bytes: fieldByteCount, fields: fieldCount)
    fieldBytes = storage.bytes
    fields = storage.fields
    stopsRun = UnsafePointer(storage.stopsRun)
  }

  // MARK: - The state machine

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let cr: UInt8 = 0x0D
  private static let lf: UInt8 = 0x0A

  private mutating func consume(
    _ chunk: UnsafeRawBufferPointer,
    _ onRecord: (borrowing CSVRecordView) throws -> Void
  ) throws {
    var i = 0
    let n = chunk.count
    if byteOrderMarkProgress < 3 {
      i = try skipByteOrderMark(chunk, onRecord)
    }
    let delimiter = configuration.delimiter
    let quote = configuration.quote
    let cr = Self.cr
    let lf = Self.lf

    while i < n {
      let byte = chunk[i]
      if utf8Remaining > 0 {
        // Inside a multi-byte scalar, which only starts inside a field.
        guard byte >= utf8Low && byte <= utf8High else {
          throw CSVError(.invalidUTF8, line: line, column: column - 1)
        }
        utf8Remaining -= 1
        utf8Low = 0x80
        utf8High = 0xBF
        appendFieldByte(byte)
        i += 1
        continue
      }

      switch state {
      case .recordStart:
        if byte == lf && lastByteWasCR {
          // The LF of the CRLF that ended the previous record.
          lastByteWasCR = false
          i += 1
        } else {
          recordLine = line
          beginField()
          state = .fieldStart
        }

      case .fieldStart, .unquoted:
        if state == .fieldStart && byte == quote {
          openingQuoteLine = line
          openingQuoteColumn = column
          advanceColumn()
          state = .quoted
          i += 1
          continue
        }
        if !stopsRun[Int(byte)] {
          i = try readPlainFields(chunk, from: i, onRecord)
          continue
        }
        if byte == delimiter {
          endField()
          advanceColumn()
          beginField()
          state = .fieldStart
        } else if byte == cr || byte == lf {
          endField()
          try endRecord(onRecord)
          advanceLine(byte)
          state = .recordStart
        } else if byte == quote {
          throw CSVError(.quoteInUnquotedField, line: line, column: column)
        } else if byte == 0 {
          throw CSVError(.nulByte, line: line, column: column)
        } else {
          try beginScalar(byte)
          appendFieldByte(byte)
          state = .unquoted
        }
        i += 1

      case .quoted:
        var end = i
        while end < n {
          let next = chunk[end]
          if next == quote || next == cr || next == lf || next >= 0x80 || next == 0 {
            break
          }
          end += 1
        }
        if end > i {
          appendFieldBytes(chunk.baseAddress! + i, count: end - i)
          column += end - i
          lastByteWasCR = false
          i = end
          continue
        }
        if byte == quote {
          advanceColumn()
          state = .quoteInQuoted
        } else if byte == cr || byte == lf {
          appendFieldByte(byte)
          advanceLine(byte)
        } else if byte == 0 {
          throw CSVError(.nulByte, line: line, column: column)
        } else {
          try beginScalar(byte)
          appendFieldByte(byte)
        }
        i += 1

      case .quoteInQuoted:
        if byte == quote {
          appendFieldByte(byte)
          advanceColumn()
          state = .quoted
        } else if byte == delimiter {
          endField()
          advanceColumn()
          beginField()
          state = .fieldStart
        } else if byte == cr || byte == lf {
          endField()
          try endRecord(onRecord)
          advanceLine(byte)
          state = .recordStart
        } else {
          throw CSVError(
            byte == 0 ? .nulByte : .textAfterClosingQuote, line: line, column: column)
        }
        i += 1
      }
    }
  }

  /// Reads plain bytes (ASCII, no delimiter, quote or line end) from `start`, where a field
  /// that is not quoted has begun or goes on, then the fields and records after it while they
  /// are plain too: the usual input, read without a step of the state machine per field or
  /// per record. Returns the index of the first byte it left to the state machine: the end of
  /// the chunk, or a byte that is not plain where a field goes on or starts.
  ///
  /// Bytes are copied as they are checked, into the room the field buffer has; it grows only
  /// when a field outgrows it, so memory stays proportional to the longest record.
  private mutating func readPlainFields(
    _ chunk: UnsafeRawBufferPointer, from start: Int,
    _ onRecord: (borrowing CSVRecordView) throws -> Void
  ) throws -> Int {
    let n = chunk.count
    let delimiter = configuration.delimiter
    // In locals, so that the loop keeps them in registers: a byte stored through a pointer
    // could otherwise be any of the reader's properties, as far as the compiler knows.
    let input = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let stopsRun = stopsRun
    var i = start
    while true {
      let runStart = i
      var written = fieldByteCount
      while true {
        let output = fieldBytes
        let limit = min(n, i + (fieldByteCapacity - written))
        while i < limit {
          let byte = input[i]
          if stopsRun[Int(byte)] { break }
          output[written] = byte
          written &+= 1
          i &+= 1
        }
        guard i == limit && i < n && !stopsRun[Int(input[i])] else { break }
        fieldByteCount = written
        growBytes(toHold: written + 1)
      }
      fieldByteCount = written
      if i > runStart {
        column += i - runStart
        lastByteWasCR = false
        state = .unquoted
      }
      guard i + 1 < n else { return i }
      let stop = input[i]
      if stop == delimiter {
        // A delimiter followed by a plain byte: the next field is plain too.
        guard !stopsRun[Int(input[i + 1])] else { return i }
        endField()
        column += 1
        beginField()
        i += 1
        continue
      }
      guard stop == Self.cr || stop == Self.lf else { return i }
      // The record's end, as the state machine takes it; then the next record, if it starts
      // plainly.
      endField()
      try endRecord(onRecord)
      advanceLine(stop)
      state = .recordStart
      i += 1
      if stop == Self.cr && i < n && input[i] == Self.lf {
        advanceLine(Self.lf)
        i += 1
      }
      guard i < n && !stopsRun[Int(input[i])] else { return i }
      recordLine = line
      beginField()
      state = .fieldStart
    }
  }

  /// Drops a byte order mark at the start of the input, which may arrive split over chunks.
  /// Returns the index of the first byte of `chunk` left to parse.
  private mutating func skipByteOrderMark(
    _ chunk: UnsafeRawBufferPointer,
    _ onRecord: (borrowing CSVRecordView) throws -> Void
  ) throws -> Int {
    var i = 0
    while i < chunk.count && byteOrderMarkProgress < 3 {
      if chunk[i] == Self.byteOrderMark[byteOrderMarkProgress] {
        byteOrderMarkProgress += 1
        i += 1
      } else {
        try replayPartialByteOrderMark(onRecord)
        break
      }
    }
    return i
  }

  /// Parses the bytes of a byte order mark that turned out not to be one, as ordinary input.
  private mutating func replayPartialByteOrderMark(
    _ onRecord: (borrowing CSVRecordView) throws -> Void
  ) throws {
    let matched = byteOrderMarkProgress
    byteOrderMarkProgress = 3
    if matched > 0 {
      try Self.byteOrderMark[..<matched].withUnsafeBytes { try consume($0, onRecord) }
    }
  }

  private mutating func finishInput(_ onRecord: (borrowing CSVRecordView) throws -> Void) throws {
    if byteOrderMarkProgress < 3 {
      try replayPartialByteOrderMark(onRecord)
    }
    if utf8Remaining > 0 {
      throw CSVError(.invalidUTF8, line: line, column: column - 1)
    }
    switch state {
    case .recordStart:
      break
    case .fieldStart, .unquoted, .quoteInQuoted:
      endField()
      try endRecord(onRecord)
    case .quoted:
      throw CSVError(.unterminatedQuotedField, line: openingQuoteLine, column: openingQuoteColumn)
    }
  }

  // MARK: - Positions

  private mutating func advanceColumn() {
    column += 1
    lastByteWasCR = false
  }

  /// Counts a CR, an LF, or the LF of a CRLF (which ends the line its CR already ended).
  private mutating func advanceLine(_ byte: UInt8) {
    if byte == Self.lf && lastByteWasCR {
      lastByteWasCR = false
    } else {
      line += 1
      column = 1
      lastByteWasCR = byte == Self.cr
    }
  }

  /// Checks the first byte of a multi-byte UTF-8 sequence and notes what must follow it.
  private mutating func beginScalar(_ byte: UInt8) throws {
    switch byte {
    case 0xC2...0xDF:
      utf8Remaining = 1
    case 0xE0:
      utf8Remaining = 2
      utf8Low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF:
      utf8Remaining = 2
    case 0xED:
      utf8Remaining = 2
      utf8High = 0x9F  // no surrogates
    case 0xF0:
      utf8Remaining = 3
      utf8Low = 0x90
    case 0xF1...0xF3:
      utf8Remaining = 3
    case 0xF4:
      utf8Remaining = 3
      utf8High = 0x8F  // nothing above U+10FFFF
    default:
      throw CSVError(.invalidUTF8, line: line, column: column)
    }
    advanceColumn()
  }

  // MARK: - Records

  private mutating func beginField() {
    if fieldCount == fieldCapacity { growFields() }
    fields[fieldCount] = CSVRecordView.FieldSpan(
      start: fieldByteCount, end: 0, line: line, column: column)
    fieldCount += 1
  }

  private mutating func endField() {
    fields[fieldCount - 1].end = fieldByteCount
  }

  @inline(__always)
  private mutating func appendFieldByte(_ byte: UInt8) {
    if fieldByteCount == fieldByteCapacity { growBytes(toHold: fieldByteCount + 1) }
    fieldBytes[fieldByteCount] = byte
    fieldByteCount += 1
  }

  @inline(__always)
  private mutating func appendFieldBytes(_ source: UnsafeRawPointer, count: Int) {
    if fieldByteCount + count > fieldByteCapacity { growBytes(toHold: fieldByteCount + count) }
    UnsafeMutableRawPointer(fieldBytes + fieldByteCount).copyMemory(from: source, byteCount: count)
    fieldByteCount += count
  }

  private mutating func growBytes(toHold count: Int) {
    storage.growBytes(toHold: count, keeping: fieldByteCount)
    fieldBytes = storage.bytes
    fieldByteCapacity = storage.byteCapacity
  }

  private mutating func growFields() {
    storage.growFields(keeping: fieldCount)
    fields = storage.fields
    fieldCapacity = storage.fieldCapacity
  }

  /// Checks the field count of the record just read, hands it over and clears the buffers. The
  /// reader's position is that of the record's line end, or of the end of the input.
  private mutating func endRecord(_ onRecord: (borrowing CSVRecordView) throws -> Void) throws {
    let found = fieldCount
    if expectedFieldCount == 0 {
      expectedFieldCount = found
    } else if found != expectedFieldCount {
      let kind = CSVError.Kind.wrongFieldCount(expected: expectedFieldCount, found: found)
      if found > expectedFieldCount {
        let extra = fields[expectedFieldCount]
        throw CSVError(kind, line: extra.line, column: extra.column)
      }
      throw CSVError(kind, line: line, column: column)
    }
    try onRecord(
      CSVRecordView(
        bytes: UnsafeRawBufferPointer(start: fieldBytes, count: fieldByteCount),
        fields: UnsafeBufferPointer(start: fields, count: fieldCount), line: recordLine))
    fieldByteCount = 0
    fieldCount = 0
  }
}

/// The reader's memory: the current record's bytes and field positions, and the table of bytes
/// that end a plain run. A class so that it is freed with the last reader that holds it.
private final class RecordStorage {
  private(set) var bytes: UnsafeMutablePointer<UInt8>
  private(set) var byteCapacity: Int
  private(set) var fields: UnsafeMutablePointer<CSVRecordView.FieldSpan>
  private(set) var fieldCapacity: Int
  let stopsRun: UnsafeMutablePointer<Bool>

  init(configuration: CSVReader.Configuration, byteCapacity: Int = 256, fieldCapacity: Int = 16) {
    self.byteCapacity = byteCapacity
    self.fieldCapacity = fieldCapacity
    bytes = .allocate(capacity: byteCapacity)
    fields = .allocate(capacity: fieldCapacity)
    stopsRun = .allocate(capacity: 256)
    for value in 0..<256 {
      let byte = UInt8(value)
      stopsRun[value] =
        byte == configuration.delimiter || byte == configuration.quote || byte == 0x0D
        || byte == 0x0A || byte >= 0x80 || byte == 0
    }
  }

  deinit {
    bytes.deallocate()
    fields.deallocate()
    stopsRun.deallocate()
  }

  /// A storage of the same capacity holding the first `bytes` bytes and `fields` fields.
  func copy(bytes byteCount: Int, fields fieldCount: Int) -> RecordStorage {
    let copy = RecordStorage(
      stopsRun: stopsRun, byteCapacity: byteCapacity, fieldCapacity: fieldCapacity)
    copy.bytes.initialize(from: bytes, count: byteCount)
    copy.fields.initialize(from: fields, count: fieldCount)
    return copy
  }

  private init(stopsRun: UnsafeMutablePointer<Bool>, byteCapacity: Int, fieldCapacity: Int) {
    self.byteCapacity = byteCapacity
    self.fieldCapacity = fieldCapacity
    bytes = .allocate(capacity: byteCapacity)
    fields = .allocate(capacity: fieldCapacity)
    self.stopsRun = .allocate(capacity: 256)
    self.stopsRun.initialize(from: stopsRun, count: 256)
  }

  /// Grows the bytes to hold at least `count`, keeping the first `kept`.
  func growBytes(toHold count: Int, keeping kept: Int) {
    let capacity = max(count, 2 * byteCapacity)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    grown.initialize(from: bytes, count: kept)
    bytes.deallocate()
    bytes = grown
    byteCapacity = capacity
  }

  /// Doubles the field positions, keeping the first `kept`.
  func growFields(keeping kept: Int) {
    let capacity = 2 * fieldCapacity
    let grown = UnsafeMutablePointer<CSVRecordView.FieldSpan>.allocate(capacity: capacity)
    grown.initialize(from: fields, count: kept)
    fields.deallocate()
    fields = grown
    fieldCapacity = capacity
  }
}
