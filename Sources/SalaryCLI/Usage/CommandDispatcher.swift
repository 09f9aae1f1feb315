// The entry point: parse, then print help, version or an error, or run the command's handler.

/// Runs a command line against a command tree, calling the handler registered for the
/// selected command.
///
/// The streams are parameters, so tests capture standard output and standard error as strings
/// without starting a process. A command without a handler prints its help, as a
/// swift-argument-parser command without `run()` does (that is what `salary` alone does).
///
///     var dispatcher = CommandDispatcher<String, String>(root: salary)
///     dispatcher.register("project") { invocation, out, _ in
///       let base = try invocation.values.double("base-salary")
///       out.write("project \(base)\n")
///       return ExitStatus.success
///     }
///     var out = "", err = ""
///     let status = dispatcher.run(
///       arguments: ["proj", "50000"], screenWidth: 80, stdout: &out, stderr: &err)
///     // status == 0, out == "project 50000.0\n"
///
/// A handler reports problems by throwing: ``ValidationError`` (status 64, with usage),
/// ``CommandFailure`` (status 1), or the ``ParserError`` of a typed accessor (status 64, with
/// usage and a `Help:` line).
struct CommandDispatcher<Output: TextOutputStream, ErrorOutput: TextOutputStream> {
  /// The implementation of a command: gets the invocation and the two streams, returns the
  /// exit status.
  typealias Handler = (Invocation, inout Output, inout ErrorOutput) throws -> Int32

  /// The parser of the command tree.
  let parser: CommandParser
  private var handlers: [[String]: Handler] = [:]

  /// A dispatcher for the tree under `root`, with no handlers yet.
  init(root: CommandSpec) {
    parser = CommandParser(root: root)
  }

  /// Registers the handler of the command at `path` below the root (`"data", "levels"`; no
  /// names for the root itself).
  ///
  /// - Precondition: the path names a command of the tree, by name (not alias).
  mutating func register(_ path: String..., handler: @escaping Handler) {
    let stack = parser.commandStack(for: path)
    precondition(
      stack.dropFirst().map(\.name) == path && stack.last?.isBuiltInHelp == false,
      "no command '\(path.joined(separator: " "))' below '\(parser.root.name)'")
    handlers[path] = handler
  }

  /// Parses `arguments` (without the program name), then prints help, the version or an
  /// error, or runs the selected command's handler; returns the exit status.
  ///
  /// - Parameter screenWidth: The width help is wrapped to; see ``TerminalWidth``.
  func run(
    arguments: [String],
    screenWidth: Int,
    stdout: inout Output,
    stderr: inout ErrorOutput
  ) -> Int32 {
    let outcome = parser.parse(arguments)
    guard case .run(let invocation) = outcome else {
      let message = MessageInfo(outcome: outcome, screenWidth: screenWidth)
      return message?.emit(stdout: &stdout, stderr: &stderr) ?? ExitStatus.success
    }
    guard let handler = handlers[invocation.path] else {
      let help = MessageInfo(
        outcome: .help(commandStack: invocation.commandStack), screenWidth: screenWidth)
      return help?.emit(stdout: &stdout, stderr: &stderr) ?? ExitStatus.success
    }
    do {
      return try handler(invocation, &stdout, &stderr)
    } catch {
      return MessageInfo(thrownBy: invocation.commandStack, error: error, screenWidth: screenWidth)
        .emit(stdout: &stdout, stderr: &stderr)
    }
  }
}
