/// One record being written by `CSVWriter.encodeRecord(into:_:)` straight into memory the
/// caller owns: the same fields, by the same rules and to the same bytes as the writer's
/// `append…` methods, but without growing an array field by field. For writing millions of
/// records, where the cost of each append counts.
///
///     var writer = CSVWriter()
///     var space = [UInt8](repeating: 0, count: 256)
///     let count = try space.withUnsafeMutableBytes { space in
///       try writer.encodeRecord(into: space) { record throws(CSVNumberError) in
///         record.appendText("=1+1")
///         try record.appendNumber(0.035, fractionDigits: 3)
///       }
///     }
///     // space[..<count] holds "\"'=1+1\",0.0350\r\n"
///
/// Every field must fit in the space the record was given: writing past it is a programming
/// error and stops the program. A text field takes at most `maxTextFieldLength(_:)` bytes, a
/// number or an integer at most `maxNumberFieldLength`, a run of encoded fields its byte count
/// plus one, an empty field one, each with its delimiter; the record's line end is reserved by
/// `encodeRecord(into:_:)`.
public struct CSVRecordEncoder: ~Copyable {
  /// The room a number or an integer field needs, its delimiter included. (A number takes at
  /// most 19 bytes; the room is larger because digits are stored several at a time.)
  public static let maxNumberFieldLength = FieldEncoding.numberRoom + 1

  /// The most bytes a text field of `byteCount` bytes of UTF-8 takes, its delimiter included.
  public static func maxTextFieldLength(_ byteCount: Int) -> Int {
    FieldEncoding.maxTextLength(byteCount) + 1
  }

  // Visible to inlined code: the number methods are inlined into their callers, so that a
  // literal count of decimals folds the formatting's branches away.
  @usableFromInline var cursor: UnsafeMutablePointer<UInt8>
  @usableFromInline let end: UnsafeMutablePointer<UInt8>
  @usableFromInline let delimiter: UInt8
  @usableFromInline let decimalSeparator: UInt8
  /// How many fields have been written.
  @usableFromInline var fieldCount = 0
  /// Whether the record so far is exactly one empty field.
  @usableFromInline var isOneEmptyField = false

  init(
    start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>,
    configuration: CSVWriter.Configuration
  ) {
    self.cursor = start
    self.end = end
    self.delimiter = configuration.delimiter
    self.decimalSeparator = configuration.decimalSeparator
  }

  /// Where the next byte goes.
  var position: UnsafeMutablePointer<UInt8> { cursor }

  /// Checks that `length` more bytes fit, then writes the delimiter if a field came before.
  @inline(__always)
  private mutating func beginField(needing length: Int) {
    precondition(end - cursor >= length, "a CSV record outgrew the space it was given")
    if fieldCount > 0 {
      cursor.pointee = delimiter
      cursor += 1
    }
    fieldCount += 1
    isOneEmptyField = false
  }

  /// Appends a text field given as UTF-8 bytes: quoted, quotes doubled, with a leading `'` if
  /// its first character could start a formula; as `CSVWriter.appendText(_:into:)` does.
  ///
  /// - Complexity: O(*n*) in the length of `utf8`.
  public mutating func appendText(utf8: UnsafeRawBufferPointer) {
    beginField(needing: FieldEncoding.maxTextLength(utf8.count) + 1)
    cursor += FieldEncoding.writeText(utf8, to: cursor)
  }

  /// Appends a text field; see `appendText(utf8:)`.
  public mutating func appendText(_ text: String) {
    var text = text
    text.withUTF8 { appendText(utf8: UnsafeRawBufferPointer($0)) }
  }

