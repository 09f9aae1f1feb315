/// A ZIP archive written front to back into the caller's buffer, for a destination that
/// cannot seek (a pipe, or a file written once): every entry is stored (not compressed),
/// and an entry whose size is not known in advance is followed by a data descriptor
/// (general-purpose bit 3) carrying the CRC-32 and size computed as its bytes went by.
///
/// The writer never holds an entry's contents: memory stays flat at any size. It does not
/// write ZIP64: an archive that would pass 4 GiB, or 65,535 entries, is refused with
/// ``ZipError`` before a byte past the limit is written.
///
/// ```swift
/// var zip = ZipWriter()
/// var bytes: [UInt8] = []
/// try zip.addEntry("hello.txt", contents: Array("hi".utf8), into: &bytes)
/// try zip.finish(into: &bytes)  // bytes is now a complete archive
/// ```
public struct ZipWriter: Sendable {
  /// One entry, as the central directory lists it.
  private struct Entry: Sendable {
    var name: [UInt8]
    var offset: UInt64
    var crc: UInt32
    var size: UInt64
    var hasDescriptor: Bool
  }

  /// The entry being streamed, if one is.
  private struct OpenEntry: Sendable {
    var entry: Entry
    var crc = CRC32()
  }

  /// The largest size or offset the archive may hold without ZIP64: 0xFFFFFFFE, since
  /// readers take 0xFFFFFFFF to mean that the ZIP64 record holds the value.
  let limit: UInt64
  private var entries: [Entry] = []
  private var open: OpenEntry?
  /// Bytes written so far: the next local header's offset.
  private var written: UInt64 = 0

  /// An empty archive.
  public init() { self.init(limit: UInt64(UInt32.max) - 1) }

  /// An empty archive refusing sizes past `limit`, so the limit can be tested cheaply.
  init(limit: UInt64) { self.limit = limit }

  /// Whether an entry is being streamed.
  public var hasOpenEntry: Bool { open != nil }

  /// Adds a whole entry whose contents are at hand: its CRC and size go in its header.
  ///
  /// - Precondition: No entry is open.
  /// - Throws: ``ZipError/tooLarge`` past the ZIP32 limits.
  public mutating func addEntry(
    _ name: String, contents: [UInt8], into bytes: inout [UInt8]
  ) throws(ZipError) {
    precondition(open == nil, "finish the open entry first")
    let entry = Entry(
      name: Array(name.utf8), offset: written, crc: CRC32.checksum(contents),
      size: UInt64(contents.count), hasDescriptor: false)
    try check(entry)
    try check(written + UInt64(30 + entry.name.count) + entry.size)
    appendLocalHeader(entry, into: &bytes)
    bytes.append(contentsOf: contents)
    written += entry.size
    entries.append(entry)
  }

  /// Starts an entry whose bytes come later through ``write(_:into:)``, ended by
  /// ``finishEntry(into:)``.
  ///
  /// - Precondition: No entry is open.
  public mutating func startEntry(_ name: String, into bytes: inout [UInt8]) throws(ZipError) {
    precondition(open == nil, "finish the open entry first")
    let entry = Entry(name: Array(name.utf8), offset: written, crc: 0, size: 0, hasDescriptor: true)
    try check(entry)
    try check(written + UInt64(30 + entry.name.count))
    appendLocalHeader(entry, into: &bytes)
    open = OpenEntry(entry: entry)
  }

  /// Appends `data` to the open entry.
  ///
  /// - Precondition: An entry is open.
  /// - Throws: ``ZipError/tooLarge`` when the entry or the archive would pass 4 GiB.
  public mutating func write(_ data: UnsafeRawBufferPointer, into bytes: inout [UInt8])
    throws(ZipError)
  {
    try account(data.count)
    open!.crc.update(data)
    bytes.append(contentsOf: data)
  }

  /// Appends `data` to the open entry.
  public mutating func write(_ data: [UInt8], into bytes: inout [UInt8]) throws(ZipError) {
    try account(data.count)
    data.withUnsafeBytes { open!.crc.update($0) }
    bytes.append(contentsOf: data)
  }

  /// Counts `count` more bytes of the open entry, refusing them past the limit.
  private mutating func account(_ count: Int) throws(ZipError) {
    precondition(open != nil, "start an entry first")
    let size = open!.entry.size + UInt64(count)
    try check(written + UInt64(count))
    try check(size)
    open!.entry.size = size
    written += UInt64(count)
  }

  /// Ends the open entry with its data descriptor: signature, CRC-32, sizes.
  public mutating func finishEntry(into bytes: inout [UInt8]) throws(ZipError) {
    precondition(open != nil, "start an entry first")
    var entry = open!.entry
    entry.crc = open!.crc.value
    open = nil
    try check(written + 16)
    bytes.appendLittleEndian(UInt32(0x0807_4B50))
    bytes.appendLittleEndian(entry.crc)
    bytes.appendLittleEndian(UInt32(entry.size))
    bytes.appendLittleEndian(UInt32(entry.size))
    written += 16
    entries.append(entry)
  }

