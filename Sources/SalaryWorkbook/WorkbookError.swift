/// Why a workbook cannot be written.
public enum WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A number a spreadsheet cannot hold: NaN or an infinity.
  case notFinite(Double)
  /// More columns than a sheet has (16,384).
  case tooManyColumns(Int)
  /// Text longer than a cell holds (32,767 UTF-16 code units), with its length.
  case textTooLong(Int)
  /// The container could not be written.
  case zip(ZipError)

  public var description: String {
    switch self {
    case .notFinite(let value): "\(value) is not a number a spreadsheet cell can hold"
    case .tooManyColumns(let count): "\(count) columns; a sheet has at most 16,384"
    case .textTooLong(let count):
      "a text of \(count) characters; a workbook's cell holds at most 32,767 (write CSV for longer)"
    case .zip(let error): error.description
    }
  }
}
