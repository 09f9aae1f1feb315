// A JSON value and its text, written as Foundation's JSONEncoder writes it with
// `.prettyPrinted` and `.sortedKeys`, which is how swift-argument-parser dumps its help.

/// A JSON value, written byte for byte as Foundation's pretty-printing, key-sorting
/// `JSONEncoder` writes it, so the parser need not link Foundation.
///
///     JSONText.object(["b": .bool(true), "a": .array([.string("x/y")])]).rendered()
///     // {
///     //   "a" : [
///     //     "x\/y"
///     //   ],
///     //   "b" : true
///     // }
///
/// Empty objects and arrays are written with an empty line inside, `/` is escaped, and other
/// control characters than the named ones are written `\u00XX`, all as Foundation does.
indirect enum JSONText: Equatable {
  /// A string, escaped when written.
  case string(String)
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number.
  case integer(Int)
  /// Elements in order, one a line.
  case array([JSONText])
  /// Members, one a line, written in the order of their keys.
  case object([String: JSONText])

  /// The pretty-printed text, without a final line break.
  ///
  /// - Complexity: O(*n*) in the size of the text, plus sorting each object's keys.
  func rendered() -> String {
    var text = ""
    write(to: &text, indent: "")
    return text
  }

  /// Appends the value to `text`, its inner lines indented by two more than `indent`.
  private func write(to text: inout String, indent: String) {
    switch self {
    case .string(let string): Self.writeQuoted(string, to: &text)
    case .bool(let value): text += value ? "true" : "false"
    case .integer(let value): text += String(value)
    case .array(let elements):
      text += "[\n"
      if elements.isEmpty { text += "\n" }
      for (index, element) in elements.enumerated() {
        text += indent + "  "
        element.write(to: &text, indent: indent + "  ")
        text += index == elements.count - 1 ? "\n" : ",\n"
      }
      text += indent + "]"
    case .object(let members):
      text += "{\n"
      if members.isEmpty { text += "\n" }
      let keys = members.keys.sorted()
      for (index, key) in keys.enumerated() {
        text += indent + "  "
        Self.writeQuoted(key, to: &text)
        text += " : "
        members[key]!.write(to: &text, indent: indent + "  ")
        text += index == keys.count - 1 ? "\n" : ",\n"
      }
      text += indent + "}"
    }
  }

  /// Appends `string` quoted and escaped as Foundation escapes it.
  private static func writeQuoted(_ string: String, to text: inout String) {
    text += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "/": text += "\\/"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
