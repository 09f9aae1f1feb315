import ArgumentParsing

/// A JSON document built in memory and written by hand (no Foundation on the start-up path).
///
///     JSONValue.object([("median", .number(70_000)), ("source", .string("himalayas"))])
///       .rendered()
///     // {
///     //   "median": 70000,
///     //   "source": "himalayas"
///     // }
enum JSONValue: Equatable {
  case null
  case bool(Bool)
  /// A finite number; written as an integer when it is one.
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Members in the order given, so output is stable and reads in a sensible order.
  case object([(String, JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
    default: false
    }
  }

  /// The document, indented by two spaces per level, ending in a line break.
  func rendered() -> String {
    var output = ""
    write(to: &output, indent: 0)
    output += "\n"
    return output
  }

  /// The value on one line with no spaces, for JSON lines (no line break at the end).
  func renderedLine() -> String {
    var output = ""
    writeCompact(to: &output)
    return output
  }

  private func writeCompact(to output: inout String) {
    switch self {
    case .array(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        item.writeCompact(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output += "," }
        JSONValue.writeString(key, to: &output)
        output += ":"
        value.writeCompact(to: &output)
      }
      output += "}"
    default: write(to: &output, indent: 0)
    }
  }

  private func write(to output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += JSONValue.format(value)
    case .string(let value): JSONValue.writeString(value, to: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        item.write(to: &output, indent: indent + 1)
        output += index < items.count - 1 ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        JSONValue.writeString(key, to: &output)
        output += ": "
        value.write(to: &output, indent: indent + 1)
        output += index < members.count - 1 ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "}"
    }
  }

  /// Integers without a fraction; other numbers in Swift's shortest round-trip form.
  static func format(_ value: Double) -> String {
    precondition(value.isFinite, "JSON has no NaN or infinity")
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }

  private static func writeString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
