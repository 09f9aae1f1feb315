import Foundation
import Testing
import _TestSupport

/// A seeded fuzz of the built binary: option values at the edges (0, negative, NaN, ±∞,
/// huge, tiny, long, odd bytes) and scenario, profile and dataset files with a byte
/// dropped, added or replaced, a line repeated or cut. Whatever the input, the program
/// ends with 0, 1 or 64 (never a signal), writes no NaN or infinity, writes nothing to
/// standard output when it fails, and says where the problem is: the option, or the file.
///
/// Bounded: a few hundred runs of a few tens of milliseconds. A failure names its seed and
/// the case, so it can be replayed.
@Suite struct FuzzTests {
  /// The seed: fixed, so every run tries the same cases; `SALARY_FUZZ_SEED` tries others.
  /// Seed 5 finds four of the traps of the version before the option bounds (a premium of
  /// 1e308 or 999999999999999999999, a discount of -99.99%).
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["SALARY_FUZZ_SEED"].flatMap { UInt64($0) } ?? 5
  /// The repository's data/ folder.
  static let dataFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data").path
  /// Values tried for each option of each command.
  static let valuesPerOption = 6
  static let fileCases = 120

  /// Numbers at the edges of what a number can be, as people type them.
  static let numbers = [
    "0", "-0", "-1", "1", "0.5", "1e308", "-1e308", "1e-308", "5e-324", "nan", "NaN", "inf",
    "-inf", "infinity", "1e17%", "1e16%", "-99.99%", "300%", "301%", "-90%", "%", "", " ",
    "1,5", "12k", "1.5m", "$0.001", "999999999999999999999", "0x10", "1e", "3%,2%,1%",
    "3%,,1%", "100%", "-50%", "15%@3", "5%..15%", "15%..5%", "50-75", "99-1",
    String(repeating: "9", count: 400),
  ]
  /// Text that is not a name of anything, or odd in its bytes.
  static let texts = [
    "--", "-", "mid@2,senior@5", "senior@99", "on-time", "EUR=1e308", "EUR=0", "EUR=1.08",
    String(repeating: "é", count: 300), "a\u{301}\u{301}", "\u{202E}evil", "東京", "'", "\"",
    "=1+1", "austin", "senior", "EUR", "himalayas",
  ]
  /// The options whose values are names or lists (the others take numbers).
  static let nameOptions: Set = [
    "--level", "--location", "--currency", "--fx", "--source", "--path",
  ]

  /// Options of each command that take a value, with the command's required base.
  static let commands: [(base: [String], options: [String])] = [
    (
      ["estimate", "-e", "4"],
      ["-e", "--level", "--location", "--premium", "--currency", "--fx", "--source"]
    ),
    (
      ["offer", "128k", "-e", "4"],
      ["--bonus", "--equity", "--signing", "--vesting", "--ask", "--premium", "--fx"]
    ),
    (
      ["project", "--paths", "100"],
      [
        "-e", "--salary", "--raise", "--promotion", "--path", "--years", "--drift", "--inflation",
        "--discount", "--drift-volatility", "--persistence", "--band-volatility", "--timing",
        "--seed", "--start-year", "--premium",
      ]
    ),
    (["compare", "--paths", "100", "--scenario", "a: -e 2"], ["--scenario"]),
  ]

  @Test func optionValuesAtTheEdges() throws {
    var random = SplitMix64(seed: Self.seed)
    var failures: [String] = []
    // Every option of every command, each with a few values drawn from the edges, some
    // with a second option beside it.
    var index = 0
    for command in Self.commands {
      for option in command.options {
        for _ in 0..<Self.valuesPerOption {
          index += 1
          var arguments = command.base
          var chosen = [option]
          if random.next() % 3 == 0 {
            chosen.append(command.options[Int(random.next() % UInt64(command.options.count))])
          }
          for option in chosen {
            let pool = Self.nameOptions.contains(option) ? Self.texts + Self.numbers : Self.numbers
            var value = pool[Int(random.next() % UInt64(pool.count))]
            if option == "--scenario" { value = "b: --premium \(value)" }
            arguments += value.hasPrefix("-") ? ["\(option)=\(value)"] : [option, value]
          }
          if command.base[0] == "project" && !arguments.contains("-e")
            && !arguments.contains(where: { $0.hasPrefix("-e=") })
          {
            arguments += ["-e", "3"]
          }
          if random.next() % 4 == 0 {
            arguments += ["--format", random.next() % 2 == 0 ? "json" : "csv"]
          }
          let result = try BinaryTests().run(arguments)
          if let problem = Self.problem(result, place: nil) {
            failures.append(
              "case \(index): salary \(arguments.map(\.debugDescription).joined(separator: " ")): "
                + problem)
          }
        }
      }
    }
    #expect(failures.isEmpty, "seed \(Self.seed):\n\(failures.joined(separator: "\n"))")
  }

