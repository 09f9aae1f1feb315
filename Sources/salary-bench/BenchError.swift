#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the benchmark could not measure: the only reasons it exits with a failure. A missed
/// target is a result, not an error.
enum BenchError: Error {
  /// The command line was wrong (exit 64, as `salary` does).
  case usage(String)
  /// A system call failed; the number is its `errno` or returned error.
  case system(String, Int32)
  /// A measured command did not exit with 0.
  case childFailed(command: String, ending: String, errors: String)
  /// A measured command exited with 0 but its output was not what it should be.
  case wrongOutput(String)
  /// The `salary` executable is not where the bench looked.
  case missingSalary(String)

  /// The message for standard error, without the program's name.
  var message: String {
    switch self {
    case .usage(let text):
      return text + "\nUsage: salary-bench [--quick] [--case NAME]... [--reps N] "
        + "[--format table|csv|json] [--salary PATH]\n  See 'salary-bench --help'."
    case .system(let text, let code):
      return "\(text): \(String(cString: strerror(code)))"
    case .childFailed(let command, let ending, let errors):
      let detail = errors.isEmpty ? "" : "\nIts standard error:\n" + errors
      return "\(command) \(ending)." + detail
    case .wrongOutput(let text):
      return text
    case .missingSalary(let path):
      return "no salary executable at \(path). Build it first, then run the bench:\n"
        + "  swift build -c release\n  swift run -c release salary-bench"
    }
  }

  /// The exit status: 64 for a usage error, 1 otherwise.
  var exitStatus: Int32 {
    if case .usage = self { return 64 }
    return 1
  }
}
