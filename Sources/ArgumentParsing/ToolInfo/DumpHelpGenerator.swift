// `--experimental-dump-help`: the command tree as swift-argument-parser's ToolInfo JSON.

/// Writes a ``ToolInfo`` as the JSON swift-argument-parser's `--experimental-dump-help`
/// prints: the keys of `ToolInfoV0`, `CommandInfoV0` and `ArgumentInfoV0`, sorted, with the
/// absent ones left out, pretty-printed as Foundation's `JSONEncoder` does.
public struct DumpHelpGenerator {
  /// The description to write.
  public var toolInfo: ToolInfo

  /// A generator for the last command of `commandStack` and those below it.
  public init(commandStack: [CommandSpec]) {
    toolInfo = ToolInfo(commandStack: commandStack)
  }

  /// The JSON text, without a final line break.
  public func rendered() -> String {
    JSONText.object([
      "serializationVersion": .integer(toolInfo.serializationVersion),
      "command": toolInfo.command.json,
    ]).rendered()
  }
}

extension CommandInfo {
  /// The command as upstream's `CommandInfoV0` encodes.
  fileprivate var json: JSONText {
    var members: [String: JSONText] = [
      "commandName": .string(commandName), "shouldDisplay": .bool(shouldDisplay),
    ]
    members["superCommands"] = superCommands.map { .array($0.map(JSONText.string)) }
    members["aliases"] = aliases.map { .array($0.map(JSONText.string)) }
    members["abstract"] = abstract.map(JSONText.string)
    members["discussion"] = discussion.map(JSONText.string)
    members["defaultSubcommand"] = defaultSubcommand.map(JSONText.string)
    members["subcommands"] = subcommands.map { .array($0.map(\.json)) }
    members["arguments"] = arguments.map { .array($0.map(\.json)) }
    return .object(members)
  }
}

extension ArgumentInfo {
  /// The argument as upstream's `ArgumentInfoV0` encodes.
  fileprivate var json: JSONText {
    var members: [String: JSONText] = [
      "kind": .string(kind.rawValue), "shouldDisplay": .bool(shouldDisplay),
      "isOptional": .bool(isOptional), "isRepeating": .bool(isRepeating),
      "parsingStrategy": .string(parsingStrategy),
    ]
    members["sectionTitle"] = sectionTitle.map(JSONText.string)
    members["names"] = names.map { .array($0.map(\.json)) }
    members["preferredName"] = preferredName?.json
    members["valueName"] = valueName.map(JSONText.string)
    members["defaultValue"] = defaultValue.map(JSONText.string)
    members["allValues"] = allValues.map { .array($0.map(JSONText.string)) }
    members["completionKind"] = completionKind?.json
    members["abstract"] = abstract.map(JSONText.string)
    members["discussion"] = discussion.map(JSONText.string)
    return .object(members)
  }
}

extension ArgumentInfo.NameInfo {
  /// The name as upstream's `NameInfoV0` encodes.
  fileprivate var json: JSONText {
    .object(["kind": .string(kind), "name": .string(name)])
  }
}

extension ArgumentInfo.Completion {
  /// The kind as Swift's synthesised `Codable` encodes upstream's `CompletionKindV0`: the
  /// case name holding an object of its labelled values.
  fileprivate var json: JSONText {
    func strings(_ values: [String]) -> JSONText { .array(values.map(JSONText.string)) }
    switch self {
    case .list(let values): return .object(["list": .object(["values": strings(values)])])
    case .file(let extensions):
      return .object(["file": .object(["extensions": strings(extensions)])])
    case .directory: return .object(["directory": .object([:])])
    case .shellCommand(let command):
      return .object(["shellCommand": .object(["command": .string(command)])])
    }
  }
}
