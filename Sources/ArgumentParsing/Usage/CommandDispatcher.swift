// The entry point: parse, then print help, version or an error, or run the command's handler.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
public struct CommandDispatcher<Output: TextOutputStream, ErrorOutput: TextOutputStream> {
  /// The implementation of a command: gets the invocation and the two streams, returns the
  /// exit status.
  public typealias Handler = (Invocation, inout Output, inout ErrorOutput) throws -> Int32

  /// The parser of the command tree.
  public let parser: CommandParser
  /// The paths of the registered commands, in order of registration.
  private var paths: [[String]] = []
  /// Checks every invocation before its handler runs, as swift-argument-parser's
  /// `validate()` does; a thrown error is reported as a handler's would be.
  public var validate: ((Invocation) throws -> Void)?

  /// Writes an error (not help or the version) in another form than swift-argument-parser's
  /// text, if set: for example as one JSON object for a script that asked for JSON.
  public var renderError: ((MessageInfo) -> String)?
  /// The handler of each path, in the same order.
  ///
  /// Two arrays rather than a dictionary keyed by path: one command runs per process, a
  /// dozen are registered, and a dictionary of arrays of strings to closures costs more to
  /// set up at run time (its type's metadata and conformances) than the rest of parsing.
  private var handlers: [Handler] = []

  /// A dispatcher for the tree under `root`, with no handlers yet.
  public init(root: CommandSpec) {
    parser = CommandParser(root: root)
  }

  /// Registers the handler of the command at `path` below the root (`"data", "levels"`; no
  /// names for the root itself).
  ///
  /// - Precondition: the path names a command of the tree, by name (not alias); checked in
  ///   debug builds.
  public mutating func register(_ path: String..., handler: @escaping Handler) {
    // A programming error, the same at every run: checked in debug builds (and so by every
    // test run), where registering every command's handler at each start costs little.
    assert(
      {
        let stack = parser.commandStack(for: path)
        return stack.dropFirst().map(\.name) == path && stack.last?.isBuiltInHelp == false
      }(), "no command '\(path.joined(separator: " "))' below '\(parser.root.name)'")
    paths.append(path)
    handlers.append(handler)
  }

  /// Parses `arguments` (without the program name), then prints help, the version or an
  /// error, or runs the selected command's handler; returns the exit status.
  ///
  /// - Parameter screenWidth: The width help is wrapped to; see ``TerminalWidth``.
  public func run(
    arguments: [String],
    screenWidth: Int,
    stdout: inout Output,
    stderr: inout ErrorOutput
  ) -> Int32 {
    let outcome = parser.parse(arguments, shellPath: getenv("SHELL").map { String(cString: $0) })
    guard case .run(let invocation) = outcome else {
      let message = MessageInfo(outcome: outcome, screenWidth: screenWidth)
      return message.map { emit($0, &stdout, &stderr) } ?? ExitStatus.success
    }
    let path = invocation.path
    guard let index = paths.lastIndex(where: { $0 == path }) else {
      let help = MessageInfo(
        outcome: .help(commandStack: invocation.commandStack), screenWidth: screenWidth)
      return help?.emit(stdout: &stdout, stderr: &stderr) ?? ExitStatus.success
    }
    do {
      try validate?(invocation)
      return try handlers[index](invocation, &stdout, &stderr)
    } catch {
      return emit(
        MessageInfo(thrownBy: invocation.commandStack, error: error, screenWidth: screenWidth),
        &stdout, &stderr)
    }
  }

  /// Emits `message`, through ``renderError`` when it is an error and that is set.
  private func emit(_ message: MessageInfo, _ stdout: inout Output, _ stderr: inout ErrorOutput)
    -> Int32
  {
    guard let renderError, !message.isStandardOutput else {
      return message.emit(stdout: &stdout, stderr: &stderr)
    }
    stderr.write(renderError(message) + "\n")
    return message.exitStatus
  }
}
