// The process exit statuses of the command line.

/// The exit statuses swift-argument-parser uses.
public enum ExitStatus {
  /// Success, including help and version.
  public static let success: Int32 = 0
  /// A command failed (``CommandFailure`` or any other error).
  public static let failure: Int32 = 1
  /// The command line was wrong: `EX_USAGE` from sysexits.h.
  public static let usage: Int32 = 64
}
