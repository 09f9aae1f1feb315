import SalaryCore

/// Runs scenarios through the `project` command's own parser and resolution, so a scenario
/// accepts exactly what `salary project` does and fails with the same messages, prefixed
/// by where the scenario came from.
struct ScenarioRunner {
  let model: PayModel
  let context: CommandContext
  /// Options given outside the scenarios, applied to each before its own.
  let shared: [String]
  /// The tables of every market met so far, shared by all scenarios.
  let cache: QuantileCache
  /// The `project` command's parser, built (and its declaration checked) once.
  let parser = CommandParser(root: ProjectCommand.spec)

  init(model: PayModel, context: CommandContext, shared: [String]) {
    self.model = model
    self.context = context
    self.shared = shared
    self.cache = QuantileCache(model: model)
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
    let spec = ProjectCommand.spec
    let prefix = "\(scenario.origin) (scenario '\(scenario.name)'): "
    /// The origin down to the cell of the option at fault, where the error names one.
    func located(_ error: ParserError) -> String {
      guard case .unableToParseValue(_, _, let key, _) = error, let column = scenario.columns[key]
      else { return prefix }
      return "\(scenario.origin):\(column) (scenario '\(scenario.name)'): "
    }
    let outcome = parser.parse(shared + scenario.arguments)
    let values: ParsedValues
    switch outcome {
    case .run(let invocation):
      values = invocation.values
    case .failure(let error, let stack):
      throw ValidationError(
        located(error)
          + ErrorMessageGenerator(commandStack: stack, error: error).makeErrorMessage())
    case .help, .version:
      throw ValidationError(prefix + "--help and --version have no place in a scenario.")
    }
    do {
      return try ProjectCommand.project(values, model: model, context: context, cache: cache)
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
