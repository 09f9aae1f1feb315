// The entry point: streams, exit statuses, handlers, and the terminal width.

import Testing

@testable import ArgumentParsing

/// Handlers, streams and the screen width.
@Suite("Dispatcher and terminal width")
struct CommandDispatcherTests {
  @Test("a handler gets both streams and chooses the exit status")
  func handlerStreams() {
    var dispatcher = CommandDispatcher<String, String>(root: transcriptRoot)
    dispatcher.register("export") { invocation, out, err in
      out.write("to \(try invocation.values.string("output"))\n")
      err.write("warning: nothing to export\n")
      return 3
    }
    #expect(
      run(["export", "--output", "a b.csv"], dispatcher: dispatcher)
        == RunResult(stdout: "to a b.csv\n", stderr: "warning: nothing to export\n", status: 3))
  }

  @Test("a command without a handler prints its help")
  func noHandler() {
    let dispatcher = CommandDispatcher<String, String>(root: transcriptRoot)
    let result = run(["project", "1"], dispatcher: dispatcher)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("OVERVIEW: Project earnings over several years.\n"))
  }

  @Test("the invocation carries the values of every command on the path")
  func valuesByCommand() {
    var dispatcher = CommandDispatcher<String, String>(root: nestedRoot)
    dispatcher.register("data", "levels") { invocation, out, _ in
      out.write("\(invocation.commandStack.map(\.name)) \(invocation.valuesByCommand.count)\n")
      return 0
    }
    #expect(
      run(["data", "lv", "--color", "x"], dispatcher: dispatcher).stdout
        == "[\"salary\", \"data\", \"levels\"] 3\n")
  }

  @Test("COLUMNS wins, then the terminal, then 80")
  func terminalWidth() {
    #expect(TerminalWidth.resolve(columns: "60", reported: { 120 }) == 60)
    #expect(TerminalWidth.resolve(columns: nil, reported: { 120 }) == 120)
    #expect(TerminalWidth.resolve(columns: "", reported: { nil }) == 80)
    #expect(TerminalWidth.resolve(columns: "wide", reported: { nil }) == 80)
    #expect(TerminalWidth.resolve(columns: nil, reported: { nil }) == 80)
    _ = TerminalWidth.current()
  }

  @Test("the standard streams accept text")
  func standardStreams() {
    var out = StandardOutputStream()
    var err = StandardErrorStream()
    out.write("")
    err.write("")
  }
}
