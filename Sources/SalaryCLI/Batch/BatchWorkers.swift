import ArgumentParsing
import Dispatch
import SalaryCSV

/// `estimate --batch` on every core: the input cut at record boundaries into parts, the
/// parts estimated at the same time, their rows written in file order.
///
/// The caller's run reads the header and writes what comes before the rows. The bytes after
/// it are cut, where ``CSVRecordBoundaries`` finds a record's end, into parts of about
/// ``partSize`` bytes, each with the physical line it starts on and the rows before it.
/// Parts are gathered into rounds of one part per core; a round is estimated in the
/// background while the caller reads the next and hands the one before to the caller's
/// sink, part by part, exactly as one thread would have written it: the same bytes, the same
/// messages in the same order, the same first error at its true line. Rounds take turns
/// between two crews of workers, so that one is estimated while the other's rows are
/// written. Each worker has its own ``BatchRun`` (a run's memo is not thread-safe) that
/// keeps its rows in memory, so memory stays bounded by three rounds (one read, one
/// estimated, one written) whatever the size of the input.
final class BatchWorkers {
  /// A part of the input: whole records, the line the first starts on, and the number of
  /// the row before it.
  struct Part {
    var bytes: [UInt8] = []
    var line = 1
    var rowsBefore = 0
  }

  /// One thread's run and its part of a round.
  final class Worker: @unchecked Sendable {
    /// The run, taken out while it works: a class's property is checked for exclusive
    /// access at every use, a local variable when compiling.
    var run: BatchRun?
    let fieldCount: Int
    var part = Part()
    /// The messages of rows skipped in this part, in order.
    var messages = ""
    /// What stopped this part, if something did.
    var failure: (any Error)?
    var written = 0
    var skipped = 0
    /// The number of the part's last row.
    var lastRow = 0

    init(run: BatchRun, fieldCount: Int) {
      self.run = run
      self.fieldCount = fieldCount
    }

    /// Estimates ``part`` into the run's sink.
    func work() {
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
        failure = error
      }
      written = run.written - writtenBefore
      skipped = run.skipped - skippedBefore
      lastRow = run.rows
      self.messages = messages
      self.run = run
    }
  }

  /// Bytes a part holds at least, where the input has that many.
  let partSize: Int
  /// Two crews of one worker per core: a round runs on one while the other's is handed.
  private let crews: [[Worker]]
  /// The crew the next round starts on.
  private var next = 0
  private var pending: [Part] = []
  /// The round estimating in the background: its crew and how many of its workers it
  /// uses, if one is.
  private var running: (group: DispatchGroup, crew: Int, used: Int)?

  /// Workers, each with a run `makeRun` gives for a copy of `writer` (which wrote the
  /// header), which adopts `header`.
  ///
  /// - Parameters:
  ///   - count: How many threads; by default one per core this process may use.
  ///   - partSize: Bytes a part holds at least: enough to keep a thread busy for a few
  ///     milliseconds, few enough that a round's rows stay a few megabytes.
  init(
    header: CSVRecord, writer: CSVWriter, count: Int? = nil, partSize: Int = 1 << 19,
    makeRun: (CSVWriter) -> BatchRun
  ) throws {
    let cores = count ?? Cores.available
    precondition(cores >= 1 && partSize >= 1, "at least one worker and one byte a part")
    self.partSize = partSize
    crews = try (0..<2).map { _ in
      try (0..<cores).map { _ in
        var run = makeRun(writer)
        try run.adopt(header: header)
        return Worker(run: run, fieldCount: header.fields.count)
      }
    }
    pending.reserveCapacity(cores)
  }

  /// A round still running when the caller gives up (an error) finishes before the workers
  /// go, so nothing outlives the command.
  deinit {
    running?.group.wait()
  }

  /// Queues a part. When a round is full, waits for the one before it, starts this one, and
  /// hands the one before's rows and messages to `run`'s sink and `errors` in file order.
  func add<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ part: Part, into run: inout BatchRun, output: inout Output, errors: inout ErrorOutput
  ) throws {
    pending.append(part)
    guard pending.count == crews[0].count else { return }
    let done = settle()
    start()
    try hand(done, into: &run, output: &output, errors: &errors)
  }

  /// Estimates what is queued, and hands over every part not yet handed over, in order.
  func flush<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    into run: inout BatchRun, output: inout Output, errors: inout ErrorOutput
  ) throws {
    let done = settle()
    start()
    try hand(done, into: &run, output: &output, errors: &errors)
    try hand(settle(), into: &run, output: &output, errors: &errors)
  }

  /// Starts the queued parts, one a worker of the next crew, in the background; a single
  /// part runs here.
  private func start() {
    precondition(running == nil, "one round at a time")
    guard !pending.isEmpty else { return }
    let group = DispatchGroup()
    let crew = next
    next = 1 - next
    for (worker, part) in zip(crews[crew], pending) {
      worker.part = part
      if pending.count == 1 {
        worker.work()
      } else {
        DispatchQueue.global().async(group: group) { worker.work() }
      }
    }
    running = (group, crew, pending.count)
    pending.removeAll(keepingCapacity: true)
  }

  /// Waits for the running round, if any; returns its crew and how many of its workers it
  /// used (none when no round ran).
  private func settle() -> (crew: Int, used: Int) {
    guard let (group, crew, used) = running else { return (0, 0) }
    group.wait()
    running = nil
    return (crew, used)
  }

  /// Hands the parts of the first `used` workers of a crew to `run`'s sink and `errors`, in
  /// order; throws the first part's failure after the rows and messages before it.
  private func hand<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ done: (crew: Int, used: Int), into run: inout BatchRun, output: inout Output,
    errors: inout ErrorOutput
  ) throws {
    for worker in crews[done.crew].prefix(done.used) {
      try worker.run!.sink.take(into: run.sink, to: &output)
      if !worker.messages.isEmpty { errors.write(worker.messages) }
      worker.messages = ""
      worker.part = Part()
      run.written += worker.written
      run.skipped += worker.skipped
      run.rows = worker.lastRow
      if let failure = worker.failure {
        worker.failure = nil
        throw failure
      }
    }
  }
}

