import ArgumentParsing
import SalaryCSV

/// The state of one `salary estimate --batch` run as its rows stream past: the header, the
/// rows written and skipped, the progress line, and the rows the fast path has encoded but not
/// yet handed to the output.
///
/// One value rather than variables captured by the reader's callback, because every access to
/// a captured variable is checked for exclusivity at run time, a cost per row.
struct BatchRun {
  /// How much room a row may take in the staging buffer before it is drained; a longer row
  /// (a name of thousands of bytes) takes the careful path, which has no limit.
  static let rowRoom = 4_096

  var estimator: BatchEstimate
  var writer: CSVWriter
  /// CSV (by the fast path where it can), or values for the other formats.
  let encoding: RowEncoding
  /// Takes each row's values, for ``RowEncoding/records``, with the sink's buffer to
  /// write them into.
  var takeRecord: ([FieldValue], inout [UInt8]) throws -> Void = { _, _ in }
  let sink: OutputSink
  /// Whether `--skip-bad-rows` was given.
  let skipping: Bool
  /// The input's size in bytes, when known, and how much of it has been read.
  let size: Int?
  var consumed = 0
  var progress: Progress

  /// The columns of the header, once read.
  private(set) var layout: [String: Int]?
  /// The rows met (the number of the last one), written and skipped.
  var rows = 0
  var written = 0
  var skipped = 0

  /// Rows encoded by the fast path, copied to the sink in large blocks.
  private let staging = StagingBuffer(capacity: 1 << 16)
  private var stagedCount = 0

  init(
    estimator: BatchEstimate, writer: CSVWriter, encoding: RowEncoding = .csv, sink: OutputSink,
    skipping: Bool, size: Int?, progress: Progress
  ) {
    self.estimator = estimator
    self.writer = writer
    self.encoding = encoding
    self.sink = sink
    self.skipping = skipping
    self.size = size
    self.progress = progress
  }

  /// Reads the header, or writes the estimate of one row: by the fast path when it can, by
  /// the careful one otherwise, which also reports a bad row (or skips it with
  /// `--skip-bad-rows`).
  mutating func handle<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ view: borrowing CSVRecordView, output: inout Output, errors: inout ErrorOutput
  ) throws {
    guard let columns = layout else {
      try readHeader(CSVRecord(view), output: &output)
      return
    }
    rows += 1
    guard encoding == .csv else {
      try handleValues(CSVRecord(view), layout: columns, output: &output, errors: &errors)
      return
    }
    if staging.capacity - stagedCount < Self.rowRoom { try drain(to: &output) }
    let space = UnsafeMutableRawBufferPointer(
      start: staging.base + stagedCount, count: staging.capacity - stagedCount)
    if let count = estimator.encode(view, row: rows, writer: &writer, into: space) {
      stagedCount += count
      written += 1
    } else {
      // The careful path writes to the sink itself, after the rows before it.
      try drain(to: &output)
      let record = CSVRecord(view)
      do {
        try sink.append(to: &output) { bytes in
          try estimator.write(record, layout: columns, row: rows, to: &writer, &bytes)
          writer.endRecord(into: &bytes)
        }
        written += 1
      } catch let problem as ValidationError where skipping && problem.isRowProblem {
        skipped += 1
        errors.write("Skipped: \(problem.message)\n")
      }
    }
    progress.update(done: rows, fraction: size.map { Double(consumed) / Double(max(1, $0)) })
  }

  /// Takes the header's columns and writes the output's header (for CSV).
  mutating func readHeader<Output: TextOutputStream>(_ header: CSVRecord, output: inout Output)
    throws
  {
    try adopt(header: header)
    guard encoding == .csv else { return }
    try sink.append(to: &output) { bytes in
      for key in BatchEstimate.outputHeader { writer.appendText(key, into: &bytes) }
      writer.endRecord(into: &bytes)
    }
  }

  /// Takes the header's columns without writing anything: for a worker's run, whose rows
  /// go after a header another run wrote.
  mutating func adopt(header: CSVRecord) throws {
    layout = try estimator.layout(header)
  }

  /// One row by the careful path as values: a JSON line, or a record for a workbook.
  private mutating func handleValues<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ record: CSVRecord, layout columns: [String: Int], output: inout Output,
    errors: inout ErrorOutput
  ) throws {
    do {
      let values = try estimator.fields(record, layout: columns, row: rows)
      if encoding == .records {
        try sink.append(to: &output) { bytes in try takeRecord(values, &bytes) }
      } else {
        try sink.append(to: &output) { bytes in
          try RowEncoding.jsonLine(
            schema: BatchEstimate.schema, header: BatchEstimate.outputHeader, values, into: &bytes)
        }
      }
      written += 1
    } catch let problem as ValidationError where skipping && problem.isRowProblem {
      skipped += 1
      errors.write("Skipped: \(problem.message)\n")
    }
    progress.update(done: rows, fraction: size.map { Double(consumed) / Double(max(1, $0)) })
  }

  /// Hands the staged rows to the sink.
  mutating func drain<Output: TextOutputStream>(to output: inout Output) throws {
    guard stagedCount > 0 else { return }
    let staged = UnsafeRawBufferPointer(start: staging.base, count: stagedCount)
    try sink.append(to: &output) { $0.append(contentsOf: staged) }
    stagedCount = 0
  }
}

/// Memory for rows on their way to the output, freed with the last run that holds it.
private final class StagingBuffer {
  let base: UnsafeMutableRawPointer
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    base = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit { base.deallocate() }
}
