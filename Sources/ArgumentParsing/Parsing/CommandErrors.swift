// The errors a command's handler throws to stop with a message.

/// Thrown by a command when its values are unusable together or out of range.
///
/// Rendered like a parse error but without a `Help:` line, and the process exits with 64
/// (`EX_USAGE`):
///
///     Error: Experience must be zero or more years.
///     Usage: salary estimate --experience <experience> [--location <location>]
///       See 'salary estimate --help' for more information.
public struct ValidationError: Error, Equatable, Sendable {
  /// The sentence shown after `Error: `.
  public var message: String
  /// Whether the problem is one row of an input file, so `--skip-bad-rows` may skip it.
  public var isRowProblem = false

  /// Creates a validation error with its message.
  public init(_ message: String, isRowProblem: Bool = false) {
    self.message = message
    self.isRowProblem = isRowProblem
  }
}

/// Thrown by a command that could not do its work for a reason other than its arguments.
///
/// Rendered as `Error: <message>` alone, and the process exits with 1.
public struct CommandFailure: Error, Equatable, Sendable {
  /// The sentence shown after `Error: `.
  public var message: String

  /// Creates a failure with its message.
  public init(_ message: String) {
    self.message = message
  }
}
