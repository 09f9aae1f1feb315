/// A CSV writer whose output spreadsheets read back as the values that were written.
///
/// It appends UTF-8 bytes to a buffer the caller owns and flushes when it likes; the writer
/// itself only remembers where it is in the record. Fields are written by type, which is what
/// makes the output safe:
/// - Text is always quoted, with `"` doubled, and line breaks are written as they are. Text
///   whose first character a spreadsheet could take for the start of a formula (`=`, `+`, `-`,
///   `@`, tab, CR, LF, or the full-width `＝`, `＋`, `－`, `＠`) gets a leading `'`, which
///   spreadsheets show and do not evaluate (OWASP "CSV injection", CWE-1236).
/// - Numbers are never quoted and never prefixed, so `-5` stays a number. They are written as
///   `-?digits(.digits)?` by `formatDecimal(_:maxFractionDigits:minFractionDigits:)`: no
///   grouping, no exponent, never `-0`, never exactly three decimals, at most 15 significant
///   digits; NaN, infinity and magnitudes of 1e15 or more are refused.
/// - An empty value is an empty field.
/// - Every record, the last one included, ends with CRLF.
///
///     var writer = CSVWriter()
///     var output: [UInt8] = []
///     try writer.writeRecord([.text("level"), .text("raise_pct")], into: &output)
///     try writer.writeRecord([.text("=1+1"), .number(3.5, fractionDigits: 2)], into: &output)
///     try writer.writeRecord([.text("Zürich"), .number(0.035, fractionDigits: 3)], into: &output)
///     // String(decoding: output, as: UTF8.self) ==
///     //   "\"level\",\"raise_pct\"\r\n\"'=1+1\",3.5\r\n\"Zürich\",0.0350\r\n"
///
/// Every record must have as many fields as the first one, and at least one; writing a ragged
/// record is a programming error and stops the program. A record whose only field is empty is
/// written as `""`, so that it is not a blank line, which many readers skip.
///
/// Because text is quoted, a file never starts with the letters `ID` (which Excel takes for
/// SYLK). `CSVReader` reads the output back as the same values, text with the `'` described
/// above.
public struct CSVWriter: Sendable {
  /// The dialect of the output.
  public struct Configuration: Equatable, Hashable, Sendable {
    /// The byte between fields: an ASCII character.
    public let delimiter: UInt8
    /// The byte between the whole and the fractional part of a number: `.` or `,`.
    public let decimalSeparator: UInt8
    /// Whether the output starts with a UTF-8 byte order mark (EF BB BF), written before the
    /// first field.
    ///
    /// Excel detects UTF-8 only when a file starts with one; pipelines (`cut`, `awk`, Python's
    /// `csv` without `utf-8-sig`) take it for part of the first header name. Off by default.
    public var writesByteOrderMark: Bool

    /// Creates a configuration.
    ///
    /// The delimiter must be ASCII and none of `"`, `'`, CR, LF, a digit, `-` or the decimal
    /// separator; the decimal separator must be `.` or `,`. Anything else is a programming error
    /// and stops the program.
    public init(
      delimiter: Unicode.Scalar = ",",
      decimalSeparator: Unicode.Scalar = ".",
      writesByteOrderMark: Bool = false
    ) {
      precondition(
        decimalSeparator == "." || decimalSeparator == ",", "the decimal separator must be . or ,")
      precondition(delimiter.isASCII, "the delimiter must be ASCII")
      precondition(
        !"\"'\r\n-0123456789".unicodeScalars.contains(delimiter),
        "the delimiter cannot be a quote, an apostrophe, a line end, a digit or a minus sign")
      precondition(
        delimiter != decimalSeparator, "the delimiter must differ from the decimal separator")
      self.delimiter = UInt8(delimiter.value)
      self.decimalSeparator = UInt8(decimalSeparator.value)
      self.writesByteOrderMark = writesByteOrderMark
    }

    /// Comma-separated, decimal point, no byte order mark: RFC 4180, for programs and pipelines,
    /// and read correctly by spreadsheets in every locale when imported as UTF-8.
    public static let rfc4180 = Configuration()

    /// `rfc4180` with a byte order mark, for a file that people open in Excel by double-clicking
    /// it: without the mark Excel does not read it as UTF-8.
    public static let excel = Configuration(writesByteOrderMark: true)

    /// Semicolon-separated with a decimal comma, as spreadsheets with German, French or similar
    /// number settings expect. Opt-in only: an English-locale reader takes `0,035` for 35.
    public static let european = Configuration(delimiter: ";", decimalSeparator: ",")
  }

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let quote = UInt8(ascii: "\"")

  /// The dialect of the output.
  public let configuration: Configuration

