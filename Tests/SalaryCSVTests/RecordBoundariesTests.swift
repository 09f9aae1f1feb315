import SalaryCSV
import Testing
import _TestSupport

// An input cut at the boundaries CSVRecordBoundaries finds, each part read by its own
// resumed reader, gives what one reader gives for the whole: the same records at the same
// lines, and the same first error.

/// Pieces of input, well formed and not: quoted line breaks of every kind, doubled quotes,
/// blank lines, a stray quote, text after a closing quote, a NUL, a broken UTF-8 sequence.
private let inputPieces: [[UInt8]] =
  [
    "a", "bc", ",", ",", "\n", "\r\n", "\r", "\n", "\"q\"", "\"x\ny\"", "\"x\r\ny\"", "\"x\ry\"",
    "\"\"\"\"", "Zürich", "東京", "\"a,b\"", "1.5",
    // Bytes next to the line ends and the quote, which the eight-byte scan must not take
    // for them: vertical tab, form feed, '!', '#', shift out.
    "\u{0B}", "\u{0C}", "!", "#", "\u{0E}",
  ].map { Array($0.utf8) } + [
    Array("a\"b".utf8), Array("\"ab\"c".utf8), [0], [0xC3], Array("\"open".utf8),
  ]

/// What reading gives: the records, then the error that stopped it, if one did.
private struct Reading: Equatable {
  var records: [RecordWithFieldLines] = []
  var error: CSVError?
}

private func readWhole(_ input: [UInt8]) -> Reading {
  var reading = Reading()
  var reader = CSVReader()
  do {
    try reader.parse(input) { reading.records.append(RecordWithFieldLines($0)) }
    try reader.finish { reading.records.append(RecordWithFieldLines($0)) }
  } catch {
    reading.error = error as? CSVError
  }
  return reading
}

/// Every boundary of `input`, scanning it in chunks of `chunkSize` bytes.
private func boundaries(_ input: [UInt8], chunkSize: Int) -> [CSVRecordBoundaries.Boundary] {
  var scanner = CSVRecordBoundaries()
  var found: [CSVRecordBoundaries.Boundary] = []
  var start = 0
  while start < input.count {
    let end = min(start + chunkSize, input.count)
    input[start..<end].withUnsafeBytes { scanner.scan($0) }
    if scanner.last.offset > (found.last?.offset ?? 0) { found.append(scanner.last) }
    start = end
  }
  return found
}

/// Reads `input` in parts cut at `cuts`: the first part by a plain reader, each later one by
/// a reader resumed at the cut's line with the first record's field count.
private func readInParts(_ input: [UInt8], cuts: [CSVRecordBoundaries.Boundary]) -> Reading {
  var reading = Reading()
  var starts = [CSVRecordBoundaries.Boundary(offset: 0, lines: 0, records: 0)] + cuts
  starts.append(CSVRecordBoundaries.Boundary(offset: input.count, lines: 0, records: 0))
  do {
    for part in 0..<(starts.count - 1) {
      let from = starts[part]
      var reader =
        part == 0
        ? CSVReader()
        : CSVReader(
          resumingAtLine: from.lines + 1, fieldCount: reading.records[0].record.fields.count)
      if part > 0 {
        #expect(reading.records.count == from.records, "records before offset \(from.offset)")
      }
      let bytes = input[from.offset..<starts[part + 1].offset]
      try reader.parse(bytes) { reading.records.append(RecordWithFieldLines($0)) }
      try reader.finish { reading.records.append(RecordWithFieldLines($0)) }
    }
  } catch {
    reading.error = error as? CSVError
  }
  return reading
}

@Test func partsReadAsTheWholeForSeededRandomInputs() {
  var rng = SplitMix64(seed: 0x5EC7_1045)
  var cutInputs = 0
  for round in 0..<3_000 {
    var input: [UInt8] = round % 7 == 0 ? [0xEF, 0xBB, 0xBF] : []
    for _ in 0..<Int.random(in: 0...24, using: &rng) {
      // Mostly well-formed pieces, so that many inputs read to their end.
      let pieces =
        Int.random(in: 0..<10, using: &rng) == 0 ? inputPieces : Array(inputPieces[..<22])
      input += pieces.randomElement(using: &rng)!
    }
    let whole = readWhole(input)
    let found = boundaries(
      input, chunkSize: Int.random(in: 1...(round % 2 == 0 ? 8 : 64), using: &rng))
    #expect(found.last == boundaries(input, chunkSize: max(1, input.count)).last, "\(input)")
    // Scanning up to each boundary in turn finds every one.
    var stepper = CSVRecordBoundaries()
    var each: [CSVRecordBoundaries.Boundary] = []
    var at = 0
    while at < input.count {
      at += input[at...].withUnsafeBytes { stepper.scan($0, untilBoundary: true) }
      if stepper.last.offset > (each.last?.offset ?? 0) { each.append(stepper.last) }
    }
    #expect(each == boundaries(input, chunkSize: 1), "\(input)")
    #expect(stepper.scanned == input.count)
    guard !found.isEmpty else { continue }
    cutInputs += 1
    let cuts = found.filter { _ in Bool.random(using: &rng) }
    #expect(
      readInParts(input, cuts: cuts) == whole,
      "\(String(decoding: input, as: UTF8.self).debugDescription) cut at \(cuts.map(\.offset))")
    #expect(readInParts(input, cuts: found) == whole, "every boundary of \(input)")
  }
  #expect(cutInputs > 2_000)
}

@Test func boundariesFallAfterLineEndsOutsideQuotes() {
  let input = Array("a,b\r\n\"x\ny\",2\r3,4\r\n5,\"\r\"\n6,7".utf8)
  #expect(
    boundaries(input, chunkSize: 1).map(\.offset) == [5, 13, 18, 24])
  #expect(
    boundaries(input, chunkSize: 1).map(\.lines) == [1, 3, 4, 6])
  #expect(boundaries(input, chunkSize: 1).map(\.records) == [1, 2, 3, 4])
  // A CR last in what was scanned waits for the next byte: it may be a CRLF's.
  var scanner = CSVRecordBoundaries()
  Array("a\r".utf8).withUnsafeBytes { scanner.scan($0) }
  #expect(scanner.last.offset == 0)
  Array("\n".utf8).withUnsafeBytes { scanner.scan($0) }
  #expect(scanner.last == CSVRecordBoundaries.Boundary(offset: 3, lines: 1, records: 1))
  #expect(scanner.scanned == 3)
}

@Test func aResumedReaderCountsFromItsLine() throws {
  var reader = CSVReader(resumingAtLine: 40, fieldCount: 2)
  var lines: [Int] = []
  try reader.parse(Array("\u{FEFF}a,b\n".utf8)) { lines.append(CSVRecord($0).line) }
  #expect(lines == [40])
  var short = CSVReader(resumingAtLine: 7, fieldCount: 2)
  #expect(throws: CSVError.self) {
    try short.parse(Array("a\n".utf8)) { _ in }
  }
}
