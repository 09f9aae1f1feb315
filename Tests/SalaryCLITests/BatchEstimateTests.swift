import ArgumentParsing
import Foundation
import SalaryCSV
import SalaryCore
import Testing
import _TestSupport

@testable import SalaryCLI

private func records(_ text: String) throws -> [[String]] {
  try CSVReader.readRecords(from: Array(text.utf8)).map(\.fields)
}

/// `salary estimate --batch`.
@Suite struct BatchEstimateTests {
  /// Profiles covering every column, each also given to `salary estimate` alone.
  static let profiles: [(row: [String: String], options: [String])] = [
    (["experience": "4", "location": "austin"], ["-e", "4", "--location", "austin"]),
    (["level": "senior", "location": "seattle"], ["--level", "senior", "--location", "seattle"]),
    (["experience": "0.5", "location": "remote"], ["-e", "0.5", "--location", "remote"]),
    (
      ["experience": "6", "location": "germany", "currency": "EUR"],
      ["-e", "6", "--location", "germany", "--currency", "EUR"]
    ),
    (
      ["experience": "3", "specialization": "distributed-systems"],
      ["-e", "3", "--specialization", "distributed-systems"]
    ),
    (["experience": "2", "premium": "5%..15%"], ["-e", "2", "--premium", "5%..15%"]),
    (["experience": "1", "source": "cbt-nuggets"], ["-e", "1", "--source", "cbt-nuggets"]),
    (["experience": "45"], ["-e", "45"]),
    (
      ["level": "Staff", "location": "Austin, TX"],
      ["--level", "Staff", "--location", "Austin, TX"]
    ),
  ]

  static let columns = BatchEstimate.inputColumns

  /// Names that need the writer's care: quoting, doubled quotes, formula neutralisation,
  /// trimming, non-ASCII text.
  static let names = [
    "Smith, Ann", "say \"hi\"", "=HYPERLINK(\"x\")", "-5", "@home", "\u{FF1D}1", "  padded  ",
    "", "Zoë 東京",
  ]

  /// A CSV file of `rows`, every cell quoted (quotes doubled), names from ``names``.
  static func file(_ rows: [[String: String]], columns: [String] = columns) -> String {
    var text = columns.joined(separator: ",") + "\r\n"
    for (index, row) in rows.enumerated() {
      let cells = columns.map { column in
        let value = column == "name" ? names[index % names.count] : row[column] ?? ""
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      text += cells.joined(separator: ",") + "\r\n"
    }
    return text
  }

  /// The fields of a CSV line as written, quotes and all.
  static func rawFields(_ line: Substring) -> [Substring] {
    var fields: [Substring] = []
    var start = line.startIndex
    var quoted = false
    for index in line.indices {
      if line[index] == "\"" { quoted.toggle() }
      if line[index] == "," && !quoted {
        fields.append(line[start..<index])
        start = line.index(after: index)
      }
    }
    fields.append(line[start...])
    return fields
  }

  /// The lines of CSV text without their CRLF, splitting only outside quotes.
  static func rawLines(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    var start = text.startIndex
    var quoted = false
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "\"" { quoted.toggle() }
      if text[index] == "\r\n" && !quoted {
        lines.append(text[start..<index])
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    return lines
  }

  /// A batch row has exactly the bytes of `salary estimate --format csv` for its profile, in
  /// the columns they share, and its name as the writer writes text.
  @Test func eachRowMatchesTheSingleEstimate() throws {
    let folder = try temporaryFolder(["profiles.csv": Self.file(Self.profiles.map(\.row))])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let batch = salary("estimate", "--batch", folder + "/profiles.csv")
    #expect(batch.status == 0 && batch.stderr == "", "\(batch)")
    let lines = Self.rawLines(batch.stdout)
    #expect(try records(batch.stdout)[0] == BatchEstimate.outputHeader)
    #expect(lines.count == 1 + Self.profiles.count)
    let shared = BatchEstimate.outputHeader.count - 2
    for (index, profile) in Self.profiles.enumerated() {
      let single = salary(["estimate", "--format", "csv"] + profile.options)
      #expect(single.status == 0, "\(single)")
      let singleLines = Self.rawLines(single.stdout)
      #expect(
        Array(Self.rawFields(singleLines[0]).prefix(shared))
          == Array(Self.rawFields(lines[0]).dropFirst(2)))
      let row = Self.rawFields(lines[index + 1])
      #expect(row[0] == "\(index + 1)")
      var writer = CSVWriter()
      var name: [UInt8] = []
      let given = Self.names[index % Self.names.count].trimmingCharacters(in: [" "])
      if given.isEmpty {
        writer.appendEmpty(into: &name)
      } else {
        writer.appendText(given, into: &name)
      }
      #expect(row[1] == String(decoding: name, as: UTF8.self)[...], "name \(given)")
      #expect(
        Array(row.dropFirst(2)) == Array(Self.rawFields(singleLines[1]).prefix(shared)),
        "\(profile.options)")
    }
  }

