// What parsing a command line comes to. No I/O: the runner decides what to print.

/// A command selected by the command line, with its values, ready to run.
public struct Invocation: Sendable {
  /// The commands from the root to the selected one.
  public var commandStack: [CommandSpec]
  /// The values of each command of ``commandStack``, in the same order.
  public var valuesByCommand: [ParsedValues]

  /// The selected command's names below the root: `["data", "levels"]`; empty for the root.
  public var path: [String] {
    commandStack.dropFirst().map(\.name)
  }

  /// The selected command.
  public var command: CommandSpec {
    commandStack[commandStack.count - 1]
  }

  /// The values of the selected command.
  public var values: ParsedValues {
    valuesByCommand[valuesByCommand.count - 1]
  }
}

/// The result of parsing a command line.
public enum ParseOutcome: Sendable {
  /// Run a command with its values.
  case run(Invocation)
  /// Print the help of the last command of this stack (`--help`, `-h`, `help <subcommand>`).
  case help(commandStack: [CommandSpec])
  /// Print this version text (`--version`).
  case version(String)
  /// Print the completion script for this shell of the tree under the root, the only command
  /// of this stack (`--generate-completion-script bash`).
  case completionScript(CompletionShell, commandStack: [CommandSpec])
  /// Print the ToolInfo JSON of the last command of this stack (`--experimental-dump-help`).
  case dumpHelp(commandStack: [CommandSpec])
  /// Report this error about the last command of this stack.
  case failure(ParserError, commandStack: [CommandSpec])
}