  /// Whether anything, the byte order mark included, has been written.
  private var hasStarted = false
  private var fieldsInRecord = 0
  /// The field count of the first record; 0 until it has ended.
  private var expectedFieldCount = 0
  private var recordIsOneEmptyField = false

  /// Creates a writer at the start of an output.
  public init(configuration: Configuration = .rfc4180) {
    self.configuration = configuration
  }

  /// Appends a text field: quoted, quotes doubled, with a leading `'` if its first character
  /// could start a formula.
  ///
  ///     writer.appendText("say \"hi\"", into: &output)  // "say ""hi"""
  ///     writer.appendText("-5", into: &output)  // "'-5"
  ///     writer.appendText("", into: &output)  // ""
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `text`.
  public mutating func appendText(_ text: String, into output: inout [UInt8]) {
    beginField(into: &output)
    output.append(Self.quote)
    var text = text
    text.withUTF8 { utf8 in
      if FieldEncoding.couldStartFormula(UnsafeRawBufferPointer(utf8)) {
        output.append(UInt8(ascii: "'"))
      }
      var runStart = 0
      for index in utf8.indices where utf8[index] == Self.quote {
        // Copy up to and including the quote, then double it.
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...index]))
        output.append(Self.quote)
        runStart = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    output.append(Self.quote)
  }

  /// Appends a number field, unquoted, formatted by
  /// `formatDecimal(_:maxFractionDigits:minFractionDigits:)` with the configuration's decimal
  /// separator: at most `fractionDigits` decimals, rounded half away from zero, trailing zeros
  /// dropped, never exactly three decimals, at most 15 significant digits.
  ///
  ///     try writer.appendNumber(-1234.5, fractionDigits: 2, into: &output)  // -1234.5
  ///     try writer.appendNumber(0.035, fractionDigits: 3, into: &output)  // 0.0350
  ///
  /// `fractionDigits` must be in `0...15`. When the number is refused nothing is written and the
  /// writer is unchanged.
  ///
  /// - Throws: `CSVNumberError.notFinite` for NaN and infinity,
  ///   `CSVNumberError.magnitudeTooLarge` when the rounded magnitude is 1e15 or more.
  public mutating func appendNumber(
    _ value: Double,
    fractionDigits: Int,
    into output: inout [UInt8]
  ) throws(CSVNumberError) {
    // Digits go to the stack first, so that a refused number leaves the output and the writer
    // as they were, and then into the output in one copy.
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FieldEncoding.numberRoom) {
      digits throws(CSVNumberError) in
      let count = try FieldEncoding.writeNumber(
        value, fractionDigits: fractionDigits, decimalSeparator: configuration.decimalSeparator,
        to: digits.baseAddress!)
      beginField(into: &output)
      output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<count]))
    }
  }

  /// Appends an integer field, unquoted.
  ///
  ///     try writer.appendInteger(-42, into: &output)  // -42
  ///
  /// When the integer is refused nothing is written and the writer is unchanged.
  ///
  /// - Throws: `CSVNumberError.magnitudeTooLarge` when the magnitude is 1e15 or more.
  public mutating func appendInteger(_ value: Int, into output: inout [UInt8])
    throws(CSVNumberError)
  {
    try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FieldEncoding.numberRoom) {
      digits throws(CSVNumberError) in
      let count = try FieldEncoding.writeInteger(value, to: digits.baseAddress!)
      beginField(into: &output)
      output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<count]))
    }
  }

  /// Appends an empty field, for a missing value.
  public mutating func appendEmpty(into output: inout [UInt8]) {
    beginField(into: &output)
    recordIsOneEmptyField = fieldsInRecord == 1
  }

  /// Ends the record with CRLF.
  ///
  /// The record must have at least one field, and as many as the first record had.
  public mutating func endRecord(into output: inout [UInt8]) {
    precondition(fieldsInRecord > 0, "a CSV record needs at least one field")
    if expectedFieldCount == 0 {
      expectedFieldCount = fieldsInRecord
    }
    precondition(
      fieldsInRecord == expectedFieldCount,
      "a CSV record has \(fieldsInRecord) fields, but the first one had \(expectedFieldCount)")
    if fieldsInRecord == 1 && recordIsOneEmptyField {
      // Not a blank line, which readers skip or take for the end of a table.
      output.append(Self.quote)
      output.append(Self.quote)
    }
    output.append(UInt8(ascii: "\r"))
    output.append(UInt8(ascii: "\n"))
    fieldsInRecord = 0
    recordIsOneEmptyField = false
  }

  /// Writes a whole record, each field by its type, and ends it with CRLF.
  ///
  ///     try writer.writeRecord([.text("Berlin"), .integer(2024), .empty], into: &output)
  ///     // "Berlin",2024,\r\n
  ///
  /// The record must have at least one field, and as many as the first record had; no field
  /// may have been appended to it before. If a number is refused, nothing of the record is
  /// left in `output` and the writer is unchanged.
  ///
  /// - Throws: `CSVNumberError` for a number that cannot be written.
  /// - Complexity: O(*n*) in the size of the record.
  public mutating func writeRecord(_ fields: [CSVField], into output: inout [UInt8])
    throws(CSVNumberError)
  {
    precondition(fieldsInRecord == 0, "writeRecord writes whole records: end the open one first")
    let saved = self
    let mark = output.count
    do {
      for field in fields {
        switch field {
        case .text(let text):
          appendText(text, into: &output)
        case .number(let value, let fractionDigits):
          try appendNumber(value, fractionDigits: fractionDigits, into: &output)
        case .integer(let value):
          try appendInteger(value, into: &output)
        case .empty:
          appendEmpty(into: &output)
        }
      }
    } catch {
      output.removeSubrange(mark...)
      self = saved
      throw error
    }
    endRecord(into: &output)
  }

  /// Writes one record straight into `space`, which the caller owns, and returns how many
  /// bytes it took: the fields `body` appends to the encoder, by the rules of this writer and
  /// to the same bytes as its `append…` methods, then CRLF (and the byte order mark first, if
  /// one is due).
  ///
  /// For writing many records fast: nothing is allocated, and a caller that collects records
  /// in a buffer of its own copies them out in bulk.
  ///
  ///     var space = [UInt8](repeating: 0, count: 64)
  ///     let count = try space.withUnsafeMutableBytes { space in
  ///       try writer.encodeRecord(into: space) { record throws(CSVNumberError) in
  ///         record.appendText("Berlin")
  ///         try record.appendInteger(2024)
  ///       }
  ///     }
  ///     // space[..<count] holds "\"Berlin\",2024\r\n"
  ///
  /// `space` must hold the record (see `CSVRecordEncoder` for each field's room) and 4 bytes
  /// more for its end, 7 while the byte order mark is due; the record must have at least one
  /// field, and as many as the first record had; no field may have been appended to it
  /// before. If `body` throws, the writer is unchanged and the bytes in `space` mean nothing.
  ///
  /// - Throws: What `body` throws.
  /// - Complexity: O(*n*) in the size of the record.
  public mutating func encodeRecord<Failure: Error>(
    into space: UnsafeMutableRawBufferPointer,
    _ body: (inout CSVRecordEncoder) throws(Failure) -> Void
  ) throws(Failure) -> Int {
    precondition(fieldsInRecord == 0, "encodeRecord writes whole records: end the open one first")
    let trailer = 4  // `""` for a lone empty field, then CRLF
    let bom = !hasStarted && configuration.writesByteOrderMark ? Self.byteOrderMark.count : 0
    precondition(space.count >= bom + trailer + 2, "no room for a CSV record")
    let start = space.baseAddress!.assumingMemoryBound(to: UInt8.self)
    if bom > 0 {
      for (offset, byte) in Self.byteOrderMark.enumerated() { start[offset] = byte }
    }
    var record = CSVRecordEncoder(
      start: start + bom, end: start + space.count - trailer, configuration: configuration)
    try body(&record)
    let fields = record.fieldCount
    precondition(fields > 0, "a CSV record needs at least one field")
    if expectedFieldCount == 0 {
      expectedFieldCount = fields
    }
    precondition(
      fields == expectedFieldCount,
      "a CSV record has \(fields) fields, but the first one had \(expectedFieldCount)")
    record.finish()
    hasStarted = true
    return record.position - start
  }

  /// Writes the byte order mark if one is due, then the delimiter if a field came before.
  private mutating func beginField(into output: inout [UInt8]) {
    if !hasStarted {
      hasStarted = true
      if configuration.writesByteOrderMark {
        output.append(contentsOf: Self.byteOrderMark)
      }
    }
    if fieldsInRecord > 0 {
      output.append(configuration.delimiter)
    }
    fieldsInRecord += 1
    precondition(
      expectedFieldCount == 0 || fieldsInRecord <= expectedFieldCount,
      "a CSV record has more fields than the first one (\(expectedFieldCount))")
    recordIsOneEmptyField = false
  }
}

/// One field of a record for `CSVWriter.writeRecord(_:into:)`, by type: the type decides how it
/// is written.
public enum CSVField: Equatable, Sendable {
  /// Text: always quoted, with a leading `'` if it could start a formula.
  case text(String)
  /// A number with at most `fractionDigits` decimals (in `0...15`): never quoted.
  case number(Double, fractionDigits: Int)
  /// An integer: never quoted.
  case integer(Int)
  /// A missing value: an empty field.
  case empty
}
