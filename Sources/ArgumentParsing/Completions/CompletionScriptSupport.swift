// What the three completion generators share: quoting for the shells, indentation, and the
// names of the functions a script defines.

extension String {
  /// The text for inside single quotes in a POSIX shell: each `'` becomes `'\''`.
  func shellEscapeForSingleQuotedString() -> String {
    replacingEvery("'", with: "'\\''")
  }

  /// The text as part of a shell variable name: `-` becomes `_`.
  func shellEscapeForVariableName() -> String {
    replacingEvery("-", with: "_")
  }

  /// The text with every occurrence of `old` replaced by `new`, without Foundation.
  func replacingEvery(_ old: Character, with new: String) -> String {
    var result = ""
    for character in self {
      if character == old { result += new } else { result.append(character) }
    }
    return result
  }

  /// Each non-empty line indented by `count` spaces, as upstream's `indentingEachLine(by:)`.
  func indentingEachLine(by count: Int) -> String {
    let spacer = String(repeating: " ", count: count)
    return split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? String($0) : spacer + $0 }
      .joined(separator: "\n")
  }
}

extension CommandInfo {
  /// The name of the tool, the first of the command context.
  var initialCommand: String { superCommands?.first ?? commandName }

  /// The completion function of this command: `_salary_data_levels`.
  var completionFunctionName: String {
    "_" + commandContext.joined(separator: "_").shellEscapeForVariableName()
  }

  /// The prefix of the script's helper functions: `__salary`.
  var completionFunctionPrefix: String { "__\(initialCommand)" }

  /// The subcommands completion offers: those help lists.
  var displayedSubcommands: [CommandInfo] { (subcommands ?? []).filter(\.shouldDisplay) }
}
