import ArgumentParsing

/// A key made of a few byte strings, such as a row's market cells, pointing into the row:
/// nothing is copied to make it. Its hash is 64-bit FNV-1a over each part's bytes and then its
/// length, so that `["ab", ""]` and `["a", "b"]` differ.
struct CellKey {
  /// The most parts a key has: the market columns.
  static let maxParts = 5

  private(set) var parts = InlineArray<5, UnsafeRawBufferPointer>(
    repeating: UnsafeRawBufferPointer(start: nil, count: 0))
  private(set) var count = 0
  private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Adds a part; a key has at most ``maxParts``.
  @inline(__always)
  mutating func append(_ part: UnsafeRawBufferPointer) {
    precondition(count < Self.maxParts, "a key has at most five parts")
    parts[count] = part
    count += 1
    // A multiply and an exclusive-or a byte: for a few short cells, cheaper than any other
    // way of finding them again.
    var hash = hash
    for byte in part {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    self.hash = (hash ^ UInt64(part.count)) &* 0x100_0000_01b3
  }
}

/// Numbers the distinct keys it is given, in the order first seen, so that a batch finds a
/// row's market or level again without making a `String` or a dictionary lookup by one.
/// Open addressing over a power-of-two table of the keys' hashes; a hash match is confirmed
/// by comparing the bytes, so a collision costs time, never a wrong answer.
///
///     var index = ByteKeyIndex()
///     var key = CellKey()
///     key.append(austinCell)
///     index.find(key)  // nil
///     index.insert(key)  // 0
///     index.find(key)  // 0
struct ByteKeyIndex {
  /// A key's hash, and where its parts' lengths and bytes are kept.
  private struct Entry {
    var hash: UInt64
    var firstPart: Int
    var firstByte: Int
  }

  /// Each slot holds a key's number, or -1 when empty; a power of two long, at most half full.
  private var slots = [Int32](repeating: -1, count: 16)
  private var entries: [Entry] = []
  /// Every key's parts' lengths, then every key's bytes, one key after the other.
  private var partLengths: [Int] = []
  private var keyBytes: [UInt8] = []

  /// How many keys are numbered.
  var count: Int { entries.count }

  /// The number of `key`, or nil if it was never inserted.
  ///
  /// - Complexity: O(*n*) in the key's length, expected.
  func find(_ key: CellKey) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key.hash) & mask
    while true {
      let found = Int(slots[slot])
      if found < 0 { return nil }
      if entries[found].hash == key.hash && matches(entries[found], key) { return found }
      slot = (slot + 1) & mask
    }
  }

  /// Numbers `key`, which must not be in the index yet, and returns its number.
  @discardableResult
  mutating func insert(_ key: CellKey) -> Int {
    let number = entries.count
    precondition(number < Int(Int32.max), "too many keys")
    entries.append(Entry(hash: key.hash, firstPart: partLengths.count, firstByte: keyBytes.count))
    for index in 0..<key.count {
      partLengths.append(key.parts[index].count)
      keyBytes.append(contentsOf: key.parts[index])
    }
    if 2 * entries.count > slots.count {
      rehash(slotCount: 2 * slots.count)
    } else {
      place(number)
    }
    return number
  }

  /// Whether `entry` holds `key`'s parts: as many, as long, with the same bytes. (A key of
  /// another column layout never meets this index: every key of one index has the same
  /// number of parts.)
  private func matches(_ entry: Entry, _ key: CellKey) -> Bool {
    keyBytes.withUnsafeBufferPointer { stored in
      var offset = entry.firstByte
      for index in 0..<key.count {
        let part = key.parts[index]
        guard partLengths[entry.firstPart + index] == part.count else { return false }
        for byte in part {
          if stored[offset] != byte { return false }
          offset += 1
        }
      }
      return true
    }
  }

  private mutating func place(_ number: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: entries[number].hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(number)
  }

  private mutating func rehash(slotCount: Int) {
    slots = [Int32](repeating: -1, count: slotCount)
    for number in entries.indices { place(number) }
  }
}
