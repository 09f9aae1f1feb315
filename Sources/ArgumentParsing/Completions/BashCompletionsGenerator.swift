// The bash completion script, as swift-argument-parser's BashCompletionsGenerator writes it.

/// Writes the bash completion script of a command tree: one function a command, chosen by
/// the words typed so far, each offering its flags and options, the values of the option
/// just typed, its positional values and its subcommands.
///
///     salary --generate-completion-script bash > ~/.local/share/bash-completion/completions/salary
///
/// A port of upstream's generator (1.8.2) from its ToolInfo model, less the custom
/// (`---completion`) call-backs, which this parser does not have, and with one fix: an
/// option already given is not offered again (upstream looks for it among the flags twice).
struct BashCompletionsGenerator {
  /// The root of the tree.
  var command: CommandInfo

  /// The script, without a final line break.
  var script: String {
    """
    #!/bin/bash

    # positional arguments:
    #
    # - 1: the current (sub)command's count of positional arguments
    #
    # required variables:
    #
    # - repeating_flags: the repeating flags that the current (sub)command can accept
    # - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
    # - repeating_options: the repeating options that the current (sub)command can accept
    # - non_repeating_options: the non-repeating options that the current (sub)command can accept
    # - positional_number: value ignored
    # - unparsed_words: unparsed words from the current command line
    #
    # modified variables:
    #
    # - non_repeating_flags: remove flags for this (sub)command that are already on the command line
    # - non_repeating_options: remove options for this (sub)command that are already on the command line
    # - positional_number: set to the current positional number
    # - unparsed_words: remove all flags, options, and option values for this (sub)command
    \(offerFlagsOptionsFunctionName)() {
        local -ir positional_count="${1}"
        positional_number=0

        local was_flag_option_terminator_seen=false
        local is_parsing_option_value=false

        local -ar unparsed_word_indices=("${!unparsed_words[@]}")
        local -i word_index
        for word_index in "${unparsed_word_indices[@]}"; do
            if "${is_parsing_option_value}"; then
                # This word is an option value:
                # Reset marker for next word iff not currently the last word
                [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
                unset "unparsed_words[${word_index}]"
                # Do not process this word as a flag or an option
                continue
            fi

            local word="${unparsed_words["${word_index}"]}"
            if ! "${was_flag_option_terminator_seen}"; then
                case "${word}" in
                --)
                    unset "unparsed_words[${word_index}]"
                    # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                    if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                        was_flag_option_terminator_seen=true
                    fi
                    continue
                    ;;
                -*)
                    # ${word} is a flag or an option
                    # If ${word} is an option, mark that the next word to be parsed is an option value
                    local option
                    for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                        [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                    done

                    # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                    local not_found=true
                    local -i index
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            not_found=false
                            break
                        fi
                    done
                    if "${not_found}"; then
                        for index in "${!non_repeating_options[@]}"; do
                            if [[ "${non_repeating_options[${index}]}" = "${word}" ]]; then
                                unset "non_repeating_options[${index}]"
                                non_repeating_options=("${non_repeating_options[@]}")
                                break
                            fi
                        done
                    fi
                    unset "unparsed_words[${word_index}]"
                    continue
                    ;;
                esac
            fi

            # ${word} is neither a flag, nor an option, nor an option value
            if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
                # ${word} is a positional
                ((positional_number++))
                unset "unparsed_words[${word_index}]"
            else
                if [[ -z "${word}" ]]; then
                    # Could be completing a flag, option, or subcommand
                    positional_number=-1
                else
                    # ${word} is a subcommand or invalid, so stop processing this (sub)command
                    positional_number=-2
                fi
                break
            fi
        done

        unparsed_words=("${unparsed_words[@]}")

        if\\
            ! "${was_flag_option_terminator_seen}"\\
            && ! "${is_parsing_option_value}"\\
            && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
        then
            COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
        fi
    }

    \(addCompletionsFunctionName)() {
        local completion
        while IFS='' read -r completion; do
            COMPREPLY+=("${completion}")
        done < <(IFS=$'\\n' compgen "${@}" -- "${cur}")
    }

    \(completionFunctions(command))\
    complete -o filenames -F \(command.completionFunctionName) \(command.commandName)
    """
  }

