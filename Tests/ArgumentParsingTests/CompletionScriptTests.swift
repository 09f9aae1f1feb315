// The completion generators on a small tree: what each script declares for each kind of
// argument, and how the parser asks for a script.

import Testing

@testable import ArgumentParsing

/// The script of `shell` for ``completionRoot``.
private func script(_ shell: CompletionShell) -> String {
  shell.completionScript(for: completionRoot)
}

@Suite("Completion scripts")
struct CompletionScriptTests {
  @Test("bash: one function a command, values by kind, the complete line")
  func bash() {
    let text = script(.bash)
    #expect(text.hasPrefix("#!/bin/bash\n"))
    #expect(text.hasSuffix("complete -o filenames -F _tool tool"))
    for function in [
      "_tool()", "_tool_fetch()", "_tool_data()", "_tool_data_show()", "_tool_help()",
    ] {
      #expect(text.contains(function), "\(function)")
    }
    #expect(text.contains("COMPREPLY+=($(compgen -W 'fetch data help' -- \"${cur}\"))"))
    #expect(
      text.contains("non_repeating_flags=(-v --verbose --color --no-color --version -h --help)"))
    #expect(text.contains("repeating_options=(--tag)"))
    #expect(text.contains("non_repeating_options=(-t --track --place --out)"))
    #expect(
      text.contains("'-t'|'--track')\n        __tool_add_completions -W 'ic'$'\\n''management'"))
    #expect(text.contains("'--place')\n        __tool_add_completions -W 'san-jose'$'\\n''sf'"))
    #expect(
      text.contains("'--out')\n        __tool_add_completions -o plusdirs -fX '!*.@(csv|json)'"))
    #expect(text.contains("    1)\n        __tool_add_completions -f\n"))
    #expect(text.contains("    1)\n        __tool_add_completions -d\n"))
    #expect(text.contains("__tool_add_completions -W \"$(eval 'ls')\""))
    // An option with no completion still has its case, so no flag is offered as its value.
    #expect(text.contains("'--tag')\n        return\n"))
  }

  @Test("zsh: _arguments specs with descriptions and actions")
  func zsh() {
    let text = script(.zsh)
    #expect(text.hasPrefix("#compdef tool\n"))
    #expect(text.contains("local -ar ___track=('ic' 'management')"))
    #expect(
      text.contains(
        "'(-t --track)'{-t,--track}'[Career track.]:track:{__tool_complete \"${___track[@]}\"}'"))
    #expect(text.contains("'--out:file:_files -g '\\''*.csv *.json'\\'''"))
    #expect(text.contains("'*--tag[A tag\\: any word.]:tag:'"))
    #expect(text.contains("':dir:_files -/'"))
    #expect(text.contains("':input:_files'"))
    #expect(text.contains("'fetch:Fetch a file.'"))
    #expect(text.contains("compdef _tool tool"))
  }

  @Test("fish: argparse specs and one complete line an argument")
  func fish() {
    let text = script(.fish)
    #expect(text.contains("complete -c 'tool' -f\n"))
    #expect(
      text.contains(
        "case 'fetch'\n            __tool_parse_subcommand 1 't/track=' 'place=' 'out=' 'tag=+' 'v/verbose' 'color' 'no-color' 'version' 'h/help'"
      ))
    #expect(text.contains("-s 't' -l 'track' -d 'Career track.' -rfka 'ic management'"))
    #expect(
      text.contains("__tool_should_offer_completions_for_positional \"tool fetch\" -eq 1' -F"))
    #expect(text.contains("-fa '(__tool_complete_directories)'"))
    #expect(text.contains("-fa 'show' -d 'Show a folder.'"))
    #expect(text.contains("set -l exts \\'csv\\' \\'json\\'"))
  }

  @Test("quoting: a single quote in a word survives each shell")
  func quoting() {
    let root = CommandSpec(
      name: "q",
      arguments: [.option("name", help: "It's [x]: y.", completion: .list(["o'neil"]))])
    #expect(CompletionShell.bash.completionScript(for: root).contains("-W 'o'\\''neil'"))
    #expect(
      CompletionShell.zsh.completionScript(for: root).contains("'--name[It'\\''s \\[x\\]\\: y.]"))
    #expect(
      CompletionShell.fish.completionScript(for: root).contains(
        "-d 'It\\'s [x]: y.' -rfka 'o\\'neil'"))
  }

  @Test("the parser finds the request anywhere, as upstream, and names a bad shell")
  func request() {
    let parser = CommandParser(root: completionRoot)
    for arguments in [
      ["--generate-completion-script", "fish"], ["--generate-completion-script=fish"],
      ["fetch", "--generate-completion-script", "fish"],
    ] {
      guard case .completionScript(let shell, let stack) = parser.parse(arguments) else {
        Issue.record("\(arguments)")
        continue
      }
      #expect(shell == .fish)
      #expect(stack.map(\.name) == ["tool"])
    }
    guard
      case .completionScript(.zsh, _) = parser.parse(
        ["--generate-completion-script"], shellPath: "/usr/bin/zsh")
    else {
      Issue.record("no shell named: $SHELL decides")
      return
    }
    guard
      case .failure(.unsupportedShell("bogus"), let stack) = parser.parse(
        ["--generate-completion-script", "bogus"])
    else {
      Issue.record("a bad shell is an error")
      return
    }
    let message = MessageInfo(
      error: .unsupportedShell("bogus"), commandStack: stack, screenWidth: 80)
    #expect(
      message.fullText == """
        Error: Can't generate completion scripts for 'bogus'.
        Please use --generate-completion-script=<shell> with one of:
            zsh bash fish
        Usage: tool <subcommand>
          See 'tool --help' for more information.
        """)
    #expect(message.exitStatus == 64)
    let autodetect = MessageInfo(
      outcome: parser.parse(["--generate-completion-script"], shellPath: "/bin/sh"),
      screenWidth: 80)
    #expect(autodetect?.message.hasPrefix("Can't autodetect a supported shell.\n") == true)
  }

  @Test("help does not list the built-in requests")
  func hidden() {
    let help = HelpGenerator(commandStack: [completionRoot]).rendered(screenWidth: 80)
    #expect(!help.contains("generate-completion-script"))
    #expect(!help.contains("dump-help"))
  }
}
