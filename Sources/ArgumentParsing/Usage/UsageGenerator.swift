// The one-line usage synopsis: `salary estimate --experience <experience> [--verbose]`.

/// Builds a command's usage synopsis, as swift-argument-parser's `UsageGenerator` does.
///
///     salary project <base-salary> [--years <years>] [--compound] [--no-compound]
///     salary export --output <path> [--delimiter <delimiter>] [<inputs> ...]
///     salary <subcommand>
public struct UsageGenerator {
  /// More arguments than this and the synopsis keeps only the required and positional ones.
  public static let maximumListedArguments = 12

  /// The command path as typed: `salary estimate`.
  public var toolName: String
  /// The visible arguments of the command, in declaration order.
  public var definitions: [ArgumentDefinition]

  /// The usage of the last command of `commandStack`, with `<subcommand>` if it has any.
  public init(commandStack: [CommandSpec]) {
    toolName = commandStack.map(\.name).joined(separator: " ")
    definitions = commandStack[commandStack.count - 1].definitions.filter { !$0.isHidden }
  }

  /// The synopsis of ``toolName`` and ``definitions``.
  ///
  /// With more than 12 arguments, the optional named ones are dropped:
  /// `tool [<options>] <required> ...`, or just `tool <options>` if none (or too many) remain.
  public var synopsis: String {
    switch definitions.count {
    case 0:
      return toolName
    case let count where count > Self.maximumListedArguments:
      let kept = definitions.filter { $0.isPositional || !$0.isOptional }
      guard !kept.isEmpty, kept.count <= Self.maximumListedArguments else {
        return "\(toolName) <options>"
      }
      return "\(toolName) [<options>] " + kept.map(\.synopsis).joined(separator: " ")
    default:
      return "\(toolName) " + definitions.map(\.synopsis).joined(separator: " ")
    }
  }

  /// The usage line of the last command of `commandStack`, as help and errors show it.
  public static func usage(for commandStack: [CommandSpec]) -> String {
    var usage = UsageGenerator(commandStack: commandStack).synopsis
    if !commandStack[commandStack.count - 1].subcommands.isEmpty {
      if usage.last != " " { usage += " " }
      usage += "<subcommand>"
    }
    return usage
  }
}

extension ArgumentDefinition {
  /// The label in help: all names, short first, and the value: `-e, --experience <experience>`.
  public var synopsisForHelp: String {
    switch kind {
    case .named(let names):
      let joined = names.partitioned.map(\.synopsisString).joined(separator: ", ")
      return update == .value ? "\(joined) <\(valueName)>" : joined
    case .positional:
      return "<\(valueName)>"
    }
  }

  /// The preferred name and the value, undecorated: `--experience <experience>`.
  public var unadornedSynopsis: String {
    switch kind {
    case .named(let names):
      let name = names.preferredName?.synopsisString ?? ""
      return update == .value ? "\(name) <\(valueName)>" : name
    case .positional:
      return "<\(valueName)>"
    }
  }

  /// The synopsis in a usage line: `[--location <location>]`, `[<inputs> ...]`.
  public var synopsis: String {
    var synopsis = unadornedSynopsis
    if isRepeating { synopsis += " ..." }
    if isOptional { synopsis = "[\(synopsis)]" }
    return synopsis
  }
}