  /// Cells to draw rows from: valid values in several spellings, and what the fast path must
  /// leave to the careful one (bad values, numbers it does not parse itself, spaces beside
  /// non-ASCII characters, which trimming by characters keeps).
  static let cellPools: [String: [String]] = [
    "name": names + [" \u{301}x", "x\u{600} ", "   ", "\tTab", "+1"],
    "experience": [
      "4", "12.5", "0", "0.0", "60", "60.0", "3.25", "0.125", " 4 ", "007", "17.5", "45",
      "60.01", "61", "-1", "abc", "5.", ".5", "1e1", "+5", "nan", "inf",
      "0.1234567890123456789", "123456789012345678", "",
    ],
    "level": ["", "", "", "senior", "Senior", "junior", " mid ", "staff", "boss"],
    "location": [
      "", "austin", "Austin, TX", "seattle", "seatle", "remote", "germany", "sf", " denver ",
      "Zürich", "cincinnati",
    ],
    "specialization": ["", "", "go", "distributed-systems", "basket weaving"],
    "premium": ["", "", "12%", "5%..15%", "-150%", "abc"],
    "source": ["", "", "", "himalayas", "cbt-nuggets", "nope"],
    "currency": ["", "", "EUR", "usd", "XYZ", "GBP"],
  ]

