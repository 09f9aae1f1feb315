import Foundation
import Testing

/// Runs the built `salary-bench` briefly and checks the shape of what it prints, never the
/// numbers: timings belong to the benchmark, not to the tests (and a debug build's are
/// meaningless anyway).
@Suite struct BenchSmokeTests {
  static let bench = BinaryTests.productsDirectory.appendingPathComponent("salary-bench")

  func run(_ arguments: [String]) throws -> BinaryTests.Result {
    try BinaryTests().run(arguments, executable: Self.bench)
  }

  @Test func oneRowACaseInCSV() throws {
    // estimate runs `salary` through the measuring helper; dataset runs in process.
    let result = try run([
      "--quick", "--case", "dataset", "--case", "estimate", "--runs", "2", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 3, "\(result.stdout)")
    #expect(lines[0].hasPrefix("case,runs,rows,wall_median_s,"))
    // Cases come in the bench's own order, whatever the order asked.
    #expect(lines[1].hasPrefix("estimate,2,,"))
    #expect(lines[2].hasPrefix("dataset,2,,"))
    let columns = lines[0].split(separator: ",").count
    let estimateCells = lines[1].split(separator: ",", omittingEmptySubsequences: false)
    // The target's text is quoted and holds no comma for estimate; `what` has none either.
    #expect(estimateCells.count == columns, "\(lines[1])")
  }

  /// The floor reads the input, parses each line's second field and writes the reference's
  /// bytes in place of the output; the reference and the input are left as they were.
  @Test func theFloorWritesTheReferenceAgain() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-bench-floor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.csv").path
    let reference = folder.appendingPathComponent("reference.csv").path
    let output = folder.appendingPathComponent("out.csv").path
    let referenceText = String(repeating: "1,\"a\",4,84742\r\n", count: 200_000)
    try "name,experience\na,4.5\nb,12\n".write(toFile: input, atomically: true, encoding: .utf8)
    try referenceText.write(toFile: reference, atomically: true, encoding: .utf8)
    try "old".write(toFile: output, atomically: true, encoding: .utf8)
    let result = try run(["--floor", input, reference, output])
    #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
    #expect(try String(contentsOfFile: output, encoding: .utf8) == referenceText)
    #expect(try String(contentsOfFile: reference, encoding: .utf8) == referenceText)
    #expect(!FileManager.default.fileExists(atPath: output + ".floor"))
    let missing = try run(["--floor", input + ".nope", reference, output])
    #expect(missing.status == 1 && missing.stderr.contains("cannot read"), "\(missing)")
  }

  /// A streaming case reports its floor and its time on one core beside its own.
  @Test func aStreamingCaseHasItsFloorAndOneCore() throws {
    let result = try run(["--quick", "--case", "batch", "--runs", "1", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let cases = try #require((document as? [String: Any])?["cases"] as? [[String: Any]])
    let batch = try #require(cases.first)
    for key in ["floor_seconds", "one_core_seconds"] {
      let statistics = try #require(batch[key] as? [String: Double], "\(key)")
      #expect(statistics["median"]! > 0)
    }
    let floor = try #require((batch["floor_seconds"] as? [String: Double])?["median"])
    let wall = try #require((batch["wall_seconds"] as? [String: Double])?["median"])
    let oneCore = try #require((batch["one_core_seconds"] as? [String: Double])?["median"])
    // Foundation's JSON reading may miss the last bit of a double.
    func close(_ key: String, _ expected: Double) -> Bool {
      guard let value = batch[key] as? Double else { return false }
      return abs(value - expected) <= 1e-12 * expected
    }
    #expect(close("floor_multiple", wall / floor))
    #expect(close("one_core_floor_multiple", oneCore / floor))
    #expect(close("one_core_multiple", oneCore / wall))
    // The batch's target on the floor is on one core; the export's is on every core.
    let target = try #require(batch["target"] as? [String: Any])
    #expect(target["max_one_core_floor_multiple"] as? Double == 1.5)
    #expect(target["max_floor_multiple"] is NSNull)
  }

  @Test func jsonHasEveryStatistic() throws {
    let result = try run(["--quick", "--case", "dataset", "--runs", "3", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let cases = try #require(object["cases"] as? [[String: Any]])
    try #require(cases.count == 1)
    #expect(cases[0]["case"] as? String == "dataset")
    #expect(cases[0]["runs"] as? Int == 3)
    let wall = try #require(cases[0]["wall_seconds"] as? [String: Double])
    #expect(Set(wall.keys) == ["median", "min", "p10", "p90", "max"])
    #expect(wall["min"]! <= wall["median"]! && wall["median"]! <= wall["max"]!)
    #expect(cases[0]["peak_rss_bytes"] is NSNull)
    #expect(cases[0]["met"] is Bool)
  }

  @Test func tableIsMarkdown() throws {
    let result = try run(["--quick", "--case", "dataset", "--runs", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let table = lines.filter { $0.hasPrefix("|") }
    try #require(table.count == 3, "\(result.stdout)")
    #expect(table[0].hasPrefix("| case "))
    #expect(table[1].hasPrefix("|------"))
    #expect(table[2].hasPrefix("| dataset "))
    #expect(lines.last?.hasPrefix("Targets met: ") == true)
  }

  @Test func usageErrorsExit64() throws {
    let unknownCase = try run(["--case", "nope"])
    #expect(unknownCase.status == 64)
    #expect(unknownCase.stdout == "")
    #expect(unknownCase.stderr.hasPrefix("salary-bench: Unknown case 'nope'. Cases: estimate, "))

    let badRuns = try run(["--runs", "0"])
    #expect(badRuns.status == 64)
  }

  @Test func aMissingSalaryIsExplained() throws {
    let result = try run(["--case", "estimate", "--salary", "/nonexistent/salary"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no salary executable at /nonexistent/salary"))
    #expect(result.stderr.contains("swift build -c release"))
  }
}
