/// The form names are compared in: lower case, with commas, periods, underscores and tabs
/// read as spaces, and runs of them collapsed into one.
///
///     nameKey("San Francisco, CA")  // "san francisco ca"
///     nameKey("  NEW_york ")        // "new york"
public func nameKey(_ name: String) -> String {
  // The separators are ASCII, so bytes suffice: a UTF-8 byte below 0x80 is always a whole
  // character's scalar, never part of another's.
  var key: [UInt8] = []
  key.reserveCapacity(name.utf8.count)
  var pendingSpace = false
  for byte in name.lowercased().utf8 {
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
