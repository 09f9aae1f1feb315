import ArgumentParsing
import SalaryCore

/// Reads scenarios into the options `salary project` reads, and projects them: a scenario
/// accepts exactly what `salary project` does and fails with the same messages, prefixed by
/// where the scenario came from.
///
/// A scenario's options lie over the options given outside the scenarios (the command's
/// own): a file's row adds each cell as a value of its column's option, each checked as the
/// parser checks a value; an inline scenario (`--scenario "name: options"`) is parsed as a
/// command line of `salary project`. Either way the values decode into the same
/// ``ProjectionOptions`` a command line does.
struct ScenarioRunner {
  let model: PayModel
  let currentYear: Int
  let projecting: Projecting
  /// The options given outside the scenarios, as `salary project` holds them.
  let shared: ParsedValues
  /// The `project` command's parser, built (and its declaration checked) once.
  let parser = CommandParser(root: ProjectCommand.spec)
  /// The `project` command's definitions by key.
  let definitions: [String: ArgumentDefinition]

  /// A runner whose scenarios take `values`' project options first (the last given of an
  /// option that does not repeat, every one of one that does), and `defaults` (such as
  /// `paths: 0`) where `values` gives none.
  init(
    projecting: Projecting, currentYear: Int, sharing values: ParsedValues,
    defaults: [String: String] = [:]
  ) {
    self.model = projecting.markets.model
    self.currentYear = currentYear
    self.projecting = projecting
    let spec = ProjectCommand.spec
    var definitions: [String: ArgumentDefinition] = [:]
    for definition in spec.definitions where definitions[definition.key] == nil {
      definitions[definition.key] = definition
    }
    self.definitions = definitions
    var shared = ParsedValues(arguments: spec.arguments)
    for option in ProjectionArguments.all {
      if values.wasGiven(option.key) {
        let given = values.occurrences(option.key)
        for occurrence in option.isRepeating ? given : Array(given.suffix(1)) {
          shared.append(occurrence, forKey: option.key)
        }
      } else if let value = defaults[option.key] {
        shared.append(.init(name: .long(option.key), value: value), forKey: option.key)
      }
    }
    self.shared = shared
  }

  /// The options of one scenario.
  ///
  /// - Throws: ``ValidationError`` (or ``CommandFailure``) whose message starts with the
  ///   scenario's origin and name.
  func options(_ scenario: Scenario) throws -> ProjectionOptions {
    try located(scenario) {
      var values = shared
      if let options = scenario.options {
        for (key, value) in options {
          guard let definition = definitions[key] else {
            preconditionFailure("a scenario file's columns are project options")
          }
          try LenientParser.check(value, for: definition, name: .long(key))
          values.append(.init(name: .long(key), value: value), forKey: key)
        }
      } else {
        switch parser.parse(scenario.arguments) {
        case .run(let invocation):
          try SalaryCommandLine.rejectDifferingRepeats(invocation)
          for option in ProjectionArguments.all {
            for occurrence in invocation.values.occurrences(option.key) {
              values.append(occurrence, forKey: option.key)
            }
          }
        case .failure(let error, _):
          throw error
        case .help, .version:
          throw ValidationError("--help and --version have no place in a scenario.")
        case .completionScript, .dumpHelp:
          throw ValidationError(
            "--generate-completion-script and --experimental-dump-help have no place in a "
              + "scenario.")
        }
      }
      return try ProjectionOptions(values, model: model, currentYear: currentYear)
    }
  }

  /// The projection of one scenario.
  ///
  /// - Throws: as ``options(_:)``.
  func run(_ scenario: Scenario) throws -> ProjectionReport {
    let options = try options(scenario)
    return try located(scenario) { try projecting.report(options) }
  }

  /// What `body` gives, its errors prefixed with the scenario's origin (down to the cell of
  /// the option at fault, where the error names one) and name.
  private func located<Value>(_ scenario: Scenario, _ body: () throws -> Value) throws -> Value {
    var prefix: String { "\(scenario.origin) (scenario '\(scenario.name)'): " }
    do {
      return try body()
    } catch let error as ParserError {
      var origin = prefix
      if case .unableToParseValue(_, _, let key, _) = error, let column = scenario.columns[key] {
        origin = "\(scenario.origin):\(column) (scenario '\(scenario.name)'): "
      }
      throw ValidationError(
        origin
          + ErrorMessageGenerator(commandStack: [ProjectCommand.spec], error: error)
          .makeErrorMessage())
    } catch let error as ValidationError {
      throw ValidationError(prefix + error.message)
    } catch let error as CommandFailure {
      throw CommandFailure(prefix + error.message)
    }
  }
}
