import ArgumentParsing
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary files of unfinished outputs when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP, SIGQUIT), then lets the signal end the process as usual.
///
/// Paths live in a fixed table of C strings that the signal handler reads without a lock
/// (a handler may not take one); registering and unregistering, from any thread, take the
/// lock. The handlers are installed on the first registration and stay: with no path
/// registered they only restore the default action and raise the signal again. A signal
/// the process was started ignoring (SIGHUP under `nohup`) is left ignored.
enum InterruptCleanup {
  static let capacity = 16

  /// The table the handler reads: `capacity` pointers, each a path or nil.
  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> =
    {
      let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
      table.initialize(repeating: nil, count: capacity)
      return table
    }()

  /// Whether the handlers are installed, under the lock.
  private static let installed = Mutex(false)

  /// Holds `file` for removal on a signal; the slot to give back to ``unregister(_:)``, or
  /// nil when the table is full (the file is then not removed on a signal).
  static func register(_ file: String) -> Int? {
    installed.withLock { installed in
      if !installed {
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] where !isIgnored(signal) {
          _ = Glibc.signal(signal) { number in
            for index in 0..<InterruptCleanup.capacity {
              if let path = InterruptCleanup.slots[index] { unlink(path) }
            }
            _ = Glibc.signal(number, SIG_DFL)
            raise(number)
          }
        }
        installed = true
      }
      for index in 0..<capacity where slots[index] == nil {
        slots[index] = strdup(file)
        return index
      }
      return nil
    }
  }

  /// Gives SIGQUIT its default action back: the Swift runtime's backtracer takes it over
  /// to print a stack trace and then lets the process go on, where a user who pressed
  /// Ctrl-\ (or a supervisor that sent it) expects the process to quit. Left alone when
  /// the process was started ignoring it.
  static func restoreQuitSignal() {
    if !isIgnored(SIGQUIT) { _ = Glibc.signal(SIGQUIT, SIG_DFL) }
  }

  /// Whether `signal` is ignored, as `nohup` ignores SIGHUP: it stays ignored.
  private static func isIgnored(_ signal: Int32) -> Bool {
    var current = sigaction()
    guard sigaction(signal, nil, &current) == 0 else { return false }
    return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
      == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// Forgets the path in `slot`.
  static func unregister(_ slot: Int?) {
    guard let slot else { return }
    installed.withLock { _ in
      let path = slots[slot]
      slots[slot] = nil
      free(path)
    }
  }
}
