import SalaryCSV

// The reader as it was before its fast path (raw buffers, runs of plain fields read in one
// loop): its state machine verbatim, on arrays, with records copied out. The differential
// tests hold the fast reader to it on random inputs, chunk sizes and errors.

/// A record the reference reader read: its fields and every position.
struct ReferenceRecord: Equatable, CustomStringConvertible {
  var fields: [String]
  var line: Int
  var columns: [Int]
  var fieldLines: [Int]

  var description: String { "\(line): \(fields) columns \(columns) lines \(fieldLines)" }
}

/// The original strict RFC 4180 reader, kept as the reference for the fast one.
struct ReferenceCSVReader {
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

  let configuration: CSVReader.Configuration

  private var state = State.recordStart
  private var line = 1
  private var column = 1
  private var lastByteWasCR = false
  private var utf8Remaining: UInt8 = 0
  private var utf8Low: UInt8 = 0x80
  private var utf8High: UInt8 = 0xBF
  private var byteOrderMarkProgress = 0
  private var recordLine = 1
  private var openingQuoteLine = 1
  private var openingQuoteColumn = 1
  private var expectedFieldCount = 0
  private var fieldBytes: [UInt8] = []
  private var fields: [FieldSpan] = []

  private struct FieldSpan {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
  }

  init(configuration: CSVReader.Configuration = .rfc4180) {
    self.configuration = configuration
  }

  /// Reads a chunk; as `CSVReader.parse(_:onRecord:)`.
  mutating func parse(_ chunk: [UInt8], onRecord: (ReferenceRecord) throws -> Void) throws {
    try chunk.withUnsafeBytes { try consume($0, onRecord) }
  }

  /// Ends the input; as `CSVReader.finish(onRecord:)`.
  mutating func finish(onRecord: (ReferenceRecord) throws -> Void) throws {
    try finishInput(onRecord)
  }

  // MARK: - The state machine

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let cr: UInt8 = 0x0D
  private static let lf: UInt8 = 0x0A

  private mutating func consume(
    _ chunk: UnsafeRawBufferPointer,
    _ onRecord: (ReferenceRecord) throws -> Void
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
      if byte == 0 {
        throw CSVError(.nulByte, line: line, column: column)
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
    _ onRecord: (ReferenceRecord) throws -> Void
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
    _ onRecord: (ReferenceRecord) throws -> Void
  ) throws {
    let matched = byteOrderMarkProgress
    byteOrderMarkProgress = 3
    if matched > 0 {
      try Self.byteOrderMark[..<matched].withUnsafeBytes { try consume($0, onRecord) }
    }
  }

  private mutating func finishInput(_ onRecord: (ReferenceRecord) throws -> Void) throws {
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
      FieldSpan(start: fieldBytes.count, end: 0, line: line, column: column))
  }

  private mutating func endField() {
    fields[fields.count - 1].end = fieldBytes.count
  }

  /// Checks the field count of the record just read, hands it over and clears the buffers. The
  /// reader's position is that of the record's line end, or of the end of the input.
  private mutating func endRecord(_ onRecord: (ReferenceRecord) throws -> Void) throws {
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
    try onRecord(
      ReferenceRecord(
        fields: fields.map { String(decoding: fieldBytes[$0.start..<$0.end], as: UTF8.self) },
        line: recordLine, columns: fields.map(\.column), fieldLines: fields.map(\.line)))
    fieldBytes.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
  }
}
