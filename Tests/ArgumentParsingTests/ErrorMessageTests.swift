// The error matrix: every kind of error, its full text, its stream and its exit status.

import Testing

@testable import ArgumentParsing

private let estimateUsage = """
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.

  """

private let levelsUsage = """
  Usage: salary data levels [--track <track>] [--source <source> ...] --color [--no-color] <folders> ...
    See 'salary data levels --help' for more information.

  """

private let convertUsage = """
  Usage: salary convert <amount> [<currency>] [--years <years>]
    See 'salary convert --help' for more information.

  """

/// Expects `arguments` to fail with `stderr` and `status`, printing nothing on standard output.
private func expectError(
  _ arguments: [String], _ stderr: String, status: Int32 = 64,
  dispatcher: CommandDispatcher<String, String> = transcriptDispatcher(),
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    run(arguments, dispatcher: dispatcher) == RunResult(stdout: "", stderr: stderr, status: status),
    sourceLocation: sourceLocation)
}

/// Each kind of error, rendered in full.
@Suite("Error messages")
struct ErrorMessageTests {
  @Test("unknown options, with and without a suggestion")
  func unknownOptions() {
    expectError(
      ["estimate", "-e", "3", "--formt", "json"],
      "Error: Unknown option '--formt'. Did you mean '--format'?\n" + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "--zzz"], "Error: Unknown option '--zzz'\n" + estimateUsage)
    expectError(["estimate", "-e", "3", "-x"], "Error: Unknown option '-x'\n" + estimateUsage)
    expectError(["estimate", "-e", "3", "-xy"], "Error: Unknown option '-xy'\n" + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "-formt", "json"],
      "Error: Unknown option '-formt'. Did you mean '--format'?\n" + estimateUsage)
    expectError(
      ["data", "levels", "--color", "--trakc", "ic"],
      "Error: Unknown option '--trakc'. Did you mean '--track'?\n" + levelsUsage,
      dispatcher: nestedDispatcher())
  }

  @Test("an unknown option wins over leftover values")
  func unknownBeforeExtra() {
    expectError(
      ["estimate", "-e", "3", "extra", "--zzz"], "Error: Unknown option '--zzz'\n" + estimateUsage)
  }

  @Test("missing values")
  func missingValues() {
    let help = "Help:  --format <format>  Output format.\n"
    expectError(
      ["estimate", "-e", "3", "--format"],
      "Error: Missing value for '--format <format>'\n" + help + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "--format="],
      "Error: Missing value for '--format <format>'\n" + help + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "--format", "--verbose"],
      "Error: Missing value for '--format <format>'\n" + help + estimateUsage)
    expectError(
      ["estimate", "--format", "--", "json"],
      "Error: Missing value for '--format <format>'\n" + help + estimateUsage)
    expectError(
      ["estimate", "-e", "--help"],
      "Error: Missing value for '-e <experience>'\nHelp:  -e <experience>  Years of professional experience.\n"
        + estimateUsage)
  }

  @Test("a short option inside an unknown pack is reported both ways")
  func compositeOption() {
    expectError(
      ["estimate", "-verbose"],
      """
      Error: Unknown option '-verbose'. Did you mean '--verbose'?
         or: Missing value for '-e <experience>' in '-verbose'

      """ + estimateUsage)
    expectError(
      ["data", "levels", "-tz"],
      """
      Error: Unknown option '-tz'
         or: Missing value for '-t <track>' in '-tz'

      """ + levelsUsage, dispatcher: nestedDispatcher())
  }

  @Test("bad values: plain, with up to 5 allowed values inline, with 6 or more bulleted")
  func badValues() {
    expectError(
      ["estimate", "-e", "abc"],
      "Error: The value 'abc' is invalid for '-e <experience>'\n"
        + "Help:  -e <experience>  Years of professional experience.\n" + estimateUsage)
    expectError(
      ["estimate", "--experience=x"],
      "Error: The value 'x' is invalid for '--experience <experience>'\n"
        + "Help:  --experience <experience>  Years of professional experience.\n" + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "--format", "xml"],
      "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', "
        + "'json' or 'csv'.\nHelp:  --format <format>  Output format.\n" + estimateUsage)
    expectError(
      ["data", "levels", "--track", "xx"],
      "Error: The value 'xx' is invalid for '--track <track>'. Please provide one of 'ic' and "
        + "'management'.\nHelp:  --track <track>  Career track.\n" + levelsUsage,
      dispatcher: nestedDispatcher())
    expectError(
      ["estimate", "-e", "3", "--location", "tokyo"],
      """
      Error: The value 'tokyo' is invalid for '--location <location>'. Please provide one of the following:
        - remote
        - london
        - berlin
        - paris
        - madrid
        - lisbon
        - dublin
      Help:  --location <location>  Work location.

      """ + estimateUsage)
    expectError(
      ["convert", "abc"],
      "Error: The value 'abc' is invalid for '<amount>'\nHelp:  <amount>  The amount.\n"
        + convertUsage, dispatcher: nestedDispatcher())
  }

  @Test(
    "value lists",
    arguments: [
      ([String](), ""),
      (["a"], ". Please provide one of 'a'."),
      (["a", "b"], ". Please provide one of 'a' and 'b'."),
      (["a", "b", "c"], ". Please provide one of 'a', 'b' or 'c'."),
      (["a", "b", "c", "d", "e"], ". Please provide one of 'a', 'b', 'c', 'd' or 'e'."),
      (
        ["a", "b", "c", "d", "e", "f"],
        ". Please provide one of the following:\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f"
      ),
    ])
  func valueLists(_ values: [String], _ expected: String) {
    #expect(ErrorMessageGenerator.formattedValueList(values) == expected)
  }

  @Test("a conversion's reason follows a colon, whether checked while parsing or on access")
  func reasons() {
    let message =
      "Error: The value '-5' is invalid for '--years <years>': must be between 1 and 60\n"
      + "Help:  --years <years>  Years of inflation to apply.\n" + convertUsage
    expectError(["convert", "1", "--years=-5"], message, dispatcher: nestedDispatcher())

    var dispatcher = CommandDispatcher<String, String>(root: nestedRoot)
    dispatcher.register("convert") { invocation, _, _ in
      _ = try invocation.values.value("amount") { raw throws(InvalidValue) -> Double in
        throw InvalidValue(reason: "must be positive")
      }
      return 0
    }
    expectError(
      ["convert", "-5"],
      "Error: Missing expected argument '<amount>'\nHelp:  <amount>  The amount.\n" + convertUsage,
      dispatcher: dispatcher)
    expectError(
      ["convert", "--", "-5"],
      "Error: The value '-5' is invalid for '<amount>': must be positive\n"
        + "Help:  <amount>  The amount.\n" + convertUsage, dispatcher: dispatcher)
  }

  @Test("a flag given a value")
  func flagWithValue() {
    expectError(
      ["estimate", "-e", "3", "--verbose=yes"],
      "Error: The option '--verbose' does not take any value, but 'yes' was specified.\n"
        + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "-v=no"],
      "Error: The option '-v' does not take any value, but 'no' was specified.\n" + estimateUsage)
  }

  @Test("leftover arguments")
  func extraArguments() {
    expectError(["estimate", "-e", "3", "a"], "Error: Unexpected argument 'a'\n" + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "a", "b", "c"],
      "Error: 3 unexpected arguments: 'a', 'b', 'c'\n" + estimateUsage)
    expectError(
      ["convert", "1", "EUR", "more"], "Error: Unexpected argument 'more'\n" + convertUsage,
      dispatcher: nestedDispatcher())
    expectError(
      ["data", "bogus"],
      "Error: Unexpected argument 'bogus'\nUsage: salary data <subcommand>\n"
        + "  See 'salary data --help' for more information.\n", dispatcher: nestedDispatcher())
  }

  @Test("missing arguments: positional, repeating, one of a flag pair")
  func missingArguments() {
    expectError(
      ["convert"],
      "Error: Missing expected argument '<amount>'\nHelp:  <amount>  The amount.\n"
        + convertUsage, dispatcher: nestedDispatcher())
    expectError(
      ["data", "levels"],
      "Error: Missing one of: '--color', '--no-color'\nHelp:  --color <color>  Colour the output.\n"
        + levelsUsage, dispatcher: nestedDispatcher())
    expectError(
      ["data", "levels", "--no-color"],
      "Error: Missing expected argument '<folders> ...'\nHelp:  <folders>  Data folders to read.\n"
        + levelsUsage, dispatcher: nestedDispatcher())
  }

  @Test("an optional value asked for without a default reads as a missing argument")
  func accessWithoutValue() {
    var dispatcher = CommandDispatcher<String, String>(root: transcriptRoot)
    dispatcher.register("estimate") { invocation, _, _ in
      _ = try invocation.values.string("specialization")
      return 0
    }
    expectError(
      ["estimate", "-e", "1"],
      "Error: Missing expected argument '--specialization <specialization>'\n"
        + "Help:  --specialization <specialization>  Specialization key, e.g. backend.\n"
        + estimateUsage, dispatcher: dispatcher)
  }

  @Test("words that cannot be options")
  func invalidOptions() {
    let rootUsage = "Usage: salary <subcommand>\n  See 'salary --help' for more information.\n"
    expectError(["---x"], "Error: Invalid option: ---x\n" + rootUsage)
    expectError(["estimate", "-=x"], "Error: Invalid option: -=x\n" + rootUsage)
  }

  @Test("validation errors have usage but no Help line; failures have neither")
  func thrownByCommands() {
    expectError(
      ["estimate", "-e=-2"], "Error: Experience must be zero or more years.\n" + estimateUsage)
    expectError(
      ["estimate", "-e", "3", "--specialization", "fail"],
      "Error: No band found for specialization 'fail'.\n", status: 1)

    /// An error of no known kind.
    struct Odd: Error, CustomStringConvertible {
      var description: String { "something odd happened" }
    }
    var dispatcher = CommandDispatcher<String, String>(root: transcriptRoot)
    dispatcher.register("export") { _, _, _ in throw Odd() }
    expectError(
      ["export", "-o", "x"], "Error: something odd happened\n", status: 1, dispatcher: dispatcher)
  }

  @Test("the built-in help command has no --help to point to")
  func helpCommandErrors() {
    let usage = "Usage: salary help [<subcommands> ...]\n"
    expectError(["help", "--bogus"], "Error: Unknown option '--bogus'\n" + usage)
    expectError(["help", "estimate", "-e", "3"], "Error: Unknown option '-e'\n" + usage)
  }

  @Test("with an empty command line, the root's help replaces the usage")
  func noArguments() {
    let root = CommandSpec(
      name: "tool", abstract: "Needs a name.",
      arguments: [.option("name", help: "Who.", isRequired: true)])
    expectError(
      [],
      """
      Error: Missing expected argument '--name <name>'

      OVERVIEW: Needs a name.

      USAGE: tool --name <name>

      OPTIONS:
        --name <name>           Who.
        -h, --help              Show help information.


      """, dispatcher: CommandDispatcher(root: root))
  }
}
