import ArgumentParsing

/// Errors as one JSON object on standard error, for a script that asked for JSON:
/// `{"error": {"message": …, "flag": …}}` or, for a problem in a file,
/// `{"error": {"message": …, "file": …, "line": …, "column": …}}`.
enum JSONErrors {
  /// Whether `arguments` ask for JSON or JSON lines (`--format json`, `--format=jsonl`,
  /// or an `--out` file named `.json`/`.jsonl` with no `--format`), before any `--`.
  static func areWanted(by arguments: [String]) -> Bool {
    var format: String?
    var out: String?
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
      let argument = arguments[index]
      for (name, assign) in [("--format", { format = $0 }), ("--out", { out = $0 })]
        as [(String, (String) -> Void)]
      {
        if argument == name, index + 1 < arguments.count {
          assign(arguments[index + 1])
        } else if argument.hasPrefix(name + "=") {
          assign(String(argument.dropFirst(name.count + 1)))
        }
      }
      index += 1
    }
    if let format { return format == "json" || format == "jsonl" }
    guard let out, let named = OutputFormat(fileName: out) else { return false }
    return named == .json || named == .jsonl
  }

  /// The error object for `message`: where it points, read from its text.
  static func render(_ message: MessageInfo) -> String {
    let text = message.message
    var members: [(String, JSONValue)] = [("message", .string(text))]
    if let place = filePlace(text) {
      members.append(("file", .string(place.file)))
      members.append(("line", .number(Double(place.line))))
      if let column = place.column { members.append(("column", .number(Double(column)))) }
    } else if let flag = flag(text) {
      members.append(("flag", .string(flag)))
    }
    members.append(("exit_status", .number(Double(message.exitStatus))))
    return JSONValue.object([("error", .object(members))]).renderedLine()
  }

  /// `file:line:column` or `file:line` at the start of a message, up to a `: ` or ` (`.
  static func filePlace(_ text: String) -> (file: String, line: Int, column: Int?)? {
    guard let end = text.firstRange(of: ": ")?.lowerBound ?? text.firstRange(of: " (")?.lowerBound
    else { return nil }
    var head = Substring(text[..<end])
    if let paren = head.firstRange(of: " (") { head = head[..<paren.lowerBound] }
    let parts = head.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 2 else { return nil }
    if parts.count >= 3, let line = Int(parts[parts.count - 2]),
      let column = Int(parts[parts.count - 1]), !parts[0].isEmpty
    {
      return (parts.dropLast(2).joined(separator: ":"), line, column)
    }
    if let line = Int(parts[parts.count - 1]), !parts[0].isEmpty {
      return (parts.dropLast().joined(separator: ":"), line, nil)
    }
    return nil
  }

  /// The first option a message names in quotes: `'--experience <years>'` → `--experience`.
  static func flag(_ text: String) -> String? {
    if text.hasPrefix("-"), let name = text.split(separator: " ").first, name.count > 1 {
      return String(name)
    }
    guard
      let start = text.firstRange(of: "'--")?.lowerBound ?? text.firstRange(of: "'-")?.lowerBound
    else {
      return text.hasPrefix("-") ? String(text.prefix { $0 != " " && $0 != "," }) : nil
    }
    let name = text[text.index(after: start)...].prefix {
      $0.isLetter || $0.isNumber || $0 == "-"
    }
    return name.count > 1 ? String(name) : nil
  }
}
