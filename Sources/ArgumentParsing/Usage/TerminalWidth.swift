// The width help is wrapped to: COLUMNS, else the terminal's, else 80.

@preconcurrency import Glibc

/// The screen width for help, found as swift-argument-parser finds it.
public enum TerminalWidth {
  /// The width when neither `COLUMNS` nor the terminal tells one.
  public static let defaultWidth = 80

  /// `COLUMNS` if it is a whole number, else the width of the terminal on standard output,
  /// else 80.
  public static func current() -> Int {
    let columns = getenv("COLUMNS").map { String(cString: $0) }
    return resolve(columns: columns, reported: { reportedWidth() })
  }

  /// The width from the value of `COLUMNS` and the terminal's own report, asked only if needed.
  ///
  ///     TerminalWidth.resolve(columns: "60", reported: { 120 })  // 60
  ///     TerminalWidth.resolve(columns: nil, reported: { nil })   // 80
  public static func resolve(columns: String?, reported: () -> Int?) -> Int {
    if let columns, let width = Int(columns) { return width }
    return reported() ?? defaultWidth
  }

  /// The width the terminal on standard output reports, if it is a terminal.
  public static func reportedWidth() -> Int? {
    var size = winsize()
    let status = withUnsafeMutablePointer(to: &size) {
      ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0)
    }
    guard status == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
