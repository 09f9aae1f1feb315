/// Text made safe for SpreadsheetML, which is XML 1.0 read as Excel's `ST_Xstring`.
///
/// - `&`, `<`, `>` and `"` become entities.
/// - A carriage return becomes `&#13;`, which a parser keeps (a literal one is read as a
///   line feed).
/// - The controls XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) and the
///   non-characters U+FFFE and U+FFFF cannot appear at all: they are written `_xHHHH_`,
///   Excel's escape, which Excel and LibreOffice read back as the character.
/// - So an underscore that starts such a pattern in the text itself is written `_x005F_`,
///   and `_x0041_` in a name reads back as `_x0041_`, not `A`.
enum XMLText {
  /// Appends `text` escaped for an element's content or an attribute's value.
  static func append(_ text: String, into bytes: inout [UInt8]) {
    let scalars = Array(text.unicodeScalars)
    if !scalars.contains(where: needsCare) {
      bytes.append(contentsOf: text.utf8)
      return
    }
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": bytes.append(contentsOf: "&amp;".utf8)
      case "<": bytes.append(contentsOf: "&lt;".utf8)
      case ">": bytes.append(contentsOf: "&gt;".utf8)
      case "\"": bytes.append(contentsOf: "&quot;".utf8)
      case "\r": bytes.append(contentsOf: "&#13;".utf8)
      case "_" where startsEscape(scalars, at: index): bytes.append(contentsOf: "_x005F_".utf8)
      case _ where isForbidden(scalar):
        let hex = String(scalar.value, radix: 16, uppercase: true)
        bytes.append(contentsOf: "_x\(String(repeating: "0", count: 4 - hex.count))\(hex)_".utf8)
      default: bytes.append(contentsOf: String(scalar).utf8)
      }
    }
  }

  /// The text escaped for any part but a cell's (a chart's title, a sheet's name, a
  /// number format), as a string: the entities and `&#13;` as for a cell, but no
  /// `_xHHHH_`, which only cells decode; a character XML forbids becomes U+FFFD.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\r": result += "&#13;"
      case _ where isForbidden(scalar): result.unicodeScalars.append("\u{FFFD}")
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether a scalar is written otherwise than as itself.
  private static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "&", "<", ">", "\"", "\r", "_": true
    default: isForbidden(scalar)
    }
  }

  /// Whether XML 1.0 forbids the scalar in a document.
  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0..<0x20, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
  private static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
      scalars[index + 6] == "_"
    else { return false }
    return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
  }
}
