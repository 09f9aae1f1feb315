#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
  /// Each slot holds a key's number, or -1 when empty; a power of two long, at most half full.
  private var slots = [Int32](repeating: -1, count: 16)
  private var hashes: [UInt64] = []
  /// Key `k` is `keyBytes[keyStarts[k]..<keyStarts[k + 1]]`: each part's length in four bytes,
  /// then its bytes.
  private var keyStarts: [Int] = [0]
  private var keyBytes: [UInt8] = []

  /// How many keys are numbered.
  var count: Int { hashes.count }

  /// The number of `key`, or nil if it was never inserted.
  ///
  /// - Complexity: O(*n*) in the key's length, expected.
  func find(_ key: CellKey) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key.hash) & mask
    while true {
      let found = Int(slots[slot])
      if found < 0 { return nil }
      if hashes[found] == key.hash && matches(found, key) { return found }
      slot = (slot + 1) & mask
    }
  }

  /// Numbers `key`, which must not be in the index yet, and returns its number.
  @discardableResult
  mutating func insert(_ key: CellKey) -> Int {
    let number = hashes.count
    precondition(number < Int(Int32.max), "too many keys")
    hashes.append(key.hash)
    for index in 0..<key.count {
      let part = key.parts[index]
      var length = UInt32(part.count)
      withUnsafeBytes(of: &length) { keyBytes.append(contentsOf: $0) }
      keyBytes.append(contentsOf: part)
    }
    keyStarts.append(keyBytes.count)
    if 2 * hashes.count > slots.count {
      rehash(slotCount: 2 * slots.count)
    } else {
      place(number)
    }
    return number
  }

  private func matches(_ number: Int, _ key: CellKey) -> Bool {
    keyBytes.withUnsafeBytes { stored in
      var offset = keyStarts[number]
      let end = keyStarts[number + 1]
      for index in 0..<key.count {
        let part = key.parts[index]
        guard end - offset >= 4 + part.count else { return false }
        var length: UInt32 = 0
        withUnsafeMutableBytes(of: &length) {
          $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: stored[offset..<offset + 4]))
        }
        guard Int(length) == part.count else { return false }
        offset += 4
        if part.count > 0
          && memcmp(stored.baseAddress! + offset, part.baseAddress!, part.count) != 0
        {
          return false
        }
        offset += part.count
      }
      return offset == end
    }
  }

  private mutating func place(_ number: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[number]) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(number)
  }

  private mutating func rehash(slotCount: Int) {
    slots = [Int32](repeating: -1, count: slotCount)
    for number in hashes.indices { place(number) }
  }
}
