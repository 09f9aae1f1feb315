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

  /// The unescaped bytes of the current record's fields, one after the other.
  private var fieldBytes: [UInt8] = []
  /// Where each field of the current record lies in `fieldBytes`, and where it began.
  private var fields: [CSVRecordView.FieldSpan] = []

  /// Creates a reader at the start of an input.
  public init(configuration: Configuration = .rfc4180) {
    self.configuration = configuration
    fieldBytes.reserveCapacity(256)
    fields.reserveCapacity(16)
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
    fieldBytes = old.fieldBytes
    fields = old.fields
    fieldBytes.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
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
        fieldBytes.append(byte)
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

      case .fieldStart:
        if byte == quote {
          openingQuoteLine = line
          openingQuoteColumn = column
          advanceColumn()
          state = .quoted
          i += 1
        } else if byte == delimiter {
          endField()
          advanceColumn()
          beginField()
          i += 1
        } else if byte == cr || byte == lf {
          endField()
          try endRecord(onRecord)
          advanceLine(byte)
          state = .recordStart
          i += 1
        } else {
          state = .unquoted
        }

      case .unquoted:
        var end = i
        while end < n {
          let next = chunk[end]
          if next == delimiter || next == quote || next == cr || next == lf || next >= 0x80 {
            break
          }
          end += 1
        }
        if end > i {
          fieldBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[i..<end]))
          column += end - i
          lastByteWasCR = false
          i = end
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
        } else {
          try beginScalar(byte)
          fieldBytes.append(byte)
        }
        i += 1

      case .quoted:
        var end = i
        while end < n {
          let next = chunk[end]
          if next == quote || next == cr || next == lf || next >= 0x80 {
            break
          }
          end += 1
        }
        if end > i {
          fieldBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[i..<end]))
          column += end - i
          lastByteWasCR = false
          i = end
          continue
        }
        if byte == quote {
          advanceColumn()
          state = .quoteInQuoted
        } else if byte == cr || byte == lf {
          fieldBytes.append(byte)
          advanceLine(byte)
        } else {
          try beginScalar(byte)
          fieldBytes.append(byte)
        }
        i += 1

      case .quoteInQuoted:
        if byte == quote {
          fieldBytes.append(byte)
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
          throw CSVError(.textAfterClosingQuote, line: line, column: column)
        }
        i += 1
      }
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
    fields.append(
      CSVRecordView.FieldSpan(start: fieldBytes.count, end: 0, line: line, column: column))
  }

  private mutating func endField() {
    fields[fields.count - 1].end = fieldBytes.count
  }

  /// Checks the field count of the record just read, hands it over and clears the buffers. The
  /// reader's position is that of the record's line end, or of the end of the input.
  private mutating func endRecord(_ onRecord: (borrowing CSVRecordView) throws -> Void) throws {
    let found = fields.count
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
    let line = recordLine
    try fieldBytes.withUnsafeBytes { bytes in
      try fields.withUnsafeBufferPointer { spans in
        try onRecord(CSVRecordView(bytes: bytes, fields: spans, line: line))
      }
    }
    fieldBytes.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
  }
}
