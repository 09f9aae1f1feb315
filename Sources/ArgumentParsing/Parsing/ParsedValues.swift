// The values of one command, as typed, with typed access for the command's implementation.

/// The values given to one command, kept as typed and converted on access.
///
/// Each accessor throws a ``ParserError`` that renders like swift-argument-parser's, naming the
/// option as the user typed it:
///
///     let experience = try values.double("experience")   // -e abc:
///     // Error: The value 'abc' is invalid for '-e <experience>'
///     // Help:  -e <experience>  Years of professional experience.
///
///     let years = try values.value("years") { raw throws(InvalidValue) -> Int in
///       guard let years = Int(raw), (1...60).contains(years) else {
///         throw InvalidValue(reason: "must be between 1 and 60")
///       }
///       return years
///     }
///     // Error: The value '-5' is invalid for '--years <years>': must be between 1 and 60
///
/// Asking for a key the command does not declare is a programming error and stops the program.
public struct ParsedValues: Sendable {
  /// One value as given: the name it was given with (`nil` for a positional) and the text.
  public struct Occurrence: Equatable, Sendable {
    /// The name as the user typed it (`-e` or `--experience`), or `nil` for a positional value.
    public var name: Name?
    /// The text as typed.
    public var value: String

    public init(name: Name?, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// Everything known of one declared key: one entry, so that each access hashes the key once.
  private struct Entry: Sendable {
    var occurrences: [Occurrence] = []
    /// The last flag given.
    var flag: Bool?
    let defaultValue: String?
    let flagDefault: Bool?

    var wasGiven: Bool { !occurrences.isEmpty || flag != nil }
  }

  /// An entry for every declared key, and only for those.
  private var entries: [String: Entry]

  /// Empty values for a command declaring `arguments`, holding their defaults.
  public init(arguments: [ArgumentSpec]) {
    var entries: [String: Entry] = [:]
    for argument in arguments {
      // A key declared twice keeps the defaults of its last declaration.
      entries[argument.key] = Entry(
        defaultValue: argument.defaultValue, flagDefault: argument.flagDefault)
    }
    self.entries = entries
  }

  /// Records a value given for `key`.
  public mutating func append(_ occurrence: Occurrence, forKey key: String) {
    checkDeclared(key)
    entries[key]?.occurrences.append(occurrence)
  }

  /// Records a flag given for `key`; the last one given wins.
  public mutating func setFlag(_ value: Bool, forKey key: String) {
    checkDeclared(key)
    entries[key]?.flag = value
  }

  /// Whether `key` was given on the command line (defaults do not count).
  public func wasGiven(_ key: String) -> Bool {
    entries[key]?.wasGiven ?? false
  }

  /// Whether `key` has a value: given, or declared with a default.
  public func hasValue(_ key: String) -> Bool {
    guard let entry = entries[key] else {
      checkDeclared(key)
      return false
    }
    return entry.wasGiven || entry.defaultValue != nil || entry.flagDefault != nil
  }

  /// Every value given for `key`, with the name each was given with, in order; empty if none.
  public func occurrences(_ key: String) -> [Occurrence] {
    checkDeclared(key)
    return entries[key]?.occurrences ?? []
  }

  /// The first option among `arguments` that takes one value and was given two different
  /// ones (`--raise 3% --raise 2%`): its key and the two values, in the order given. The
  /// parser keeps the last, as swift-argument-parser does; a command that wants such a
  /// repeat to be an error asks here.
  public func differingRepeat(among arguments: [ArgumentSpec]) -> (
    key: String, first: Occurrence, second: Occurrence
  )? {
    for argument in arguments where argument.kind == .option && !argument.isRepeating {
      let given = entries[argument.key]?.occurrences ?? []
      guard let first = given.first,
        let second = given.dropFirst().first(where: { $0.value != first.value })
      else { continue }
      return (argument.key, first, second)
    }
    return nil
  }

  /// Every value given for a repeating `key`, in order; empty if none.
  public func strings(_ key: String) -> [String] {
    checkDeclared(key)
    return entries[key]?.occurrences.map(\.value) ?? []
  }

  /// The value of `key`: the last one given, or the default.
  public func string(_ key: String) throws(ParserError) -> String {
    try value(key) { raw throws(InvalidValue) in raw }
  }

  /// The value of `key` as a whole number.
  public func int(_ key: String) throws(ParserError) -> Int {
    try value(key) { raw throws(InvalidValue) in
      guard let number = Int(raw) else { throw InvalidValue() }
      return number
    }
  }

  /// The value of `key` as a floating-point number.
  public func double(_ key: String) throws(ParserError) -> Double {
    try value(key) { raw throws(InvalidValue) in
      guard let number = Double(raw) else { throw InvalidValue() }
      return number
    }
  }

  /// The value of `key` as a case of a string-backed enumeration.
  public func enumValue<Value: RawRepresentable>(
    _ key: String, as type: Value.Type = Value.self
  ) throws(ParserError) -> Value where Value.RawValue == String {
    try value(key) { raw throws(InvalidValue) in
      guard let value = Value(rawValue: raw) else { throw InvalidValue() }
      return value
    }
  }

  /// The Boolean of flag `key`: the last flag given, or the default (`false` for a plain flag).
  public func flag(_ key: String) -> Bool {
    checkDeclared(key)
    guard let entry = entries[key] else { return false }
    return entry.flag ?? entry.flagDefault ?? false
  }

  /// The occurrence the value of `key` comes from: the last one given, or the default as an
  /// occurrence without a name.
  ///
  /// - Throws: ``ParserError/noValue(key:)`` if `key` has neither a value nor a default.
  public func valueOccurrence(_ key: String) throws(ParserError) -> Occurrence {
    checkDeclared(key)
    let entry = entries[key]
    if let last = entry?.occurrences.last { return last }
    if let value = entry?.defaultValue { return Occurrence(name: nil, value: value) }
    throw .noValue(key: key)
  }

  /// The value of `key` converted by `convert`, whose ``InvalidValue`` becomes a parse error
  /// naming the option as typed.
  ///
  /// Inlinable, so that a command's conversions are specialized where they are declared
  /// instead of going through generic thunks for every value.
  ///
  /// - Throws: ``ParserError/noValue(key:)`` if `key` has neither a value nor a default, and
  ///   ``ParserError/unableToParseValue(name:value:key:reason:)`` if `convert` throws.
  @inlinable
  public func value<Value>(
    _ key: String, _ convert: (String) throws(InvalidValue) -> Value
  ) throws(ParserError) -> Value {
    let occurrence = try valueOccurrence(key)
    do {
      return try convert(occurrence.value)
    } catch {
      throw .unableToParseValue(
        name: occurrence.name, value: occurrence.value, key: key, reason: error.reason)
    }
  }

  /// Every value given for repeating option `key`, each converted by `convert`.
  ///
  /// - Throws: ``ParserError/unableToParseValue(name:value:key:reason:)`` for the first
  ///   value `convert` rejects.
  @inlinable
  public func values<Value>(
    _ key: String, _ convert: (String) throws(InvalidValue) -> Value
  ) throws(ParserError) -> [Value] {
    var converted: [Value] = []
    for occurrence in occurrences(key) {
      do {
        converted.append(try convert(occurrence.value))
      } catch {
        throw .unableToParseValue(
          name: occurrence.name, value: occurrence.value, key: key, reason: error.reason)
      }
    }
    return converted
  }

  /// A programming error caught by the tests (debug builds); a release build skips the
  /// check, which would otherwise hash the key once more.
  private func checkDeclared(_ key: String) {
    assert(entries[key] != nil, "no argument '\(key)' is declared")
  }
}
