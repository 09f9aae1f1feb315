import SalaryCSV
import SalaryCore
import SalaryData

/// One career to project: a name and the `project` options that describe it.
struct Scenario {
  var name: String
  /// The options, as a command line: `["--location", "seattle"]`.
  var arguments: [String]
  /// Where it came from, for error messages: `scenarios.csv:3` or `--scenario 2`.
  var origin: String
}

/// Scenario files: a spreadsheet with one scenario a row and the `project` options as
/// columns (`name, experience, location, salary, path, ...`). An empty cell leaves an option
/// out; options that repeat (`promotion`, `fx`) take several values separated by `;`.
enum ScenarioFile {
  /// Every column a scenario file may have, in the order `--template` writes them.
  static var columns: [String] { ["name"] + ProjectOptions.all.map(\.key) }

  static let repeating: Set<String> = Set(ProjectOptions.all.filter(\.isRepeating).map(\.key))

  /// Reads the scenarios of a file.
  ///
  /// - Throws: ``ValidationError`` naming the file, line and column of the first problem.
  static func read(path: String) throws -> [Scenario] {
    let bytes: [UInt8]
    do {
      bytes = try LocalFile.read(path)
    } catch {
      throw CommandFailure("Cannot read the scenarios file '\(path)': \(error.reason).")
    }
    return try parse(bytes, name: path)
  }

  static func parse(_ bytes: [UInt8], name: String) throws -> [Scenario] {
    let records: [CSVRecord]
    do {
      records = try CSVReader.readRecords(from: bytes)
    } catch {
      throw ValidationError("\(error.description(inFile: name))")
    }
    guard let header = records.first else {
      throw ValidationError(
        "\(name): empty file; expected a header row such as 'name,experience,location'.")
    }
    for (index, column) in header.fields.enumerated() where !columns.contains(column) {
      throw ValidationError(
        "\(name):\(header.line):\(header.columns[index]): unknown column '\(column)'."
          + didYouMean(suggestions(for: column, among: columns, limit: 1))
          + " 'salary export --template' writes every column.")
    }
    guard let nameIndex = header.fields.firstIndex(of: "name") else {
      throw ValidationError("\(name):\(header.line):1: missing column 'name'.")
    }
    var seen: [String: Int] = [:]
    return try records.dropFirst().map { record in
      let scenarioName = record.fields[nameIndex].trimmingSpaces
      guard !scenarioName.isEmpty else {
        throw ValidationError(
          "\(name):\(record.line):\(record.columns[nameIndex]): a scenario needs a name.")
      }
      if let first = seen[scenarioName] {
        throw ValidationError(
          "\(name):\(record.line):\(record.columns[nameIndex]): the name '\(scenarioName)' is "
            + "already used on line \(first).")
      }
      seen[scenarioName] = record.line
      var arguments: [String] = []
      for (index, column) in header.fields.enumerated() where column != "name" {
        let cell = record.fields[index].trimmingSpaces
        guard !cell.isEmpty else { continue }
        let values =
          repeating.contains(column)
          ? cell.split(separator: ";").map(\.trimmingSpaces).filter { !$0.isEmpty } : [cell]
        for value in values { arguments += ["--\(column)", value] }
      }
      return Scenario(name: scenarioName, arguments: arguments, origin: "\(name):\(record.line)")
    }
  }

  /// A scenario given on the command line as `name: options`.
  static func parse(inline text: String, index: Int) throws -> Scenario {
    guard let colon = text.firstIndex(of: ":") else {
      throw ValidationError(
        "The value '\(text)' is invalid for '--scenario <name: options>': write a name, a colon "
          + "and the options, such as \"move: --location seattle\"")
    }
    let name = text[..<colon].trimmingSpaces
    guard !name.isEmpty else {
      throw ValidationError(
        "The value '\(text)' is invalid for '--scenario <name: options>': the name is empty")
    }
    let arguments: [String]
    do {
      arguments = try shellWords(String(text[text.index(after: colon)...]))
    } catch {
      throw ValidationError(
        "The value '\(text)' is invalid for '--scenario <name: options>': \(error.reason)")
    }
    return Scenario(name: name, arguments: arguments, origin: "--scenario \(index)")
  }
}

/// Why a command line could not be split into words.
struct ShellWordsError: Error {
  var reason: String
}

/// Splits a command line into words as a shell would for plain options: spaces separate,
/// single or double quotes keep spaces, a backslash escapes the next character.
///
///     shellWords(#"--location "San Francisco" --salary 95k"#)
///     // ["--location", "San Francisco", "--salary", "95k"]
func shellWords(_ text: String) throws(ShellWordsError) -> [String] {
  var words: [String] = []
  var word = ""
  var inWord = false
  var quote: Character?
  var escaped = false
  for character in text {
    if escaped {
      word.append(character)
      escaped = false
      inWord = true
    } else if character == "\\" && quote != "'" {
      escaped = true
    } else if let open = quote {
      if character == open { quote = nil } else { word.append(character) }
    } else if character == "\"" || character == "'" {
      quote = character
      inWord = true
    } else if character == " " || character == "\t" {
      if inWord { words.append(word) }
      word = ""
      inWord = false
    } else {
      word.append(character)
      inWord = true
    }
  }
  if quote != nil { throw ShellWordsError(reason: "a quote is not closed") }
  if escaped { throw ShellWordsError(reason: "it ends with a lone backslash") }
  if inWord { words.append(word) }
  return words
}
