/// The form names are compared in: lower case, with commas, periods and underscores
/// read as spaces, and runs of spaces collapsed.
///
///     nameKey("San Francisco, CA")  // "san francisco ca"
///     nameKey("  NEW_york ")        // "new york"
public func nameKey(_ name: String) -> String {
  var key = ""
  var pendingSpace = false
  for character in name.lowercased() {
    if character == " " || character == "," || character == "." || character == "_"
      || character == "\t"
    {
      pendingSpace = !key.isEmpty
    } else {
      if pendingSpace { key.append(" ") }
      pendingSpace = false
      key.append(character)
    }
  }
  return key
}
