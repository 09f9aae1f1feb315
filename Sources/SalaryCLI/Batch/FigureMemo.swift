import SalaryCSV

/// The fields of a batch row from its experience on (experience used, level, the market's
/// fields, five percentiles), made once for each market and experience (or level) that
/// rows have, and kept one after another in one block of memory that rows copy from.
///
/// A row finds its fields by position for whole tenths of a year from 0 to 60 (what
/// people type), by the number's bits for any other experience, and by the level's number
/// for a level; finding them touches no reference count and little memory, since most
/// rows of a batch find fields made before. Memory stays bounded: past ``byteLimit`` the
/// memo forgets everything in one go and makes again what later rows ask for.
///
/// One a thread: it is not shared.
struct FigureMemo {
  /// Where a row's fields are kept: their bytes in the arena and how many fields.
  struct Span {
    var offset: Int32
    var length: Int32
    /// The number of fields; 0 for none made.
    var count: Int32
  }

  /// The most bytes of fields kept.
  let byteLimit: Int
  /// The tenths of a year kept by position: 0 to 60 years.
  static let tenths = 601

  private var arena = Arena()

  /// A memo of at most `byteLimit` bytes of fields (by default 8 MiB, some 150,000 rows'
  /// worth).
  init(byteLimit: Int = 8 << 20) {
    precondition(byteLimit > 0, "room for some fields")
    self.byteLimit = byteLimit
  }
  /// By market number and tenth of a year: `market * tenths + tenth`.
  private var byTenth: [Span] = []
  private var byExperience: [Key: Span] = [:]
  private var byLevel: [Key: Span] = [:]

  private struct Key: Hashable {
    var market: Int
    var value: UInt64
  }

  /// The whole tenth `experience` is, when it is one from 0 to 60 years.
  @inline(__always)
  private static func tenth(_ experience: Double) -> Int? {
    let tenths = (experience * 10).rounded()
    guard tenths >= 0 && tenths <= 600 && tenths / 10 == experience else { return nil }
    return Int(tenths)
  }

  /// The fields made for market number `market` at `experience` (at no level, `level`
  /// -1) or at the level of fast-level number `level`; nil the first time.
  func span(market: Int, experience: Double, level: Int) -> Span? {
    let found: Span?
    if level >= 0 {
      found = byLevel[Key(market: market, value: UInt64(level))]
    } else if let tenth = Self.tenth(experience) {
      let index = market * Self.tenths + tenth
      found = index < byTenth.count ? byTenth[index] : nil
    } else {
      found = byExperience[Key(market: market, value: experience.bitPattern)]
    }
    guard let found, found.count > 0 else { return nil }
    return found
  }

  /// Keeps `fields`, made for market number `market` at `experience` or at the level of
  /// number `level` (-1 for none), and returns where.
  mutating func keep(
    _ fields: CSVEncodedFields, market: Int, experience: Double, level: Int
  ) -> Span {
    if arena.count + fields.byteCount > byteLimit {
      arena.count = 0
      byTenth.removeAll(keepingCapacity: true)
      byExperience.removeAll()
      byLevel.removeAll()
    }
    if !isKnownUniquelyReferenced(&arena) { arena = arena.copy() }
    let span = Span(
      offset: Int32(arena.count), length: Int32(fields.byteCount), count: Int32(fields.count))
    fields.withUnsafeBytes { arena.append($0) }
    if level >= 0 {
      byLevel[Key(market: market, value: UInt64(level))] = span
    } else if let tenth = Self.tenth(experience) {
      let index = market * Self.tenths + tenth
      if index >= byTenth.count {
        let markets = index / Self.tenths + 1
        byTenth += repeatElement(
          Span(offset: 0, length: 0, count: 0), count: markets * Self.tenths - byTenth.count)
      }
      byTenth[index] = span
    } else {
      byExperience[Key(market: market, value: experience.bitPattern)] = span
    }
    return span
  }

  /// The bytes of the fields at `span`, valid until the next ``keep(_:market:experience:
  /// level:)``.
  func bytes(_ span: Span) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: arena.bytes + Int(span.offset), count: Int(span.length))
  }

  /// The memory the fields are kept in, freed with the last memo that holds it.
  private final class Arena {
    var bytes: UnsafeMutableRawPointer
    var capacity = 1 << 16
    var count = 0

    init() { bytes = .allocate(byteCount: capacity, alignment: 16) }

    /// An arena of its own with the same bytes, for a copy of a memo that keeps more.
    func copy() -> Arena {
      let copy = Arena()
      copy.append(UnsafeRawBufferPointer(start: bytes, count: count))
      return copy
    }

    deinit { bytes.deallocate() }

    func append(_ new: UnsafeRawBufferPointer) {
      if count + new.count > capacity {
        var larger = capacity
        while count + new.count > larger { larger *= 2 }
        let moved = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 16)
        moved.copyMemory(from: bytes, byteCount: count)
        bytes.deallocate()
        bytes = moved
        capacity = larger
      }
      if let base = new.baseAddress { (bytes + count).copyMemory(from: base, byteCount: new.count) }
      count += new.count
    }
  }
}
