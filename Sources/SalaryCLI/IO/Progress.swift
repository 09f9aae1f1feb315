#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A progress line on standard error for long work, redrawn in place at most ten times a
/// second: rows done, rows a second and, when the input's size is known, time left. Silent
/// unless standard error is a terminal.
struct Progress {
  private let enabled: Bool
  private let start: Double
  private var lastDraw: Double
  private var drewSomething = false

  init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
    self.enabled = enabled
    self.start = Progress.now()
    self.lastDraw = start
  }

  /// Reports `rows` done, `fraction` (0…1) of the input read when known.
  mutating func update(rows: Int, fraction: Double?) {
    guard enabled, rows & 4_095 == 0 else { return }
    let now = Progress.now()
    guard now - lastDraw >= 0.1 else { return }
    lastDraw = now
    let elapsed = now - start
    let rate = elapsed > 0 ? Double(rows) / elapsed : 0
    var line = "\r\(groupThousands(UInt64(rows))) rows, \(groupThousands(UInt64(rate))) rows/s"
    if let fraction, fraction > 0.01 {
      line += ", about \(Int((elapsed / fraction - elapsed).rounded(.up)))s left"
    }
    write(line + "   ")
    drewSomething = true
  }

  /// Clears the line.
  mutating func finish() {
    guard enabled, drewSomething else { return }
    write("\r" + String(repeating: " ", count: 60) + "\r")
  }

  private func write(_ text: String) {
    var text = text
    text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }

  private static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
