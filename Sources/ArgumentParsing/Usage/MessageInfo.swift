// Decides what an outcome or an error prints, where, and with which exit status.

/// What to print for a parse outcome or a command's error, as swift-argument-parser's
/// `MessageInfo` decides it.
///
/// Help goes to standard output with status 0; parse and validation errors to standard error
/// as `Error: …`, an optional `Help:  …` line, then the usage, with status 64; other failures
/// to standard error as `Error: …` alone, with status 1.
public enum MessageInfo: Equatable {
  /// Text for standard output (help or version).
  case help(text: String)
  /// A usage error: the message, the usage block and the `Help:` text (maybe empty).
  case validation(message: String, usage: String, help: String)
  /// Any other error, with its exit status.
  case other(message: String, exitStatus: Int32)

  /// The message for a parse error about the last command of `commandStack`.
  ///
  /// When the command line was empty, the root's full help replaces the usage block.
  public init(error: ParserError, commandStack: [CommandSpec], screenWidth: Int) {
    let generator = ErrorMessageGenerator(commandStack: commandStack, error: error)
    let usage: String
    if case .noArguments = error {
      usage =
        "\n"
        + HelpGenerator(commandStack: [commandStack[0]]).rendered(
          screenWidth: screenWidth)
    } else {
      usage = HelpGenerator(commandStack: commandStack).usageMessage()
    }
    self = .validation(
      message: generator.makeErrorMessage(), usage: usage, help: generator.makeHelpMessage())
  }

  /// The message for an error thrown by the handler of the last command of `commandStack`.
  public init(thrownBy commandStack: [CommandSpec], error: any Error, screenWidth: Int) {
    switch error {
    case let error as ParserError:
      self.init(error: error, commandStack: commandStack, screenWidth: screenWidth)
    case let error as ValidationError:
      self.init(
        error: .userValidationError(message: error.message), commandStack: commandStack,
        screenWidth: screenWidth)
    case let error as CommandFailure:
      self = .other(message: error.message, exitStatus: ExitStatus.failure)
    default:
      self = .other(message: String(describing: error), exitStatus: ExitStatus.failure)
    }
  }

  /// The message for a parse outcome other than ``ParseOutcome/run(_:)``.
  public init?(outcome: ParseOutcome, screenWidth: Int) {
    switch outcome {
    case .run:
      return nil
    case .help(let commandStack):
      self = .help(
        text: HelpGenerator(commandStack: commandStack).rendered(screenWidth: screenWidth))
    case .version(let text):
      self = .help(text: text)
    case .completionScript(let shell, let commandStack):
      self = .help(text: shell.completionScript(for: commandStack[0]))
    case .dumpHelp(let commandStack):
      self = .help(text: DumpHelpGenerator(commandStack: commandStack).rendered())
    case .failure(let error, let commandStack):
      self.init(error: error, commandStack: commandStack, screenWidth: screenWidth)
    }
  }

  /// The text to print, without the final line break.
  public var fullText: String {
    switch self {
    case .help(let text):
      return text
    case .validation(let message, let usage, let help):
      let helpMessage = help.isEmpty ? "" : "Help:  \(help)\n"
      let errorMessage = message.isEmpty ? "" : "Error: \(message)\n"
      return errorMessage + helpMessage + usage
    case .other(let message, _):
      return message.isEmpty ? "" : "Error: \(message)"
    }
  }

  /// The error's message alone, without `Error: `, help or usage; empty for help.
  public var message: String {
    switch self {
    case .help: ""
    case .validation(let message, _, _), .other(let message, _): message
    }
  }

  /// Whether the text goes to standard output rather than standard error.
  public var isStandardOutput: Bool {
    if case .help = self { return true }
    return false
  }

  /// The process exit status.
  public var exitStatus: Int32 {
    switch self {
    case .help: return ExitStatus.success
    case .validation: return ExitStatus.usage
    case .other(_, let status): return status
    }
  }

  /// Prints ``fullText`` and a line break to the right stream, unless the text is empty, and
  /// returns ``exitStatus``.
  public func emit(
    stdout: inout some TextOutputStream, stderr: inout some TextOutputStream
  ) -> Int32 {
    let text = fullText
    if !text.isEmpty {
      if isStandardOutput {
        stdout.write(text + "\n")
      } else {
        stderr.write(text + "\n")
      }
    }
    return exitStatus
  }
}
