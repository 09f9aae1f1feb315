// Standard output and standard error as text output streams, without Foundation.

@preconcurrency import Glibc

/// Standard output as a `TextOutputStream`, for ``CommandDispatcher``.
public struct StandardOutputStream: TextOutputStream {
  public init() {}

  /// Writes `string` as UTF-8.
  public mutating func write(_ string: String) {
    writeBytes(string, to: stdout)
  }
}

/// Standard error as a `TextOutputStream`, for ``CommandDispatcher``.
public struct StandardErrorStream: TextOutputStream {
  public init() {}

  /// Writes `string` as UTF-8.
  public mutating func write(_ string: String) {
    writeBytes(string, to: stderr)
  }
}

private func writeBytes(_ string: String, to stream: UnsafeMutablePointer<FILE>) {
  var string = string
  string.withUTF8 { bytes in
    _ = fwrite(bytes.baseAddress, 1, bytes.count, stream)
  }
}
