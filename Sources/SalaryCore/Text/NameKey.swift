/// The form names are compared in: lower case, with commas, periods and underscores
/// read as spaces, and runs of spaces collapsed.
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
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "\t"):
      pendingSpace = !key.isEmpty
    default:
      if pendingSpace { key.append(UInt8(ascii: " ")) }
      pendingSpace = false
      key.append(byte)
    }
  }
  return String(decoding: key, as: UTF8.self)
}
