import Foundation
import SalaryCSV
import Testing

@testable import SalaryCLI

/// The README's "JSON for scripts" section against what the commands print: every member
/// of every golden document is documented under its schema, nothing documented is
/// missing from the output, and CSV columns are the JSON lines' members in order.
@Suite struct ReadmeContractTests {
  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../README.md").standardized.path

  /// The first-column names of each `#### ` section's table, keyed by its heading's
  /// first backticked name (`salary.estimate/1`) or its text (`The profile block`).
  static func documentedFields() throws -> [String: Set<String>] {
    let text = try String(contentsOfFile: readme, encoding: .utf8)
    var sections: [String: Set<String>] = [:]
    var current: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("#### ") {
        let heading = line.dropFirst(5)
        let pieces = heading.split(separator: "`", omittingEmptySubsequences: false)
        current = pieces.count > 1 ? String(pieces[1]) : String(heading)
        sections[current!] = []
      } else if line.hasPrefix("## ") {
        current = nil
      } else if let section = current, line.hasPrefix("| `") {
        let cell = line.dropFirst(2).prefix { $0 != "|" }
        for (index, piece) in cell.split(separator: "`", omittingEmptySubsequences: false)
          .enumerated() where index % 2 == 1
        {
          sections[section, default: []].insert(String(piece))
        }
      }
    }
    return sections
  }

  /// Every member's dotted path (array elements share their array's path), with whether
  /// it holds a value (not null, not an empty array).
  static func paths(_ value: Any, _ prefix: String = "", into result: inout [String: Bool]) {
    if let object = value as? [String: Any] {
      for (key, member) in object {
        let path = prefix + key
        let present = !(member is NSNull) && !((member as? [Any])?.isEmpty ?? false)
        result[path] = (result[path] ?? false) || present
        paths(member, path + ".", into: &result)
      }
    } else if let array = value as? [Any] {
      for element in array { paths(element, prefix, into: &result) }
    }
  }

  static func golden(_ name: String) throws -> Any {
    let path = GoldenOutputTests.folder + "/" + name
    let text = try String(contentsOfFile: path, encoding: .utf8)
    if name.hasSuffix(".jsonl") {
      return try text.split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8))
      }
    }
    return try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  /// The documented schemas and the golden documents that show each.
  static let schemas: [(schema: String, golden: String)] = [
    ("salary.estimate/1", "estimate.json"),
    ("salary.estimate.workforce/1", "estimate.workforce.json"),
    ("salary.estimate.batch/1", "estimate.batch.jsonl"),
    ("salary.offer/1", "offer.json"),
    ("salary.project/1", "project.json"),
    ("salary.compare/1", "compare.json"),
    ("salary.export/1", "export.jsonl"),
    ("salary.data.<topic>/1", "data.check.json"),
  ]

  @Test func everyMemberIsDocumentedAndEveryDocumentedMemberExists() throws {
    let documented = try Self.documentedFields()
    var profile: [String: Bool] = [:]
    for (schema, name) in Self.schemas {
      var found: [String: Bool] = [:]
      Self.paths(try Self.golden(name), into: &found)
      found["schema"] = nil
      // The profile block and an offer's estimate are documented once, in their own place.
      for path in found.keys {
        if let range = path.range(of: "profile.") {
          profile[String(path[range.lowerBound...])] = found[path]
          found[path] = nil
        } else if path.hasPrefix("offers.estimate.") {
          found[path] = nil
        }
      }
      let fields = try #require(documented[schema], "README has no section for \(schema)")
      let missing = Set(found.keys).subtracting(fields)
      #expect(missing.isEmpty, "\(schema): not in the README: \(missing.sorted())")
      // A documented member the golden lacks must sit under one the golden leaves empty.
      let extra = fields.subtracting(found.keys).filter { field in
        let parent = field.split(separator: ".").dropLast().joined(separator: ".")
        return parent.isEmpty || found[parent] != false
      }
      #expect(extra.isEmpty, "\(schema): documented but not printed: \(extra.sorted())")
    }
    let block = try #require(documented["The profile block"])
    #expect(block == Set(profile.keys), "\(block.symmetricDifference(profile.keys).sorted())")
  }

  /// CSV columns are JSON's member names in order, so one name serves both.
  @Test(arguments: GoldenOutputTests.jsonLinesCases)
  func csvColumnsAreTheJSONLinesMembers(_ golden: GoldenOutputTests.Case) throws {
    let csv = salary(golden.arguments + ["--format", "csv"])
    let header = try #require(try CSVReader.readRecords(from: Array(csv.stdout.utf8)).first)
    let first = salary(golden.arguments + ["--format", "jsonl"]).stdout.split(separator: "\n")[0]
    let keys = try Self.keysInOrder(String(first))
    #expect(["schema"] + header.fields == keys)
  }

  /// A data listing's rows carry the CSV header's names, in order.
  @Test(arguments: GoldenOutputTests.dataTopics)
  func dataRowsAreTheCSVColumns(_ topic: String) throws {
    let csv = salary("data", topic, "--format", "csv")
    let header = try #require(try CSVReader.readRecords(from: Array(csv.stdout.utf8)).first)
    let first = salary("data", topic, "--format", "jsonl").stdout.split(separator: "\n")[0]
    #expect(["schema"] + header.fields == (try Self.keysInOrder(String(first))))
    // The README names every topic in its one line of them.
    let readme = try String(contentsOfFile: Self.readme, encoding: .utf8)
    let topics = try #require(
      readme.split(separator: "\n").first { $0.hasPrefix("`salary data sources|") })
    #expect(
      topics.dropFirst("`salary data ".count).prefix { $0 != " " }.split(separator: "|").contains(
        Substring(topic)))
  }

  /// The README's command reference: each command's arguments and options, groups
  /// expanded, are those its `--help` lists (besides `--help` and `--version`).
  @Test func theCommandReferenceListsWhatHelpLists() throws {
    let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
    let section = try #require(
      text.components(separatedBy: "## Command reference").dropFirst().first?
        .components(separatedBy: "\n## ").first)
    func names(_ text: Substring) -> [String] {
      text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
    var groups: [String: [String]] = [:]
    var group: String?  // the group whose bullet, wrapped over lines, is being read
    var commands: [(String, arguments: [String], options: [String])] = []
    for line in section.split(separator: "\n") {
      var rest = line
      if line.hasPrefix("- *"), let end = line.dropFirst(3).firstIndex(of: "*") {
        group = String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        rest = line[end...]
      } else if !line.hasPrefix("  ") {
        group = nil
      }
      if let group {
        groups[group, default: []] += names(rest).filter { $0.hasPrefix("--") }
          .map { String($0.prefix { $0 != " " }) }
        continue
      }
      guard line.hasPrefix("| `salary ") else { continue }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let options = cells[3].split(separator: ",").flatMap { item -> [String] in
        let item = item.trimmingCharacters(in: .whitespaces)
        if item.hasPrefix("*") {
          return groups[item.trimmingCharacters(in: .init(charactersIn: "*"))] ?? ["?" + item]
        }
        return names(Substring(item))
      }
      let arguments = names(Substring(cells[2])).flatMap {
        $0.split(separator: " ").map(String.init)
      }
      let named = names(Substring(cells[1]))
      let first = named[0].split(separator: " ").map(String.init)
      commands.append((named[0], arguments, options))
      for more in named.dropFirst() {
        commands.append(((first.dropLast() + [more]).joined(separator: " "), arguments, options))
      }
    }
    #expect(commands.count == 17)
    for (command, arguments, options) in commands {
      let words = Array(command.split(separator: " ").dropFirst().map(String.init))
      let help = salary(words + ["--help"]).stdout
      let listed = help.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("  -") else { return nil }
        let name = line.split(separator: " ").first { $0.hasPrefix("--") }
        return name.map { String($0.prefix { $0 != "/" }) }
      }.filter { $0 != "--help" && $0 != "--version" }
      #expect(
        Set(listed) == Set(options),
        "\(command): \(Set(listed).symmetricDifference(options).sorted())")
      let usage = help.split(separator: "\n").first { $0.hasPrefix("USAGE: ") } ?? ""
      for argument in arguments { #expect(usage.contains(argument), "\(command): \(argument)") }
    }
  }

  /// The member names of a one-line JSON object in the order written.
  static func keysInOrder(_ line: String) throws -> [String] {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    // JSONSerialization loses order: find each key's place in the text.
    return object.keys.sorted {
      line.range(of: "\"\($0)\":")!.lowerBound < line.range(of: "\"\($1)\":")!.lowerBound
    }
  }
}
