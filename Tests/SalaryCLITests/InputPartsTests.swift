import SalaryCSV
import Testing
import _TestSupport

@testable import SalaryCLI

/// A CSV input cut into parts: reading the parts in order, each with its own reader, meets
/// what one reader of the whole input meets, even when reading fails part way or a stray
/// quote hides where records end.
@Suite struct InputPartsTests {
  /// An input given in chunks of `chunkSize` bytes, failing after `failAfter` bytes.
  struct Chunks: ChunkedInput {
    var bytes: [UInt8]
    var chunkSize: Int
    var failAfter: Int?

    struct ReadFailure: Error, Equatable {}

    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
      var offset = 0
      while offset < bytes.count {
        if let failAfter, offset >= failAfter { throw ReadFailure() }
        let end = min(bytes.count, offset + chunkSize)
        try bytes[offset..<end].withUnsafeBytes { try body($0) }
        offset = end
      }
    }
  }

  /// What reading gives: the records (fields and line), then the error that stopped it.
  struct Reading: Equatable {
    var records: [[String]] = []
    var lines: [Int] = []
    var error: String?

    /// Adds `record`, its fields and its line.
    mutating func add(_ record: borrowing CSVRecordView) {
      records.append(CSVRecord(record).fields)
      lines.append(record.line)
    }
  }

  /// One reader of `bytes` up to what `input` gives before it fails.
  static func whole(_ input: Chunks) -> Reading {
    var reading = Reading()
    var reader = CSVReader()
    do {
      try input.forEachChunk { chunk in
        try reader.parse(chunk) { record in
          reading.add(record)
        }
      }
      try reader.finish { record in
        reading.add(record)
      }
    } catch {
      reading.error = "\(error)"
    }
    return reading
  }

  /// The header and the parts, each read by its own reader, in order; and the bytes read
  /// when reading stopped.
  static func inParts(_ input: Chunks, partSize: Int) -> (Reading, read: Int) {
    var reading = Reading()
    var fieldCount = 0
    var read = 0
    do {
      try InputParts.read(
        input, partSize: partSize,
        header: { header in
          reading.records.append(header.fields)
          reading.lines.append(header.line)
          fieldCount = header.fields.count
        },
        part: { part in
          // A part's own reader stops the reading at its error, as one reader would.
          guard reading.error == nil else { return }
          // The rows before it: every record so far but the header.
          #expect(part.rowsBefore == reading.records.count - 1)
          var reader = CSVReader(resumingAtLine: part.line, fieldCount: fieldCount)
          do {
            try reader.parse(part.bytes) { record in
              reading.add(record)
            }
            try reader.finish { record in
              reading.add(record)
            }
          } catch {
            reading.error = "\(error)"
          }
        },
        read: { read = $0 })
    } catch {
      reading.error = reading.error ?? "\(error)"
    }
    return (reading, read)
  }

  static func rows(_ count: Int, lineEnd: String = "\n") -> String {
    (1...count).map { "p\($0),\($0 % 30),austin" }.joined(separator: lineEnd) + lineEnd
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func aReadFailureKeepsTheRecordsReadBeforeIt(lineEnd: String) {
    let bytes = Array(
      ("name,experience,location" + lineEnd + Self.rows(400, lineEnd: lineEnd)).utf8)
    var rng = SplitMix64(seed: 7)
    for _ in 0..<40 {
      let chunkSize = Int.random(in: 1...300, using: &rng)
      let failAfter = Int.random(in: 0...bytes.count, using: &rng)
      let input = Chunks(bytes: bytes, chunkSize: chunkSize, failAfter: failAfter)
      let partSize = Int.random(in: 1...200, using: &rng)
      let (parts, _) = Self.inParts(input, partSize: partSize)
      let whole = Self.whole(input)
      #expect(
        parts == whole, "chunks of \(chunkSize), failing after \(failAfter), parts of \(partSize)")
    }
  }

  @Test func aStrayQuoteEndsTheReadingAtTheErrorInBoundedMemory() {
    // A quote inside an unquoted field flips what looks quoted from there on, so that no
    // record seems to end; seven megabytes of rows follow it.
    let text =
      "name,experience,location\n" + Self.rows(50) + "p\"x,2,austin\n" + Self.rows(400_000)
    let input = Chunks(bytes: Array(text.utf8), chunkSize: 1 << 16, failAfter: nil)
    let (parts, read) = Self.inParts(input, partSize: 1 << 12)
    #expect(parts == Self.whole(input))
    #expect(parts.error?.contains("52:2") == true, "\(parts.error ?? "no error")")
    // Reading stopped once the run without a record's end passed the check's length.
    #expect(read <= InputParts.longRun(partSize: 1 << 12) + 2 * (1 << 16))
    #expect(read < input.bytes.count / 2)
  }

  @Test func aLongQuotedFieldIsNotAnError() {
    let long = String(repeating: "a,b\n", count: 400_000)
    let text = "name,experience,location\n" + Self.rows(3) + "\"\(long)\",1,austin\n" + Self.rows(3)
    let input = Chunks(bytes: Array(text.utf8), chunkSize: 1 << 16, failAfter: nil)
    let (parts, read) = Self.inParts(input, partSize: 1 << 12)
    #expect(parts == Self.whole(input))
    #expect(parts.error == nil && parts.records.count == 1 + 7)
    #expect(read == input.bytes.count)
  }

  @Test func aStrayQuoteInTheHeaderIsItsError() {
    let text = "na\"me,experience\n" + String(repeating: "p,1\n", count: 600_000)
    let input = Chunks(bytes: Array(text.utf8), chunkSize: 1 << 16, failAfter: nil)
    let (parts, read) = Self.inParts(input, partSize: 1 << 12)
    #expect(parts == Self.whole(input))
    #expect(parts.error?.contains("1:3") == true, "\(parts.error ?? "no error")")
    #expect(read < input.bytes.count / 2)
  }
}
