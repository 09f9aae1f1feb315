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
struct ParsedValues: Sendable {
  /// One value as given: the name it was given with (`nil` for a positional) and the text.
  struct Occurrence: Equatable, Sendable {
    /// The name as the user typed it (`-e` or `--experience`), or `nil` for a positional value.
    var name: Name?
    /// The text as typed.
    var value: String
  }

  private var occurrences: [String: [Occurrence]] = [:]
  private var flags: [String: Bool] = [:]
  private let defaults: [String: String]
  private let flagDefaults: [String: Bool]
  private let declaredKeys: Set<String>

  /// Empty values for a command declaring `arguments`, holding their defaults.
  init(arguments: [ArgumentSpec]) {
    var defaults: [String: String] = [:]
    var flagDefaults: [String: Bool] = [:]
    for argument in arguments {
      defaults[argument.key] = argument.defaultValue
      flagDefaults[argument.key] = argument.flagDefault
    }
    self.defaults = defaults
    self.flagDefaults = flagDefaults
    self.declaredKeys = Set(arguments.map(\.key))
  }

  /// Records a value given for `key`.
  mutating func append(_ occurrence: Occurrence, forKey key: String) {
    occurrences[key, default: []].append(occurrence)
  }

  /// Records a flag given for `key`; the last one given wins.
  mutating func setFlag(_ value: Bool, forKey key: String) {
    flags[key] = value
  }

  /// Whether `key` was given on the command line (defaults do not count).
  func wasGiven(_ key: String) -> Bool {
    occurrences[key] != nil || flags[key] != nil
  }

  /// Whether `key` has a value: given, or declared with a default.
  func hasValue(_ key: String) -> Bool {
    checkDeclared(key)
    return wasGiven(key) || defaults[key] != nil || flagDefaults[key] != nil
  }

  /// Every value given for a repeating `key`, in order; empty if none.
  func strings(_ key: String) -> [String] {
    checkDeclared(key)
    return occurrences[key, default: []].map(\.value)
  }

  /// The value of `key`: the last one given, or the default.
  func string(_ key: String) throws(ParserError) -> String {
    try value(key) { raw throws(InvalidValue) in raw }
  }

  /// The value of `key` as a whole number.
  func int(_ key: String) throws(ParserError) -> Int {
    try value(key) { raw throws(InvalidValue) in
      guard let number = Int(raw) else { throw InvalidValue() }
      return number
    }
  }

  /// The value of `key` as a floating-point number.
  func double(_ key: String) throws(ParserError) -> Double {
    try value(key) { raw throws(InvalidValue) in
      guard let number = Double(raw) else { throw InvalidValue() }
      return number
    }
  }

  /// The value of `key` as a case of a string-backed enumeration.
  func enumValue<Value: RawRepresentable>(
    _ key: String, as type: Value.Type = Value.self
  ) throws(ParserError) -> Value where Value.RawValue == String {
    try value(key) { raw throws(InvalidValue) in
      guard let value = Value(rawValue: raw) else { throw InvalidValue() }
      return value
    }
  }

  /// The Boolean of flag `key`: the last flag given, or the default (`false` for a plain flag).
  func flag(_ key: String) -> Bool {
    checkDeclared(key)
    return flags[key] ?? flagDefaults[key] ?? false
  }

  /// The value of `key` converted by `convert`, whose ``InvalidValue`` becomes a parse error
  /// naming the option as typed.
  ///
  /// - Throws: ``ParserError/noValue(key:)`` if `key` has neither a value nor a default, and
  ///   ``ParserError/unableToParseValue(name:value:key:reason:)`` if `convert` throws.
  func value<Value>(
    _ key: String, _ convert: (String) throws(InvalidValue) -> Value
  ) throws(ParserError) -> Value {
    checkDeclared(key)
    let occurrence: Occurrence
    if let last = occurrences[key]?.last {
      occurrence = last
    } else if let value = defaults[key] {
      occurrence = Occurrence(name: nil, value: value)
    } else {
      throw .noValue(key: key)
    }
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
  func values<Value>(
    _ key: String, _ convert: (String) throws(InvalidValue) -> Value
  ) throws(ParserError) -> [Value] {
    checkDeclared(key)
    var converted: [Value] = []
    for occurrence in occurrences[key] ?? [] {
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
  /// check, which would otherwise hash the key on every access.
  private func checkDeclared(_ key: String) {
    assert(declaredKeys.contains(key), "no argument '\(key)' is declared")
  }
}
