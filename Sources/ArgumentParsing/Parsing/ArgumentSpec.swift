// The declaration of one option, flag or positional argument of a command.

/// One option, flag or positional argument of a command, declared as a value.
///
/// The order of a command's arguments is the order of its usage line; help lists the
/// positional arguments under `ARGUMENTS:` and the rest under `OPTIONS:`, each in that order.
///
///     let arguments: [ArgumentSpec] = [
///       .option("experience", short: "e", help: "Years of professional experience.",
///               type: .double, isRequired: true),
///       .option("format", help: "Output format.", allowedValues: ["text", "json"],
///               default: "text"),
///       .flag("verbose", short: "v", help: "Print intermediate values."),
///       .flag("compound", inversion: .prefixedNo, default: true, help: "Compound the raises."),
///       .positional("inputs", help: "Input files.", isRequired: false, isRepeating: true),
///     ]
public struct ArgumentSpec: Sendable {
  /// What an argument is.
  public enum Kind: Sendable, Equatable {
    /// A named option that takes a value: `--format json`, `--format=json`, `-e 4`, `-e=4`.
    case option
    /// A named flag without a value, `false` unless given: `--verbose`, `-v`.
    case flag
    /// A pair of flags setting one Boolean, the last one given winning: `--compound/--no-compound`.
    case invertedFlag
    /// A value identified by its position: `<base-salary>`, `[<inputs> ...]`.
    case positional
  }

  /// The kind of argument.
  public var kind: Kind
  /// The name values are looked up by: the long name of a named argument, or the positional name.
  public var key: String
  /// The single-character name, for named arguments that have one (`-e`).
  public var shortName: Character?
  /// The placeholder in usage and help: `path` in `--output <path>`.
  public var valueName: String
  /// The one-line help text.
  public var abstract: String
  /// The check run on each value as it is parsed.
  public var valueType: ValueType
  /// The only values accepted, shown in help as `(values: …)`; empty accepts any.
  public var allowedValues: [String]
  /// The value used when the argument is not given, shown in help as `(default: …)`.
  public var defaultValue: String?
  /// The value of an inverted flag pair when neither is given; `nil` makes one of them required.
  public var flagDefault: Bool?
  /// Whether parsing fails when the argument is missing.
  public var isRequired: Bool
  /// Whether every occurrence is kept (options) or every remaining value taken (positionals).
  public var isRepeating: Bool
  /// Whether the argument is left out of help, usage and suggestions (used by `help` itself).
  public var isHidden: Bool = false
  /// Extra names matched while parsing; used by the built-in `help` command for `-help`.
  public var extraNames: [Name] = []
  /// Whether an option takes, after its value, every plain value up to the next option
  /// (swift-argument-parser's `.upToNextOption`): `--location austin seattle`.
  public var takesValuesUpToNextOption = false
  /// What a shell offers for the value; `nil` offers the allowed values, if any, else nothing.
  public var completion: CompletionKind?

  /// What a shell offers for the value: the declared completion, else the allowed values.
  public var effectiveCompletion: CompletionKind? {
    completion ?? (allowedValues.isEmpty ? nil : .list(allowedValues))
  }

  /// An option taking a value: `--long <value>`, optionally also `-s <value>`.
  ///
  /// - Parameters:
  ///   - long: The long name without dashes; also the key values are looked up by.
  ///   - short: A single-letter name, listed first in help (`-e, --experience`).
  ///   - valueName: The placeholder shown as `<valueName>`; the long name if `nil`.
  ///   - help: The one-line help text.
  ///   - type: The check run on each value while parsing.
  ///   - allowedValues: The only accepted values, if any.
  ///   - default: The value used when the option is not given.
  ///   - isRequired: Whether the option must be given; not with a default.
  ///   - isRepeating: Whether all occurrences are kept (`strings(_:)`) rather than the last.
  ///   - upToNextOption: Whether an occurrence also takes the plain values after its value,
  ///     up to the next option (`--location austin seattle`); implies `isRepeating`.
  ///   - completion: What a shell offers for the value; the allowed values if `nil`.
  public static func option(
    _ long: String,
    short: Character? = nil,
    valueName: String? = nil,
    help: String = "",
    type: ValueType = .string,
    allowedValues: [String] = [],
    default: String? = nil,
    isRequired: Bool = false,
    isRepeating: Bool = false,
    upToNextOption: Bool = false,
    completion: CompletionKind? = nil
  ) -> ArgumentSpec {
    precondition(!(isRequired && `default` != nil), "'\(long)' is required and has a default")
    let isRepeating = isRepeating || upToNextOption
    precondition(!(isRepeating && `default` != nil), "repeating '\(long)' cannot have a default")
    var spec = ArgumentSpec(
      kind: .option, key: long, shortName: short, valueName: valueName ?? long, abstract: help,
      valueType: type, allowedValues: allowedValues, defaultValue: `default`, flagDefault: nil,
      isRequired: isRequired, isRepeating: isRepeating)
    spec.takesValuesUpToNextOption = upToNextOption
    spec.completion = completion
    return spec
  }

