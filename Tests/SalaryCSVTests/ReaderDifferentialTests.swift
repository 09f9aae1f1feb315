import SalaryCSV
import Testing
import _TestSupport

// The reader's fast path (raw buffers, runs of plain fields and records read in one loop)
// against the original state machine, `ReferenceCSVReader`: the same records with the same
// positions, and the same error at the same place, for random inputs fed in random chunks.

extension ReferenceRecord {
  init(_ view: borrowing CSVRecordView) {
    self.init(
      fields: (0..<view.count).map { view.string(at: $0) }, line: view.line,
      columns: (0..<view.count).map { view.column(at: $0) },
      fieldLines: (0..<view.count).map { view.line(at: $0) })
  }
}

/// What a reader gave: the records it handed over, and the error it stopped at, if any.
private struct Outcome: Equatable {
  var records: [ReferenceRecord] = []
  var error: CSVError?
}

private func readFast(
  _ input: [UInt8], chunkSizes: [Int], configuration: CSVReader.Configuration
) -> Outcome {
  var reader = CSVReader(configuration: configuration)
  var outcome = Outcome()
  do {
    var start = 0
    var turn = 0
    while start < input.count {
      let end = min(input.count, start + chunkSizes[turn % chunkSizes.count])
      try reader.parse(input[start..<end]) { outcome.records.append(ReferenceRecord($0)) }
      start = end
      turn += 1
    }
    try reader.finish { outcome.records.append(ReferenceRecord($0)) }
  } catch {
    outcome.error = error as? CSVError
  }
  return outcome
}

private func readReference(_ input: [UInt8], configuration: CSVReader.Configuration) -> Outcome {
  var reader = ReferenceCSVReader(configuration: configuration)
  var outcome = Outcome()
  do {
    try reader.parse(input) { outcome.records.append($0) }
    try reader.finish { outcome.records.append($0) }
  } catch {
    outcome.error = error as? CSVError
  }
  return outcome
}

private let soup: [[UInt8]] =
  [
    "a", "bc", "x y", ",", ";", "\"", "\"\"", "\r", "\n", "\r\n", " ", "é", "😀", "\u{301}",
    "1.5", "p12345",
  ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80]]

private let lineEnds: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]

/// A field: usually plain, sometimes quoted with what quoting protects, sometimes empty.
private func randomField(delimiter: UInt8, using rng: inout SplitMix64) -> [UInt8] {
  switch Int.random(in: 0..<10, using: &rng) {
  case 0..<6:
    let letters = Array("abcdefghij0123456789. -_".utf8)
    return (0..<Int.random(in: 1...12, using: &rng)).map { _ in
      letters.randomElement(using: &rng)!
    }
  case 6, 7:
    var field: [UInt8] = [0x22]
    for _ in 0..<Int.random(in: 0...4, using: &rng) {
      let pieces: [[UInt8]] = [
        Array("q".utf8), [0x22, 0x22], [delimiter], [0x0A], [0x0D, 0x0A], Array("ü".utf8),
      ]
      field += pieces.randomElement(using: &rng)!
    }
    return field + [0x22]
  case 8:
    return Array("Zürich 東京".utf8)
  default:
    return []
  }
}

/// A random input: mostly tables (whose rows sometimes have a field too many or too few),
/// sometimes a soup of the bytes that matter, invalid UTF-8 included.
private func randomInput(delimiter: UInt8, using rng: inout SplitMix64) -> [UInt8] {
  var input: [UInt8] = Int.random(in: 0..<8, using: &rng) == 0 ? [0xEF, 0xBB, 0xBF] : []
  if Int.random(in: 0..<4, using: &rng) == 0 {
    for _ in 0..<Int.random(in: 0...40, using: &rng) {
      input += soup.randomElement(using: &rng)!
    }
    return input
  }
  let width = Int.random(in: 1...5, using: &rng)
  let rows = Int.random(in: 0...30, using: &rng)
  for row in 0..<rows {
    var count = width
    if Int.random(in: 0..<40, using: &rng) == 0 { count += Bool.random(using: &rng) ? 1 : -1 }
    for index in 0..<max(count, 1) {
      if index > 0 { input.append(delimiter) }
      input += randomField(delimiter: delimiter, using: &rng)
    }
    if row < rows - 1 || Bool.random(using: &rng) {
      input += lineEnds.randomElement(using: &rng)!
    }
  }
  return input
}

@Test(arguments: [CSVReader.Configuration.rfc4180, CSVReader.Configuration.semicolon])
func theFastReaderReadsAsTheOriginalDid(configuration: CSVReader.Configuration) {
  var rng = SplitMix64(seed: 2024)
  var failures = 0
  for index in 0..<3_000 {
    let input = randomInput(delimiter: configuration.delimiter, using: &rng)
    let expected = readReference(input, configuration: configuration)
    let chunkings: [[Int]] = [
      [max(1, input.count)], [1], (0..<4).map { _ in Int.random(in: 1...16, using: &rng) },
    ]
    for chunkSizes in chunkings {
      let actual = readFast(input, chunkSizes: chunkSizes, configuration: configuration)
      if actual != expected {
        failures += 1
        if failures <= 3 {
          Issue.record(
            "input \(index) \(input) in chunks \(chunkSizes): \(actual) instead of \(expected)")
        }
      }
    }
  }
  #expect(failures == 0)
}

@Test func longFieldsGrowTheBuffersAndKeepEveryByte() throws {
  let long = String(repeating: "abcdefgh", count: 500)
  let input = Array("\(long),x\n\"\(long)\",\(long)\n".utf8)
  for size in [1, 7, 100, 4_096, input.count] {
    let outcome = readFast(input, chunkSizes: [size], configuration: .rfc4180)
    #expect(outcome.error == nil)
    #expect(outcome.records.map(\.fields) == [[long, "x"], [long, long]], "chunks of \(size)")
  }
}

@Test func aCopiedReaderIsAValueOfItsOwn() throws {
  var first = CSVReader()
  var seen: [[String]] = []
  try first.parse(Array("x,y\n1,".utf8)) { seen.append(CSVRecord($0).fields) }
  var second = first
  try first.parse(Array("2\n".utf8)) { seen.append(CSVRecord($0).fields) }
  try second.parse(Array("3\n".utf8)) { seen.append(CSVRecord($0).fields) }
  #expect(seen == [["x", "y"], ["1", "2"], ["1", "3"]])
}
