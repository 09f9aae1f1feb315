// The one error enum of the parser. Its messages are written by ErrorMessageGenerator only.

/// Everything that can go wrong between the command line and a command's values.
///
/// A port of the cases of swift-argument-parser's `ParserError` that this parser can produce.
/// No case carries message text: ``ErrorMessageGenerator`` renders them all, from the spec.
public indirect enum ParserError: Error, Equatable, Sendable {
  /// A word that cannot be an option at all, such as `---x`.
  case invalidOption(String)
  /// A dash-prefixed word that names no option of the command.
  case unknownOption(Name)
  /// An option that takes a value was not followed by one.
  case missingValueForOption(Name)
  /// An option that takes a value was followed by a negative number, which reads as an
  /// option (`--raise -5%`); the value must be attached: `--raise=-5%`.
  case negativeValueNeedsEquals(Name, String)
  /// A short option inside a pack (the `-e` of `-help`) lacks its value; the pack as a whole
  /// is also an unknown option, and the message says both.
  case missingValueOrUnknownCompositeOption(shortName: Name, compositeName: Name)
  /// A flag was given a value with `=`, as in `--verbose=yes`.
  case unexpectedValueForOption(Name, String)
  /// Words left over that no argument took.
  case unexpectedExtraValues([String])
  /// A required argument was not given.
  case noValue(key: String)
  /// A value was rejected; `name` is the name the user typed, `nil` for a positional argument.
  case unableToParseValue(name: Name?, value: String, key: String, reason: String?)
  /// `--generate-completion-script` named no shell a script can be written for; `nil` when
  /// it named none and `$SHELL` is not one either.
  case unsupportedShell(String?)
  /// A command rejected its values (``ValidationError``).
  case userValidationError(message: String)
  /// Any of the above, when the command line was empty: the full help replaces the usage.
  case noArguments(ParserError)
}
