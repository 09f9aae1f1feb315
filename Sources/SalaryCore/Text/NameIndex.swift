/// Looks entries up by any of their names, ignoring case and punctuation (``nameKey(_:)``),
/// and suggests the closest display names for a name it does not know.
///
///     let places = NameIndex([("austin", "Austin, TX", ["atx"])])
///     places.resolve("AUSTIN tx")   // "austin"
///     places.suggest("austn")       // ["Austin, TX"]
///
/// Every dataset builds three of these at every start, so the index hashes each name's key
/// as it reads its bytes, with FNV-1a, into a table of its own, rather than building the key
/// as a string and hashing that: the keys of the embedded names cost a tenth as much. Two
/// names are only taken to share a key when their keys are equal, not merely their hashes.
public struct NameIndex: Sendable {
  /// A name and its entry's display name.
  private struct Candidate {
    var name: String
    var display: String
  }

  /// Every name with its entry's display name, in order: the candidates of a suggestion.
  private var candidates: [Candidate] = []
  /// The id of the entry each candidate belongs to.
  private var owners: [String] = []
  /// The hash of each candidate's key.
  private var hashes: [UInt64] = []
  /// An open-addressing table of the candidates that claimed their key first, by hash;
  /// -1 where empty. Its size is a power of two, at least twice the number of candidates.
  private var slots: [Int32] = []

  /// Indexes entries by id, display name, the part of the display name before a comma
  /// ("Austin" of "Austin, TX") and aliases. The first entry to claim a name keeps it.
  public init(_ entries: [(id: String, display: String, aliases: [String])]) {
    self.init(entries, id: \.id, display: \.display, aliases: \.aliases)
  }

  /// Indexes entries of any type by the names `id`, `display` and `aliases` read; see
  /// ``init(_:)``. The dataset indexes its places, levels and specializations so, without
  /// building an array of tuples first.
  init<Entry>(
    _ entries: [Entry], id: (Entry) -> String, display: (Entry) -> String,
    aliases: (Entry) -> [String]
  ) {
    let count = entries.reduce(0) { $0 + 3 + aliases($1).count }
    var size = 8
    while size < 2 * count { size *= 2 }
    slots = [Int32](repeating: -1, count: size)
    candidates.reserveCapacity(count)
    owners.reserveCapacity(count)
    hashes.reserveCapacity(count)
    for entry in entries {
      let id = id(entry)
      let display = display(entry)
      add(id, id: id, display: display)
      add(display, id: id, display: display)
      for alias in aliases(entry) { add(alias, id: id, display: display) }
      if let beforeComma = Self.partBeforeComma(display) {
        add(beforeComma, id: id, display: display)
      }
    }
  }

  private mutating func add(_ name: String, id: String, display: String) {
    let hash = keyHash(name)
    let candidate = candidates.count
    candidates.append(Candidate(name: name, display: display))
    owners.append(id)
    hashes.append(hash)
    if case .empty(let slot) = find(name, hash: hash) { slots[slot] = Int32(candidate) }
  }

  /// Where the table holds the candidate whose key is `name`'s, or where it would go.
  private enum Place {
    case found(candidate: Int)
    case empty(slot: Int)
  }

  private func find(_ name: String, hash: UInt64) -> Place {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let candidate = Int(slots[slot])
      if candidate < 0 { return .empty(slot: slot) }
      if hashes[candidate] == hash && sameKey(candidates[candidate].name, name) {
        return .found(candidate: candidate)
      }
      slot = (slot + 1) & mask
    }
  }

  /// The id of the entry named `name`, if any.
  public func resolve(_ name: String) -> String? {
    guard case .found(let candidate) = find(name, hash: keyHash(name)) else { return nil }
    return owners[candidate]
  }

  /// The display names of the entries whose names are closest to `name`, best first.
  public func suggest(_ name: String, limit: Int = 3) -> [String] {
    let matched = suggestions(
      for: nameKey(name), among: candidates.map { nameKey($0.name) }, limit: limit * 4)
    var displays: [String] = []
    for key in matched {
      if let candidate = candidates.first(where: { nameKey($0.name) == key }),
        !displays.contains(candidate.display)
      {
        displays.append(candidate.display)
      }
    }
    return Array(displays.prefix(limit))
  }

  /// The text before the first comma of `display`, if it has one.
  private static func partBeforeComma(_ display: String) -> String? {
    // In ASCII a byte is a character, and finding the byte costs far less than walking
    // characters; elsewhere a comma followed by a combining mark is not a comma.
    let comma = display.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
      if bytes.contains(where: { $0 >= 0x80 }) { return nil }
      return .some(bytes.firstIndex(of: UInt8(ascii: ",")))
    }
    if let found = comma ?? nil {
      return found.map { String(display.utf8.prefix($0))! }
    }
    return display.firstIndex(of: ",").map { String(display[..<$0]) }
  }
}

/// The 64-bit FNV-1a hash of the UTF-8 bytes of `nameKey(name)`.
func keyHash(_ name: String) -> UInt64 {
  let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
    var key = ASCIIKeyBytes(bytes)
    guard key.isASCII else { return nil }
    var hash = fnvOffsetBasis
    while let byte = key.next() { hash = (hash ^ UInt64(byte)) &* fnvPrime }
    return hash
  }
  if let hash = ascii ?? nil { return hash }
  var hash = fnvOffsetBasis
  for byte in nameKey(name).utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
  return hash
}

private let fnvOffsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
private let fnvPrime: UInt64 = 0x100_0000_01b3

/// Whether `nameKey(a) == nameKey(b)`, comparing the keys byte by byte as they are made
/// when both names are ASCII.
func sameKey(_ a: String, _ b: String) -> Bool {
  let result = a.utf8.withContiguousStorageIfAvailable { first -> Bool? in
    b.utf8.withContiguousStorageIfAvailable { second -> Bool? in
      var left = ASCIIKeyBytes(first)
      var right = ASCIIKeyBytes(second)
      guard left.isASCII && right.isASCII else { return nil }
      while true {
        let x = left.next()
        let y = right.next()
        if x != y { return false }
        if x == nil { return true }
      }
    } ?? nil
  }
  return (result ?? nil) ?? (nameKey(a) == nameKey(b))
}

/// The bytes of the key of an ASCII name, one at a time, as ``nameKey(_:)`` makes them:
/// lower case, each run of separators between two words read as one space.
private struct ASCIIKeyBytes {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  /// Whether a byte has been given yet (separators before the first word are dropped).
  var started = false
  /// A byte to give next, held back while the space before it is given.
  var held: UInt8?

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var isASCII: Bool { !bytes.contains(where: { $0 >= 0x80 }) }

  mutating func next() -> UInt8? {
    if let byte = held {
      held = nil
      return byte
    }
    var afterSeparator = false
    while index < bytes.count {
      var byte = bytes[index]
      index += 1
      if isKeySeparator(byte) {
        afterSeparator = true
        continue
      }
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 0x20 }
      if afterSeparator && started {
        held = byte
        return UInt8(ascii: " ")
      }
      started = true
      return byte
    }
    return nil
  }
}
