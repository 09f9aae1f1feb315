/// One problem found in a data file, with where it is.
///
/// Rendered the way compilers do, so editors can jump to it:
///
///     pay.csv:14:9: unknown source 'cbt'. Did you mean 'cbt-nuggets'?
public struct DataDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// The file as the user named it (`my-data/pay.csv`), or just its name for the embedded data.
  public var file: String
  /// The 1-based line; 0 when the problem is the file itself (missing, unreadable).
  public var line: Int
  /// The 1-based column, counted in characters; 0 when the problem has no column.
  public var column: Int
  /// What is wrong, and what would be right where we can tell.
  public var message: String

  /// Creates a diagnostic.
  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, leaving out a line or column of 0.
  public var description: String {
    var location = file
    if line > 0 {
      location += ":\(line)"
      if column > 0 { location += ":\(column)" }
    }
    return "\(location): \(message)"
  }
}

/// The reason a dataset could not be used: every problem found, in file and line order.
///
/// A dataset with any problem is never used, not even in part.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
  /// Every problem, sorted by file, line and column.
  public var diagnostics: [DataDiagnostic]

  /// Creates the error from its diagnostics.
  public init(diagnostics: [DataDiagnostic]) {
    self.diagnostics = diagnostics
  }

  /// One diagnostic per line.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}

/// Collects diagnostics while a dataset is read; the loader's only mutable state.
final class Diagnostics {
  private(set) var items: [DataDiagnostic] = []
  /// Whether checks that compare rows (an id used twice) are made; see
  /// ``DatasetLoader/Validation``.
  let comparesRows: Bool

  init(comparesRows: Bool = true) {
    self.comparesRows = comparesRows
  }

  var isEmpty: Bool { items.isEmpty }

  func report(_ file: String, line: Int, column: Int, _ message: String) {
    items.append(DataDiagnostic(file: file, line: line, column: column, message: message))
  }
}