  /// Appends a number field, unquoted, as `CSVWriter.appendNumber(_:fractionDigits:into:)`
  /// does. When the number is refused nothing is written.
  ///
  /// - Throws: `CSVNumberError.notFinite` for NaN and infinity,
  ///   `CSVNumberError.magnitudeTooLarge` when the rounded magnitude is 1e15 or more.
  @inlinable
  public mutating func appendNumber(_ value: Double, fractionDigits: Int) throws(CSVNumberError) {
    precondition(
      end - cursor >= Self.maxNumberFieldLength, "a CSV record outgrew the space it was given")
    // The digits go after the delimiter's place, which is only filled once they are accepted.
    let start = fieldCount > 0 ? cursor + 1 : cursor
    let count: Int
    // The usual counts of decimals (whole money, years to the cent) get copies of the
    // formatting with the count folded in: fewer branches and no division by a variable.
    switch fractionDigits {
    case 0:
      count = try FieldEncoding.writeNumber(
        value, fractionDigits: 0, decimalSeparator: decimalSeparator, to: start)
    case 2:
      count = try FieldEncoding.writeNumber(
        value, fractionDigits: 2, decimalSeparator: decimalSeparator, to: start)
    default:
      count = try FieldEncoding.writeNumber(
        value, fractionDigits: fractionDigits, decimalSeparator: decimalSeparator, to: start)
    }
    endEncodedField(start + count)
  }

  /// Appends an integer field, unquoted, as `CSVWriter.appendInteger(_:into:)` does. When the
  /// integer is refused nothing is written.
  ///
  /// - Throws: `CSVNumberError.magnitudeTooLarge` when the magnitude is 1e15 or more.
  @inlinable
  public mutating func appendInteger(_ value: Int) throws(CSVNumberError) {
    precondition(
      end - cursor >= Self.maxNumberFieldLength, "a CSV record outgrew the space it was given")
    let start = fieldCount > 0 ? cursor + 1 : cursor
    let count = try FieldEncoding.writeInteger(value, to: start)
    endEncodedField(start + count)
  }

  /// Completes a number whose digits end before `fieldEnd`: its delimiter, if one is due, and
  /// the count.
  @inlinable @inline(__always)
  mutating func endEncodedField(_ fieldEnd: UnsafeMutablePointer<UInt8>) {
    if fieldCount > 0 { cursor.pointee = delimiter }
    cursor = fieldEnd
    fieldCount += 1
    isOneEmptyField = false
  }

  /// Appends an empty field, for a missing value.
  public mutating func appendEmpty() {
    beginField(needing: 1)
    isOneEmptyField = fieldCount == 1
  }

  /// Appends fields encoded beforehand, as if each had been appended here.
  ///
  /// The fields must have been encoded for the writer's configuration.
  ///
  /// - Complexity: O(*n*) in their byte count.
  public mutating func append(_ fields: CSVEncodedFields) {
    precondition(
      fields.delimiter == delimiter && fields.decimalSeparator == decimalSeparator,
      "fields encoded for another dialect")
    fields.bytes.withUnsafeBytes { append(encoded: $0, count: fields.count) }
  }

  /// Appends `count` fields encoded beforehand whose bytes the caller keeps: the bytes of
  /// a `CSVEncodedFields` (`withUnsafeBytes(_:)`) of the writer's configuration, copied
  /// where a memo of millions of rows keeps them (no reference counted on each row).
  ///
  /// - Precondition: `count` is at least 1.
  /// - Complexity: O(*n*) in the byte count.
  public mutating func append(encoded bytes: UnsafeRawBufferPointer, count: Int) {
    precondition(count >= 1, "encoded fields are at least one field")
    beginField(needing: bytes.count + 1)
    if let base = bytes.baseAddress, bytes.count > 0 {
      UnsafeMutableRawPointer(cursor).copyMemory(from: base, byteCount: bytes.count)
      cursor += bytes.count
    }
    fieldCount += count - 1
    isOneEmptyField = fieldCount == 1 && count == 1 && bytes.isEmpty
  }

