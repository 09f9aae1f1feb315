// What parsing a command line comes to. No I/O: the runner decides what to print.

/// A command selected by the command line, with its values, ready to run.
struct Invocation: Sendable {
  /// The commands from the root to the selected one.
  var commandStack: [CommandSpec]
  /// The values of each command of ``commandStack``, in the same order.
  var valuesByCommand: [ParsedValues]

  /// The selected command's names below the root: `["data", "levels"]`; empty for the root.
  var path: [String] {
    commandStack.dropFirst().map(\.name)
  }

  /// The selected command.
  var command: CommandSpec {
    commandStack[commandStack.count - 1]
  }

  /// The values of the selected command.
  var values: ParsedValues {
    valuesByCommand[valuesByCommand.count - 1]
  }
}

/// The result of parsing a command line.
enum ParseOutcome: Sendable {
  /// Run a command with its values.
  case run(Invocation)
  /// Print the help of the last command of this stack (`--help`, `-h`, `help <subcommand>`).
  case help(commandStack: [CommandSpec])
  /// Print this version text (`--version`).
  case version(String)
  /// Report this error about the last command of this stack.
  case failure(ParserError, commandStack: [CommandSpec])
}
