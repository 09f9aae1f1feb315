// The one-line usage synopsis.

import Testing

@testable import ArgumentParsing

/// Usage lines of the recorded, nested and synthetic commands.
@Suite("Usage synopsis")
struct UsageGeneratorTests {
  private func usage(_ arguments: [ArgumentSpec], subcommands: [CommandSpec] = []) -> String {
    UsageGenerator.usage(
      for: [CommandSpec(name: "tool", arguments: arguments, subcommands: subcommands)])
  }

  @Test("the recorded commands")
  func recordedCommands() {
    let parser = CommandParser(root: transcriptRoot)
    #expect(UsageGenerator.usage(for: [transcriptRoot]) == "salary <subcommand>")
    #expect(
      UsageGenerator.usage(for: parser.commandStack(for: ["estimate"]))
        == "salary estimate --experience <experience> [--location <location>] "
        + "[--specialization <specialization>] [--format <format>] [--verbose]")
    #expect(
      UsageGenerator.usage(for: parser.commandStack(for: ["proj"]))
        == "salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] "
        + "[--no-compound]")
    #expect(
      UsageGenerator.usage(for: parser.commandStack(for: ["export"]))
        == "salary export --output <path> [--delimiter <delimiter>] [<inputs> ...]")
  }

  @Test("nested commands name their whole path")
  func nested() {
    let parser = CommandParser(root: nestedRoot)
    #expect(
      UsageGenerator.usage(for: parser.commandStack(for: ["data"])) == "salary data <subcommand>")
    #expect(
      UsageGenerator.usage(for: parser.commandStack(for: ["data", "lv"]))
        == "salary data levels [--track <track>] [--source <source> ...] --color [--no-color] "
        + "<folders> ...")
    #expect(
      UsageGenerator.usage(for: parser.commandStack(for: ["data", "sources"]))
        == "salary data sources")
    #expect(
      UsageGenerator.usage(for: parser.commandStack(for: ["help"]))
        == "salary help [<subcommands> ...]")
  }

  @Test(
    "each kind of argument",
    arguments: [
      (ArgumentSpec.option("name"), "tool [--name <name>]"),
      (.option("name", isRequired: true), "tool --name <name>"),
      (.option("name", short: "n", valueName: "who"), "tool [--name <who>]"),
      (.option("tag", isRepeating: true), "tool [--tag <tag> ...]"),
      (.option("tag", isRequired: true, isRepeating: true), "tool --tag <tag> ..."),
      (.flag("quiet", short: "q"), "tool [--quiet]"),
      (.flag("color", inversion: .prefixedNo, default: false), "tool [--color] [--no-color]"),
      (.flag("color", inversion: .prefixedNo, default: nil), "tool --color [--no-color]"),
      (.positional("file"), "tool <file>"),
      (.positional("file", isRequired: false), "tool [<file>]"),
      (.positional("file", default: "a.csv"), "tool [<file>]"),
      (.positional("files", isRepeating: true), "tool <files> ..."),
      (.positional("files", isRequired: false, isRepeating: true), "tool [<files> ...]"),
    ])
  func kinds(_ argument: ArgumentSpec, _ expected: String) {
    #expect(usage([argument]) == expected)
  }

  @Test("a command without arguments is its name")
  func bare() {
    #expect(usage([]) == "tool")
  }

  @Test("up to 12 arguments are all listed")
  func twelve() {
    let options = (1...12).map { ArgumentSpec.option("o\($0)") }
    #expect(
      usage(options) == "tool " + (1...12).map { "[--o\($0) <o\($0)>]" }.joined(separator: " "))
  }

  @Test("past 12 arguments, only required and positional ones are kept")
  func simplified() {
    let options = (1...12).map { ArgumentSpec.option("o\($0)") }
    #expect(usage(options + [.flag("last")]) == "tool <options>")
    #expect(
      usage(options + [.option("must", isRequired: true), .positional("file")])
        == "tool [<options>] --must <must> <file>")
    let required = (1...13).map { ArgumentSpec.option("r\($0)", isRequired: true) }
    #expect(usage(required) == "tool <options>")
  }
}
