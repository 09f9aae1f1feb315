// The fish completion script, as swift-argument-parser's FishCompletionsGenerator writes it.

/// Writes the fish completion script of a command tree: helper functions that find the
/// command being typed with `argparse`, then one `complete` line an argument or subcommand,
/// each guarded by the command it belongs to.
///
///     salary --generate-completion-script fish > ~/.config/fish/completions/salary.fish
///
/// A port of upstream's generator (1.8.2) from its ToolInfo model, less the custom
/// (`---completion`) call-backs, which this parser does not have.
struct FishCompletionsGenerator {
  /// The root of the tree.
  var command: CommandInfo

  /// The script, without a final line break.
  var script: String {
    """
    function \(flagsOrOptionsFunctionName) -a expected_commands
        set -l non_repeating_flags_or_options $argv[2..]
        set -l non_repeating_flags_or_options_absent 0
        set -l positional_index 0
        set -l commands
        \(parseTokensFunctionName)
        test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
    end

    function \(positionalFunctionName) -a expected_commands positional_index_comparison expected_positional_index
        set -l non_repeating_flags_or_options
        set -l non_repeating_flags_or_options_absent 0
        set -l positional_index 0
        set -l commands
        \(parseTokensFunctionName)
        test "$commands" = "$expected_commands" -a \\( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \\)
    end

    function \(parseTokensFunctionName) -S
        set -l unparsed_tokens (\(tokensFunctionName) -pc)
        switch $unparsed_tokens[1]
    \(commandCases(command))
        end
    end

    function \(tokensFunctionName)
        if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
            commandline --tokens-raw $argv
        else
            commandline -o $argv
        end
    end

    function \(parseSubcommandFunctionName) -S -a positional_count
        argparse -s r -- $argv
        set -l option_specs $argv[2..]
        set -l is_repeating_positional $_flag_r
        set -el _flag_r
        set -a commands $unparsed_tokens[1]
        set positional_index 0
        while true
            set -e unparsed_tokens[1]
            argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
            set unparsed_tokens $argv
            set positional_index (math $positional_index + 1)
            for non_repeating_flag_or_option in $non_repeating_flags_or_options
                if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                    set non_repeating_flags_or_options_absent 1
                    break
                end
            end
            test (count $unparsed_tokens) -eq 0 -o \\( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \\) && break
        end
    end

    function \(completeDirectoriesFunctionName)
        set -l token (commandline -t)
        string match -- '*/' $token
        set -l subdirs $token*/
        printf %s\\n $subdirs
    end

    complete -c '\(command.commandName)' -f
    \(completions(command).joined(separator: "\n"))
    """
  }

  /// The `case` of the token parser for `command` and, nested, its subcommands.
  private func commandCases(_ command: CommandInfo) -> String {
    let subcommands = command.displayedSubcommands
    let specs = command.completableArguments.compactMap(\.optionSpec)
      .map { "'\($0.fishEscapeForSingleQuotedString())'" }
    let positionals = command.positionalArguments
    let count =
      (positionals.contains(where: \.isRepeating) ? "-r " : "") + String(positionals.count)
    let nested =
      subcommands.isEmpty
      ? ""
      : """

          switch $unparsed_tokens[1]
      \(subcommands.map(commandCases).joined(separator: "\n"))
          end
      """
    return """
      case '\(command.commandName)'
          \(parseSubcommandFunctionName) \(count) \(specs.joined(separator: " "))\(nested)
      """
      .indentingEachLine(by: 4)
  }

  /// The `complete` lines of `command`'s arguments and subcommands, then of theirs.
  private func completions(_ command: CommandInfo) -> [String] {
    let prefix = "complete -c '\(command.initialCommand)' -n '"
    let context = command.commandContext.joined(separator: " ")
    let subcommands = command.displayedSubcommands
    var positionalIndex = 0
    var positionalComparison = "-eq"
    let argumentCompletions = command.completableArguments.compactMap { argument -> String? in
      let condition: String
      if argument.kind == .positional {
        guard positionalComparison == "-eq" else { return nil }
        if argument.isRepeating { positionalComparison = "-ge" }
        positionalIndex += 1
        condition =
          "\(positionalFunctionName) \"\(context)\" \(positionalComparison) \(positionalIndex)"
      } else {
        let names = (argument.isRepeating ? [] : argument.names ?? []).map { " \($0.name)" }
          .sorted().joined()
        condition = "\(flagsOrOptionsFunctionName) \"\(context)\"\(names)"
      }
      return "\(prefix)\(condition)' \(segments(argument).joined(separator: " "))"
    }
    positionalIndex += 1
    return argumentCompletions
      + subcommands.map { subcommand in
        let abstract = subcommand.abstract?.fishEscapeForSingleQuotedString() ?? ""
        return "\(prefix)\(positionalFunctionName) \"\(context)\" -eq \(positionalIndex)' "
          + "-fa '\(subcommand.commandName)' -d '\(abstract)'"
      }
      + subcommands.flatMap(completions)
  }

