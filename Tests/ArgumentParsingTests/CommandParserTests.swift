// What the parser makes of command lines: the selected command, its values, and precedence.

import Testing

@testable import ArgumentParsing

/// The invocation `arguments` select in the transcript tree, or `nil` if they do not run one.
private func invocation(_ arguments: [String], root: CommandSpec = transcriptRoot) -> Invocation? {
  guard case .run(let invocation) = CommandParser(root: root).parse(arguments) else { return nil }
  return invocation
}

/// The names of the help stack `arguments` ask for, or `nil` if they do not ask for help.
private func helpPath(_ arguments: [String], root: CommandSpec = transcriptRoot) -> [String]? {
  guard case .help(let stack) = CommandParser(root: root).parse(arguments) else { return nil }
  return stack.map(\.name)
}

/// Parse outcomes and values, without rendering.
@Suite("Command parser")
struct CommandParserTests {
  @Test("subcommands are found by name or alias, at any depth")
  func dispatch() {
    #expect(invocation(["estimate", "-e", "1"])?.path == ["estimate"])
    #expect(invocation(["proj", "1"])?.path == ["project"])
    #expect(
      invocation(["data", "lv", "--no-color", "x"], root: nestedRoot)?.path == ["data", "levels"])
    #expect(invocation(["data", "sources"], root: nestedRoot)?.path == ["data", "sources"])
    #expect(invocation([])?.path == [])
    #expect(invocation(["data"], root: nestedRoot)?.path == ["data"])
  }

  @Test("option spellings")
  func spellings() throws {
    for arguments in [
      ["-e", "4"], ["-e=4"], ["--experience", "4"], ["--experience=4"], ["-ve", "4"], ["-ev", "4"],
    ] {
      let values = try #require(invocation(["estimate"] + arguments)?.values)
      #expect(try values.double("experience") == 4, "\(arguments)")
    }
    #expect(try invocation(["estimate", "-e=-2"])?.values.double("experience") == -2)
    #expect(try invocation(["project", "1", "--raise=-2.5"])?.values.double("raise") == -2.5)
  }

  @Test("the last occurrence wins; repeating options and positionals accumulate")
  func occurrences() throws {
    let estimate = try #require(
      invocation(["estimate", "-e", "3", "--format", "json", "-e", "4", "--format=csv"]))
    #expect(try estimate.values.double("experience") == 4)
    #expect(try estimate.values.enumValue("format", as: TranscriptFormat.self) == .csv)

    let levels = try #require(
      invocation(
        ["data", "levels", "a", "--source", "x", "--no-color", "b", "--source=y", "--color"],
        root: nestedRoot))
    #expect(levels.values.strings("source") == ["x", "y"])
    #expect(levels.values.strings("folders") == ["a", "b"])
    #expect(levels.values.flag("color"))
  }

  @Test("defaults, flags and presence")
  func defaults() throws {
    let estimate = try #require(invocation(["estimate", "-e", "3"])?.values)
    #expect(try estimate.string("location") == "remote")
    #expect(!estimate.flag("verbose"))
    #expect(estimate.hasValue("location"))
    #expect(!estimate.wasGiven("location"))
    #expect(!estimate.hasValue("specialization"))

    let project = try #require(invocation(["project", "1", "--no-compound"])?.values)
    #expect(try project.int("years") == 5)
    #expect(try project.double("raise") == 3.0)
    #expect(!project.flag("compound"))

    let export = try #require(invocation(["export", "-o", "x"])?.values)
    #expect(export.strings("inputs") == [])
    #expect(try export.string("delimiter") == ",")
  }

  @Test("an up-to-next-option option takes the values that follow it, up to an option or --")
  func upToNextOption() throws {
    let root = CommandSpec(
      name: "offer", abstract: "",
      arguments: [
        .positional("offers", isRequired: false, isRepeating: true),
        .option("place", upToNextOption: true), .option("years"),
      ])
    func parsed(_ arguments: [String]) throws -> (offers: [String], places: [String]) {
      let values = try #require(invocation(arguments, root: root)?.values, "\(arguments)")
      return (values.strings("offers"), values.strings("place"))
    }
    let cases: [([String], [String], [String])] = [
      (["1", "2", "--place", "a", "b", "--years", "3"], ["1", "2"], ["a", "b"]),
      (["--place", "a", "b"], [], ["a", "b"]),
      (["--place", "a", "--place", "b", "1"], [], ["a", "b", "1"]),
      (["--place=a", "b", "--years", "3", "1"], ["1"], ["a", "b"]),
      (["--place", "a", "--", "b"], ["b"], ["a"]),
      (["1", "--place", "a"], ["1"], ["a"]),
    ]
    for (arguments, offers, places) in cases {
      let result = try parsed(arguments)
      #expect(result.offers == offers && result.places == places, "\(arguments)")
    }
  }

  @Test("after --, everything is a value")
  func terminator() throws {
    let export = try #require(invocation(["export", "-o", "x", "--", "-a", "--help", "--"]))
    #expect(export.values.strings("inputs") == ["-a", "--help", "--"])
    #expect(try invocation(["project", "--", "-5"])?.values.double("base-salary") == -5)
  }

  @Test("help wins anywhere over unknown options and missing arguments")
  func helpPrecedence() {
    #expect(helpPath(["--help"]) == ["salary"])
    #expect(helpPath(["-h", "estimate"]) == ["salary"])
    #expect(helpPath(["estimate", "--bogus", "-h"]) == ["salary", "estimate"])
    #expect(helpPath(["estimate", "-e", "3", "extra", "--help"]) == ["salary", "estimate"])
    #expect(helpPath(["estimate", "--version", "--help"]) == ["salary", "estimate"])
    #expect(helpPath(["-help"]) == ["salary"])
    #expect(helpPath(["-vh"]) == ["salary"])
    #expect(helpPath(["help", "project", "extra"]) == ["salary", "project"])
    #expect(helpPath(["help", "-h"]) == ["salary"])
    #expect(helpPath(["help", "data", "lv"], root: nestedRoot) == ["salary", "data", "levels"])
  }

  @Test("an error found while reading values wins over a later --help")
  func errorsBeforeHelp() {
    for arguments in [
      ["estimate", "-e", "abc", "--help"], ["estimate", "-e", "--help"],
      ["estimate", "--verbose=1", "-h"], ["estimate", "-help"],
    ] {
      guard case .failure = CommandParser(root: transcriptRoot).parse(arguments) else {
        Issue.record("\(arguments) should fail")
        continue
      }
    }
  }

  @Test("--version prints the root's version from any command, after help and before leftovers")
  func version() {
    for arguments in [
      ["--version"], ["estimate", "--version"], ["--version", "extra"], ["project", "--version"],
    ] {
      guard case .version(let text) = CommandParser(root: transcriptRoot).parse(arguments) else {
        Issue.record("\(arguments) should print the version")
        continue
      }
      #expect(text == "0.1.0")
    }
  }

  @Test("a -- inside the arguments does not select a subcommand")
  func noSubcommandAfterTerminator() {
    guard
      case .failure(let error, _) = CommandParser(root: transcriptRoot).parse(["--", "estimate"])
    else {
      Issue.record("expected a failure")
      return
    }
    #expect(error == .unexpectedExtraValues(["estimate"]))
  }

  @Test("the split keeps packs and their letters, and stops at --")
  func split() throws {
    let split = try SplitArguments(arguments: ["-ve", "4", "--x=1", "--", "-a"])
    #expect(
      split.elements.map(\.value) == [
        .option(.name(.longWithSingleDash("ve"))), .option(.name(.short("v"))),
        .option(.name(.short("e"))), .value("4"), .option(.nameWithValue(.long("x"), "1")),
        .terminator, .value("-a"),
      ])
    #expect(throws: ParserError.invalidOption("---")) { try SplitArguments(arguments: ["---"]) }
    #expect(
      try SplitArguments(arguments: ["-", ""]).elements.map(\.value) == [.value("-"), .value("")])
  }
}