  @Test func mutatedFiles() throws {
    var random = SplitMix64(seed: Self.seed &+ 1)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "salary-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try BinaryTests().run(["export", "--template"]).stdout
    let profiles =
      "name,experience,level,location,specialization,premium,source,currency\n"
      + "a,4,,austin,,,,\nb,,senior,seattle,go,5%,,EUR\nc,12.5,,remote,,-5%..10%,himalayas,\n"
    let dataFiles = try FileManager.default.contentsOfDirectory(atPath: Self.dataFolder)
      .filter { $0.hasSuffix(".csv") }.sorted()
    var failures: [String] = []
    for index in 0..<Self.fileCases {
      let kind = index % 3
      let arguments: [String]
      let place: String
      var mutation = ""
      switch kind {
      case 0:
        let file = folder.appendingPathComponent("s\(index).csv").path
        let bytes = Self.mutate(Array(template.utf8), &random, &mutation)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        arguments = ["export", file, "--years", "3"]
        place = file
      case 1:
        let file = folder.appendingPathComponent("p\(index).csv").path
        try Data(Self.mutate(Array(profiles.utf8), &random, &mutation)).write(
          to: URL(fileURLWithPath: file))
        arguments = ["estimate", "--batch", file]
        place = file
      default:
        let data = folder.appendingPathComponent("d\(index)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let victim = dataFiles[Int(random.next() % UInt64(dataFiles.count))]
        for name in dataFiles {
          var bytes = Array(
            try Data(contentsOf: URL(fileURLWithPath: Self.dataFolder + "/" + name)))
          if name == victim { bytes = Self.mutate(bytes, &random, &mutation) }
          try Data(bytes).write(to: data.appendingPathComponent(name))
        }
        mutation = "\(victim): " + mutation
        let check = try BinaryTests().run(["data", "check", data.path])
        if check.status != 0 && check.status != 1 || check.stderr.contains("Fatal") {
          failures.append(
            "case \(index): data check \(mutation): exit \(check.status)\n\(check.stderr)")
        }
        arguments =
          [
            ["estimate", "-e", "4", "--location", "austin"],
            ["project", "-e", "2", "--paths", "100"],
            ["offer", "128k", "-e", "4"],
          ][index % 3] + ["--data", data.path]
        place = data.path
        // A dataset that passes its check answers; one that fails is refused, naming it.
        if check.status == 0 {
          let answer = try BinaryTests().run(arguments)
          if answer.status != 0 {
            failures.append(
              "case \(index): \(mutation): passed the check, then \(arguments[0]) failed: \(answer.stderr)"
            )
          }
        }
      }
      let result = try BinaryTests().run(arguments)
      if let problem = Self.problem(result, place: place) {
        failures.append(
          "case \(index): \(arguments.joined(separator: " ")) after \(mutation): \(problem)")
      }
    }
    #expect(failures.isEmpty, "seed \(Self.seed &+ 1):\n\(failures.joined(separator: "\n"))")
  }

  /// One random change to `bytes`: a byte dropped, inserted or replaced (a NUL, a quote, a
  /// comma, a line break, a byte that is not UTF-8, a digit), a line repeated, the file cut.
  static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64, _ said: inout String) -> [UInt8]
  {
    var bytes = bytes
    let special: [UInt8] = [0, 0x22, 0x2C, 0x0A, 0x0D, 0xFF, 0xC3, 0x39, 0x2D, 0x25, 0x20, 0x3B]
    let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
    let byte = special[Int(random.next() % UInt64(special.count))]
    switch random.next() % 5 {
    case 0 where !bytes.isEmpty:
      said = "byte \(at) dropped"
      bytes.remove(at: at)
    case 1:
      said = "byte \(byte) inserted at \(at)"
      bytes.insert(byte, at: at)
    case 2 where !bytes.isEmpty:
      said = "byte \(at) replaced by \(byte)"
      bytes[at] = byte
    case 3:
      let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      let line = Int(random.next() % UInt64(lines.count))
      said = "line \(line + 1) repeated"
      var joined: [UInt8] = []
      for (index, content) in lines.enumerated() {
        joined += content + [0x0A]
        if index == line { joined += content + [0x0A] }
      }
      bytes = Array(joined.dropLast())
    default:
      said = "cut at \(at)"
      bytes = Array(bytes.prefix(at))
    }
    return bytes
  }

  /// What is wrong with a run, or nil: a signal or an unknown exit, NaN or infinity in the
  /// output, output on a failure, an error without "Error:" or without its place.
  static func problem(_ result: BinaryTests.Result, place: String?) -> String? {
    guard [0, 1, 64].contains(result.status) else {
      return "exit \(result.status)\n\(result.stderr.prefix(400))"
    }
    for token in ["nan", "NaN", "inf", "Infinity", "-inf"] where containsWord(result.stdout, token)
    {
      return "'\(token)' in the output:\n\(result.stdout.prefix(400))"
    }
    if result.status != 0 {
      guard result.stdout.isEmpty else {
        return "output on a failure:\n\(result.stdout.prefix(200))"
      }
      // Text, or with --format json one JSON object with the same message and exit status.
      let isJSON =
        result.stderr.hasPrefix(#"{"error":{"message":"#)
        && result.stderr.hasSuffix(#""exit_status":\#(result.status)}}"# + "\n")
      guard result.stderr.hasPrefix("Error: ") || isJSON else {
        return "no 'Error:':\n\(result.stderr.prefix(400))"
      }
      if let place, result.status == 64, !result.stderr.contains(place) {
        return "the error does not name \(place):\n\(result.stderr.prefix(400))"
      }
    }
    return nil
  }

  /// Whether `token` stands in `text` as a word of its own (not the "inf" of "inflation").
  static func containsWord(_ text: String, _ token: String) -> Bool {
    var rest = text[...]
    while let range = rest.range(of: token) {
      let before =
        range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
      let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
      if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
      rest = text[range.upperBound...]
    }
    return false
  }
}
