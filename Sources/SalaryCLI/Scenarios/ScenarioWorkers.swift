import Dispatch
import SalaryCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Projects scenarios into CSV rows on every core, handing the results back in file order.
///
/// Scenarios are gathered into rounds. A round is split into one contiguous share per
/// worker, the shares are projected at the same time, and the results are then taken share
/// by share, scenario by scenario, exactly as one thread would have produced them: the same
/// bytes, the same messages in the same order, the same first error. Each worker has its
/// own ``ScenarioRunner`` (a runner's memo is not thread-safe) and its own output buffer,
/// so memory stays bounded by a round whatever the size of the file.
final class ScenarioWorkers {
  /// One scenario's result: where its rows end in its worker's bytes, how many rows, or why
  /// it failed.
  struct Outcome {
    var end: Int
    var rows: Int
    var failure: (any Error)?
  }

  /// One thread's share of a round.
  final class Worker: @unchecked Sendable {
    let runner: ScenarioRunner
    var writer: CSVWriter
    var bytes: [UInt8] = []
    var outcomes: [Outcome] = []
    var scenarios: ArraySlice<Result<Scenario, ValidationError>> = []

    init(runner: ScenarioRunner, writer: CSVWriter) {
      self.runner = runner
      self.writer = writer
    }

    /// Projects ``scenarios`` into ``bytes``, one outcome each.
    func run() {
      bytes.removeAll(keepingCapacity: true)
      outcomes.removeAll(keepingCapacity: true)
      for item in scenarios {
        let start = bytes.count
        do {
          let scenario = try item.get()
          let report = try runner.run(scenario)
          try report.appendCSVRows(to: &writer, &bytes, leading: [scenario.name])
          outcomes.append(Outcome(end: bytes.count, rows: report.projection.years.count + 1))
        } catch {
          bytes.removeSubrange(start...)
          outcomes.append(Outcome(end: start, rows: 0, failure: error))
        }
      }
    }
  }

  /// Scenarios per worker in a full round.
  let share: Int
  private let workers: [Worker]
  private var pending: [Result<Scenario, ValidationError>] = []

  /// Workers, each with a runner like `makeRunner()` gives and a copy of `writer` (which
  /// must have written the header already).
  ///
  /// - Parameters:
  ///   - count: How many threads; by default one per online core, at most eight.
  ///   - share: Scenarios per worker in a round: by default enough to keep a thread busy
  ///     for a while and few enough that a round's rows stay a few megabytes.
  init(
    writer: CSVWriter, count: Int? = nil, share: Int = 512, makeRunner: () -> ScenarioRunner
  ) {
    let cores = count ?? min(max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1), 8)
    precondition(cores >= 1 && share >= 1, "at least one worker with at least one scenario")
    self.share = share
    workers = (0..<cores).map { _ in Worker(runner: makeRunner(), writer: writer) }
    pending.reserveCapacity(share * cores)
  }

  /// Queues a scenario (or a row's problem); when a round is full, runs it and calls
  /// `deliver` with each outcome and its rows, in file order.
  func add(
    _ scenario: Result<Scenario, ValidationError>,
    deliver: (Outcome, ArraySlice<UInt8>) throws -> Void
  ) rethrows {
    pending.append(scenario)
    if pending.count == share * workers.count { try flush(deliver: deliver) }
  }

  /// Runs what is queued and delivers it, in file order.
  func flush(deliver: (Outcome, ArraySlice<UInt8>) throws -> Void) rethrows {
    guard !pending.isEmpty else { return }
    let used = min(workers.count, (pending.count + share - 1) / share)
    let size = (pending.count + used - 1) / used
    for (index, worker) in workers.prefix(used).enumerated() {
      worker.scenarios =
        pending[min(index * size, pending.count)..<min((index + 1) * size, pending.count)]
    }
    if used == 1 {
      workers[0].run()
    } else {
      let active = Array(workers.prefix(used))
      DispatchQueue.concurrentPerform(iterations: used) { active[$0].run() }
    }
    pending.removeAll(keepingCapacity: true)
    for worker in workers.prefix(used) {
      var start = 0
      for outcome in worker.outcomes {
        try deliver(outcome, worker.bytes[start..<outcome.end])
        start = outcome.end
      }
      worker.scenarios = []
    }
  }
}