  /// The completion function of `command`, then those of its subcommands.
  private func completionFunctions(_ command: CommandInfo) -> String {
    let functionName = command.completionFunctionName
    let subcommands = command.displayedSubcommands
    var result = ""

    // The root sets up the shell and the words; the others share its variables.
    let declareTopLevelArray: String
    if (command.superCommands ?? []).isEmpty {
      result += """
            local state
            state="$(shopt -p;shopt -po)"
            trap "${state//$'\\n'/;}" RETURN
            shopt -s extglob
            set +o history +o posix

            local -r cur="${2}"
            local -r prev="${3}"

            local -i positional_number
            local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")


        """
      declareTopLevelArray = "local -a "
    } else {
      declareTopLevelArray = ""
    }

    let positionals = command.positionalArguments
    let arguments = command.arguments ?? []
    let flags = arguments.filter { $0.kind == .flag }
    let options = arguments.filter { $0.kind == .option }
    if !flags.flatMap(\.completionWords).isEmpty || !options.flatMap(\.completionWords).isEmpty {
      func words(_ list: [ArgumentInfo]) -> String {
        list.flatMap(\.completionWords).joined(separator: " ")
      }
      let positionalCount = positionals.contains { $0.isRepeating } ? -1 : positionals.count
      result += """
            \(declareTopLevelArray)repeating_flags=(\(words(flags.filter(\.isRepeating))))
            \(declareTopLevelArray)non_repeating_flags=(\(words(flags.filter { !$0.isRepeating })))
            \(declareTopLevelArray)repeating_options=(\(words(options.filter(\.isRepeating))))
            \(declareTopLevelArray)non_repeating_options=(\(words(options.filter { !$0.isRepeating })))
            \(offerFlagsOptionsFunctionName) \(positionalCount)

        """
    }

    // The values of the option just typed.
    let optionHandlers = options.compactMap { argument -> String? in
      let words = argument.completionWords
      guard !words.isEmpty else { return nil }
      return """
            \(words.map { "'\($0.shellEscapeForSingleQuotedString())'" }.joined(separator: "|")))
        \(valueCompletion(argument).indentingEachLine(by: 8))\
                return
                ;;
        """
    }
    .joined(separator: "\n")
    if !optionHandlers.isEmpty {
      result += """

            # Offer option value completions
            case "${prev}" in
        \(optionHandlers)
            esac

        """
    }

    // The positional values, up to a repeating one, which takes the rest.
    var encounteredRepeatingPositional = false
    let positionalCases = zip(1..., positionals).compactMap { position, argument -> String? in
      guard !encounteredRepeatingPositional else { return nil }
      if argument.isRepeating { encounteredRepeatingPositional = true }
      let completion = valueCompletion(argument)
      return completion.isEmpty
        ? nil
        : """
            \(encounteredRepeatingPositional ? "*" : position.description))
        \(completion.indentingEachLine(by: 8))\
                return
                ;;

        """
    }
    if !positionalCases.isEmpty {
      result += """

            # Offer positional completions
            case "${positional_number}" in
        \(positionalCases.joined())\
            esac

        """
    }

    if !subcommands.isEmpty {
      let names = subcommands.map { $0.commandName.shellEscapeForSingleQuotedString() }
      result += """

            # Offer subcommand / subcommand argument completions
            local -r subcommand="${unparsed_words[0]}"
            unset 'unparsed_words[0]'
            unparsed_words=("${unparsed_words[@]}")
            case "${subcommand}" in
            \(subcommands.map(\.commandName).joined(separator: "|")))
                # Offer subcommand argument completions
                "\(functionName)_${subcommand}"
                ;;
            *)
                # Offer subcommand completions
                COMPREPLY+=($(compgen -W '\(names.joined(separator: " "))' -- "${cur}"))
                ;;
            esac

        """
    }

    if result.isEmpty { result = "    :\n" }

    return """
      \(functionName)() {
      \(result)\
      }

      \(subcommands.map(completionFunctions).joined())
      """
  }

  /// The lines that offer the values of `argument`, or "" for none.
  private func valueCompletion(_ argument: ArgumentInfo) -> String {
    switch argument.completionKind {
    case .none:
      return ""
    case .file(let extensions) where extensions.isEmpty:
      return "\(addCompletionsFunctionName) -f\n"
    case .file(let extensions):
      let patterns = extensions.map { $0.shellEscapeForSingleQuotedString() }
        .joined(separator: "|")
      return "\(addCompletionsFunctionName) -o plusdirs -fX '!*.@(\(patterns))'\n"
    case .directory:
      return "\(addCompletionsFunctionName) -d\n"
    case .list(let values):
      let words = values.map { $0.shellEscapeForSingleQuotedString() }
        .joined(separator: "'$'\\n''")
      return "\(addCompletionsFunctionName) -W '\(words)'\n"
    case .shellCommand(let command):
      return
        "\(addCompletionsFunctionName) -W \"$(eval '\(command.shellEscapeForSingleQuotedString())')\"\n"
    }
  }

  // The names of the script's helper functions, all prefixed with the tool's name.
  private var offerFlagsOptionsFunctionName: String {
    "\(command.completionFunctionPrefix)_offer_flags_options"
  }

  private var addCompletionsFunctionName: String {
    "\(command.completionFunctionPrefix)_add_completions"
  }
}

extension ArgumentInfo {
  /// The names completion offers for the argument: all of them, unless help hides it.
  fileprivate var completionWords: [String] {
    shouldDisplay ? (names ?? []).map(\.synopsis) : []
  }
}
