// The name of an option as written on the command line: `--long`, `-s` or `-long`.

/// The name of an option or flag, as declared in a spec or as typed by the user.
///
/// A port of swift-argument-parser's `Name`: user input `-help` is a `.longWithSingleDash`
/// name (which the splitter also breaks into the short names `-h -e -l -p`), `-e` is a
/// `.short` name and `--experience` a `.long` one.
public enum Name: Hashable, Sendable {
  /// A name prefixed with two dashes, such as `--experience`.
  case long(String)
  /// A single character prefixed with one dash, such as `-e`.
  case short(Character)
  /// A name of several characters prefixed with one dash, such as `-help`.
  case longWithSingleDash(String)

  /// Classifies a dash-prefixed word such as `--format`, `-v` or `-vx`.
  ///
  /// - Precondition: `baseName` starts with a dash.
  public init(_ baseName: Substring) {
    precondition(baseName.first == "-", "A name starts with a dash")
    if baseName.hasPrefix("--") {
      self = .long(String(baseName.dropFirst(2)))
    } else if baseName.count == 2, let character = baseName.last {
      self = .short(character)
    } else {
      self = .longWithSingleDash(String(baseName.dropFirst()))
    }
  }

  /// The name as the user writes it, dashes included: `--format`, `-e`.
  public var synopsisString: String {
    switch self {
    case .long(let name): return "--\(name)"
    case .short(let character): return "-\(character)"
    case .longWithSingleDash(let name): return "-\(name)"
    }
  }

  /// The name without its dashes: `format`, `e`.
  public var valueString: String {
    switch self {
    case .long(let name): return name
    case .short(let character): return String(character)
    case .longWithSingleDash(let name): return name
    }
  }

  /// Whether this is a single-character name; short names are never offered as suggestions.
  public var isShort: Bool {
    if case .short = self { return true }
    return false
  }
}

extension Collection where Element == Name {
  /// The name used in usage synopses: the first name that is not short, else the first name.
  public var preferredName: Name? {
    first { !$0.isShort } ?? first
  }

  /// Short names first, then the others, each group in declaration order (for help labels).
  public var partitioned: [Name] {
    filter { $0.isShort } + filter { !$0.isShort }
  }
}
