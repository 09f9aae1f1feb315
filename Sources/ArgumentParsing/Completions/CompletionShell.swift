// The shells `--generate-completion-script` writes for, and which generator writes each.

/// A shell for which a completion script can be generated, as swift-argument-parser's
/// `CompletionShell`; `allCases` is in upstream's order, which its error message lists.
public enum CompletionShell: String, CaseIterable, Sendable {
  /// The Z shell: `#compdef` and `_arguments`.
  case zsh
  /// Bash: `complete -F` and `compgen`.
  case bash
  /// The friendly interactive shell: `complete -c` lines.
  case fish

  /// The shell named by the last part of a path such as `$SHELL` (`/usr/bin/zsh`), if any.
  public init?(path: String) {
    guard let name = path.split(separator: "/").last else { return nil }
    self.init(rawValue: String(name))
  }

  /// The completion script for the tree under `root`, without a final line break.
  public func completionScript(for root: CommandSpec) -> String {
    let command = ToolInfo(commandStack: [root]).command
    switch self {
    case .bash: return BashCompletionsGenerator(command: command).script
    case .zsh: return ZshCompletionsGenerator(command: command).script
    case .fish: return FishCompletionsGenerator(command: command).script
    }
  }
}
