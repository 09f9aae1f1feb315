import ArgumentParsing

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command's bulk output goes: the command's standard output stream, or a file
/// written atomically.
///
/// A file is written to a temporary file beside the target (`.name.salary-PID.tmp`) and
/// renamed over the target only when everything was written, so a failure or Ctrl-C never
/// leaves a half-written file; an existing target is refused unless `replace` is set.
/// Bytes are buffered and written in large chunks.
final class OutputSink {
  /// Why output could not be written.
  struct Failure: Error {
    var message: String
  }

  /// The file's descriptor; -1 for standard output, which goes through the command's stream.
  private let descriptor: Int32
  private let target: String?
  private let temporary: String?
  private var buffer: [UInt8] = []
  private var finished = false
  /// Where ``InterruptCleanup`` holds the temporary file's path, if it could.
  private var cleanupSlot: Int?
  /// Whether the file's descriptor is open (the temporary file not yet renamed or removed).
  private var isOpen = false
  static let chunk = 1 << 18

  /// Standard output, written through the stream each call is given.
  init() {
    descriptor = -1
    target = nil
    temporary = nil
    buffer.reserveCapacity(Self.chunk)
  }

  /// A file at `path`, created atomically.
  ///
  /// - Throws: ``Failure`` when the target exists and `replace` is false, or the folder
  ///   cannot be written.
  init(file path: String, replace: Bool) throws(Failure) {
    if !replace && access(path, F_OK) == 0 {
      throw Failure(message: "'\(path)' already exists; give --force to replace it.")
    }
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let temporary = "\(folder).\(name).salary-\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw Failure(message: "Cannot write '\(path)': \(String(cString: strerror(errno))).")
    }
    self.descriptor = descriptor
    self.target = path
    self.temporary = temporary
    buffer.reserveCapacity(Self.chunk)
    isOpen = true
    cleanupSlot = InterruptCleanup.register(temporary)
  }

  deinit {
    if !finished { discard() }
  }

  /// Whether the output goes to a file (rather than standard output).
  var isFile: Bool { target != nil }

  /// Gives the buffer to `fill`, then writes out a chunk if it is full: lets a writer
  /// append in place without copying.
  func append<Output: TextOutputStream>(
    to output: inout Output, _ fill: (inout [UInt8]) throws -> Void
  ) throws {
    try fill(&buffer)
    if buffer.count >= Self.chunk { try flush(to: &output) }
  }

  /// Writes out everything buffered.
  func flush<Output: TextOutputStream>(to output: inout Output) throws(Failure) {
    guard descriptor >= 0 else {
      if Output.self == StandardOutputStream.self {
        // The bytes as they are, through the same stream: they are the CSV writer's UTF-8
        // already, and a String of them would check and copy each byte again (a tenth of a
        // fast batch's time).
        buffer.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
      } else {
        output.write(String(decoding: buffer, as: UTF8.self))
      }
      buffer.removeAll(keepingCapacity: true)
      return
    }
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(
          message: "Cannot write \(target.map { "'\($0)'" } ?? "the output"): "
            + String(cString: strerror(errno)) + ".")
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes out the rest and, for a file, syncs it and renames it over the target.
  func finish<Output: TextOutputStream>(to output: inout Output) throws(Failure) {
    try flush(to: &output)
    finished = true
    guard let target, let temporary, isOpen else { return }
    isOpen = false
    defer { releaseCleanup() }
    let synced = fsync(descriptor) == 0
    let closed = close(descriptor) == 0
    if !synced || !closed || rename(temporary, target) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(message: "Cannot write '\(target)': \(reason).")
    }
  }

  /// Throws away a file's partial output; the target is left as it was. Does nothing once
  /// the file was finished.
  func discard() {
    finished = true
    guard let temporary, isOpen else { return }
    isOpen = false
    close(descriptor)
    unlink(temporary)
    releaseCleanup()
  }

  private func releaseCleanup() {
    InterruptCleanup.unregister(cleanupSlot)
    cleanupSlot = nil
  }
}