  /// The names, description and value completion of one `complete` line.
  private func segments(_ argument: ArgumentInfo) -> [String] {
    var results: [String] = []
    if let names = argument.names, !names.isEmpty {
      results += names.map(\.asCompleteArgument)
      if let abstract = argument.abstract, !abstract.isEmpty {
        results.append("-d '\(abstract.fishEscapeForSingleQuotedString())'")
      }
    }
    let r = argument.kind == .positional ? "" : "r"
    let completion: String?
    switch argument.completionKind {
    case .none:
      completion = argument.kind == .flag ? nil : "-\(r)fka ''"
    case .list(let values):
      completion =
        "-\(r)fka '\(values.map { $0.fishEscapeForSingleQuotedString() }.joined(separator: " "))'"
    case .file(let extensions):
      switch extensions.count {
      case 0:
        completion = "-\(r)F"
      case 1:
        completion =
          "-\(r)fa '(for p in (string match -e -- \\'*/\\' (commandline -t);or printf \\n)*.\\'"
          + extensions[0].fishEscapeForSingleQuotedString(iterationCount: 2)
          + "\\';printf %s\\n $p;end;__fish_complete_directories (commandline -t) \\'\\')'"
      default:
        let list = extensions.map {
          "\\'\($0.fishEscapeForSingleQuotedString(iterationCount: 2))\\'"
        }
        .joined(separator: " ")
        completion =
          "-\(r)fa '(set -l exts \(list);for p in (string match -e -- \\'*/\\' (commandline -t);"
          + "or printf \\n)*.{$exts};printf %s\\n $p;end;"
          + "__fish_complete_directories (commandline -t) \\'\\')'"
      }
    case .directory:
      completion = "-\(r)fa '(\(completeDirectoriesFunctionName))'"
    case .shellCommand(let shellCommand):
      completion = "-\(r)fka '(\(shellCommand.fishEscapeForSingleQuotedString()))'"
    }
    if let completion { results.append(completion) }
    return results
  }

  // The names of the script's helper functions, all prefixed with the tool's name.
  private var prefix: String { command.completionFunctionPrefix }
  private var flagsOrOptionsFunctionName: String {
    "\(prefix)_should_offer_completions_for_flags_or_options"
  }
  private var positionalFunctionName: String {
    "\(prefix)_should_offer_completions_for_positional"
  }
  private var parseTokensFunctionName: String { "\(prefix)_parse_tokens" }
  private var tokensFunctionName: String { "\(prefix)_tokens" }
  private var parseSubcommandFunctionName: String { "\(prefix)_parse_subcommand" }
  private var completeDirectoriesFunctionName: String { "\(prefix)_complete_directories" }
}

extension CommandInfo {
  /// The arguments fish completes: the displayed ones with a name or a completion.
  fileprivate var completableArguments: [ArgumentInfo] {
    (arguments ?? []).filter { argument in
      argument.shouldDisplay && (argument.completionKind != nil || argument.names?.isEmpty == false)
    }
  }
}

extension ArgumentInfo {
  /// The `argparse` spec of a named argument: `e/experience=`, `location=+`, `verbose`.
  fileprivate var optionSpec: String? {
    let short = (names ?? []).first { $0.kind == "short" }?.name
    let long = (names ?? []).first { $0.kind == "long" }?.name
    func requiringValue(_ spec: String) -> String {
      kind == .option ? "\(spec)=\(isRepeating ? "+" : "")" : spec
    }
    if let short { return requiringValue(long.map { "\(short)/\($0)" } ?? short) }
    return long.map(requiringValue)
  }
}

extension ArgumentInfo.NameInfo {
  /// The name as a `complete` option: `-l 'name'`, `-s 'n'` or `-o 'name'`.
  fileprivate var asCompleteArgument: String {
    let escaped = name.fishEscapeForSingleQuotedString()
    switch kind {
    case "long": return "-l '\(escaped)'"
    case "short": return "-s '\(escaped)'"
    default: return "-o '\(escaped)'"
    }
  }
}

extension String {
  /// The text inside single quotes in fish, `iterationCount` times over.
  fileprivate func fishEscapeForSingleQuotedString(iterationCount: Int = 1) -> String {
    var result = self
    for _ in 0..<iterationCount {
      result = result.replacingEvery("\\", with: "\\\\").replacingEvery("'", with: "\\'")
    }
    return result
  }
}
