import ArgumentParsing
import Dispatch
import SalaryCSV

/// Projects scenarios into rows on every core (CSV bytes, JSON lines, or values for a
/// workbook), handing the results back in file order.
///
/// Scenarios are gathered into rounds. A round is split into one contiguous share per
/// worker and the shares are projected at the same time, in the background, while the
/// caller reads the next round's scenarios and is handed the previous round's results.
/// Results come back share by share, scenario by scenario, exactly as one thread would have
/// produced them: the same bytes, the same messages in the same order, the same first
/// error. Each worker has its own ``ScenarioRunner`` (a runner's memo is not thread-safe)
/// and its own output buffer, so memory stays bounded by two rounds (one read, one
/// projected) whatever the size of the file.
final class ScenarioWorkers {
  /// One scenario's result: where its rows end in its worker's bytes, how many rows, or why
  /// it failed.
  struct Outcome {
    var end: Int
    /// Where its rows end in its worker's records, for ``RowEncoding/records``.
    var recordEnd = 0
    var rows: Int
    var failure: (any Error)?
  }

  /// Takes one scenario's outcome with its rows: bytes, or values for ``RowEncoding/records``.
  typealias Delivery = (Outcome, ArraySlice<UInt8>, ArraySlice<[FieldValue]>) throws -> Void

  /// The schema each JSON line names.
  static let schema = "salary.export/1"

  /// What a worker made of its share: the rows of each scenario, one after another, and
  /// one outcome per scenario.
  struct Output {
    var bytes: [UInt8] = []
    var records: [[FieldValue]] = []
    var outcomes: [Outcome] = []
  }

  /// One thread's share of a round.
  final class Worker: @unchecked Sendable {
    let runner: ScenarioRunner
    var writer: CSVWriter
    let encoding: RowEncoding
    let totals: Bool
    var output = Output()
    var scenarios: [Result<Scenario, ValidationError>] = []

    init(runner: ScenarioRunner, writer: CSVWriter, encoding: RowEncoding, totals: Bool) {
      self.runner = runner
      self.writer = writer
      self.encoding = encoding
      self.totals = totals
    }

    /// Projects ``scenarios`` into ``output``, one outcome each.
    func run() {
      output.bytes.removeAll(keepingCapacity: true)
      output.records.removeAll(keepingCapacity: true)
      output.outcomes.removeAll(keepingCapacity: true)
      for item in scenarios {
        let start = output.bytes.count
        let recordStart = output.records.count
        do {
          let scenario = try item.get()
          let report = try runner.run(scenario)
          let rows = report.projection.years.count + (totals ? 1 : 0)
          switch encoding {
          case .csv:
            try report.appendCSVRows(
              to: &writer, &output.bytes, leading: [scenario.name], totals: totals)
          case .jsonLines:
            let table = try report.records(leading: [scenario.name], totals: totals)
            for row in table.rows {
              try RowEncoding.jsonLine(
                schema: ScenarioWorkers.schema, header: ExportColumns.header, row,
                into: &output.bytes)
            }
          case .records:
            output.records += try report.records(leading: [scenario.name], totals: totals).rows
          }
          output.outcomes.append(
            Outcome(end: output.bytes.count, recordEnd: output.records.count, rows: rows))
        } catch {
          output.bytes.removeSubrange(start...)
          output.records.removeSubrange(recordStart...)
          output.outcomes.append(
            Outcome(end: start, recordEnd: recordStart, rows: 0, failure: error))
        }
      }
    }
  }

  /// Scenarios per worker in a full round.
  let share: Int
  private let workers: [Worker]
  private var pending: [Result<Scenario, ValidationError>] = []
  /// The round projecting in the background and how many workers it uses, if one is.
  private var running: (group: DispatchGroup, used: Int)?

  /// Workers, each with a runner like `makeRunner()` gives and a copy of `writer` (which
  /// must have written the header already).
  ///
  /// - Parameters:
  ///   - count: How many threads; by default one per core this process may use.
  ///   - share: Scenarios per worker in a round: by default enough to keep a thread busy
  ///     for a while and few enough that a round's rows stay a few megabytes.
  init(
    writer: CSVWriter, encoding: RowEncoding = .csv, totals: Bool = false, count: Int? = nil,
    share: Int = 512, makeRunner: () -> ScenarioRunner
  ) {
    let cores = count ?? Cores.available
    precondition(cores >= 1 && share >= 1, "at least one worker with at least one scenario")
    self.share = share
    workers = (0..<cores).map { _ in
      Worker(runner: makeRunner(), writer: writer, encoding: encoding, totals: totals)
    }
    pending.reserveCapacity(share * cores)
  }

  /// A round still running when the caller gives up (an error) finishes before the workers
  /// go, so nothing outlives the command.
  deinit {
    running?.group.wait()
  }

  /// Queues a scenario (or a row's problem). When a round is full, waits for the one
  /// before it, calls `deliver` with each of its outcomes and their rows, in file order,
  /// and starts this one in the background.
  ///
  /// Delivering before starting keeps one output buffer per worker, and means nothing is
  /// running when `deliver` throws. Delivery is a copy of a few megabytes; the projecting
  /// takes a hundred times longer.
  func add(
    _ scenario: Result<Scenario, ValidationError>,
    deliver: Delivery
  ) rethrows {
    pending.append(scenario)
    guard pending.count == share * workers.count else { return }
    try hand(settle(), to: deliver)
    start()
  }

  /// Runs what is queued, and delivers every result not yet delivered, in file order.
  func flush(deliver: Delivery) rethrows {
    try hand(settle(), to: deliver)
    start()
    try hand(settle(), to: deliver)
  }

  /// Waits for the round in the background, if one runs, and delivers its results: what
  /// one thread would have delivered before a scenario still queued. For an error met
  /// while reading the scenarios, so that it comes after the rows before it.
  func finishRunning(deliver: Delivery) rethrows {
    try hand(settle(), to: deliver)
  }

  /// Starts the queued scenarios on the workers in the background; none running.
  private func start() {
    precondition(running == nil, "one round at a time")
    guard !pending.isEmpty else { return }
    let used = min(workers.count, (pending.count + share - 1) / share)
    let size = (pending.count + used - 1) / used
    let group = DispatchGroup()
    for (index, worker) in workers.prefix(used).enumerated() {
      worker.scenarios = Array(
        pending[min(index * size, pending.count)..<min((index + 1) * size, pending.count)])
      DispatchQueue.global().async(group: group) { worker.run() }
    }
    pending.removeAll(keepingCapacity: true)
    running = (group, used)
  }

  /// Waits for the running round, if any; returns how many workers it used (0 for none).
  private func settle() -> Int {
    guard let (group, used) = running else { return 0 }
    group.wait()
    running = nil
    for worker in workers.prefix(used) { worker.scenarios = [] }
    return used
  }

  /// Calls `deliver` with the results of the first `used` workers, in order.
  private func hand(_ used: Int, to deliver: Delivery)
    rethrows
  {
    for worker in workers.prefix(used) {
      var start = 0
      var recordStart = 0
      for outcome in worker.output.outcomes {
        try deliver(
          outcome, worker.output.bytes[start..<outcome.end],
          worker.output.records[recordStart..<outcome.recordEnd])
        start = outcome.end
        recordStart = outcome.recordEnd
      }
    }
  }
}
