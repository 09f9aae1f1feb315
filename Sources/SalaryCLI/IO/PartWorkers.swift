import Dispatch

/// The work on one part of an input at a time: it reads a part's records and keeps what it
/// makes of them until the caller takes it, in file order, with ``PartWorkers``.
protocol PartWorker: AnyObject, Sendable {
  /// Works through `part`, keeping the results (and the error that stopped it, if one
  /// did) for the caller.
  func work(_ part: InputPart)
}

/// Runs the parts of an input (``InputParts``) on every core and hands each part's results
/// back in file order, exactly as one thread reading the whole input would have met them:
/// the same output, the same messages, the same first error.
///
/// Each part goes to an idle worker and is worked in the background, on whichever thread
/// is free, while the caller reads on; when every worker is busy, the caller waits for the
/// oldest part, takes its results and gives its worker the next part. So a slow part holds
/// up only the taking, never the other threads, and memory stays bounded by two parts a
/// thread whatever the input's size. A worker keeps its own state between parts (a memo
/// is not shared by threads unless it says so); it works on one part at a time.
final class PartWorkers<Worker: PartWorker> {
  /// Workers with no part, or whose results have been taken.
  private var idle: [Worker]
  /// The parts at work, oldest first, each with its worker and the signal of its end: two
  /// a thread at most.
  private var atWork: [(worker: Worker, done: DispatchSemaphore)] = []
  /// Whether parts are worked here, one at a time: for one thread.
  private let inline: Bool
  /// Whether a `take` threw: what comes after it in the file is never taken.
  private var takeFailed = false

  /// Workers for `count` threads (``Cores/available`` by default): two a thread from
  /// `makeWorker`, so that every thread has a part to go on with while the caller takes
  /// the results of another; one when there is one thread, which works here.
  init(count: Int? = nil, makeWorker: () throws -> Worker) rethrows {
    let threads = count ?? Cores.available
    precondition(threads >= 1, "at least one thread")
    inline = threads == 1
    idle = try (0..<(inline ? 1 : 2 * threads)).map { _ in try makeWorker() }
  }

  /// Parts still at work when the caller gives up (an error) finish before the workers go,
  /// so nothing outlives the command.
  deinit {
    for (_, done) in atWork { done.wait() }
  }

  /// Starts work on a part; first, when every worker is busy, waits for the oldest part and
  /// calls `take` with its worker.
  func add(_ part: InputPart, take: (Worker) throws -> Void) throws {
    if inline {
      idle[0].work(part)
      try hand(idle[0], to: take)
      return
    }
    if idle.isEmpty { try takeOldest(take) }
    let worker = idle.removeLast()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      worker.work(part)
      done.signal()
    }
    atWork.append((worker, done))
  }

  /// Waits for every part at work and calls `take` with each worker, in file order.
  func flush(take: (Worker) throws -> Void) throws {
    while !atWork.isEmpty { try takeOldest(take) }
  }

  /// After reading the input failed: takes the parts read before it, as one thread would
  /// have met their rows before the failure; unless a `take` failed already, after which
  /// nothing more is taken.
  func finishRunning(take: (Worker) throws -> Void) throws {
    guard !takeFailed else { return }
    try flush(take: take)
  }

  /// Waits for the oldest part at work, makes its worker idle, and calls `take` with it.
  private func takeOldest(_ take: (Worker) throws -> Void) throws {
    let (worker, done) = atWork.removeFirst()
    done.wait()
    idle.append(worker)
    try hand(worker, to: take)
  }

  private func hand(_ worker: Worker, to take: (Worker) throws -> Void) throws {
    do {
      try take(worker)
    } catch {
      takeFailed = true
      throw error
    }
  }
}