  /// A flag without a value, `false` unless given: `--long`, optionally also `-s`.
  public static func flag(_ long: String, short: Character? = nil, help: String = "")
    -> ArgumentSpec
  {
    ArgumentSpec(
      kind: .flag, key: long, shortName: short, valueName: long, abstract: help,
      valueType: .string, allowedValues: [], defaultValue: nil, flagDefault: false,
      isRequired: false, isRepeating: false)
  }

  /// A pair of flags setting one Boolean (`--long` true, `--no-long` false), the last one winning.
  ///
  /// - Parameters:
  ///   - long: The long name of the positive flag; also the key values are looked up by.
  ///   - short: A single-letter name for the positive flag.
  ///   - inversion: How the negative flag is named.
  ///   - default: The value when neither flag is given; `nil` makes one of them required,
  ///     unless `isRequired` is false.
  ///   - isRequired: With a `nil` default, whether one of the pair must be given; false makes
  ///     a tri-state (true, false or not given), like swift-argument-parser's `Bool?` flag.
  ///   - help: The one-line help text, shown once for the pair.
  public static func flag(
    _ long: String,
    short: Character? = nil,
    inversion: FlagInversion,
    default: Bool?,
    isRequired: Bool? = nil,
    help: String = ""
  ) -> ArgumentSpec {
    ArgumentSpec(
      kind: .invertedFlag, key: long, shortName: short, valueName: long, abstract: help,
      valueType: .string, allowedValues: [], defaultValue: nil, flagDefault: `default`,
      isRequired: isRequired ?? (`default` == nil), isRepeating: false)
  }

  /// A positional argument: `<name>`, `[<name>]`, `<name> ...` or `[<name> ...]`.
  ///
  /// - Parameters:
  ///   - name: The placeholder shown as `<name>`; also the key values are looked up by.
  ///   - help: The one-line help text.
  ///   - type: The check run on each value while parsing.
  ///   - allowedValues: The only accepted values, if any.
  ///   - default: The value used when the argument is not given.
  ///   - isRequired: Whether the argument must be given; positional arguments are by default.
  ///   - isRepeating: Whether it takes every remaining value; only the last positional may.
  ///   - completion: What a shell offers for the value; the allowed values if `nil`.
  public static func positional(
    _ name: String,
    help: String = "",
    type: ValueType = .string,
    allowedValues: [String] = [],
    default: String? = nil,
    isRequired: Bool = true,
    isRepeating: Bool = false,
    completion: CompletionKind? = nil
  ) -> ArgumentSpec {
    let isRequired = isRequired && `default` == nil
    precondition(!(isRepeating && `default` != nil), "repeating '\(name)' cannot have a default")
    var spec = ArgumentSpec(
      kind: .positional, key: name, shortName: nil, valueName: name, abstract: help,
      valueType: type, allowedValues: allowedValues, defaultValue: `default`, flagDefault: nil,
      isRequired: isRequired, isRepeating: isRepeating)
    spec.completion = completion
    return spec
  }
}

/// How the negative flag of an inverted pair is named.
public enum FlagInversion: Sendable, Equatable {
  /// `--name` and `--no-name`.
  case prefixedNo
}
