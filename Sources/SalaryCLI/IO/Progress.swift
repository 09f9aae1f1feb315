import ArgumentParsing

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
  private let clock: () -> Double
  private let output: (String) -> Void
  private let start: Double
  private var lastDraw: Double
  private var drewSomething = false
  /// What is counted, in the plural: `rows`, `scenarios`.
  private let unit: String
  /// The count at which to look at the clock next: about twenty times a second at the
  /// rate so far, so a fast loop pays for the clock rarely and a slow one still shows.
  private var nextCheck = 1

  /// Whether standard error is a terminal, where progress is shown by default.
  static var onTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// A progress line on standard error if it is a terminal; `clock` (seconds) and `output`
  /// can be replaced to test it.
  init(
    unit: String = "rows", enabled: Bool = isatty(STDERR_FILENO) == 1,
    clock: @escaping () -> Double = Progress.now,
    output: @escaping (String) -> Void = Progress.writeToStandardError
  ) {
    self.unit = unit
    self.enabled = enabled
    self.clock = clock
    self.output = output
    self.start = clock()
    self.lastDraw = start
  }

  /// Reports `done` units of work, `fraction` (0…1) of the input read when known.
  mutating func update(done: Int, fraction: Double?) {
    guard enabled, done >= nextCheck else { return }
    let now = clock()
    let elapsed = now - start
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    nextCheck = done + max(1, Int(min(rate * 0.05, 1e9)))
    guard now - lastDraw >= 0.1 else { return }
    lastDraw = now
    var line =
      "\r\(groupThousands(UInt64(done))) \(unit), \(groupThousands(UInt64(rate.rounded()))) \(unit)/s"
    if let fraction, fraction > 0.01 {
      line += ", about \(Int((elapsed / fraction - elapsed).rounded(.up)))s left"
    }
    output(line + "   ")
    drewSomething = true
  }

  /// Clears the line.
  mutating func finish() {
    guard enabled, drewSomething else { return }
    output("\r" + String(repeating: " ", count: 60) + "\r")
  }

  static func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }

  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
