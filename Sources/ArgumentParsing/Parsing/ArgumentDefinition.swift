// The form of an argument the parser and the generators work on.

/// One parseable argument, expanded from an ``ArgumentSpec``.
///
/// Mirrors swift-argument-parser's `ArgumentDefinition`: an inverted flag pair becomes two
/// definitions sharing one key (the positive one marked composite, so help shows them on one
/// line as `--compound/--no-compound`), and the automatic `--version` and `-h, --help` flags
/// are definitions too when help is rendered.
public struct ArgumentDefinition: Sendable {
  /// How the argument is identified on the command line.
  public enum Kind: Sendable {
    /// By one of these names.
    case named([Name])
    /// By its position among the values.
    case positional
  }

  /// What an occurrence of the argument does.
  public enum Update: Sendable, Equatable {
    /// Sets the key's Boolean to this value; takes no value.
    case flag(setsTo: Bool)
    /// Takes one value.
    case value
  }

  /// How the argument is identified.
  public var kind: Kind
  /// What an occurrence does.
  public var update: Update
  /// The key values are stored under; shared by both flags of an inverted pair.
  public var key: String
  /// The placeholder in `<valueName>`.
  public var valueName: String
  /// The one-line help text.
  public var abstract: String
  /// The check run on each value as it is parsed.
  public var valueType: ValueType
  /// The only values accepted; empty accepts any.
  public var allowedValues: [String]
  /// The default shown in help, e.g. `remote` or `--compound`.
  public var defaultDescription: String?
  /// Whether the argument may be left out (drawn in brackets in the usage line).
  public var isOptional: Bool
  /// Whether the argument repeats (drawn with ` ...` in the usage line).
  public var isRepeating: Bool
  /// Whether help draws this definition together with the following ones of the same key.
  public var isComposite: Bool
  /// Whether help, usage and suggestions leave the definition out.
  public var isHidden: Bool
  /// Whether an occurrence also takes the plain values after its value, up to the next
  /// option.
  public var takesValuesUpToNextOption = false
  /// What a shell offers for the value of an option or positional argument.
  public var completion: CompletionKind? = nil

  /// The names of a named argument, in declaration order; empty for a positional one.
  public var names: [Name] {
    if case .named(let names) = kind { return names }
    return []
  }

  /// Whether the argument is positional.
  public var isPositional: Bool {
    if case .positional = kind { return true }
    return false
  }
}

extension ArgumentSpec {
  /// The definitions this declaration expands to: two for an inverted flag pair, else one.
  public var definitions: [ArgumentDefinition] {
    var names: [Name] = shortName.map { [.short($0)] } ?? []
    switch kind {
    case .option:
      names.append(.long(key))
      return [
        ArgumentDefinition(
          kind: .named(names + extraNames), update: .value, key: key, valueName: valueName,
          abstract: abstract, valueType: valueType, allowedValues: allowedValues,
          defaultDescription: defaultValue, isOptional: !isRequired, isRepeating: isRepeating,
          isComposite: false, isHidden: isHidden,
          takesValuesUpToNextOption: takesValuesUpToNextOption, completion: effectiveCompletion)
      ]
    case .flag:
      names.append(.long(key))
      return [
        ArgumentDefinition(
          kind: .named(names + extraNames), update: .flag(setsTo: true), key: key,
          valueName: valueName, abstract: abstract, valueType: .string, allowedValues: [],
          defaultDescription: flagDefault == true ? "true" : nil, isOptional: true,
          isRepeating: false, isComposite: false, isHidden: isHidden)
      ]
    case .invertedFlag:
      names.append(.long(key))
      let negative = Name.long("no-\(key)")
      let defaultName = flagDefault.map { $0 ? Name.long(key) : negative }
      return [
        ArgumentDefinition(
          kind: .named(names + extraNames), update: .flag(setsTo: true), key: key,
          valueName: valueName, abstract: abstract, valueType: .string, allowedValues: [],
          defaultDescription: defaultName?.synopsisString, isOptional: !isRequired,
          isRepeating: false, isComposite: true, isHidden: isHidden),
        ArgumentDefinition(
          kind: .named([negative]), update: .flag(setsTo: false), key: key,
          valueName: negative.valueString, abstract: abstract, valueType: .string,
          allowedValues: [], defaultDescription: nil, isOptional: true, isRepeating: false,
          isComposite: false, isHidden: isHidden),
      ]
    case .positional:
      return [
        ArgumentDefinition(
          kind: .positional, update: .value, key: key, valueName: valueName,
          abstract: abstract, valueType: valueType, allowedValues: allowedValues,
          defaultDescription: defaultValue, isOptional: !isRequired, isRepeating: isRepeating,
          isComposite: false, isHidden: isHidden, completion: effectiveCompletion)
      ]
    }
  }
}
