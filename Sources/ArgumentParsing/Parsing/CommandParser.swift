// Walks the command tree along the command line and decides what the invocation means.

/// Parses a command line against a command tree; pure, without I/O.
///
/// A port of swift-argument-parser's `CommandParser`. For each command from the root down:
/// read its own arguments (``LenientParser``), check its required ones (where a `-h`,
/// `--help` or `--version` anywhere wins over a missing argument), then descend if the next
/// remaining word names a subcommand. At the last command, `-h`/`--help` win over `--version`,
/// which wins over leftovers; a leftover option is an unknown option, else leftover words are
/// unexpected arguments.
///
///     let parser = CommandParser(root: salary)
///     switch parser.parse(["estimate", "-e", "4"]) {
///     case .run(let invocation): print(invocation.path)  // ["estimate"]
///     default: break
///     }
public struct CommandParser: Sendable {
  /// The root of the command tree.
  public let root: CommandSpec

  /// Creates a parser for the tree under `root`, checking its declaration in debug builds.
  public init(root: CommandSpec) {
    // An inconsistent tree is a programming error, the same at every run: debug builds
    // (every test run, and `CommandTreeTests` checks the real tree) catch it, and a release
    // build does not spend a tenth of its start-up checking it again.
    #if DEBUG
      root.checkDeclaration()
    #endif
    self.root = root
  }

  /// The name of the option that asks for a completion script.
  public static let completionScriptOption = Name.long("generate-completion-script")
  /// The name of the flag that asks for the ToolInfo JSON.
  public static let dumpHelpFlag = Name.long("experimental-dump-help")

  /// Parses `arguments` (without the program name).
  ///
  /// - Parameter shellPath: The user's shell (`$SHELL`), for a `--generate-completion-script`
  ///   that names none.
  public func parse(_ arguments: [String], shellPath: String? = nil) -> ParseOutcome {
    var split: SplitArguments
    do {
      split = try SplitArguments(arguments: arguments)
    } catch {
      return .failure(error, commandStack: [root])
    }
    if let request = completionScriptRequest(in: split, shellPath: shellPath) { return request }

    var stack = [root]
    var valuesByCommand: [ParsedValues] = []
    do throws(ParserError) {
      while true {
        let command = stack[stack.count - 1]
        let definitions = command.definitions
        let parser = LenientParser(
          definitions: definitions, arguments: command.arguments, input: split)
        let result = try parser.parse()
        do throws(ParserError) {
          try LenientParser.checkRequired(definitions, in: result.values)
        } catch {
          if let request = builtInRequest(in: split, commandStack: stack) { return request }
          throw error
        }
        split.remove(result.used)
        valuesByCommand.append(result.values)

        guard let next = split.peekNext(), case .value(let word) = next.value,
          let subcommand = command.children(isRoot: stack.count == 1).first(where: {
            $0.isNamed(word)
          })
        else { break }
        split.remove(next.index)
        stack.append(subcommand)
      }

      if let request = builtInRequest(in: split, commandStack: stack) { return request }
      if split.containsNonTerminatorArguments {
        for element in split.elements {
          if case .option(let parsed) = element.value { throw .unknownOption(parsed.name) }
        }
        throw .unexpectedExtraValues(split.coalescedExtraElements())
      }
    } catch {
      return .failure(arguments.isEmpty ? .noArguments(error) : error, commandStack: stack)
    }

    let invocation = Invocation(commandStack: stack, valuesByCommand: valuesByCommand)
    if invocation.command.isBuiltInHelp {
      return .help(commandStack: commandStack(for: invocation.values.strings("subcommands")))
    }
    return .run(invocation)
  }

  /// The commands named by `names` from the root, stopping at the first unknown name (so
  /// `salary help bogus` is the root's help).
  public func commandStack(for names: [String]) -> [CommandSpec] {
    var stack = [root]
    for name in names {
      let children = stack[stack.count - 1].children(isRoot: stack.count == 1)
      guard let child = children.first(where: { $0.isNamed(name) }) else { break }
      stack.append(child)
    }
    return stack
  }

  /// `--generate-completion-script <shell>` anywhere on the line, as upstream looks for it
  /// before any command parses: the script of the whole tree, or an unsupported shell.
  private func completionScriptRequest(in split: SplitArguments, shellPath: String?)
    -> ParseOutcome?
  {
    guard
      let position = split.elements.firstIndex(where: { element in
        guard case .option(let parsed) = element.value else { return false }
        return parsed.name == Self.completionScriptOption
      }), case .option(let parsed) = split.elements[position].value
    else { return nil }
    var name = parsed.value
    if name == nil, position + 1 < split.elements.count,
      case .value(let next) = split.elements[position + 1].value
    {
      name = next
    }
    if let name {
      guard let shell = CompletionShell(rawValue: name) else {
        return .failure(.unsupportedShell(name), commandStack: [root])
      }
      return .completionScript(shell, commandStack: [root])
    }
    guard let shell = shellPath.flatMap(CompletionShell.init(path:)) else {
      return .failure(.unsupportedShell(nil), commandStack: [root])
    }
    return .completionScript(shell, commandStack: [root])
  }

  /// `-h`/`--help` (help), `--experimental-dump-help` or `--version` among the remaining
  /// options, in that order.
  private func builtInRequest(
    in split: SplitArguments, commandStack: [CommandSpec]
  ) -> ParseOutcome? {
    if split.containsOption(named: HelpNames.helpFlags(for: commandStack)) {
      return .help(commandStack: commandStack)
    }
    if split.containsOption(named: [Self.dumpHelpFlag]) {
      return .dumpHelp(commandStack: commandStack)
    }
    if let version = HelpNames.version(for: commandStack),
      split.containsOption(named: [HelpNames.versionFlag])
    {
      return .version(version)
    }
    return nil
  }
}
