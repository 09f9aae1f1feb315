/// Why a CSV input was rejected, and where.
///
/// The reader is strict: instead of guessing, it stops at the first problem and reports its
/// 1-based line and column. Lines are physical lines (a line break inside a quoted field starts a
/// new one); columns count Unicode scalars from the start of that line, so a position can be found
/// in any editor.
///
///     let input = Array("name,city\n\"Ann,Zürich\n".utf8)
///     do {
///       _ = try CSVReader.readRecords(from: input)
///     } catch {
///       print(error.description(inFile: "people.csv"))
///     }
///     // Prints "people.csv:2:1: unterminated quoted field"
public struct CSVError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
  /// What was wrong with the input.
  public enum Kind: Equatable, Hashable, Sendable {
    /// A quoted field that is still open at the end of the input. The position is that of the
    /// opening quote.
    case unterminatedQuotedField
    /// Something other than a delimiter, a second quote or a line end right after the closing
    /// quote of a quoted field, as in `"ab"c`. The position is that of the offending character.
    case textAfterClosingQuote
    /// A quote inside a field that did not start with one, as in `ab"c`. The position is that of
    /// the quote.
    case quoteInUnquotedField
    /// A record with another number of fields than the first record of the input. The position
    /// is where the first extra field starts or, when fields are missing, where the record ends.
    case wrongFieldCount(expected: Int, found: Int)
    /// Bytes that are not well-formed UTF-8. The position is that of the first byte of the
    /// ill-formed sequence.
    case invalidUTF8
    /// A NUL byte (U+0000) anywhere in the input: text never holds one, and a program that
    /// reads the field as a C string would see it end there. The position is the NUL's.
    case nulByte
  }

  /// What was wrong with the input.
  public var kind: Kind
  /// The 1-based physical line of the problem.
  public var line: Int
  /// The 1-based column of the problem, in Unicode scalars from the start of its line.
  public var column: Int

  /// Creates an error of the given kind at a 1-based line and column.
  public init(_ kind: Kind, line: Int, column: Int) {
    precondition(line >= 1 && column >= 1, "CSVError positions are 1-based")
    self.kind = kind
    self.line = line
    self.column = column
  }

  /// A short lower-case message without a position, such as `unterminated quoted field` or
  /// `expected 4 fields, found 3`.
  public var message: String {
    switch kind {
    case .unterminatedQuotedField:
      return "unterminated quoted field"
    case .textAfterClosingQuote:
      return "text after closing quote"
    case .quoteInUnquotedField:
      return "quote in unquoted field"
    case .wrongFieldCount(let expected, let found):
      return "expected \(fieldCount(expected)), found \(found)"
    case .invalidUTF8:
      return "invalid UTF-8"
    case .nulByte:
      return "NUL byte (U+0000) in the text: remove it"
    }
  }

  /// The position and the message, as `line:column: message`, for example
  /// `14:9: unterminated quoted field`.
  public var description: String {
    "\(line):\(column): \(message)"
  }

  /// The message in the `file:line:column: message` form that editors and compilers use.
  ///
  ///     CSVError(.textAfterClosingQuote, line: 14, column: 9).description(inFile: "data/bands.csv")
  ///     // "data/bands.csv:14:9: text after closing quote"
  public func description(inFile path: String) -> String {
    "\(path):\(description)"
  }
}

private func fieldCount(_ count: Int) -> String {
  count == 1 ? "1 field" : "\(count) fields"
}
