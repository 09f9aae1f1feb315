import ArgumentParsing
import SalaryData

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input read more than once: a first pass checks it whole before a second one writes
/// anything. A regular file is opened again for each pass; standard input (`-`), a pipe or
/// any other stream is copied, as the first pass reads it, to an unnamed temporary file
/// (`O_TMPFILE` in `$TMPDIR` or `/tmp`, gone when the process ends) that later passes read.
final class ReplayableInput {
  /// The path the user gave (`-` for standard input), for messages and for regular files.
  let path: String
  /// The copy of a stream, once the first pass made it; -1 before.
  private var copy: Int32 = -1
  private let isRegularFile: Bool

  init(path: String) {
    self.path = path
    isRegularFile = LocalFile.size(of: path) != nil
  }

  deinit { if copy >= 0 { close(copy) } }

  /// The input's size in bytes, when it is a regular file.
  var size: Int? { LocalFile.size(of: path) }

  /// Calls `body` with successive chunks of the input, from its start.
  ///
  /// - Throws: ``LocalFileError`` when it cannot be read; ``CommandFailure`` when the copy
  ///   of a stream cannot be written; what `body` throws.
  func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
    if isRegularFile {
      try LocalFile.forEachChunk(of: path, body)
    } else if copy >= 0 {
      guard lseek(copy, 0, SEEK_SET) == 0 else { throw Self.copyFailure() }
      try LocalFile.forEachChunk(of: copy, name: path, body)
    } else {
      let copy = try Self.makeCopy()
      do {
        try LocalFile.forEachChunk(of: path) { chunk in
          try Self.write(chunk, to: copy)
          try body(chunk)
        }
      } catch {
        close(copy)
        throw error
      }
      self.copy = copy
    }
  }

  /// The folder temporary files go to.
  private static var folder: String {
    guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
    return String(cString: value)
  }

  private static func makeCopy() throws(CommandFailure) -> Int32 {
    #if os(Linux)
      let unnamed = open(folder, openUnnamed | O_RDWR | O_CLOEXEC, 0o600)
      if unnamed >= 0 { return unnamed }
    #endif
    // Without unnamed files: a named one, unlinked at once.
    var template = Array("\(folder)/.salary-input-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw copyFailure() }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return descriptor
  }

  private static func write(_ chunk: UnsafeRawBufferPointer, to copy: Int32) throws(CommandFailure)
  {
    var offset = 0
    while offset < chunk.count {
      let written = Glibc.write(copy, chunk.baseAddress! + offset, chunk.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw copyFailure()
      }
      offset += written
    }
  }

  private static func copyFailure() -> CommandFailure {
    CommandFailure(
      "Cannot keep a copy of the input in '\(folder.echoed)' to read it twice: "
        + "\(String(cString: strerror(errno))). Set TMPDIR to a folder with room, or give a "
        + "file instead of a stream.")
  }
}
