import ArgumentParsing
import SalaryCSV

/// `estimate --batch` on every core: the input cut at record boundaries into parts
/// (``InputParts``), the parts estimated at the same time (``PartWorkers``), their rows,
/// messages and first error handed to the caller's run in file order.
enum BatchWorkers {
  /// Bytes of profiles a part holds: a few milliseconds of a thread's work, and about two
  /// megabytes of rows out.
  static let partSize = 1 << 19

  /// One thread's run and what it made of its last part.
  final class Worker: PartWorker, @unchecked Sendable {
    /// The run, taken out while it works: a class's property is checked for exclusive
    /// access at every use, a local variable when compiling. Its sink keeps its rows
    /// (``OutputSink/init(keeping:)``) until they are taken.
    var run: BatchRun?
    let fieldCount: Int
    /// The messages of rows skipped in the part, in order.
    var messages = ""
    /// The part's rows as values, for a workbook (whose rows are numbered, so made in
    /// order by the caller).
    var records: [[FieldValue]] = []
    /// What stopped the part, if something did.
    var failure: (any Error)?
    var written = 0
    var skipped = 0
    /// The number of the part's last row.
    var lastRow = 0

    init(run: BatchRun, fieldCount: Int) {
      self.run = run
      self.fieldCount = fieldCount
      self.run!.takeRecord = { [unowned self] values, _ in self.records.append(values) }
    }

    func work(_ part: InputPart) {
      var run = self.run.take()!
      var messages = ""
      var unused = ""
      run.rows = part.rowsBefore
      let writtenBefore = run.written
      let skippedBefore = run.skipped
      var reader = CSVReader(resumingAtLine: part.line, fieldCount: fieldCount)
      do {
        try part.bytes.withUnsafeBytes { bytes in
          try reader.parse(bytes) { try run.handle($0, output: &unused, errors: &messages) }
        }
        try reader.finish { try run.handle($0, output: &unused, errors: &messages) }
        try run.drain(to: &unused)
      } catch {
        // The rows before the failure stay, as one reader would have written them.
        try? run.drain(to: &unused)
        failure = error
      }
      written = run.written - writtenBefore
      skipped = run.skipped - skippedBefore
      lastRow = run.rows
      self.messages = messages
      self.run = run
    }

    /// Hands the part's rows to `run`'s sink and its messages to `errors`, and counts them
    /// in `run`; then throws the part's failure, if it had one.
    func take<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
      into run: inout BatchRun, output: inout Output, errors: inout ErrorOutput
    ) throws {
      try self.run!.sink.take(into: run.sink, to: &output)
      for record in records {
        try run.sink.append(to: &output) { bytes in try run.takeRecord(record, &bytes) }
      }
      records.removeAll(keepingCapacity: true)
      if !messages.isEmpty { errors.write(messages) }
      messages = ""
      run.written += written
      run.skipped += skipped
      run.rows = lastRow
      if let failure {
        self.failure = nil
        throw failure
      }
    }
  }

  /// Reads `input`: the header by `run` itself, then the rest in parts on `count` threads
  /// of parts of `partSize` bytes, handed back to `run`'s sink in order. Without a header
  /// the run's layout stays nil.
  ///
  /// - Parameter makeRun: A worker's run for a copy of the writer that wrote the header,
  ///   whose sink keeps its rows (``OutputSink/init(keeping:)``).
  static func read<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ input: ReplayableInput, into run: inout BatchRun, count: Int?, partSize: Int,
    makeRun: (CSVWriter) -> BatchRun, output: inout Output, errors: inout ErrorOutput
  ) throws {
    var workers: PartWorkers<Worker>?
    func take(_ worker: Worker) throws {
      try worker.take(into: &run, output: &output, errors: &errors)
    }
    do {
      try InputParts.read(
        input, partSize: partSize,
        header: { header in
          try run.readHeader(header, output: &output)
          workers = try PartWorkers(count: count) {
            var worker = makeRun(run.writer)
            try worker.adopt(header: header)
            return Worker(run: worker, fieldCount: header.fields.count)
          }
        },
        part: { part in
          try workers!.add(part, take: take)
          run.progress.update(
            done: run.rows, fraction: run.size.map { Double(run.consumed) / Double(max(1, $0)) })
        },
        read: { run.consumed = $0 })
    } catch {
      // The rounds at work come first, as on one thread.
      try workers?.finishRunning(take: take)
      throw error
    }
    try workers?.flush(take: take)
  }
}
