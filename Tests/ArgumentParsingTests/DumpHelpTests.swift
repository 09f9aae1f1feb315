// The ToolInfo description of a tree and its JSON, as swift-argument-parser dumps them.

import Testing

@testable import ArgumentParsing

@Suite("Dump help")
struct DumpHelpTests {
  @Test("JSON text is written as Foundation's pretty, sorted JSONEncoder writes it")
  func jsonText() {
    let value = JSONText.object([
      "b": .array([.string("a/b \"q\" \u{1} é \t\n"), .bool(false)]), "a": .object([:]),
      "c": .array([]), "d": .integer(0),
    ])
    // The expected text is what Foundation's encoder printed for the same value.
    #expect(
      value.rendered() == """
        {
          "a" : {

          },
          "b" : [
            "a\\/b \\"q\\" \\u0001 é \\t\\n",
            false
          ],
          "c" : [

          ],
          "d" : 0
        }
        """)
  }

  @Test("the tree: names, flags and options, automatic flags, help at the root only")
  func toolInfo() throws {
    let info = ToolInfo(commandStack: [completionRoot])
    #expect(info.serializationVersion == 0)
    let root = info.command
    #expect(root.superCommands == nil)
    #expect(root.subcommands?.map(\.commandName) == ["fetch", "data", "help"])
    #expect(root.arguments?.map(\.preferredName?.name) == ["version", "help"])
    let fetch = try #require(root.subcommand(named: "fetch"))
    #expect(fetch.superCommands == ["tool"])
    #expect(fetch.aliases == ["get"])
    #expect(fetch.subcommands == nil)
    let arguments = try #require(fetch.arguments)
    #expect(
      arguments.map(\.kind.rawValue) == [
        "option", "option", "option", "option", "flag", "flag", "flag", "positional", "flag",
        "flag",
      ])
    let track = arguments[0]
    #expect(track.names?.map(\.synopsis) == ["-t", "--track"])
    #expect(track.preferredName?.synopsis == "--track")
    #expect(track.allValues == ["ic", "management"])
    #expect(track.defaultValue == "ic")
    #expect(track.completionKind == .list(values: ["ic", "management"]))
    #expect(arguments[1].completionKind == .list(values: ["san-jose", "sf"]))
    #expect(arguments[2].completionKind == .file(extensions: ["csv", "json"]))
    #expect(arguments[2].valueName == "file")
    #expect(arguments[3].isRepeating && arguments[3].completionKind == nil)
    #expect(arguments[7].names == nil && arguments[7].completionKind == .file(extensions: []))
    #expect(arguments[8].valueName == "version")
    let help = try #require(root.subcommand(named: "help"))
    #expect(help.superCommands == ["tool"])
    let hiddenHelp = try #require(help.arguments?[1])
    #expect(!hiddenHelp.shouldDisplay)
    #expect(hiddenHelp.names?.map(\.synopsis) == ["-h", "--help", "-help"])
    #expect(help.arguments?.count == 3)
    let show = try #require(root.subcommand(named: "data")?.subcommand(named: "show"))
    #expect(show.superCommands == ["tool", "data"])
    #expect(show.arguments?.first?.completionKind == .directory)
  }

  @Test("the JSON starts at the asked command and leaves absent keys out")
  func rendered() {
    let text = DumpHelpGenerator(commandStack: [completionRoot, completionRoot.subcommands[1]])
      .rendered()
    #expect(text.hasPrefix("{\n  \"command\" : {\n    \"abstract\" : \"Inspect data.\",\n"))
    #expect(text.hasSuffix("\n  \"serializationVersion\" : 0\n}"))
    #expect(text.contains("\"superCommands\" : [\n      \"tool\"\n    ]"))
    #expect(!text.contains("\"help\" : ") && !text.contains("\"commandName\" : \"help\""))
    #expect(
      text.contains("\"completionKind\" : {\n              \"directory\" : {\n\n              }"))
  }

  @Test("the parser asks for the dump at the command it reached, before missing arguments")
  func request() {
    let parser = CommandParser(root: completionRoot)
    guard case .dumpHelp(let stack) = parser.parse(["fetch", "--experimental-dump-help"]) else {
      Issue.record("no dump")
      return
    }
    #expect(stack.map(\.name) == ["tool", "fetch"])
  }
}