  /// Ends the record: `""` for a record of one empty field (so that it is not a blank line),
  /// then CRLF. The caller reserved the room for both.
  mutating func finish() {
    if fieldCount == 1 && isOneEmptyField {
      cursor[0] = UInt8(ascii: "\"")
      cursor[1] = UInt8(ascii: "\"")
      cursor += 2
    }
    cursor[0] = UInt8(ascii: "\r")
    cursor[1] = UInt8(ascii: "\n")
    cursor += 2
  }
}

/// Fields encoded once, to be appended to many records with
/// `CSVRecordEncoder.append(_:)`: a value that is the same on every row (a place, a currency)
/// costs a copy of its bytes rather than an encoding.
///
///     let place = try CSVEncodedFields([.text("Austin, TX"), .empty, .text("USD")])
///     // place.byteCount == 19: "Austin, TX",,"USD"
public struct CSVEncodedFields: Equatable, Hashable, Sendable {
  /// The fields' bytes, with the delimiters between them and none before the first.
  let bytes: [UInt8]
  /// How many fields.
  public let count: Int
  /// Whether the fields are one empty field.
  let isOneEmptyField: Bool
  let delimiter: UInt8
  let decimalSeparator: UInt8

  /// Encodes `fields` for a writer of `configuration` (its byte order mark aside), as
  /// `CSVWriter.writeRecord(_:into:)` would write them.
  ///
  /// - Throws: `CSVNumberError` for a number that cannot be written.
  public init(_ fields: [CSVField], configuration: CSVWriter.Configuration = .rfc4180)
    throws(CSVNumberError)
  {
    precondition(!fields.isEmpty, "encoded fields need at least one field")
    var plain = configuration
    plain.writesByteOrderMark = false
    var writer = CSVWriter(configuration: plain)
    var bytes: [UInt8] = []
    try writer.writeRecord(fields, into: &bytes)
    // Without the record's line end, and without the `""` that stands for a lone empty field.
    bytes.removeLast(2)
    isOneEmptyField = fields == [.empty]
    if isOneEmptyField { bytes.removeAll() }
    self.bytes = bytes
    self.count = fields.count
    self.delimiter = plain.delimiter
    self.decimalSeparator = plain.decimalSeparator
  }

  /// Encodes the fields `body` appends to a record, in at most `room` bytes (the room a
  /// record's fields need, as ``CSVRecordEncoder`` counts it), for a writer of
  /// `configuration`: fields worked out once, such as a row's figures, to be copied into
  /// every record that has them.
  ///
  /// - Throws: `CSVNumberError` for a number that cannot be written.
  public init(
    configuration: CSVWriter.Configuration, room: Int,
    _ body: (inout CSVRecordEncoder) throws(CSVNumberError) -> Void
  ) throws(CSVNumberError) {
    var fields = 0
    var isOneEmptyField = false
    // Room on the stack, and one array of the bytes used: fields made once are kept by
    // the thousand, and made by the thousand too.
    self.bytes = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room + 1) {
      space throws(CSVNumberError) -> [UInt8] in
      let start = space.baseAddress!
      var record = CSVRecordEncoder(
        start: start, end: start + space.count, configuration: configuration)
      try body(&record)
      fields = record.fieldCount
      isOneEmptyField = record.isOneEmptyField
      let used = record.position - start
      return isOneEmptyField ? [] : Array(UnsafeBufferPointer(start: start, count: used))
    }
    precondition(fields > 0, "encoded fields need at least one field")
    self.count = fields
    self.isOneEmptyField = isOneEmptyField
    self.delimiter = configuration.delimiter
    self.decimalSeparator = configuration.decimalSeparator
  }

  /// The number of bytes the fields take, without a delimiter before them.
  public var byteCount: Int { bytes.count }

  /// Calls `body` with the fields' bytes, without a delimiter before them: what
  /// `CSVRecordEncoder.append(encoded:count:)` takes, with ``count``.
  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result)
    rethrows -> Result
  {
    try bytes.withUnsafeBytes(body)
  }
}
