import ArgumentParsing
import SalaryCore
import SalaryData

// The `salary` command line: the command tree, its handlers, and the entry point the
// executable calls. Tests call `SalaryCommandLine.run` in-process with string streams.

/// The `salary` command line.
public enum SalaryCommandLine {
  /// The version `--version` prints.
  public static let version = "0.1.0"

  /// Runs `salary` with `arguments` (without the program name) on the process's standard
  /// streams and terminal, and returns the exit status: 0 on success, 1 on a failure,
  /// 64 on a usage error.
  public static func main(arguments: [String]) -> Int32 {
    InterruptCleanup.restoreQuitSignal()
    var output = StandardOutputStream()
    var errors = StandardErrorStream()
    let status = run(arguments: arguments, context: .live(), stdout: &output, stderr: &errors)
    // Output that never arrived is a failure. A command that failed said why already (its
    // own write failure included), and one message is enough.
    let failure = StandardOutputStream.checkWritten()
    guard let failure, status == ExitStatus.success else { return status }
    errors.write("Error: \(failure.message)\n")
    return ExitStatus.failure
  }

  /// Runs `salary` with an explicit context and streams.
  static func run<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    arguments: [String], context: CommandContext, stdout: inout Output,
    stderr: inout ErrorOutput
  ) -> Int32 {
    var dispatcher = CommandDispatcher<Output, ErrorOutput>(root: Commands.root)
    EstimateCommand.register(in: &dispatcher, context: context)
    OfferCommand.register(in: &dispatcher, context: context)
    ProjectCommand.register(in: &dispatcher, context: context)
    CompareCommand.register(in: &dispatcher, context: context)
    ExportCommand.register(in: &dispatcher, context: context)
    DataCommands.register(in: &dispatcher, context: context)
    dispatcher.validate = rejectDifferingRepeats
    if JSONErrors.areWanted(by: arguments) { dispatcher.renderError = JSONErrors.render }
    return dispatcher.run(
      arguments: arguments, screenWidth: context.screenWidth, stdout: &stdout, stderr: &stderr)
  }

  /// A single-valued option given twice with different values is ambiguous: the parser
  /// would keep the last, as swift-argument-parser does, and the first would be lost
  /// without a word. The same value twice is harmless and accepted.
  static func rejectDifferingRepeats(_ invocation: Invocation) throws {
    for (command, values) in zip(invocation.commandStack, invocation.valuesByCommand) {
      guard let given = values.differingRepeat(among: command.arguments) else { continue }
      let name = given.second.name?.synopsisString ?? given.key
      throw ValidationError(
        "\(name) was given twice, as '\(given.first.value.echoed)' and "
          + "'\(given.second.value.echoed)': give it once.")
    }
  }
}
