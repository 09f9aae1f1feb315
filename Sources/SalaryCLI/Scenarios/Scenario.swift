import ArgumentParsing
import SalaryCSV
import SalaryCore
import SalaryData

/// One career to project: a name and the `project` options that describe it.
struct Scenario {
  var name: String
  /// The options, as a command line: `["--location", "seattle"]`. Empty for a file's row,
  /// whose options are in ``options``.
  var arguments: [String]
  /// A file's row: its options by key, one entry per value, in column order. They need no
  /// command-line parsing, only each value's check.
  var options: [(key: String, value: String)]?
  /// Where it came from, for error messages: `scenarios.csv:3` or `--scenario 2`.
  var origin: String
  /// For a file's row, the column number of each option, so an error can point at its cell.
  var columns: [String: Int] = [:]
}

/// Scenario files: a spreadsheet with one scenario a row and the `project` options as
/// columns (`name, experience, location, salary, path, ...`). An empty cell leaves an option
/// out; options that repeat (`promotion`, `fx`) take several values separated by `;`.
enum ScenarioFile {
  /// The scenarios file of `compare` and `export`.
  static let argument = ArgumentSpec.positional(
    "file",
    help: "A scenarios file: one scenario a row, the project options as columns; - reads "
      + "standard input.",
    isRequired: false, completion: CompletionLists.inputFile)

  /// Every column a scenario file may have, in the order `--template` writes them.
  static var columns: [String] { ["name"] + ProjectionArguments.all.map(\.key) }

