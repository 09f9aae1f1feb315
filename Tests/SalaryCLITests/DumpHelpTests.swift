// `salary --experimental-dump-help`: the checked-in golden, the shape of swift-argument-
// parser's ToolInfo, and Foundation's own encoding of it.

import Foundation
import Testing

@testable import SalaryCLI

/// The golden file of the root's dump. `SALARY_UPDATE_GOLDEN=1 swift test --filter DumpHelp`
/// rewrites it from the current tree.
private let goldenPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Goldens/dump-help.json").path

/// The keys each level of swift-argument-parser 1.8.2's ToolInfoV0 may have, from
/// `Sources/ArgumentParserToolInfo/ToolInfo.swift`, and those it always has.
private enum ToolInfoKeys {
  static let tool: Set<String> = ["serializationVersion", "command"]
  static let command: Set<String> = [
    "superCommands", "shouldDisplay", "commandName", "aliases", "abstract", "discussion",
    "defaultSubcommand", "subcommands", "arguments",
  ]
  static let requiredCommand: Set<String> = ["commandName", "shouldDisplay"]
  static let argument: Set<String> = [
    "kind", "shouldDisplay", "sectionTitle", "isOptional", "isRepeating", "parsingStrategy",
    "names", "preferredName", "valueName", "defaultValue", "allValues", "allValueDescriptions",
    "completionKind", "abstract", "discussion",
  ]
  static let requiredArgument: Set<String> = [
    "kind", "shouldDisplay", "isOptional", "isRepeating", "parsingStrategy",
  ]
  static let name: Set<String> = ["kind", "name"]
  static let nameKinds: Set<String> = ["long", "short", "longWithSingleDash"]
  static let argumentKinds: Set<String> = ["positional", "option", "flag"]
  static let strategies: Set<String> = [
    "default", "scanningForValue", "unconditional", "upToNextOption", "allRemainingInput",
    "postTerminator", "allUnrecognized",
  ]
  static let completionKinds: [String: Set<String>] = [
    "list": ["values"], "file": ["extensions"], "directory": [], "shellCommand": ["command"],
    "custom": [], "customAsync": [], "customDeprecated": [],
  ]
}

/// A Codable copy of upstream's ToolInfoV0, to decode the dump and encode it again with
/// Foundation: the same text back means the same fields, types and formatting.
private struct ToolInfoV0: Codable {
  var serializationVersion: Int
  var command: CommandInfoV0
}

private struct CommandInfoV0: Codable {
  var superCommands: [String]?
  var shouldDisplay: Bool
  var commandName: String
  var aliases: [String]?
  var abstract: String?
  var discussion: String?
  var defaultSubcommand: String?
  var subcommands: [CommandInfoV0]?
  var arguments: [ArgumentInfoV0]?
}

private struct ArgumentInfoV0: Codable {
  struct NameInfoV0: Codable {
    enum KindV0: String, Codable { case long, short, longWithSingleDash }
    var kind: KindV0
    var name: String
  }
  enum KindV0: String, Codable { case positional, option, flag }
  enum ParsingStrategyV0: String, Codable {
    case `default`, scanningForValue, unconditional, upToNextOption, allRemainingInput
    case postTerminator, allUnrecognized
  }
  enum CompletionKindV0: Codable {
    case list(values: [String])
    case file(extensions: [String])
    case directory
    case shellCommand(command: String)
    case custom
    case customAsync
  }
  var kind: KindV0
  var shouldDisplay: Bool
  var sectionTitle: String?
  var isOptional: Bool
  var isRepeating: Bool
  var parsingStrategy: ParsingStrategyV0
  var names: [NameInfoV0]?
  var preferredName: NameInfoV0?
  var valueName: String?
  var defaultValue: String?
  var allValues: [String]?
  var allValueDescriptions: [String: String]?
  var completionKind: CompletionKindV0?
  var abstract: String?
  var discussion: String?
}

@Suite("Dump help of salary")
struct DumpHelpTests {
  /// The dump of the whole tree.
  private var dump: String {
    let result = salary("--experimental-dump-help")
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    return result.stdout
  }

