/// One cell of a sheet: a number, inline text or a boolean, each with the index of its
/// style (``WorkbookWriter/style(_:)`` gives one; 0 is the default), or nothing.
public enum Cell: Equatable, Sendable {
  /// A number; written as the shortest decimal that reads back as the same `Double`.
  case number(Double, style: Int = 0)
  /// Text, written inline (`t="inlineStr"`): never a formula, whatever it starts with.
  case text(String, style: Int = 0)
  /// True or false (`t="b"`).
  case boolean(Bool, style: Int = 0)
  /// No cell at all.
  case empty
}

/// Why a workbook cannot be written.
public enum WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A number a spreadsheet cannot hold: NaN or an infinity.
  case notFinite(Double)
  /// More columns than a sheet has (16,384).
  case tooManyColumns(Int)
  /// The container could not be written.
  case zip(ZipError)

  public var description: String {
    switch self {
    case .notFinite(let value): "\(value) is not a number a spreadsheet cell can hold"
    case .tooManyColumns(let count): "\(count) columns; a sheet has at most 16,384"
    case .zip(let error): error.description
    }
  }
}
