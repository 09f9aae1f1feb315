// The names of the automatic help and version flags, shared by the parser and the generators.

/// The automatic `-h, --help` and `--version` flags.
public enum HelpNames {
  /// The name of the automatic version flag.
  public static let versionFlag = Name.long("version")

  /// The help flags of the last command of `commandStack`, in help order: `-h`, `--help`;
  /// none for the built-in `help` command, as upstream.
  public static func helpFlags(for commandStack: [CommandSpec]) -> [Name] {
    commandStack.last?.isBuiltInHelp == true ? [] : [.short("h"), .long("help")]
  }

  /// The help flag named in "See '… --help' for more information.", if any.
  public static func primaryHelpFlag(for commandStack: [CommandSpec]) -> Name? {
    helpFlags(for: commandStack).preferredName
  }

  /// The text `--version` prints: the last non-empty version along the stack, if any.
  public static func version(for commandStack: [CommandSpec]) -> String? {
    commandStack.map(\.version).last { !$0.isEmpty }
  }
}
