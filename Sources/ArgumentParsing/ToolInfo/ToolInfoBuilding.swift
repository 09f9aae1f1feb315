// How a command tree becomes its ToolInfo description, as swift-argument-parser's
// DumpHelpGenerator builds it.

extension ToolInfo {
  /// The description of the last command of `commandStack` and every command below it.
  ///
  /// As upstream, the built-in `help` command is added to the subcommands of the command the
  /// description starts at, and only there; unlike upstream, only where the parser accepts it
  /// (a root with subcommands). Computed completion lists are asked for their words now.
  public init(commandStack: [CommandSpec]) {
    precondition(!commandStack.isEmpty, "a description needs a command")
    var command = CommandInfo(commandStack: commandStack)
    let last = commandStack[commandStack.count - 1]
    if commandStack.count == 1, !last.subcommands.isEmpty {
      command.subcommands =
        (command.subcommands ?? []) + [CommandInfo(commandStack: [last, .builtInHelp])]
    }
    self.init(command: command)
  }
}

extension CommandInfo {
  /// The description of the last command of `commandStack`, with its subcommands.
  init(commandStack: [CommandSpec]) {
    let command = commandStack[commandStack.count - 1]
    superCommands = commandStack.dropLast().map(\.name).nonEmpty
    commandName = command.name
    aliases = command.aliases.nonEmpty
    abstract = command.abstract.nonEmpty
    discussion = command.discussion.nonEmpty
    subcommands =
      command.subcommands.map { CommandInfo(commandStack: commandStack + [$0]) }
      .nonEmpty
    arguments = Self.definitions(commandStack).map(ArgumentInfo.init).nonEmpty
  }

  /// Every definition of the command, hidden ones included, then the automatic flags.
  private static func definitions(_ commandStack: [CommandSpec]) -> [ArgumentDefinition] {
    commandStack[commandStack.count - 1].definitions
      + HelpGenerator.builtInDefinitions(commandStack)
  }

  /// The subcommand named `name` (not an alias), if any.
  public func subcommand(named name: String) -> CommandInfo? {
    subcommands?.first { $0.commandName == name }
  }

  /// The names of the commands from the root to this one.
  public var commandContext: [String] { (superCommands ?? []) + [commandName] }

  /// The positional arguments, in order.
  public var positionalArguments: [ArgumentInfo] {
    (arguments ?? []).filter { $0.kind == .positional }
  }
}

extension ArgumentInfo {
  /// The description of one definition.
  init(_ definition: ArgumentDefinition) {
    let names = definition.names
    kind =
      definition.isPositional
      ? .positional : definition.update == .value ? .option : .flag
    shouldDisplay = !definition.isHidden
    isOptional = definition.isOptional
    isRepeating = definition.isRepeating
    parsingStrategy = definition.takesValuesUpToNextOption ? "upToNextOption" : "default"
    self.names = names.map(NameInfo.init).nonEmpty
    preferredName = names.preferredName.map(NameInfo.init)
    // The automatic flags have no placeholder of their own; upstream's is their name.
    valueName = definition.valueName.nonEmpty ?? names.preferredName?.valueString
    defaultValue = definition.defaultDescription?.nonEmpty
    allValues = definition.allowedValues.nonEmpty
    completionKind = definition.completion.map { kind in
      switch kind {
      case .list(let values): return .list(values: values)
      case .computedList(let values): return .list(values: values())
      case .file(let extensions): return .file(extensions: extensions)
      case .directory: return .directory
      case .shellCommand(let command): return .shellCommand(command: command)
      }
    }
    abstract = definition.abstract.nonEmpty
  }
}
