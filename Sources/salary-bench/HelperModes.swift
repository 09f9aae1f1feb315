// The bench's helper modes: this executable run again, fresh, to measure what a fresh
// process sees.
//
// Why a measuring parent: on Linux a child's `ru_maxrss` is at least its parent's peak
// resident memory at the moment of the spawn. `posix_spawn` (like vfork) runs the child in
// the parent's address space until `exec`, and `exec` folds that address space's high-water
// mark into the child's figure. A bench that has generated a million rows or run the
// in-process cases would lend its own peak to every `salary` it measures. So each `salary`
// is spawned by a fresh copy of this executable, whose peak is the Swift runtime's few
// megabytes (9 MB here, `--salary /bin/true` shows it), below any `salary` process's own
// (10 MB for `salary --version`), so it never shows in a result.

import SalaryCore
import SalaryData

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `salary-bench --measuring-parent [--one-core] RESULT STDERR EXECUTABLE ARGUMENTS...`:
/// runs one child (pinned to one core with `--one-core`), measures it and writes
/// `wall-seconds peak-bytes` to RESULT. Internal; not in the help.
enum MeasuringParent {
  /// The flag that selects this mode; it must come first.
  static let flag = "--measuring-parent"
  /// The flag after it that pins the child to one core.
  static let oneCore = "--one-core"

  /// Runs the mode for `arguments` (after the flag) and returns the exit status.
  static func main(_ arguments: [String]) -> Int32 {
    let pinned = arguments.first == oneCore
    let arguments = pinned ? Array(arguments.dropFirst()) : arguments
    guard arguments.count >= 3 else {
      writeError(
        "salary-bench: \(flag) needs [\(oneCore)] RESULT STDERR EXECUTABLE [ARGUMENTS...]\n")
      return 64
    }
    let child = ChildProcess(
      executable: arguments[2], arguments: Array(arguments.dropFirst(3)),
      errorFile: arguments[1])
    do throws(BenchError) {
      if pinned { try pinToOneCore() }  // the child inherits the mask
      let run = try child.run()
      var file = try BufferedFile(path: arguments[0])
      file.append("\(run.wall) \(run.peakBytes)\n")
      try file.finish()
      return 0
    } catch {
      writeError(error.message + "\n")
      return 1
    }
  }

  /// The measurement a helper wrote to `path`.
  static func read(_ path: String) throws(BenchError) -> ProcessRun {
    let fields = readText(path, limit: 200).split(separator: " ")
    guard fields.count == 2, let wall = Double(fields[0]),
      let peak = Int(fields[1].split(separator: "\n").first ?? "")
    else {
      throw BenchError.wrongOutput("the measuring helper wrote no result to \(path)")
    }
    return ProcessRun(wall: wall, peakBytes: peak)
  }
}

/// `salary-bench --first-dataset-load RESULT`: times the process's first
/// `EmbeddedDataset.load()` and writes `wall-seconds 0` to RESULT. Internal; not in the
/// help.
enum FirstDatasetLoad {
  /// The flag that selects this mode; it must come first.
  static let flag = "--first-dataset-load"

  /// Runs the mode for `arguments` (after the flag) and returns the exit status.
  static func main(_ arguments: [String]) -> Int32 {
    guard arguments.count == 1 else {
      writeError("salary-bench: \(flag) needs RESULT\n")
      return 64
    }
    do throws(BenchError) {
      let start = monotonicSeconds()
      consume(try load())
      let wall = monotonicSeconds() - start
      var file = try BufferedFile(path: arguments[0])
      // The format of the measuring parent's result; only the time is used.
      file.append("\(wall) 0\n")
      try file.finish()
      return 0
    } catch {
      writeError(error.message + "\n")
      return 1
    }
  }

  /// Loads the embedded dataset, as `salary` does before any command.
  static func load() throws(BenchError) -> Dataset {
    do {
      return try EmbeddedDataset.load()
    } catch {
      throw BenchError.wrongOutput("the embedded dataset does not load: \(error)")
    }
  }
}

/// Writes `text` to standard error.
func writeError(_ text: String) {
  fputs(text, stderr)
}

/// The progress of one case on standard error, redrawn in place; silent unless standard
/// error is a terminal, so logs and pipes get only the results.
struct ProgressLine {
  private let name: CaseName
  private let enabled = isatty(STDERR_FILENO) == 1

  /// A progress line for the case `name`.
  init(name: CaseName) { self.name = name }

  /// Shows `step` of the case.
  func show(_ step: String) {
    guard enabled else { return }
    writeError("\r\u{1B}[K\(name.rawValue): \(step)")
  }

  /// Clears the line.
  func clear() {
    guard enabled else { return }
    writeError("\r\u{1B}[K")
  }
}