  /// Writes the central directory and its end record: the archive is complete.
  ///
  /// - Precondition: No entry is open.
  public mutating func finish(into bytes: inout [UInt8]) throws(ZipError) {
    precondition(open == nil, "finish the open entry first")
    let start = written
    var size: UInt64 = 0
    for entry in entries {
      let before = bytes.count
      bytes.appendLittleEndian(UInt32(0x0201_4B50))
      bytes.appendLittleEndian(UInt16(20))  // made by: MS-DOS attributes, version 2.0
      appendCommonFields(entry, local: false, into: &bytes)
      bytes.appendLittleEndian(UInt16(0))  // file comment length
      bytes.appendLittleEndian(UInt16(0))  // disk number start
      bytes.appendLittleEndian(UInt16(0))  // internal attributes
      bytes.appendLittleEndian(UInt32(0))  // external attributes
      bytes.appendLittleEndian(UInt32(entry.offset))
      bytes.append(contentsOf: entry.name)
      size += UInt64(bytes.count - before)
    }
    try check(start + size + 22)
    bytes.appendLittleEndian(UInt32(0x0605_4B50))
    bytes.appendLittleEndian(UInt16(0))  // this disk
    bytes.appendLittleEndian(UInt16(0))  // disk of the central directory
    bytes.appendLittleEndian(UInt16(entries.count))
    bytes.appendLittleEndian(UInt16(entries.count))
    bytes.appendLittleEndian(UInt32(size))
    bytes.appendLittleEndian(UInt32(start))
    bytes.appendLittleEndian(UInt16(0))  // comment length
    written += size + 22
  }

  /// A local file header: for a streamed entry, CRC and sizes are zero and bit 3 says they
  /// follow the data.
  private mutating func appendLocalHeader(_ entry: Entry, into bytes: inout [UInt8]) {
    bytes.appendLittleEndian(UInt32(0x0403_4B50))
    appendCommonFields(entry, local: true, into: &bytes)
    bytes.append(contentsOf: entry.name)
    written += UInt64(30 + entry.name.count)
  }

  /// The fields a local header and a central directory record share, from the version
  /// needed to the extra field's length.
  private func appendCommonFields(_ entry: Entry, local: Bool, into bytes: inout [UInt8]) {
    bytes.appendLittleEndian(UInt16(20))  // version needed: 2.0
    // Bit 3: sizes in a data descriptor; bit 11: the name is UTF-8.
    bytes.appendLittleEndian(UInt16((entry.hasDescriptor ? 0x0008 : 0) | 0x0800))
    bytes.appendLittleEndian(UInt16(0))  // stored
    bytes.appendLittleEndian(UInt16(0))  // time 00:00:00
    bytes.appendLittleEndian(UInt16(0x21))  // date 1980-01-01: the same bytes on every run
    let known = !(local && entry.hasDescriptor)
    bytes.appendLittleEndian(known ? entry.crc : 0)
    bytes.appendLittleEndian(known ? UInt32(entry.size) : 0)
    bytes.appendLittleEndian(known ? UInt32(entry.size) : 0)
    bytes.appendLittleEndian(UInt16(entry.name.count))
    bytes.appendLittleEndian(UInt16(0))  // extra field length
  }

  /// Refuses an entry the format cannot name or count.
  private func check(_ entry: Entry) throws(ZipError) {
    guard entry.name.count <= Int(UInt16.max) else { throw .nameTooLong }
    guard entries.count < Int(UInt16.max) else { throw .tooManyEntries }
  }

  /// Refuses a size or an offset past the limit.
  private func check(_ size: UInt64) throws(ZipError) {
    guard size <= limit else { throw .tooLarge(limit: limit) }
  }
}

/// Why an archive cannot be written.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An entry or the archive would pass 4 GiB, which needs ZIP64, not written here.
  case tooLarge(limit: UInt64)
  /// More than 65,535 entries.
  case tooManyEntries
  /// A name longer than 65,535 bytes.
  case nameTooLong

  public var description: String {
    switch self {
    case .tooLarge(let limit):
      "the workbook would pass \(limit) bytes, the most a ZIP file holds without ZIP64 "
        + "(not written); write fewer rows, or CSV"
    case .tooManyEntries: "more than 65,535 parts, the most a ZIP file holds without ZIP64"
    case .nameTooLong: "a part name longer than 65,535 bytes"
    }
  }
}

extension [UInt8] {
  /// Appends `value` in little-endian byte order, as ZIP stores every number.
  mutating func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value) {
    var value = value.littleEndian
    Swift.withUnsafeBytes(of: &value) { append(contentsOf: $0) }
  }
}
