// Every sentence the parser says about an error. No other file writes error text.

/// Renders a ``ParserError`` about a command, as swift-argument-parser's
/// `ErrorMessageGenerator` does: the message after `Error: ` and the text after `Help:  `.
///
///     Unknown option '--formt'. Did you mean '--format'?
///     Missing value for '-e <experience>'
///     The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'csv'.
///     2 unexpected arguments: 'extra', 'more'
public struct ErrorMessageGenerator {
  /// Suggestions must be closer than this edit distance (upstream's empirical floor).
  public static let similarityFloor = 4
  /// From this many allowed values on, they are listed one a line instead of in a sentence.
  public static let bulletedListThreshold = 6

  /// The visible definitions of the command the error is about.
  public var definitions: [ArgumentDefinition]
  /// The names of that command's subcommands, for "Did you mean" on a mistyped one.
  public var subcommandNames: [String] = []
  /// The error.
  public var error: ParserError

  /// A generator for `error` about the last command of `commandStack`.
  public init(commandStack: [CommandSpec], error: ParserError) {
    let command = commandStack[commandStack.count - 1]
    definitions = command.definitions.filter { !$0.isHidden }
    subcommandNames = command.subcommands.flatMap { [$0.name] + $0.aliases }
    self.error = error
  }

  public init(definitions: [ArgumentDefinition], subcommandNames: [String] = [], error: ParserError)
  {
    self.definitions = definitions
    self.subcommandNames = subcommandNames
    self.error = error
  }

  /// The message shown after `Error: `.
  public func makeErrorMessage() -> String {
    switch error {
    case .invalidOption(let word):
      return "Invalid option: \(word.echoedValue)"
    case .unknownOption(let name):
      return unknownOptionMessage(name)
    case .missingValueForOption(let name):
      return missingValueMessage(name)
    case .negativeValueNeedsEquals(let name, let value):
      // Upstream stops at "Missing value"; the second half says how to write it.
      let long =
        definitions.first { $0.names.contains(name) }?.names.first { !$0.isShort } ?? name
      let attached = "\(long.synopsisString)=\(value)"
      return missingValueMessage(name)
        + ". A value starting with '-' reads as an option: write \(attached.echoedValue)"
    case .missingValueOrUnknownCompositeOption(let shortName, let compositeName):
      return """
        \(unknownOptionMessage(compositeName))
           or: \(missingValueMessage(shortName)) in '\(compositeName.synopsisString)'
        """
    case .unexpectedValueForOption(let name, let value):
      return
        "The option '\(name.synopsisString)' does not take any value, but '\(value.echoedValue)' was specified."
    case .unexpectedExtraValues(let values):
      // Unlike swift-argument-parser, a word that is close to a subcommand's name gets a
      // suggestion: `salary data levl` → "Did you mean 'levels'?".
      if values.count == 1 {
        let close = suggestions(for: values[0], among: subcommandNames, limit: 1)
        return "Unexpected argument '\(values[0].echoedValue)'.\(didYouMean(close))"
          .replacingTrailingPeriod(when: close.isEmpty)
      }
      return
        "\(values.count) unexpected arguments: '\(values.map(\.echoedValue).joined(separator: "', '"))'"
    case .noValue(let key):
      return noValueMessage(key)
    case .unableToParseValue(let name, let value, let key, let reason):
      return unableToParseValueMessage(name: name, value: value, key: key, reason: reason)
    case .userValidationError(let message):
      return message
    case .unsupportedShell(let shell):
      // Upstream's two sentences, then the shells indented by four.
      let shells = CompletionShell.allCases.map(\.rawValue).joined(separator: " ")
      let problem =
        shell.map { "Can't generate completion scripts for '\($0)'." }
        ?? "Can't autodetect a supported shell."
      return problem + "\nPlease use --generate-completion-script=<shell> with one of:\n    "
        + shells
    case .noArguments(let inner):
      return ErrorMessageGenerator(
        definitions: definitions, subcommandNames: subcommandNames, error: inner
      ).makeErrorMessage()
    }
  }

