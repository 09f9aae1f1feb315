import ArgumentParsing

/// `value` with exactly `digits` decimals (0 to 6), rounded half away from zero, for
/// tables: `fixed(1.08730, 3)` is `1.087`. (CSV output uses SalaryCSV's formatter, which
/// never writes exactly three decimals; a table has no such reader to protect.)
///
///     fixed(2.5, 0)       // "3"
///     fixed(-0.0004, 3)   // "0.000"
///     fixed(1.1, 2)       // "1.10"
func fixed(_ value: Double, _ digits: Int) -> String {
  precondition((0...6).contains(digits), "0 to 6 decimals")
  guard value.isFinite, abs(value) < 1e12 else { return "—" }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = UInt64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
  var text = String(scaled)
  if digits > 0 {
    if text.count <= digits { text = String(repeating: "0", count: digits + 1 - text.count) + text }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
  }
  return value < 0 && scaled != 0 ? "-" + text : text
}

/// A positive `value` with about four significant digits (at most six decimals), for a
/// rate whose size is not known in advance.
///
///     aboutFourDigits(1.09483)    // "1.095"
///     aboutFourDigits(0.0010948)  // "0.001095"
///     aboutFourDigits(1094.83)    // "1095"
func aboutFourDigits(_ value: Double) -> String {
  var digits = 3
  var magnitude = abs(value)
  while magnitude >= 10 && digits > 0 {
    magnitude /= 10
    digits -= 1
  }
  while magnitude < 1 && magnitude > 0 && digits < 6 {
    magnitude *= 10
    digits += 1
  }
  return fixed(value, digits)
}
