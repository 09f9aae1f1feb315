import ArgumentParsing
import SalaryCore

/// `salary compare`: scenarios side by side, their totals and the differences to the first.
enum CompareCommand {
  static let scenario = ArgumentSpec.option(
    "scenario", valueName: "name: options",
    help: "A scenario on the command line, such as \"move: --location seattle\".",
    isRepeating: true)

  static let spec = CommandSpec(
    name: "compare",
    abstract: "Compare careers side by side: totals, bands and differences to the first.",
    discussion: """
      Scenarios come from a file (one a row; 'salary export --template' writes one with \
      every column) and from --scenario. Any project option given outside the scenarios \
      applies to all of them, before each scenario's own.

      EXAMPLES:
        salary compare scenarios.csv
        salary compare --scenario "stay: --location cincinnati" --scenario "move: --location seattle"
        salary compare --experience 3 --scenario "ic: --track ic" --scenario "manager: --track management"
        salary compare --scenario "degree: --education degree-public" --scenario "bootcamp: --education bootcamp"
      """,
    arguments: [ScenarioFile.argument, scenario] + ProjectionArguments.all
      + CommonOptions.output)

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("compare") { invocation, output, _ in
      let values = invocation.values
      let scenarios = try gather(values)
      let model = PayModel(dataset: try context.dataset(values))
      let runner = ScenarioRunner(
        projecting: Projecting(markets: Markets(model: model)), currentYear: context.currentYear,
        sharing: values)
      let reports = try scenarios.map { (name: $0.name, report: try runner.run($0)) }
      let report = CompareReport(entries: reports)
      let destination = try CommandOutput(values, format: CommonOptions.format, context: context)
      try destination.write(report, to: &output) { report.table(width: context.screenWidth) }
      return ExitStatus.success
    }
  }

  /// The scenarios of the file, then those given inline; at least one, names unique.
  static func gather(_ values: ParsedValues) throws -> [Scenario] {
    var scenarios =
      values.hasValue(ScenarioFile.argument.key)
      ? try ScenarioFile.read(path: try values.string(ScenarioFile.argument.key)) : []
    for (index, text) in values.strings(scenario.key).enumerated() {
      scenarios.append(try ScenarioFile.parse(inline: text, index: index + 1))
    }
    guard !scenarios.isEmpty else {
      throw ValidationError("Give a scenarios file or at least one --scenario.")
    }
    var seen = Set<String>()
    for item in scenarios where !seen.insert(item.name).inserted {
      throw ValidationError("Two scenarios are called '\(item.name)'; give each its own name.")
    }
    return scenarios
  }
}
