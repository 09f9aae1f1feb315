// The declaration of a command and, through its subcommands, of a whole command tree.

/// A command of the command line, declared as a value; its subcommands make the tree.
///
/// Help, usage lines, parsing and error messages are all generated from this one declaration.
///
///     let root = CommandSpec(
///       name: "salary",
///       abstract: "Estimate and project salaries from band data.",
///       version: "0.1.0",
///       subcommands: [
///         CommandSpec(
///           name: "project", aliases: ["proj"],
///           abstract: "Project earnings over several years.",
///           arguments: [
///             .positional("base-salary", help: "Starting annual salary.", type: .double),
///             .option("years", help: "Number of years to project.", type: .integer,
///                     default: "5"),
///           ]),
///       ])
///
/// A command with subcommands takes no positional arguments, and the root of a tree with
/// subcommands gets a built-in `help` subcommand (`salary help project`), as with
/// swift-argument-parser.
public struct CommandSpec: Sendable {
  /// The name typed to select the command; for the root, the tool name shown in usage.
  public var name: String
  /// Other names that select the command, shown in the parent's help as `project, proj`.
  public var aliases: [String]
  /// The one-line description: the `OVERVIEW:` of its help and its line in the parent's help.
  public var abstract: String
  /// Free text shown after the abstract in its help (for example an `EXAMPLES:` block).
  public var discussion: String
  /// The text `--version` prints; the last non-empty one along the command path is used.
  public var version: String
  /// The options, flags and positional arguments, in usage order.
  public var arguments: [ArgumentSpec]
  /// The subcommands, in the order help lists them.
  public var subcommands: [CommandSpec]
  /// Whether this is the built-in `help` command, which has no `--help` of its own.
  public var isBuiltInHelp: Bool = false

  /// Creates a command.
  ///
  /// - Precondition: names are unique within the command, no argument is named `help`, `h`
  ///   or `version`, only the last positional argument repeats, and a command with
  ///   subcommands has no positional arguments. Checked when a parser is made from the tree.
  public init(
    name: String,
    aliases: [String] = [],
    abstract: String = "",
    discussion: String = "",
    version: String = "",
    arguments: [ArgumentSpec] = [],
    subcommands: [CommandSpec] = []
  ) {
    self.name = name
    self.aliases = aliases
    self.abstract = abstract
    self.discussion = discussion
    self.version = version
    self.arguments = arguments
    self.subcommands = subcommands
  }

  /// The parseable definitions of the declared arguments, in order.
  public var definitions: [ArgumentDefinition] {
    arguments.flatMap(\.definitions)
  }

  /// Whether `word` is the command's name or one of its aliases.
  public func isNamed(_ word: String) -> Bool {
    name == word || aliases.contains(word)
  }

  /// The built-in `help` subcommand of a root that has subcommands.
  ///
  /// Like swift-argument-parser's `HelpCommand`: it collects the command names that follow it
  /// and quietly accepts `-h`, `--help` and `-help`.
  public static let builtInHelp: CommandSpec = {
    var help = ArgumentSpec.flag("help", short: "h")
    help.isHidden = true
    help.extraNames = [.longWithSingleDash("help")]
    var command = CommandSpec(
      name: "help",
      abstract: "Show subcommand help information.",
      arguments: [.positional("subcommands", isRequired: false, isRepeating: true), help])
    command.isBuiltInHelp = true
    return command
  }()

  /// The children used to resolve a command name: the subcommands, then `help` at a root.
  public func children(isRoot: Bool) -> [CommandSpec] {
    isRoot && !subcommands.isEmpty ? subcommands + [CommandSpec.builtInHelp] : subcommands
  }

  /// Stops the program if the tree is declared inconsistently (a programming error).
  public func checkDeclaration(isRoot: Bool = true) {
    var seenNames: Set<Name> = []
    var seenKeys: Set<String> = []
    let reserved: Set<Name> = [.long("help"), .short("h"), .long("version")]
    for argument in arguments {
      precondition(seenKeys.insert(argument.key).inserted, "'\(argument.key)' declared twice")
      for definition in argument.definitions {
        for name in definition.names {
          precondition(!reserved.contains(name), "'\(name.synopsisString)' is reserved")
          precondition(seenNames.insert(name).inserted, "'\(name.synopsisString)' declared twice")
        }
      }
      if let value = argument.defaultValue {
        precondition(
          argument.allowedValues.isEmpty || argument.allowedValues.contains(value),
          "the default of '\(argument.key)' is not an allowed value")
        precondition(
          (try? argument.valueType.check(value)) != nil,
          "the default of '\(argument.key)' does not pass its own check")
      }
    }
    let positionals = arguments.filter { $0.kind == .positional }
    precondition(
      positionals.dropLast().allSatisfy { !$0.isRepeating },
      "only the last positional argument of '\(name)' may repeat")
    precondition(
      subcommands.isEmpty || positionals.isEmpty,
      "'\(name)' has subcommands, so it cannot take positional arguments")
    var seenCommands: Set<String> = isRoot && !subcommands.isEmpty ? ["help"] : []
    for subcommand in subcommands {
      for word in [subcommand.name] + subcommand.aliases {
        precondition(seenCommands.insert(word).inserted, "subcommand name '\(word)' is taken")
      }
      subcommand.checkDeclaration(isRoot: false)
    }
  }
}