extension BatchWorkers {
  /// Reads `input`: the header by `run` itself, then the rest in parts on the workers,
  /// handed back to `run`'s sink in order. Without a header the run's layout stays nil.
  ///
  /// - Parameter makeRun: A worker's run for a copy of the writer that wrote the header,
  ///   whose sink keeps its rows (``OutputSink/init(keeping:)``).
  static func read<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ input: ReplayableInput, into run: inout BatchRun, count: Int?, partSize: Int,
    makeRun: (CSVWriter) -> BatchRun, output: inout Output, errors: inout ErrorOutput
  ) throws {
    var boundaries = CSVRecordBoundaries()
    /// The bytes from `start` (a boundary) on that are not in a part yet.
    var rest: [UInt8] = []
    var start = CSVRecordBoundaries.Boundary(offset: 0, lines: 0, records: 0)
    var workers: BatchWorkers?
    /// The header's bytes, parsed (and finished) as the whole input would be.
    func readHeader(_ bytes: ArraySlice<UInt8>) throws {
      var reader = CSVReader()
      try reader.parse(bytes) { try run.handle($0, output: &output, errors: &errors) }
      try reader.finish { try run.handle($0, output: &output, errors: &errors) }
    }
    /// The bytes of `rest` up to `end` as the next part.
    func cut(at end: CSVRecordBoundaries.Boundary) throws {
      let length = end.offset - start.offset
      let part = Part(
        bytes: Array(rest[..<length]), line: start.lines + 1, rowsBefore: start.records - 1)
      rest.removeSubrange(..<length)
      start = end
      try workers!.add(part, into: &run, output: &output, errors: &errors)
      run.progress.update(
        done: run.rows, fraction: run.size.map { Double(run.consumed) / Double(max(1, $0)) })
    }

    try input.forEachChunk { chunk in
      run.consumed += chunk.count
      rest.append(contentsOf: chunk)
      var offset = 0
      if workers == nil {
        // The header first, once its record has ended: the first boundary.
        offset = boundaries.scan(chunk, untilBoundary: true)
        guard boundaries.last.offset > 0 else { return }
        start = boundaries.last
        try readHeader(rest[..<start.offset])
        guard let header = run.header else { return }
        workers = try BatchWorkers(
          header: header, writer: run.writer, count: count, partSize: partSize,
          makeRun: makeRun)
        rest.removeSubrange(..<start.offset)
      }
      // Up to the first boundary past a part's size, and cut there: parts of about equal
      // size keep the workers of a round equally busy.
      while offset < chunk.count {
        let toFill = start.offset + partSize - boundaries.scanned
        let piece = UnsafeRawBufferPointer(rebasing: chunk[offset...])
        if toFill > 0 {
          let step = min(toFill, piece.count)
          boundaries.scan(UnsafeRawBufferPointer(rebasing: piece[..<step]))
          offset += step
        } else {
          let before = boundaries.last.offset
          offset += boundaries.scan(piece, untilBoundary: true)
          if boundaries.last.offset != before { try cut(at: boundaries.last) }
        }
      }
    }
    guard let workers else {
      // The whole input is the header, or nothing.
      try readHeader(rest[...])
      return
    }
    if !rest.isEmpty {
      try workers.add(
        Part(bytes: rest, line: start.lines + 1, rowsBefore: start.records - 1),
        into: &run, output: &output, errors: &errors)
    }
    try workers.flush(into: &run, output: &output, errors: &errors)
  }
}
