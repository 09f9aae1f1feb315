// The command line cut into options, values and the `--` terminator.

/// One dash-prefixed word as parsed: a name, with the value attached by `=` if any.
///
/// A port of swift-argument-parser's `ParsedArgument`.
public enum ParsedArgument: Equatable, Sendable {
  /// `--foo` or `-f`.
  case name(Name)
  /// `--foo=bar` or `-f=bar`.
  case nameWithValue(Name, String)

  /// The name, with or without an attached value.
  public var name: Name {
    switch self {
    case .name(let name): return name
    case .nameWithValue(let name, _): return name
    }
  }

  /// The value attached with `=`, if any.
  public var value: String? {
    switch self {
    case .name: return nil
    case .nameWithValue(_, let value): return value
    }
  }
}

/// The arguments of one invocation, split into elements and consumed as parsing proceeds.
///
/// A port of swift-argument-parser's `SplitArguments`: `-ve` becomes the element `-ve` (a
/// `.longWithSingleDash` name, index `1`) followed by `-v` and `-e` (sub-indexes `1.0` and
/// `1.1`), so that either reading can match; using a part removes the whole, and the whole
/// removes its parts. Everything after `--` is a value.
public struct SplitArguments: Sendable {
  /// Where an element comes from: the argument's position, and the letter within a short pack.
  public struct Index: Hashable, Comparable, Sendable {
    /// The position in the original arguments.
    public var input: Int
    /// The position within a pack of short names, or `nil` for the whole argument.
    public var sub: Int?

    public static func < (lhs: Index, rhs: Index) -> Bool {
      if lhs.input != rhs.input { return lhs.input < rhs.input }
      switch (lhs.sub, rhs.sub) {
      case (nil, .some): return true
      case (.some(let left), .some(let right)): return left < right
      default: return false
      }
    }
  }

  /// One element: an option, a value or the terminator, and where it came from.
  public struct Element: Equatable, Sendable {
    /// What an element is.
    public enum Value: Equatable, Sendable {
      /// A dash-prefixed word.
      case option(ParsedArgument)
      /// A plain word, or any word after `--`.
      case value(String)
      /// The first `--`.
      case terminator
    }

    /// What the element is.
    public var value: Value
    /// Where it came from.
    public var index: Index

    /// Whether the element is a plain value.
    public var isValue: Bool {
      if case .value = value { return true }
      return false
    }

    /// Whether the element is the `--` terminator.
    public var isTerminator: Bool {
      value == .terminator
    }
  }

  /// The arguments as given.
  public let originalInput: [String]
  /// The elements not consumed yet, in order.
  private(set) var elements: [Element]

  /// Splits `arguments`; throws ``ParserError/invalidOption(_:)`` for words like `---x`.
  public init(arguments: [String]) throws(ParserError) {
    originalInput = arguments
    elements = []
    var position = 0
    while position < arguments.count {
      let parsed = try Self.parse(arguments[position], at: position)
      elements.append(contentsOf: parsed)
      position += 1
      if parsed.first?.isTerminator == true { break }
    }
    while position < arguments.count {
      elements.append(Element(value: .value(arguments[position]), index: Index(input: position)))
      position += 1
    }
  }

  private static func parse(_ argument: String, at position: Int) throws(ParserError) -> [Element] {
    let index = Index(input: position)
    guard let nonDash = argument.firstIndex(where: { $0 != "-" }) else {
      switch argument.count {
      case 0, 1: return [Element(value: .value(argument), index: index)]
      case 2: return [Element(value: .terminator, index: index)]
      default: throw .invalidOption(argument)
      }
    }
    let remainder = argument[nonDash...]
    switch argument.distance(from: argument.startIndex, to: nonDash) {
    case 0:
      return [Element(value: .value(argument), index: index)]
    case 1:
      let parsed = try singleDashArgument(remainder)
      guard case .name(.longWithSingleDash(let letters)) = parsed else {
        return [Element(value: .option(parsed), index: index)]
      }
      var result = [Element(value: .option(parsed), index: index)]
      for (offset, letter) in letters.enumerated() {
        result.append(
          Element(
            value: .option(.name(.short(letter))), index: Index(input: position, sub: offset)))
      }
      return result
    case 2:
      return [Element(value: .option(doubleDashArgument(argument)), index: index)]
    default:
      throw .invalidOption(argument)
    }
  }