  /// The fast path writes the bytes of the careful one for every row it takes, and takes
  /// none that the careful one refuses.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func theFastPathWritesWhatTheCarefulOneWrites(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let model = PayModel(dataset: try CommandContext.fixed(width: 80).loadDataset(nil))
    var fastRows = 0
    var carefulRows = 0
    var refused = 0
    for _ in 0..<20 {
      var columns = Self.columns.filter { _ in Bool.random(using: &rng) }
      if !columns.contains("experience") && !columns.contains("level") {
        columns.append("experience")
      }
      var defaults: [String: String] = [:]
      for column in ["experience", "level", "location", "currency"]
      where Int.random(in: 0..<4, using: &rng) == 0 {
        defaults[column] = Self.cellPools[column]!.randomElement(using: &rng)!
      }
      var text = columns.joined(separator: ",") + "\r\n"
      for _ in 0..<60 {
        text +=
          columns.map { column in
            let value = Self.cellPools[column]!.randomElement(using: &rng)!
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
          }.joined(separator: ",") + "\r\n"
      }
      // Command-line values that do not parse (or conflict) stop a batch before its rows.
      var given = defaults
      given["fx"] = "GBP=1.25"
      guard let read = try? batchDefaults(given, model: model) else { continue }
      var estimator = BatchEstimate(markets: Markets(model: model), defaults: read, file: "f.csv")
      var fastWriter = CSVWriter()
      var carefulWriter = CSVWriter()
      var space = [UInt8](repeating: 0, count: 8_192)
      var layout: [String: Int]?
      var row = 0
      var outcomes: [(record: CSVRecord, fast: [UInt8]?, careful: Result<[UInt8], Error>)] = []
      // Each record as the reader hands it over: the fast path reads the view, the careful one
      // a copy.
      func handle(_ view: borrowing CSVRecordView) throws {
        let record = CSVRecord(view)
        guard let columns = layout else {
          layout = try estimator.layout(record)
          return
        }
        row += 1
        let fast = space.withUnsafeMutableBytes { space in
          estimator.encode(view, row: row, writer: &fastWriter, into: space).map {
            Array(space[..<$0])
          }
        }
        var careful: [UInt8] = []
        do {
          try estimator.write(record, layout: columns, row: row, to: &carefulWriter, &careful)
          carefulWriter.endRecord(into: &careful)
          outcomes.append((record, fast, .success(careful)))
        } catch {
          outcomes.append((record, fast, .failure(error)))
        }
      }
      var reader = CSVReader()
      try reader.parse(Array(text.utf8), onRecord: handle)
      try reader.finish(onRecord: handle)
      for (record, fast, careful) in outcomes {
        switch (fast, careful) {
        case (let fast?, .success(let careful)):
          fastRows += 1
          #expect(
            String(decoding: fast, as: UTF8.self) == String(decoding: careful, as: UTF8.self),
            "\(record.fields) with \(defaults)")
        case (_?, .failure(let error)):
          Issue.record("the fast path wrote a row that is refused: \(error)")
        case (nil, .success):
          carefulRows += 1
        case (nil, .failure):
          refused += 1
        }
      }
    }
    // Every path was taken, and the fast one took most rows that can be written (the cells
    // are chosen to be hard: most rows have a problem).
    #expect(
      fastRows > carefulRows && carefulRows > 0 && refused > 0,
      "\(fastRows) \(carefulRows) \(refused)")
  }

  /// Rows taken by the fast path are staged and handed out in blocks; rows left to the
  /// careful path (a bare `.5`, a space before a combining accent, a name longer than the
  /// staging room) go between them in order. The whole output is what the careful path
  /// alone writes.
  @Test func fastAndCarefulRowsInterleaveInOrder() throws {
    let profiles: [(name: String, experience: String, location: String)] = [
      ("a", "4", "austin"), ("b", ".5", "seattle"), (" \u{301}c", "12.5", "remote"),
      ("d", "30", ""), (String(repeating: "long name ", count: 600), "7", "germany"),
      ("=e", "0", "denver"),
    ]
    var text = "name,experience,location\r\n"
    for index in 0..<3_000 {
      let profile = profiles[index % profiles.count]
      text += "\"\(profile.name)\",\(profile.experience),\(profile.location)\r\n"
    }
    let folder = try temporaryFolder(["profiles.csv": text])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary("estimate", "--batch", folder + "/profiles.csv")
    #expect(run.status == 0 && run.stderr == "")

    let model = PayModel(dataset: try CommandContext.fixed(width: 80).loadDataset(nil))
    var estimator = BatchEstimate(
      markets: Markets(model: model), defaults: BatchDefaults(), file: "profiles.csv")
    var writer = CSVWriter()
    var expected: [UInt8] = []
    for key in BatchEstimate.outputHeader { writer.appendText(key, into: &expected) }
    writer.endRecord(into: &expected)
    let records = try CSVReader.readRecords(from: Array(text.utf8))
    let layout = try estimator.layout(records[0])
    for (row, record) in records.dropFirst().enumerated() {
      try estimator.write(record, layout: layout, row: row + 1, to: &writer, &expected)
      writer.endRecord(into: &expected)
    }
    #expect(run.stdout == String(decoding: expected, as: UTF8.self))
  }

  @Test func commandLineOptionsFillEmptyCells() throws {
    let folder = try temporaryFolder([
      "profiles.csv": "name,experience,location\r\na,4,\r\nb,4,seattle\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary(
      "estimate", "--batch", folder + "/profiles.csv", "--location", "cincinnati", "--currency",
      "EUR")
    #expect(run.status == 0, "\(run)")
    let rows = try records(run.stdout)
    #expect(rows.dropFirst().map { $0[5] } == ["cincinnati", "seattle"])
    #expect(rows.dropFirst().map { $0[8] } == ["EUR", "EUR"])
  }

  @Test func theLevelColumnAloneIsEnoughAndExperienceComesFromTheOption() throws {
    let folder = try temporaryFolder(["profiles.csv": "name,location\r\na,austin\r\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary("estimate", "--batch", folder + "/profiles.csv", "-e", "7")
    #expect(run.status == 0, "\(run)")
    #expect(try records(run.stdout)[1][2] == "7")
  }

  /// Experience beyond the curves is clamped, and the row says so in `experience_used`.
  @Test func experienceBeyondTheCurvesIsShownClamped() throws {
    let folder = try temporaryFolder(["profiles.csv": "experience\r\n45\r\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let row = try records(salary("estimate", "--batch", folder + "/profiles.csv").stdout)[1]
    #expect(row[2] == "45")
    #expect(Double(row[3])! < 45)
  }

  @Test func aBadRowStopsTheRunWithItsLineAndColumn() throws {
    let folder = try temporaryFolder([
      "profiles.csv": "name,experience,location\r\na,4,austin\r\nb,4,seatle\r\nc,4,denver\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let out = folder + "/ranges.csv"
    let run = salary("estimate", "--batch", folder + "/profiles.csv", "--out", out)
    #expect(run.status == 64 && run.stdout == "")
    #expect(
      run.stderr.hasPrefix(
        "Error: \(folder)/profiles.csv:3:5: the value 'seatle' is invalid for column "
          + "'location': unknown place. Did you mean 'Seattle, WA'?"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == ["profiles.csv"])
  }

  @Test func skippedRowsAreReportedAndCounted() throws {
    let folder = try temporaryFolder([
      "profiles.csv":
        "name,experience,level,location\r\na,4,,austin\r\nb,x,,austin\r\nc,,,austin\r\n"
        + "d,4,senior,austin\r\ne,,boss,austin\r\nf,2,,denver\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary("estimate", "--batch", folder + "/profiles.csv", "--skip-bad-rows")
    #expect(run.status == 0, "\(run)")
    let file = "\(folder)/profiles.csv"
    #expect(
      run.stderr.split(separator: "\n").map(String.init) == [
        "Skipped: \(file):3:3: the value 'x' is invalid for column 'experience': experience is "
          + "a number of years from 0 to 60",
        "Skipped: \(file):4: the row has no experience or level.",
        "Skipped: \(file):5: give experience or level, not both.",
        "Skipped: \(file):6:4: the value 'boss' is invalid for column 'level': unknown level. "
          + "Levels: junior, developer, mid, senior, lead, principal, staff, architect.",
        "Estimated 2 rows; skipped 4 bad rows.",
      ])
    // Row numbers count input rows, so a skipped row leaves a gap rather than renumbering.
    #expect(try records(run.stdout).dropFirst().map { $0[0] } == ["1", "6"])
  }

  @Test(arguments: [
    (
      "name,experiance\r\na,4\r\n",
      [String](),
      "profiles.csv:1:6: unknown column 'experiance'. Did you mean 'experience'?"
    ),
    (
      "name,location\r\na,austin\r\n", [],
      "profiles.csv:1:1: a batch needs an 'experience' or 'level' column"
    ),
    ("", [], "profiles.csv: empty file; expected a header row"),
    ("experience\r\n\"4\r\n", [], "profiles.csv:2:1: "),
    (
      "experience\r\n4\r\n", ["--format", "json"],
      #"{"error":{"message":"--batch writes a row a profile: give --format csv, jsonl or xlsx (default: csv).","flag":"--batch","exit_status":64}}"#
    ),
  ])
  func badInputSaysWhereAndWhat(_ text: String, _ options: [String], _ error: String) throws {
    let folder = try temporaryFolder(["profiles.csv": text])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary(["estimate", "--batch", folder + "/profiles.csv"] + options)
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    let expected =
      error.hasPrefix("{")
      ? error
      : error.hasPrefix("profiles.csv") ? "Error: \(folder)/\(error)" : "Error: \(error)"
    #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
  }

  @Test func aMissingFileIsAFailureNotAUsageError() {
    let run = salary("estimate", "--batch", "/nonexistent/profiles.csv")
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("Error: Cannot read '/nonexistent/profiles.csv': "))
  }
}

/// The batch's memo of figures: a market's fields for each distinct experience are worked
/// out once and copied after; the copy must be what working them out again would write.
@Suite struct BatchFigureMemoTests {
  @Test(arguments: [11, 12] as [UInt64])
  func memoizedFiguresEqualTheDirectlyComputedOnes(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let model = PayModel(dataset: try CommandContext.fixed(width: 80).loadDataset(nil))
    let senior = try ProfileArguments.level.convert("senior", model)
    for configuration in [
      CSVWriter.Configuration.rfc4180, .init(delimiter: ";", decimalSeparator: ","),
    ] {
      // A small limit on one seed, so that the memo forgets and makes fields again.
      var memo = FigureMemo(byteLimit: seed == 11 ? 8 << 20 : 2_000)
      var markets: [BatchEstimate.RowMarket] = []
      for place in ["austin", "germany"] {
        let market = try Market(
          model: model, spec: MarketSpec(place: try model.dataset.place(named: place)))
        let fields = try CSVEncodedFields(
          [.text(place), .empty, .text("USD")], configuration: configuration)
        markets.append(
          BatchEstimate.RowMarket(
            market: market, lookup: try market.quantileLookup(), fields: fields))
      }
      let levelField = try CSVEncodedFields([.text("senior")], configuration: configuration)
      // Whole tenths (kept by position), other decimals (kept by value) and a level (at the
      // middle of its years, as the batch reads it), each seen often, in two markets.
      let seniorYears = senior.years.closed(openSpanYears: model.dataset.openSpanYears)
        .midpoint!
      let rows = (0..<600).map { _ in
        let atLevel = Int.random(in: 0..<20, using: &rng) == 0
        return (
          market: Int.random(in: 0...1, using: &rng),
          experience: atLevel
            ? seniorYears
            : Bool.random(using: &rng)
              ? Double(Int.random(in: 0...600, using: &rng)) / 10
              : Double(Int.random(in: 0...6_000, using: &rng)) / 100,
          level: atLevel ? 0 : -1
        )
      }
      for row in rows + rows.shuffled(using: &rng) {
        let market = markets[row.market]
        let lookup =
          row.level >= 0 ? try #require(market.lookup(at: senior, slot: 0)) : market.lookup
        let direct = try market.figures(
          experience: row.experience, level: row.level >= 0 ? levelField : nil, lookup: lookup,
          configuration: configuration)
        let span =
          memo.span(market: row.market, experience: row.experience, level: row.level)
          ?? memo.keep(direct, market: row.market, experience: row.experience, level: row.level)
        #expect(Array(memo.bytes(span)) == direct.withUnsafeBytes { Array($0) })
        #expect(Int(span.count) == direct.count, "\(row)")
      }
    }
  }
}
