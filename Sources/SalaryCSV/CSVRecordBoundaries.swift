/// Finds where records end in CSV bytes without parsing them, so that an input can be cut
/// into parts that separate readers parse at the same time.
///
/// Feed the input's bytes in order with ``scan(_:)``. A place just after a line end outside
/// a quoted field is a record boundary: after an LF, or after a CR whose next byte is known
/// and is not an LF (a CR at the end of what was scanned waits for the next byte). For the
/// last boundary seen it keeps the offset from the input's start, the physical lines and the
/// records before it, counted as ``CSVReader`` counts them: a CR, an LF, or a CRLF ends a
/// line (inside quotes too); a line end outside quotes ends a record.
///
/// Whether a byte is inside a quoted field is told by the parity of the quotes before it,
/// which is exact for input a reader accepts. In input it rejects, the boundaries after the
/// first error may be wrong; the part that holds that error still starts at a true
/// boundary, so reading the parts in order meets the same first error.
///
///     var boundaries = CSVRecordBoundaries()
///     Array("a,b\n\"x\ny\",2\n1".utf8).withUnsafeBytes { boundaries.scan($0) }
///     // boundaries.last == Boundary(offset: 12, lines: 3, records: 2)
public struct CSVRecordBoundaries: Sendable {
  /// A record boundary: its offset from the input's start, and the physical lines and the
  /// records wholly before it.
  public struct Boundary: Equatable, Sendable {
    public var offset: Int
    public var lines: Int
    public var records: Int

    public init(offset: Int, lines: Int, records: Int) {
      self.offset = offset
      self.lines = lines
      self.records = records
    }
  }

  private let quote: UInt8
  /// The bytes scanned so far.
  public private(set) var scanned = 0
  /// The last boundary found; offset 0 before any.
  public private(set) var last = Boundary(offset: 0, lines: 0, records: 0)
  private var lines = 0
  private var records = 0
  private var quoted = false
  /// Whether the last byte scanned was a CR outside quotes, whose boundary waits on the
  /// next byte.
  private var pendingCR = false
  private var lastWasCR = false

  /// Where a reader that has read the same bytes has ended its last record: ``last``, or
  /// just after a CR at the end of the bytes scanned, which ends a record whatever comes
  /// next (its boundary waits on the next byte only to know whether an LF is part of it).
  public var lastRecordEnd: Boundary {
    pendingCR ? Boundary(offset: scanned, lines: lines, records: records) : last
  }

  public init(configuration: CSVReader.Configuration = .rfc4180) {
    quote = configuration.quote
  }

  /// Scans the next bytes of the input; with `untilBoundary`, only up to the first
  /// boundary found in them (``last`` is then that boundary). Returns how many bytes it
  /// scanned; the rest are for the next call.
  @discardableResult
  public mutating func scan(_ bytes: UnsafeRawBufferPointer, untilBoundary: Bool = false) -> Int {
    let cr: UInt8 = 0x0D
    let lf: UInt8 = 0x0A
    let quote = self.quote
    var lines = self.lines
    var records = self.records
    var quoted = self.quoted
    var lastWasCR = self.lastWasCR
    var pendingCR = self.pendingCR
    var last = self.last
    var count = bytes.count
    var index = 0
    while index < count {
      if !pendingCR && count - index >= 8 {
        // Eight bytes at a time up to the next quote or line end: most bytes are neither.
        let word = UInt64(
          littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let special =
          Self.positions(of: quote, in: word) | Self.positions(of: cr, in: word)
          | Self.positions(of: lf, in: word)
        if special == 0 {
          lastWasCR = false
          index += 8
          continue
        }
        let skipped = special.trailingZeroBitCount / 8
        if skipped > 0 {
          lastWasCR = false
          index += skipped
        }
      }
      let byte = bytes[index]
      if pendingCR {
        pendingCR = false
        if byte != lf {
          last = Boundary(offset: scanned + index, lines: lines, records: records)
          if untilBoundary {
            count = index
            break
          }
        }
      }
      // Bytes above the line ends and quote in the ASCII table, the bulk, skip the tests.
      if byte > quote && byte > cr {
        lastWasCR = false
        index += 1
        continue
      }
      if byte == quote {
        quoted.toggle()
      } else if byte == cr {
        lines += 1
        if !quoted {
          records += 1
          pendingCR = true
        }
      } else if byte == lf {
        if !lastWasCR {
          lines += 1
          if !quoted { records += 1 }
        }
        if !quoted {
          last = Boundary(offset: scanned + index + 1, lines: lines, records: records)
          if untilBoundary {
            lastWasCR = false
            count = index + 1
            break
          }
        }
      }
      lastWasCR = byte == cr
      index += 1
    }
    scanned += count
    self.lines = lines
    self.records = records
    self.quoted = quoted
    self.lastWasCR = lastWasCR
    self.pendingCR = pendingCR
    self.last = last
    return count
  }

  /// The high bit of each byte of `word` that may equal `byte`: exact for the lowest such
  /// byte (a borrow can only mark bytes above a true match), so its trailing zero count
  /// finds the first match. Zero when no byte matches.
  @inline(__always)
  static func positions(of byte: UInt8, in word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & (ones << 7)
  }
}