  /// The text shown after `Help:  `, or "" for errors that have no such line.
  public func makeHelpMessage() -> String {
    switch error {
    case .unableToParseValue(let name, _, let key, _):
      guard let definition = definition(forKey: key) else { return "" }
      if let name {
        return "\(name.synopsisString) <\(definition.valueName)>  \(definition.abstract)"
      }
      return "<\(definition.valueName)>  \(definition.abstract)"
    case .missingValueForOption(let name), .negativeValueNeedsEquals(let name, _):
      guard let definition = definitions.first(where: { $0.names.contains(name) }) else {
        return ""
      }
      return "\(name.synopsisString) <\(definition.valueName)>  \(definition.abstract)"
    case .noValue(let key):
      guard let definition = definition(forKey: key) else { return "" }
      if let first = definition.names.first {
        return "\(first.synopsisString) <\(definition.valueName)>  \(definition.abstract)"
      }
      return "<\(definition.valueName)>  \(definition.abstract)"
    default:
      return ""
    }
  }

  private init(definitions: [ArgumentDefinition], error: ParserError) {
    self.definitions = definitions
    self.error = error
  }

  private func definition(forKey key: String) -> ArgumentDefinition? {
    definitions.first { $0.key == key }
  }

  private func unknownOptionMessage(_ name: Name) -> String {
    let typed = name.synopsisString.echoedValue
    guard !name.isShort else { return "Unknown option '\(typed)'" }
    let suggestion =
      definitions
      .flatMap(\.names)
      .filter { !$0.isShort }
      .map { (name: $0, distance: $0.synopsisString.editDistance(to: typed)) }
      .filter { $0.distance < Self.similarityFloor }
      .min { $0.distance < $1.distance }
    guard let suggestion else { return "Unknown option '\(typed)'" }
    return "Unknown option '\(typed)'. Did you mean '\(suggestion.name.synopsisString)'?"
  }

  private func missingValueMessage(_ name: Name) -> String {
    guard let definition = definitions.first(where: { $0.names.contains(name) }) else {
      return "Missing value for '\(name.synopsisString)'"
    }
    return "Missing value for '\(name.synopsisString) <\(definition.valueName)>'"
  }

  private func noValueMessage(_ key: String) -> String {
    let possibilities = definitions.filter { $0.key == key }.map { definition in
      var required = definition
      required.isOptional = false
      return required.synopsis
    }
    switch possibilities.count {
    case 0: return "Missing expected argument '\(key)'"
    case 1: return "Missing expected argument '\(possibilities[0])'"
    default: return "Missing one of: '\(possibilities.joined(separator: "', '"))'"
    }
  }

  private func unableToParseValueMessage(
    name: Name?, value: String, key: String, reason: String?
  ) -> String {
    let definition = definition(forKey: key)
    let value = value.echoedValue
    let explanation: String
    if let reason {
      explanation = ": " + reason
    } else {
      explanation = definition.map { Self.formattedValueList($0.allowedValues) } ?? ""
    }
    switch (name, definition?.valueName) {
    case (let name?, let valueName?):
      return
        "The value '\(value)' is invalid for '\(name.synopsisString) <\(valueName)>'\(explanation)"
    case (nil, let valueName?):
      return "The value '\(value)' is invalid for '<\(valueName)>'\(explanation)"
    case (let name?, nil):
      return "The value '\(value)' is invalid for '\(name.synopsisString)'\(explanation)"
    case (nil, nil):
      return "The value '\(value)' is invalid.\(explanation)"
    }
  }

  /// `. Please provide one of 'a', 'b' or 'c'.`, or a bulleted list for 6 values or more.
  public static func formattedValueList(_ values: [String]) -> String {
    guard !values.isEmpty else { return "" }
    guard values.count < bulletedListThreshold else {
      let bullets = values.map { "  - \($0)" }.joined(separator: "\n")
      return ". Please provide one of the following:\n\(bullets)"
    }
    let quoted = values.map { "'\($0)'" }
    let list =
      quoted.count <= 2
      ? quoted.joined(separator: " and ")
      : quoted.dropLast().joined(separator: ", ") + " or \(quoted[quoted.count - 1])"
    return ". Please provide one of \(list)."
  }
}

extension String {
  /// Drops a final period when `condition` holds: "Unexpected argument 'x'." → "…'x'".
  fileprivate func replacingTrailingPeriod(when condition: Bool) -> String {
    condition && hasSuffix(".") ? String(dropLast()) : self
  }
}