  @Test("the whole tree matches the checked-in golden")
  func golden() throws {
    if ProcessInfo.processInfo.environment["SALARY_UPDATE_GOLDEN"] == "1" {
      try dump.write(toFile: goldenPath, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
    #expect(dump == expected)
  }

  @Test("every level has upstream's keys, with upstream's values")
  func shape() throws {
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
    #expect(Set(json.keys) == ToolInfoKeys.tool)
    #expect(json["serializationVersion"] as? Int == 0)
    var commands = 0
    var arguments = 0
    func check(command: [String: Any], path: [String]) throws {
      commands += 1
      let keys = Set(command.keys)
      #expect(keys.isSubset(of: ToolInfoKeys.command), "\(path): \(keys)")
      #expect(ToolInfoKeys.requiredCommand.isSubset(of: keys), "\(path)")
      let name = try #require(command["commandName"] as? String)
      #expect((command["superCommands"] as? [String] ?? []) == path)
      for argument in command["arguments"] as? [[String: Any]] ?? [] {
        arguments += 1
        let keys = Set(argument.keys)
        #expect(keys.isSubset(of: ToolInfoKeys.argument), "\(path + [name]): \(keys)")
        #expect(ToolInfoKeys.requiredArgument.isSubset(of: keys), "\(path + [name]): \(keys)")
        #expect(ToolInfoKeys.argumentKinds.contains(argument["kind"] as? String ?? ""))
        #expect(ToolInfoKeys.strategies.contains(argument["parsingStrategy"] as? String ?? ""))
        let names =
          (argument["names"] as? [[String: Any]] ?? [])
          + [argument["preferredName"] as? [String: Any]].compactMap { $0 }
        for name in names {
          #expect(Set(name.keys) == ToolInfoKeys.name)
          #expect(ToolInfoKeys.nameKinds.contains(name["kind"] as? String ?? ""))
        }
        #expect((argument["kind"] as? String == "positional") == (argument["names"] == nil))
        if let completion = argument["completionKind"] as? [String: Any] {
          #expect(completion.count == 1)
          let (kind, value) = try #require(completion.first)
          let fields = try #require(ToolInfoKeys.completionKinds[kind], "\(kind)")
          #expect(Set((value as? [String: Any] ?? [:]).keys) == fields)
        }
      }
      for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
        try check(command: subcommand, path: path + [name])
      }
    }
    try check(command: try #require(json["command"] as? [String: Any]), path: [])
    #expect(commands == 20)
    #expect(arguments > 200)
  }

  @Test("Foundation decodes it as upstream's model and encodes the same text")
  func foundationRoundTrip() throws {
    let text = dump
    let decoded = try JSONDecoder().decode(ToolInfoV0.self, from: Data(text.utf8))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let encoded = String(decoding: try encoder.encode(decoded), as: UTF8.self)
    #expect(encoded + "\n" == text)
  }

  @Test("the places, levels and formats are offered, and files where a file is expected")
  func completionKinds() throws {
    let text = dump
    let decoded = try JSONDecoder().decode(ToolInfoV0.self, from: Data(text.utf8))
    let estimate = try #require(
      decoded.command.subcommands?.first { $0.commandName == "estimate" })
    func argument(_ name: String) throws -> ArgumentInfoV0 {
      try #require(estimate.arguments?.first { $0.preferredName?.name == name })
    }
    guard case .list(let places) = try argument("location").completionKind else {
      Issue.record("no places")
      return
    }
    #expect(places.contains("san-francisco") && places.contains("remote"))
    guard case .list(let formats) = try argument("format").completionKind else {
      Issue.record("no formats")
      return
    }
    #expect(formats == ["table", "json", "jsonl", "csv", "xlsx"])
    guard case .file(let extensions) = try argument("out").completionKind else {
      Issue.record("no file")
      return
    }
    #expect(extensions == ["csv", "xlsx", "json", "jsonl"])
    guard case .directory = try argument("data").completionKind else {
      Issue.record("no folder")
      return
    }
  }
}
