// Standard output and standard error as text output streams, without Foundation.

@preconcurrency import Glibc
import Synchronization

/// Standard output as a `TextOutputStream`, for ``CommandDispatcher``.
///
/// Every write is checked. A `TextOutputStream` cannot throw, so the first failure's
/// `errno` is kept and ``checkWritten()`` reports it when the command is done; bulk
/// output goes through ``write(_:)-(UnsafeRawBufferPointer)``, which throws at once so a
/// long run stops at its first failed write.
public struct StandardOutputStream: TextOutputStream {
  /// The `errno` of the first failed write, or 0.
  private static let firstFailure = Atomic<Int32>(0)

  public init() {}

  /// Writes `string` as UTF-8.
  public mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { bytes in
      if fwrite(bytes.baseAddress, 1, bytes.count, stdout) != bytes.count { Self.noteFailure() }
    }
  }

  /// Writes `bytes` as they are.
  ///
  /// - Throws: ``CommandFailure`` with the system's reason when they cannot be written. A
  ///   reader that went away (a closed pipe) ends the process quietly instead, as the
  ///   default action of `SIGPIPE` does.
  public static func write(_ bytes: UnsafeRawBufferPointer) throws(CommandFailure) {
    guard fwrite(bytes.baseAddress, 1, bytes.count, stdout) == bytes.count else {
      noteFailure()
      throw failure(errno)
    }
  }

  /// Flushes standard output and tells whether everything written to it arrived.
  ///
  /// - Returns: nil when it did; else the failure to report. A reader that went away ends
  ///   the process quietly instead.
  public static func checkWritten() -> CommandFailure? {
    if fflush(stdout) != 0 { noteFailure() }
    let code = firstFailure.load(ordering: .relaxed)
    return code == 0 ? nil : failure(code)
  }

  private static func noteFailure() {
    _ = firstFailure.compareExchange(
      expected: 0, desired: errno == 0 ? EIO : errno, ordering: .relaxed)
  }

  /// The failure for `code`; for `EPIPE` (the reader went away, with `SIGPIPE` ignored)
  /// the process ends as `SIGPIPE` would have ended it: quietly.
  private static func failure(_ code: Int32) -> CommandFailure {
    if code == EPIPE {
      signal(SIGPIPE, SIG_DFL)
      raise(SIGPIPE)
      _exit(128 + SIGPIPE)
    }
    return CommandFailure("Cannot write to standard output: \(String(cString: strerror(code))).")
  }
}

/// Standard error as a `TextOutputStream`, for ``CommandDispatcher``.
public struct StandardErrorStream: TextOutputStream {
  public init() {}

  /// Writes `string` as UTF-8.
  public mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { bytes in
      _ = fwrite(bytes.baseAddress, 1, bytes.count, stderr)
    }
  }
}
