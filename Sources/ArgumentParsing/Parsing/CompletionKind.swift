// What a shell offers for an argument's value, declared beside the argument.

/// The completions a shell offers for the value of an option or a positional argument.
///
/// Mirrors swift-argument-parser's `CompletionKind`, with one addition: a list computed only
/// when a completion script or the tool description is made, so a list drawn from data the
/// program loads costs nothing on the way to an ordinary command.
///
///     .option("out", valueName: "file", completion: .file(extensions: ["csv", "json"]))
///     .positional("dir", completion: .directory)
///     .option("level", completion: .computedList { ["junior", "senior"] })
///
/// An argument with allowed values and no completion of its own completes to those values.
public enum CompletionKind: Sendable {
  /// These words.
  case list([String])
  /// The words `values` returns, asked for when a script or the tool description is made.
  case computedList(@Sendable () -> [String])
  /// File names with one of these extensions (without the dot), and directories to reach
  /// them; any file when the list is empty.
  case file(extensions: [String])
  /// Directory names.
  case directory
  /// The lines a shell command prints, run by the shell at each completion.
  case shellCommand(String)

  /// Any file name.
  public static var anyFile: CompletionKind { .file(extensions: []) }
}
