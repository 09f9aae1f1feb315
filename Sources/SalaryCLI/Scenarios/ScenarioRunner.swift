import SalaryCore

/// Runs scenarios through the `project` command's own parser and resolution, so a scenario
/// accepts exactly what `salary project` does and fails with the same messages, prefixed
/// by where the scenario came from.
///
/// A file's rows skip the command-line parsing: their options are already split by column,
/// so each value is checked as the parser would check it and added to the values the
/// shared options parsed to, once.
struct ScenarioRunner {
  let model: PayModel
  let context: CommandContext
  /// Options given outside the scenarios, applied to each before its own.
  let shared: [String]
  /// What every scenario resolves against: the tables of every market met so far, places
  /// and rates, shared by all scenarios.
  let memo: ResolutionMemo
  /// The `project` command's parser, built (and its declaration checked) once.
  let parser = CommandParser(root: ProjectCommand.spec)
  /// The values of the shared options alone, for a file's rows to add theirs to; `nil` if
  /// they do not parse (each scenario then goes through the parser and reports why).
  let sharedValues: ParsedValues?
  /// The `project` command's definitions by key.
  let definitions: [String: ArgumentDefinition]

  init(model: PayModel, context: CommandContext, shared: [String]) {
    self.model = model
    self.context = context
    self.shared = shared
    self.memo = ResolutionMemo(cache: QuantileCache(model: model))
    let spec = ProjectCommand.spec
    var definitions: [String: ArgumentDefinition] = [:]
    for definition in spec.definitions where definitions[definition.key] == nil {
      definitions[definition.key] = definition
    }
    self.definitions = definitions
    if case .run(let invocation) = parser.parse(shared),
      (try? LenientParser.checkRequired(spec.definitions, in: invocation.values)) != nil
    {
      sharedValues = invocation.values
    } else {
      sharedValues = nil
    }
  }

  /// The `project` options a command was given, as a command line, to share with scenarios.
  static func sharedArguments(_ values: ParsedValues) -> [String] {
    ProjectOptions.all.flatMap { option -> [String] in
      guard values.wasGiven(option.key) else { return [] }
      let given = values.strings(option.key)
      let kept = option.isRepeating ? given : Array(given.suffix(1))
      return kept.flatMap { ["--\(option.key)", $0] }
    }
  }

  /// The projection of one scenario.
  ///
  /// - Throws: ``ValidationError`` (or ``CommandFailure``) whose message starts with the
  ///   scenario's origin and name.
  func run(_ scenario: Scenario) throws -> ProjectionReport {
    // Error messages only: a scenario that runs builds neither.
    var spec: CommandSpec { ProjectCommand.spec }
    var prefix: String { "\(scenario.origin) (scenario '\(scenario.name)'): " }
    /// The origin down to the cell of the option at fault, where the error names one.
    func located(_ error: ParserError) -> String {
      guard case .unableToParseValue(_, _, let key, _) = error, let column = scenario.columns[key]
      else { return prefix }
      return "\(scenario.origin):\(column) (scenario '\(scenario.name)'): "
    }
    var values: ParsedValues
    if let options = scenario.options, let sharedValues {
      values = sharedValues
      for (key, value) in options {
        guard let definition = definitions[key] else {
          preconditionFailure("a scenario file's columns are project options")
        }
        do throws(ParserError) {
          try LenientParser.check(value, for: definition, name: .long(key))
        } catch {
          throw ValidationError(
            located(error)
              + ErrorMessageGenerator(commandStack: [spec], error: error).makeErrorMessage())
        }
        values.append(.init(name: .long(key), value: value), forKey: key)
      }
    } else {
      let arguments =
        scenario.options.map { $0.flatMap { ["--\($0.key)", $0.value] } } ?? scenario.arguments
      switch parser.parse(shared + arguments) {
      case .run(let invocation):
        values = invocation.values
      case .failure(let error, let stack):
        throw ValidationError(
          located(error)
            + ErrorMessageGenerator(commandStack: stack, error: error).makeErrorMessage())
      case .help, .version:
        throw ValidationError(prefix + "--help and --version have no place in a scenario.")
      }
    }
    do {
      return try ProjectCommand.project(values, model: model, context: context, memo: memo)
    } catch let error as ParserError {
      throw ValidationError(
        located(error)
          + ErrorMessageGenerator(commandStack: [spec], error: error).makeErrorMessage())
    } catch let error as ValidationError {
      throw ValidationError(prefix + error.message)
    } catch let error as CommandFailure {
      throw CommandFailure(prefix + error.message)
    }
  }
}
