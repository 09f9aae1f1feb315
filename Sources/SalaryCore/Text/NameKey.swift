/// The form names are compared in: lower case, with commas, periods and underscores
/// read as spaces, and runs of spaces collapsed.
///
///     nameKey("San Francisco, CA")  // "san francisco ca"
///     nameKey("  NEW_york ")        // "new york"
public func nameKey(_ name: String) -> String {
  // Every name of the embedded data is ASCII, where lower-casing is a byte's business;
  // `lowercased()` builds a new string first, which costs more than the rest of the key.
  if let key = asciiNameKey(name) { return key }
  return keyBytes(name.lowercased())
}

/// The key of an ASCII name, lower-cased byte by byte as `lowercased()` does for ASCII;
/// `nil` for a name that is not ASCII.
private func asciiNameKey(_ name: String) -> String? {
  let key = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
    for byte in bytes where byte >= 0x80 { return nil }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { key in
      var count = 0
      var pendingSpace = false
      for var byte in bytes {
        if isKeySeparator(byte) {
          pendingSpace = count > 0
        } else {
          if pendingSpace {
            key[count] = UInt8(ascii: " ")
            count += 1
          }
          pendingSpace = false
          if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 0x20 }
          key[count] = byte
          count += 1
        }
      }
      return String(decoding: UnsafeBufferPointer(rebasing: key[..<count]), as: UTF8.self)
    }
  }
  return key ?? nil
}

/// The key of an already lower-cased name.
private func keyBytes(_ lowered: String) -> String {
  // The separators are ASCII, so bytes suffice: a UTF-8 byte below 0x80 is always a whole
  // character's scalar, never part of another's.
  var key: [UInt8] = []
  key.reserveCapacity(lowered.utf8.count)
  var pendingSpace = false
  for byte in lowered.utf8 {
    if isKeySeparator(byte) {
      pendingSpace = !key.isEmpty
    } else {
      if pendingSpace { key.append(UInt8(ascii: " ")) }
      pendingSpace = false
      key.append(byte)
    }
  }
  return String(decoding: key, as: UTF8.self)
}

/// Whether `byte` separates words in a name: a space, comma, period, underscore or tab.
func isKeySeparator(_ byte: UInt8) -> Bool {
  switch byte {
  case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "_"),
    UInt8(ascii: "\t"):
    true
  default: false
  }
}
