// The zsh completion script, as swift-argument-parser's ZshCompletionsGenerator writes it.

/// Writes the zsh completion script of a command tree: one `_arguments` function a command,
/// with each option's description and the action that completes its value, and a
/// `_describe` of the subcommands with their abstracts.
///
///     salary --generate-completion-script zsh > ~/.zsh/completions/_salary
///
/// A port of upstream's generator (1.8.2) from its ToolInfo model, less the custom
/// (`---completion`) call-backs, which this parser does not have.
struct ZshCompletionsGenerator {
  /// The root of the tree.
  var command: CommandInfo

  /// The script, without a final line break.
  var script: String {
    """
    #compdef \(command.commandName)

    \(completeFunctionName)() {
        local -ar non_empty_completions=("${@:#(|:*)}")
        local -ar empty_completions=("${(M)@:#(|:*)}")
        _describe -V '' non_empty_completions -- empty_completions -P $'\\'\\''
    }

    \(completionFunctions(command))\
    if [[ "${funcstack[1]}" = \(command.completionFunctionName) ]]; then
        \(command.completionFunctionName) "${@}"
    else
        compdef \(command.completionFunctionName) \(command.commandName)
    fi
    """
  }

  /// The completion function of `command`, then those of its subcommands.
  private func completionFunctions(_ command: CommandInfo) -> String {
    let functionName = command.completionFunctionName
    var repeatingPositionalIndicator = ""
    let specsAndSetups = (command.arguments ?? []).compactMap {
      argument -> (spec: String, setup: String?)? in
      guard argument.shouldDisplay else { return nil }
      let line: String
      let names = argument.names ?? []
      switch names.count {
      case 0:
        guard repeatingPositionalIndicator.isEmpty else { return nil }
        if argument.isRepeating { repeatingPositionalIndicator = "*" }
        line = repeatingPositionalIndicator
      case 1:
        line =
          (argument.isRepeatingOption ? "*" : "")
          + names[0].synopsis.zshEscapeForSingleQuotedOptionSpec() + argument.completionAbstract
      default:
        let synopses = names.map { $0.synopsis.zshEscapeForSingleQuotedOptionSpec() }
        line =
          (argument.isRepeatingOption ? "*" : "(\(synopses.joined(separator: " ")))")
          + "'{\(synopses.joined(separator: ","))}'" + argument.completionAbstract
      }
      switch argument.kind {
      case .option, .positional:
        let (action, setup) = actionAndSetup(argument, in: command)
        let valueName = argument.valueName?.zshEscapeForSingleQuotedOptionSpec() ?? ""
        return ("'\(line):\(valueName):\(action)'", setup)
      case .flag:
        return ("'\(line)'", nil)
      }
    }
    var argumentSpecs = specsAndSetups.map(\.spec)
    let setupScripts = specsAndSetups.compactMap(\.setup)

    let subcommands = command.displayedSubcommands
    var subcommandHandler = ""
    if !subcommands.isEmpty {
      argumentSpecs.append("'(-): :->command'")
      argumentSpecs.append("'(-)*:: :->arg'")
      let described = subcommands.map { subcommand in
        let name = subcommand.commandName.zshEscapeForSingleQuotedDescribeCompletion()
        let abstract = subcommand.abstract?.shellEscapeForSingleQuotedString() ?? ""
        return "                '\(name):\(abstract)'"
      }
      subcommandHandler = """
            case "${state}" in
            command)
                local -ar subcommands=(
        \(described.joined(separator: "\n"))
                )
                _describe -V subcommand subcommands && ret=0
                ;;
            arg)
                case "${words[1]}" in
                \(subcommands.map(\.commandName).joined(separator: "|")))
                    "\(functionName)_${words[1]}" && ret=0
                    ;;
                esac
                ;;
            esac

        """
    }

    let setup =
      (command.superCommands ?? []).isEmpty
      ? """
          emulate -RL zsh -G
          setopt extendedglob nullglob numericglobsort
          unsetopt aliases banghist

          local context state state_descr line
          local -A opt_args

          local -r command_name="${words[1]}"
          local -ar command_line=("${words[@]}")
          local -ir current_word_index="$((CURRENT - 1))"


      """
      : ""
    return """
      \(functionName)() {
      \(setup)\
          local -i ret=1
      \(setupScripts.map { "\($0)\n" }.joined().indentingEachLine(by: 4))\
          local -ar arg_specs=(
      \(argumentSpecs.joined(separator: "\n").indentingEachLine(by: 8))
          )
          _arguments -w -s -S : "${arg_specs[@]}" && ret=0
      \(subcommandHandler)
          return "${ret}"
      }

      \(subcommands.map(completionFunctions).joined())
      """
  }

  /// The zsh action completing the value of `argument`, and a line declaring its words.
  private func actionAndSetup(_ argument: ArgumentInfo, in command: CommandInfo)
    -> (action: String, setup: String?)
  {
    switch argument.completionKind {
    case .none:
      return ("", nil)
    case .file(let extensions):
      guard !extensions.isEmpty else { return ("_files", nil) }
      let globs = extensions.map { "*.\($0.shellEscapeForSingleQuotedString())" }
        .joined(separator: " ")
      return ("_files -g '\\''\(globs)'\\''", nil)
    case .directory:
      return ("_files -/", nil)
    case .list(let values):
      let variable = variableName(argument)
      let words = values.map { "'\($0.shellEscapeForSingleQuotedString())'" }
        .joined(separator: " ")
      return ("{\(completeFunctionName) \"${\(variable)[@]}\"}", "local -ar \(variable)=(\(words))")
    case .shellCommand(let shellCommand):
      return (
        "{local -a list;list=(${(f)\"$(\(shellCommand.shellEscapeForSingleQuotedString()))\"});_describe -V \"\" list}",
        nil
      )
    }
  }

  /// The variable holding the words of `argument`: `___location`, `__e`, `_dir`.
  private func variableName(_ argument: ArgumentInfo) -> String {
    guard let name = argument.preferredName else {
      return "_\(argument.valueName?.shellEscapeForVariableName() ?? "")"
    }
    return (name.kind == "long" ? "___" : "__") + name.name.shellEscapeForVariableName()
  }

  // The names of the script's helper functions, all prefixed with the tool's name.
  private var completeFunctionName: String {
    "\(command.completionFunctionPrefix)_complete"
  }
}

extension ArgumentInfo {
  /// Whether a named argument may be completed again after it is given (`*` in its spec).
  fileprivate var isRepeatingOption: Bool {
    (kind == .flag || kind == .option) && isRepeating && parsingStrategy == "default"
  }

  /// `[abstract]`, escaped, or "".
  fileprivate var completionAbstract: String {
    guard let abstract, !abstract.isEmpty else { return "" }
    return "[\(abstract.zshEscapeForSingleQuotedOptionSpec())]"
  }
}

extension String {
  /// The text for a `name:description` word of `_describe`, inside single quotes.
  fileprivate func zshEscapeForSingleQuotedDescribeCompletion() -> String {
    replacingEvery("\\", with: "\\\\").replacingEvery(":", with: "\\:")
      .shellEscapeForSingleQuotedString()
  }

  /// The text for an `_arguments` spec, inside single quotes.
  fileprivate func zshEscapeForSingleQuotedOptionSpec() -> String {
    replacingEvery("\\", with: "\\\\").replacingEvery(":", with: "\\:")
      .replacingEvery("[", with: "\\[").replacingEvery("]", with: "\\]")
      .shellEscapeForSingleQuotedString()
  }
}
