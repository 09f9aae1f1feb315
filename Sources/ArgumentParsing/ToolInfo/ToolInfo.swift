// The description of a whole command tree that `--experimental-dump-help` prints and the
// completion generators read: swift-argument-parser's ToolInfo, version 0.

/// A command tree described for other programs, as swift-argument-parser's `ToolInfoV0`.
///
/// The same fields, optional where upstream's are, so ``DumpHelpGenerator`` writes the JSON
/// that documentation tools read from a swift-argument-parser tool. Empty lists and texts
/// are `nil`, as upstream's initialisers make them.
public struct ToolInfo: Sendable, Equatable {
  /// The version of this description's form; upstream's is 0.
  public var serializationVersion = 0
  /// The command the description starts at.
  public var command: CommandInfo
}

/// One command of the tree, as swift-argument-parser's `CommandInfoV0`.
public struct CommandInfo: Sendable, Equatable {
  /// The names of the commands above this one, from the root.
  public var superCommands: [String]?
  /// Whether help lists the command.
  public var shouldDisplay = true
  /// The name that selects the command.
  public var commandName: String
  /// Other names that select it.
  public var aliases: [String]?
  /// Its one-line description.
  public var abstract: String?
  /// Its longer description.
  public var discussion: String?
  /// The subcommand run when none is named; this parser has none.
  public var defaultSubcommand: String?
  /// The commands below it.
  public var subcommands: [CommandInfo]?
  /// Its arguments, then `--version` and `-h, --help` where they apply.
  public var arguments: [ArgumentInfo]?
}

/// One argument of a command, as swift-argument-parser's `ArgumentInfoV0`.
public struct ArgumentInfo: Sendable, Equatable {
  /// How the argument is written.
  public enum Kind: String, Sendable {
    /// A value by its position.
    case positional
    /// A name followed by a value.
    case option
    /// A name alone.
    case flag
  }

  /// One name of a named argument.
  public struct NameInfo: Sendable, Equatable {
    /// Which dashes the name takes: `long` (`--name`), `short` (`-n`) or
    /// `longWithSingleDash` (`-name`).
    public var kind: String
    /// The name without its dashes.
    public var name: String

    /// The description of `name`.
    public init(_ name: Name) {
      switch name {
      case .long(let text): (kind, self.name) = ("long", text)
      case .short(let character): (kind, self.name) = ("short", String(character))
      case .longWithSingleDash(let text): (kind, self.name) = ("longWithSingleDash", text)
      }
    }

    /// The name as typed: `--name`, `-n` or `-name`.
    public var synopsis: String {
      kind == "long" ? "--\(name)" : "-\(name)"
    }
  }

  /// What a shell offers for the value, as upstream's `CompletionKindV0` (less its custom
  /// closures, which this parser does not have).
  public enum Completion: Sendable, Equatable {
    /// These words.
    case list(values: [String])
    /// File names with these extensions; any file when empty.
    case file(extensions: [String])
    /// Directory names.
    case directory
    /// The lines a shell command prints.
    case shellCommand(command: String)
  }

  /// How the argument is written.
  public var kind: Kind
  /// Whether help lists the argument.
  public var shouldDisplay: Bool
  /// The title of its help section when not the usual one; this parser has none.
  public var sectionTitle: String?
  /// Whether it may be left out.
  public var isOptional: Bool
  /// Whether it may be given several times.
  public var isRepeating: Bool
  /// How its values are taken: `default`, or `upToNextOption`.
  public var parsingStrategy: String
  /// Its names; `nil` for a positional argument.
  public var names: [NameInfo]?
  /// The name usage shows.
  public var preferredName: NameInfo?
  /// The placeholder of its value.
  public var valueName: String?
  /// The value used when it is not given.
  public var defaultValue: String?
  /// The only values accepted.
  public var allValues: [String]?
  /// What a shell offers for its value.
  public var completionKind: Completion?
  /// Its one-line description.
  public var abstract: String?
  /// Its longer description; this parser has none.
  public var discussion: String?
}

extension Array {
  /// The array, or `nil` when it is empty (upstream leaves empty lists out).
  var nonEmpty: [Element]? { isEmpty ? nil : self }
}

extension String {
  /// The text, or `nil` when it is empty (upstream leaves empty texts out).
  var nonEmpty: String? { isEmpty ? nil : self }
}
