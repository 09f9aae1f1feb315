// Timing and memory: a monotonic clock, child processes measured from spawn to exit with
// their peak resident memory, and the statistics of repeated runs.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seconds on the monotonic clock, which no change of the wall clock moves.
func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// What one run of a child process cost.
struct ProcessRun {
  /// From just before the spawn to just after the wait, in seconds.
  var wall: Double
  /// The child's peak resident memory in bytes (`ru_maxrss` of `wait4`).
  var peakBytes: Int
}

/// Runs an executable as a child process, the way a shell would, and measures it.
struct ChildProcess {
  /// The executable's path.
  var executable: String
  var arguments: [String]
  /// Where the child's standard error goes, to be shown if it fails.
  var errorFile: String

  /// Spawns the child with standard input and output on /dev/null and standard error in
  /// `errorFile`, waits for it, and returns its wall time and peak memory.
  ///
  /// `posix_spawn` rather than `Foundation.Process`: it adds nothing to the time measured
  /// but the spawn itself, and `wait4` gives the child's own peak memory, which no
  /// portable API of Foundation does.
  ///
  /// - Throws: ``BenchError`` if the child cannot start or does not exit with 0; the error
  ///   carries the child's standard error.
  func run() throws(BenchError) -> ProcessRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    let argv = ([executable] + arguments).map { strdup($0) }
    defer { for pointer in argv { free(pointer) } }
    var pointers = argv + [nil]

    var pid: pid_t = 0
    let start = monotonicSeconds()
    let spawned = posix_spawn(&pid, executable, &actions, nil, &pointers, environ)
    guard spawned == 0 else {
      throw BenchError.system("cannot run \(executable)", spawned)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw BenchError.system("cannot wait for \(executable)", errno) }
    }
    let wall = monotonicSeconds() - start

    // The W* macros are not imported into Swift: low 7 bits are the signal, then the code.
    let signal = status & 0x7f
    let code = (status >> 8) & 0xff
    guard signal == 0, code == 0 else {
      let ending = signal == 0 ? "exited with \(code)" : "was killed by signal \(signal)"
      throw BenchError.childFailed(
        command: ([executable] + arguments).joined(separator: " "), ending: ending,
        errors: readText(errorFile, limit: 2_000))
    }
    // Linux reports kilobytes (KiB), macOS bytes.
    #if canImport(Darwin)
      let peakBytes = Int(usage.ru_maxrss)
    #else
      let peakBytes = Int(usage.ru_maxrss) * 1_024
    #endif
    return ProcessRun(wall: wall, peakBytes: peakBytes)
  }
}

/// Up to `limit` bytes of a text file, or nothing if it cannot be read.
func readText(_ path: String, limit: Int) -> String {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return "" }
  defer { close(descriptor) }
  var bytes = [UInt8](repeating: 0, count: limit)
  let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, limit) }
  return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
}

/// Counts the line feeds in a file, to check that a run wrote every row.
func countLines(_ path: String) throws(BenchError) -> Int {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { throw BenchError.system("cannot read \(path)", errno) }
  defer { close(descriptor) }
  var buffer = [UInt8](repeating: 0, count: 1 << 20)
  var lines = 0
  while true {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    guard count >= 0 else { throw BenchError.system("cannot read \(path)", errno) }
    if count == 0 { return lines }
    for byte in buffer[0..<count] where byte == UInt8(ascii: "\n") { lines += 1 }
  }
}

/// Keeps a value alive and opaque to the optimizer, so the work that made it is not
/// removed as unused.
@inline(never)
func consume<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

/// The order statistics of repeated measurements.
struct Samples: Sendable {
  /// The measurements, in increasing order.
  let sorted: [Double]

  /// Summarizes `values`; there must be at least one.
  init(_ values: [Double]) {
    precondition(!values.isEmpty, "at least one measurement")
    sorted = values.sorted()
  }

  var count: Int { sorted.count }
  var min: Double { sorted[0] }
  var max: Double { sorted[sorted.count - 1] }
  var median: Double { quantile(0.5) }

  /// The q-quantile, interpolated linearly between order statistics (numpy's default).
  func quantile(_ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let low = Int(position.rounded(.down))
    let high = Swift.min(low + 1, sorted.count - 1)
    return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
  }

  /// Each measurement transformed, such as seconds to rows a second.
  func map(_ transform: (Double) -> Double) -> Samples {
    Samples(sorted.map(transform))
  }
}
