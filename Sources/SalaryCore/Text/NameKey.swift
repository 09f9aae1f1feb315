/// The form names are compared in: lower case, with commas, periods, underscores and tabs
/// read as spaces, and runs of them collapsed into one.
///
///     nameKey("San Francisco, CA")  // "san francisco ca"
///     nameKey("  NEW_york ")        // "new york"
public func nameKey(_ name: String) -> String {
  // Lower case by bytes for ASCII letters, which is what `lowercased()` does to them; a name
  // with any other character is lower-cased whole first. The separators are ASCII, and no
  // byte of another character's UTF-8 is ASCII.
  let lowered = name.utf8.allSatisfy { $0 < 0x80 } ? name : name.lowercased()
  var key: [UInt8] = []
  key.reserveCapacity(lowered.utf8.count)
  var pendingSpace = false
  for var byte in lowered.utf8 {
    if isKeySeparator(byte) {
      pendingSpace = !key.isEmpty
      continue
    }
    if pendingSpace { key.append(UInt8(ascii: " ")) }
    pendingSpace = false
    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 0x20 }
    key.append(byte)
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
