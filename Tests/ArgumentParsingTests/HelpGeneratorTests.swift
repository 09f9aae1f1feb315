// Golden help screens at 80 columns for what the transcript does not show.

import Testing

@testable import ArgumentParsing

/// Help screens the transcript does not record.
@Suite("Help screens")
struct HelpGeneratorTests {
  @Test("a nested command with a discussion, a repeating option and a required flag pair")
  func nestedLeaf() {
    let expected = """
      OVERVIEW: List the levels of a career ladder.

      Levels come from the guides' tables, in order of seniority.

      EXAMPLES:
        salary data levels --track ic
        salary data levels --track management --color data/

      USAGE: salary data levels [--track <track>] [--source <source> ...] --color [--no-color] <folders> ...

      ARGUMENTS:
        <folders>               Data folders to read.

      OPTIONS:
        -t, --track <track>     Career track. (values: ic, management; default: ic)
        --source <source>       Only these sources.
        --color/--no-color      Colour the output.
        --version               Show the version.
        -h, --help              Show help information.


      """
    for arguments in [
      ["data", "levels", "--help"], ["help", "data", "lv"], ["data", "lv", "-h"],
    ] {
      #expect(
        run(arguments, dispatcher: nestedDispatcher())
          == RunResult(stdout: expected, stderr: "", status: 0))
    }
  }

  @Test("a middle command lists its subcommands and points to 'help' with its path")
  func middle() {
    let expected = """
      OVERVIEW: Inspect the published figures.

      USAGE: salary data <subcommand>

      OPTIONS:
        --version               Show the version.
        -h, --help              Show help information.

      SUBCOMMANDS:
        levels, lv              List the levels of a career ladder.
        sources                 List the sources and their publishers.

        See 'salary help data <subcommand>' for detailed help.

      """
    for arguments in [["data"], ["data", "--help"], ["help", "data"], ["help", "data", "bogus"]] {
      #expect(
        run(arguments, dispatcher: nestedDispatcher())
          == RunResult(stdout: expected, stderr: "", status: 0))
    }
  }

  @Test("optional positional arguments show their default")
  func positionalDefault() {
    let expected = """
      OVERVIEW: Convert an amount between currencies.

      USAGE: salary convert <amount> [<currency>] [--years <years>]

      ARGUMENTS:
        <amount>                The amount.
        <currency>              The target currency. (default: USD)

      OPTIONS:
        --years <years>         Years of inflation to apply.
        --version               Show the version.
        -h, --help              Show help information.


      """
    #expect(run(["convert", "-h"], dispatcher: nestedDispatcher()).stdout == expected)
  }

  @Test("the built-in help command has no help flag of its own")
  func helpOfHelp() {
    let expected = """
      OVERVIEW: Show subcommand help information.

      USAGE: salary help [<subcommands> ...]

      ARGUMENTS:
        <subcommands>

      OPTIONS:
        --version               Show the version.


      """
    #expect(run(["help", "help"]) == RunResult(stdout: expected, stderr: "", status: 0))
  }

  @Test("without a version there is no --version, and a leaf root has no 'help' subcommand")
  func noVersion() {
    let root = CommandSpec(
      name: "tool", abstract: "Does one thing.",
      arguments: [.flag("dry-run", help: "Only say what would be done.")])
    let expected = """
      OVERVIEW: Does one thing.

      USAGE: tool [--dry-run]

      OPTIONS:
        --dry-run               Only say what would be done.
        -h, --help              Show help information.


      """
    let dispatcher = CommandDispatcher<String, String>(root: root)
    #expect(run(["--help"], dispatcher: dispatcher).stdout == expected)
    #expect(
      run(["help"], dispatcher: dispatcher)
        == RunResult(
          stdout: "",
          stderr: """
            Error: Unexpected argument 'help'
            Usage: tool [--dry-run]
              See 'tool --help' for more information.

            """, status: 64))
    #expect(
      run(["--version"], dispatcher: dispatcher).stderr.hasPrefix(
        "Error: Unknown option '--version'"))
  }

  @Test("help at 60 columns wraps after the label column")
  func narrow() {
    let help = HelpGenerator(
      commandStack: CommandParser(root: transcriptRoot).commandStack(for: ["project"]))
    #expect(
      help.rendered(screenWidth: 60).contains(
        """
          --compound/--no-compound
                                  Compound the raises. (default:
                                  --compound)
        """))
  }
}
