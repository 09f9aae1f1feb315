#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read: the system's reason, such as "No such file or directory".
public struct LocalFileError: Error, Sendable, Equatable {
  public var path: String
  public var reason: String
}

/// Reading files without Foundation.
public enum LocalFile {
  /// The whole contents of a file, or of standard input for `-`.
  ///
  /// - Throws: ``LocalFileError`` with the system's reason when it cannot be opened or read.
  public static func read(_ path: String) throws(LocalFileError) -> [UInt8] {
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw LocalFileError(path: path, reason: systemReason()) }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw LocalFileError(path: path, reason: systemReason())
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// Calls `body` with successive chunks of a file (or of standard input for `-`), reading
  /// `chunkSize` bytes at a time: memory stays constant whatever the file's size.
  ///
  /// - Throws: ``LocalFileError`` when the file cannot be opened or read, or what `body` throws.
  public static func forEachChunk(
    of path: String, chunkSize: Int = 1 << 18, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw LocalFileError(path: path, reason: systemReason()) }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    try forEachChunk(of: descriptor, name: path, chunkSize: chunkSize, body)
  }

  /// Calls `body` with successive chunks read from an open descriptor, to its end.
  ///
  /// - Throws: ``LocalFileError`` naming `name` when it cannot be read, or what `body` throws.
  public static func forEachChunk(
    of descriptor: Int32, name: String, chunkSize: Int = 1 << 18,
    _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = Glibc.read(descriptor, buffer.baseAddress, chunkSize)
      if count < 0 {
        if errno == EINTR { continue }
        throw LocalFileError(path: name, reason: systemReason())
      }
      if count == 0 { return }
      try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// The size of a regular file in bytes, or `nil` (standard input, a pipe, no such file).
  public static func size(of path: String) -> Int? {
    guard path != "-" else { return nil }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  /// The reason for the last failed system call.
  static func systemReason() -> String { String(cString: strerror(errno)) }
}