  /// `--name` or `--name=value`; an empty value after `=` counts as no value, as upstream.
  private static func doubleDashArgument(_ argument: String) -> ParsedArgument {
    let equals = argument.firstIndex(of: "=") ?? argument.endIndex
    let name = Name(argument[..<equals])
    let value = argument[equals...].dropFirst()
    return value.isEmpty ? .name(name) : .nameWithValue(name, String(value))
  }

  /// `-n`, `-n=value`, `-name` or `-name=value` (without the dash).
  private static func singleDashArgument(_ remainder: Substring) throws(ParserError)
    -> ParsedArgument
  {
    func makeName(_ base: Substring) -> Name {
      if base.count == 1, let letter = base.first { return .short(letter) }
      return .longWithSingleDash(String(base))
    }
    guard let equals = remainder.firstIndex(of: "=") else {
      return .name(makeName(remainder))
    }
    let base = remainder[..<equals]
    guard !base.isEmpty else { throw .invalidOption(makeName(remainder).synopsisString) }
    return .nameWithValue(makeName(base), String(remainder[remainder.index(after: equals)...]))
  }
}

extension SplitArguments {
  /// Whether anything but a lone `--` remains.
  public var containsNonTerminatorArguments: Bool {
    elements.contains { !$0.isTerminator }
  }

  /// Removes and returns the first remaining element.
  public mutating func popNext() -> Element? {
    elements.isEmpty ? nil : elements.removeFirst()
  }

  /// The first remaining element, left in place.
  public func peekNext() -> Element? {
    elements.first
  }

  /// Removes and returns the next whole argument after `index` if it is a plain value.
  ///
  /// This is how `--format json` and `-ve 4` find their value: the first whole argument after
  /// the option (skipping the other letters of a short pack), and only if it is not an option.
  public mutating func popNextElementIfValue(after index: Index) -> (Index, String)? {
    guard
      let position = elements.firstIndex(where: { $0.index > index && $0.index.sub == nil }),
      case .value(let value) = elements[position].value
    else { return nil }
    let found = elements[position].index
    remove(found)
    return (found, value)
  }

  /// Removes the element at `index` with its related elements (a pack and its letters).
  public mutating func remove(_ index: Index) {
    if index.sub == nil {
      elements.removeAll { $0.index.input == index.input }
    } else {
      elements.removeAll { $0.index == index || $0.index == Index(input: index.input) }
    }
  }

  /// Removes every element in `indexes`, with their related elements.
  public mutating func remove(_ indexes: some Sequence<Index>) {
    for index in indexes { remove(index) }
  }

  /// The leftover words for an "unexpected argument" message: whole arguments, and letters of
  /// packs whose whole is gone.
  public func coalescedExtraElements() -> [String] {
    let wholeInputs = Set(elements.filter { $0.index.sub == nil }.map(\.index.input))
    return elements.compactMap { element in
      if element.isTerminator { return nil }
      guard element.index.sub != nil else { return originalInput[element.index.input] }
      guard !wholeInputs.contains(element.index.input) else { return nil }
      if case .option(let option) = element.value { return option.description }
      return originalInput[element.index.input]
    }
  }

  /// Whether a remaining option (with or without a value) has one of `names`.
  public func containsOption(named names: [Name]) -> Bool {
    elements.contains { element in
      guard case .option(let parsed) = element.value else { return false }
      return names.contains(parsed.name)
    }
  }
}

extension ParsedArgument: CustomStringConvertible {
  /// The argument as typed: `--name` or `--name=value`.
  public var description: String {
    switch self {
    case .name(let name): return name.synopsisString
    case .nameWithValue(let name, let value): return "\(name.synopsisString)=\(value)"
    }
  }
}
