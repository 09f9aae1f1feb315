import ArgumentParsing

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command's bulk output goes: the command's standard output stream, or a file
/// written atomically (an ``AtomicFile``). Bytes are buffered and written in large chunks,
/// and every write is checked: a failed one ends the command with the system's reason.
final class OutputSink {
  /// Where the bytes go.
  private enum Destination {
    /// The command's standard output stream.
    case standardOutput
    /// The `--out` file.
    case file(AtomicFile)
    /// Nowhere: a pass that only checks its input.
    case discarded
    /// Memory, until taken: a worker's share of a batch.
    case kept
  }

  private let destination: Destination
  private var buffer: [UInt8] = []
  static let chunk = 1 << 18

  private init(_ destination: Destination) {
    self.destination = destination
    if case .kept = destination { return }
    buffer.reserveCapacity(Self.chunk)
  }

  /// Standard output, written through the stream each call is given.
  convenience init() { self.init(.standardOutput) }

  /// Nowhere: every byte is dropped, for a pass that only checks its input.
  convenience init(discarding: Void) { self.init(.discarded) }

  /// Memory: every byte is kept until ``take(into:to:)`` hands it on, for a worker that
  /// makes its share of the output while others make theirs.
  convenience init(keeping: Void) { self.init(.kept) }

  /// A file at `path`, replaced atomically.
  ///
  /// - Throws: ``CommandFailure`` as ``AtomicFile/init(path:replace:)``.
  convenience init(file path: String, replace: Bool) throws(CommandFailure) {
    self.init(.file(try AtomicFile(path: path, replace: replace)))
  }

  /// The `--out` file, if the output goes to one.
  private var file: AtomicFile? {
    if case .file(let file) = destination { return file }
    return nil
  }

  /// Whether the bytes are kept until taken.
  private var keeping: Bool {
    if case .kept = destination { return true }
    return false
  }

  /// Whether the output goes to a file (rather than standard output).
  var isFile: Bool { file != nil }

  /// Gives the buffer to `fill`, then writes out a chunk if it is full: lets a writer
  /// append in place without copying.
  func append<Output: TextOutputStream>(
    to output: inout Output, _ fill: (inout [UInt8]) throws -> Void
  ) throws {
    try fill(&buffer)
    if buffer.count >= Self.chunk && !keeping { try flush(to: &output) }
  }

  /// Hands the bytes kept by a sink made with ``init(keeping:)`` on to `other` (see
  /// ``append(_:to:)``), and forgets them.
  func take<Output: TextOutputStream>(into other: OutputSink, to output: inout Output) throws {
    precondition(keeping, "only a keeping sink hands its bytes on")
    defer { buffer.removeAll(keepingCapacity: true) }
    try other.append(buffer, to: &output)
  }

  /// Appends `bytes` made elsewhere (a worker's rows): written out at once, after what is
  /// buffered, when they are a chunk or more, rather than copied into the buffer first.
  func append<Output: TextOutputStream>(_ bytes: [UInt8], to output: inout Output) throws {
    try bytes.withUnsafeBytes { bytes in
      guard bytes.count >= Self.chunk && !keeping else {
        try append(to: &output) { $0.append(contentsOf: bytes) }
        return
      }
      try flush(to: &output)
      try emit(bytes, to: &output)
    }
  }

  /// Writes out everything buffered.
  ///
  /// - Throws: ``CommandFailure`` when the bytes cannot be written.
  func flush<Output: TextOutputStream>(to output: inout Output) throws(CommandFailure) {
    if keeping { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    try buffer.withUnsafeBytes { bytes in
      Result { () throws(CommandFailure) in try emit(bytes, to: &output) }
    }.get()
  }

  /// Writes `bytes` where this sink's bytes go.
  private func emit<Output: TextOutputStream>(
    _ bytes: UnsafeRawBufferPointer, to output: inout Output
  ) throws(CommandFailure) {
    guard !bytes.isEmpty else { return }
    switch destination {
    case .discarded, .kept:
      return
    case .file(let file):
      try file.write(bytes)
    case .standardOutput where Output.self == StandardOutputStream.self:
      // The bytes as they are, straight to the C stream: they are the CSV writer's UTF-8
      // already, and a String of them would check and copy each byte again (a tenth of a
      // fast batch's time).
      try StandardOutputStream.write(bytes)
    case .standardOutput:
      output.write(String(decoding: bytes, as: UTF8.self))
    }
  }

  /// Writes out the rest and, for a file, puts it in the target's place.
  func finish<Output: TextOutputStream>(to output: inout Output) throws(CommandFailure) {
    try flush(to: &output)
    try file?.commit()
  }

  /// Throws away a file's partial output; the target is left as it was. Does nothing once
  /// the file was finished, or for standard output.
  func discard() {
    file?.discard()
  }
}