  static let repeating: Set<String> = Set(ProjectionArguments.all.filter(\.isRepeating).map(\.key))

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
      throw ValidationError(error.description(inFile: name))
    }
    guard let header = records.first else { throw Layout.emptyFile(name) }
    let columns = try Layout(header: header, file: name)
    // Each row's name and line; a row without a name is a problem of its own.
    let named = records.dropFirst().compactMap { record in
      let name = record.fields[columns.nameIndex].trimmingSpaces
      return name.isEmpty ? nil : (hash: fnv1a64(name), line: record.line)
    }
    var names = NameLedger()
    for row in named { names.add(hash: row.hash) }
    let repeated = names.repeated()
    var firstLines: [UInt64: Int] = [:]
    for row in named where repeated.contains(row.hash) && firstLines[row.hash] == nil {
      firstLines[row.hash] = row.line
    }
    let layout = try Layout(header: header, file: name, repeatedNames: firstLines)
    return try records.dropFirst().map { try layout.scenario($0) }
  }

  /// What a first reading of a scenarios file found.
  struct Survey {
    /// The names used more than once, by their hash, with the line each is first used on,
    /// for ``stream(_:repeatedNames:_:)`` and ``Layout``.
    var repeatedNames: [UInt64: Int]
    /// Whether a row failed `check`, or had a problem of its own (no name).
    var hasRowProblem: Bool
  }

  /// Reads a scenarios file once, before ``stream(_:repeatedNames:_:)``: notes the names
  /// used more than once (reading the names again to find where each is first used, when
  /// there are any) and, with `check`, whether any row fails it.
  ///
  /// - Throws: as ``stream(_:repeatedNames:_:)``, for what is wrong with the file as a
  ///   whole (unreadable, CSV syntax, a bad header).
  static func survey(
    _ input: ReplayableInput, checking check: ((Scenario) throws -> Void)? = nil
  ) throws -> Survey {
    var names = NameLedger()
    /// The ledger moved out of the variable the readers' closures captured, so that
    /// finding the repeats sorts its hashes in place rather than a copy of them (8 MB a
    /// million names).
    func repeated() -> Set<UInt64> {
      var ledger = NameLedger()
      swap(&ledger, &names)
      return ledger.repeated()
    }
    guard let check else {
      try forEachName(input) { name, _ in names.add(name) }
      return Survey(
        repeatedNames: try firstLines(of: repeated(), in: input), hasRowProblem: false)
    }
    var hasRowProblem = false
    try stream(input, repeatedNames: nil) { result, _ in
      switch result {
      case .success(let scenario):
        names.add(scenario.name)
        guard !hasRowProblem else { return }
        do { try check(scenario) } catch { hasRowProblem = true }
      case .failure:
        hasRowProblem = true
      }
    }
    return Survey(
      repeatedNames: try firstLines(of: repeated(), in: input), hasRowProblem: hasRowProblem)
  }

  /// Each scenario's trimmed name and line, read straight from the records: no scenario
  /// made.
  ///
  /// - Throws: an empty file or a bad header, and what ``read(_:_:)`` throws.
  private static func forEachName(
    _ input: ReplayableInput, _ body: (String, _ line: Int) throws -> Void
  ) throws {
    var nameIndex: Int?
    try read(input) { record, _ in
      guard let index = nameIndex else {
        nameIndex = try Layout(header: CSVRecord(record), file: input.path).nameIndex
        return
      }
      guard index < record.count else { return }
      // A row without a name is a problem of its own, never a name used twice.
      let name = record.string(at: index).trimmingSpaces
      if !name.isEmpty { try body(name, record.line) }
    }
    if nameIndex == nil { throw Layout.emptyFile(input.path) }
  }

  /// The line each of the `repeated` names (by hash) is first used on: another reading of
  /// the names, only when some are repeated.
  private static func firstLines(of repeated: Set<UInt64>, in input: ReplayableInput) throws
    -> [UInt64: Int]
  {
    var lines: [UInt64: Int] = [:]
    guard !repeated.isEmpty else { return lines }
    try forEachName(input) { name, line in
      let key = fnv1a64(name)
      if repeated.contains(key) && lines[key] == nil { lines[key] = line }
    }
    return lines
  }

  /// Streams the scenarios of a file in constant memory: `body` gets each row's scenario,
  /// or the row's problem (a ``ValidationError`` naming its line), in file order.
  ///
  /// - Parameter repeatedNames: The names a ``survey(_:checking:)`` found more than once:
  ///   the second row of each is a problem. Nil reads no name as repeated.
  /// - Throws: for an unreadable file, a CSV syntax error or a bad header; what `body` throws.
  static func stream(
    _ input: ReplayableInput, repeatedNames: [UInt64: Int]?,
    _ body: (Result<Scenario, ValidationError>, _ fraction: Double?) throws -> Void
  ) throws {
    let path = input.path
    let size = input.size
    var layout: Layout?
    var consumed = 0
    func handle(_ record: borrowing CSVRecordView) throws {
      let record = CSVRecord(record)
      guard layout != nil else {
        layout = try Layout(header: record, file: path, repeatedNames: repeatedNames ?? [:])
        return
      }
      let fraction = size.map { Double(consumed) / Double(max(1, $0)) }
      let result: Result<Scenario, ValidationError>
      do {
        result = .success(try layout!.scenario(record))
      } catch let error as ValidationError where error.isRowProblem {
        result = .failure(error)
      }
      try body(result, fraction)
    }
    try read(input) { record, read in
      consumed = read
      try handle(record)
    }
    if layout == nil { throw Layout.emptyFile(path) }
  }

  /// Every record of the input in turn, with the bytes read so far, and a scenarios
  /// file's messages for what is wrong with the file itself.
  private static func read(
    _ input: ReplayableInput, _ body: (borrowing CSVRecordView, _ consumed: Int) throws -> Void
  ) throws {
    var reader = CSVReader()
    var consumed = 0
    try reportingFileErrors(of: input.path) {
      try input.forEachChunk { chunk in
        consumed += chunk.count
        try reader.parse(chunk) { try body($0, consumed) }
      }
      try reader.finish { try body($0, consumed) }
    }
  }

  /// What `body` gives, with a scenarios file's messages for what is wrong with the file
  /// at `path` itself (see ``reportingInputErrors(of:named:_:)``).
  static func reportingFileErrors<Value>(of path: String, _ body: () throws -> Value) throws
    -> Value
  {
    try reportingInputErrors(of: path, named: "the scenarios file", body)
  }

  /// A checked header: which column is the name and which hold options.
  struct Layout {
    var file: String
    var header: [String]
    var nameIndex: Int
    /// The names a first reading found more than once (see ``NameLedger``), by hash, with
    /// the line each is first used on: a row of such a name on another line is a problem,
    /// whatever thread reads it.
    private let repeatedNames: [UInt64: Int]
    /// Whether the file uses some name more than once.
    var hasRepeatedNames: Bool { !repeatedNames.isEmpty }

    init(header record: CSVRecord, file: String, repeatedNames: [UInt64: Int] = [:]) throws {
      for (index, column) in record.fields.enumerated() where !columns.contains(column) {
        throw ValidationError(
          "\(file):\(record.line):\(record.columns[index]): unknown column '\(column)'."
            + didYouMean(suggestions(for: column, among: columns, limit: 1))
            + " 'salary export --template' writes every column.")
      }
      if let (first, again) = firstRepeat(in: record.fields) {
        throw ValidationError(
          "\(file):\(record.line):\(record.columns[again]): the column '\(record.fields[again])' "
            + "is already at column \(record.columns[first]); give each column once.")
      }
      guard let nameIndex = record.fields.firstIndex(of: "name") else {
        throw ValidationError("\(file):\(record.line):1: missing column 'name'.")
      }
      self.file = file
      self.header = record.fields
      self.nameIndex = nameIndex
      self.repeatedNames = repeatedNames
    }

    static func emptyFile(_ file: String) -> ValidationError {
      ValidationError(
        "\(file): empty file; expected a header row such as 'name,experience,location'.")
    }

    /// The scenario of a row, or a row problem naming its line and column.
    func scenario(_ record: CSVRecord) throws -> Scenario {
      let scenarioName = record.fields[nameIndex].trimmingSpaces
      guard !scenarioName.isEmpty else {
        throw ValidationError(
          "\(file):\(record.line):\(record.columns[nameIndex]): a scenario needs a name.",
          isRowProblem: true)
      }
      if !repeatedNames.isEmpty, let first = repeatedNames[fnv1a64(scenarioName)],
        first != record.line
      {
        throw ValidationError(
          "\(file):\(record.line):\(record.columns[nameIndex]): the name "
            + "'\(scenarioName.echoed)' is already used on line \(first).", isRowProblem: true)
      }
      var options: [(key: String, value: String)] = []
      var columns: [String: Int] = [:]
      for (index, column) in header.enumerated() where column != "name" {
        let cell = record.fields[index].trimmingSpaces
        guard !cell.isEmpty else { continue }
        columns[column] = record.columns[index]
        let values =
          repeating.contains(column)
          ? cell.split(separator: ";").map(\.trimmingSpaces).filter { !$0.isEmpty } : [cell]
        for value in values { options.append((column, value)) }
      }
      return Scenario(
        name: scenarioName, arguments: [], options: options, origin: "\(file):\(record.line)",
        columns: columns)
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
    return Scenario(
      name: name, arguments: arguments, options: nil, origin: "--scenario \(index)")
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

/// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes: stable across runs, unlike `Hasher`.
func fnv1a64(_ text: String) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash &*= 0x0000_0100_0000_01b3
  }
  return hash
}
