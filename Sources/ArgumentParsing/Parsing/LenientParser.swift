// Reads one command's own arguments out of the command line, leaving the rest alone.

/// Takes from the remaining arguments those that belong to one command.
///
/// A port of swift-argument-parser's `LenientParser`: options of the command are read wherever
/// they stand, unknown options and surplus values are left for a subcommand or for the final
/// "unknown option" / "unexpected argument" checks, and then the remaining plain values fill
/// the positional arguments in order. A flag given a value, a missing value and a rejected
/// value are errors at once, before any `--help` is looked for.
public struct LenientParser {
  /// The command's definitions, in declaration order.
  public let definitions: [ArgumentDefinition]
  /// The command's declared arguments, for defaults.
  public let arguments: [ArgumentSpec]
  /// The arguments remaining when this command's turn came.
  public let input: SplitArguments

  /// The command's values and the elements they used.
  public struct Result {
    /// The values read.
    public var values: ParsedValues
    /// The elements used, to be removed before the next command's turn (an index may
    /// appear twice, which removes nothing more).
    public var used: [SplitArguments.Index]
  }

  /// Reads the command's values from ``input``.
  public func parse() throws(ParserError) -> Result {
    var remaining = input
    var values = ParsedValues(arguments: arguments)
    var used: [SplitArguments.Index] = []

    while let element = remaining.popNext() {
      guard case .option(let parsed) = element.value,
        let definition = definition(matching: parsed.name)
      else { continue }
      var usedHere = [element.index]
      switch definition.update {
      case .flag(let setting):
        if let value = parsed.value {
          throw .unexpectedValueForOption(parsed.name, value)
        }
        values.setFlag(setting, forKey: definition.key)
      case .value:
        let value: String
        if let attached = parsed.value {
          value = attached
        } else if let (index, next) = remaining.popNextElementIfValue(after: element.index) {
          value = next
          usedHere.append(index)
        } else {
          throw missingValueError(at: element.index, name: parsed.name)
        }
        try Self.check(value, for: definition, name: parsed.name)
        values.append(.init(name: parsed.name, value: value), forKey: definition.key)
        // `.upToNextOption`: the plain values that follow belong to the option too.
        while definition.takesValuesUpToNextOption,
          let (index, next) = remaining.popNextElementIfValue(after: usedHere.last!)
        {
          usedHere.append(index)
          try Self.check(next, for: definition, name: parsed.name)
          values.append(.init(name: parsed.name, value: next), forKey: definition.key)
        }
      }
      remaining.remove(usedHere)
      used += usedHere
    }

    var unused = input
    unused.remove(used)
    var stack = unused.elements.filter { $0.index.sub == nil && $0.isValue }[...]
    positionals: for definition in definitions where definition.isPositional {
      repeat {
        guard let element = stack.popFirst() else { break positionals }
        let value = input.originalInput[element.index.input]
        try Self.check(value, for: definition, name: nil)
        values.append(.init(name: nil, value: value), forKey: definition.key)
        used.append(element.index)
      } while definition.isRepeating
    }
    return Result(values: values, used: used)
  }

  /// Throws the first required argument, in declaration order, that has no value.
  public static func checkRequired(
    _ definitions: [ArgumentDefinition], in values: ParsedValues
  ) throws(ParserError) {
    for definition in definitions where !definition.isOptional {
      if !values.wasGiven(definition.key) { throw .noValue(key: definition.key) }
    }
  }

  private func definition(matching name: Name) -> ArgumentDefinition? {
    definitions.first { $0.names.contains(name) }
  }

  /// Checks a value against its definition's allowed values and value type, as parsing
  /// does for every value it reads.
  public static func check(
    _ value: String, for definition: ArgumentDefinition, name: Name?
  ) throws(ParserError) {
    if !definition.allowedValues.isEmpty && !definition.allowedValues.contains(value) {
      throw .unableToParseValue(name: name, value: value, key: definition.key, reason: nil)
    }
    do {
      try definition.valueType.check(value)
    } catch {
      throw .unableToParseValue(name: name, value: value, key: definition.key, reason: error.reason)
    }
  }

  /// `-e` inside a pack such as `-help` is reported both ways, as upstream does.
  ///
  /// A negative number after the option (`--raise -5%`) is read as an option, as upstream
  /// reads it; the error then says how to give it.
  private func missingValueError(at index: SplitArguments.Index, name: Name) -> ParserError {
    guard index.sub != nil else {
      let next = index.input + 1
      if next < input.originalInput.count, Self.looksNegative(input.originalInput[next]) {
        return .negativeValueNeedsEquals(name, input.originalInput[next])
      }
      return .missingValueForOption(name)
    }
    let composite = Name(input.originalInput[index.input][...])
    return .missingValueOrUnknownCompositeOption(shortName: name, compositeName: composite)
  }

  /// `-5`, `-5%`, `-.5`, `-2.5%..3%`: a word a person means as a negative number.
  static func looksNegative(_ word: String) -> Bool {
    let scalars = word.unicodeScalars.dropFirst()
    guard word.hasPrefix("-"), let first = scalars.first else { return false }
    return ("0"..."9").contains(first) || (first == "." && scalars.count > 1)
  }
}
