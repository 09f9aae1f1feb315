import ArgumentParsing
import SalaryCore

/// `salary project`: pay year by year over a career, nominal and in today's money, with
/// a band from simulated careers.
enum ProjectCommand {
  static let spec = CommandSpec(
    name: "project",
    abstract: "Project pay over the years: a career path, raises, inflation and a band.",
    discussion: """
      On the guides' curves, pay follows your experience (or a --path of promotions) at the \
      market's median, or at the percentile of your --salary, and the whole market drifts up \
      each year. With --raise, pay starts from --salary and rises by fixed raises, as the \
      classic raise calculators do. Without --experience or --level, the career starts \
      from no experience: a first job. Every rate and assumption is listed with its source.

      EXAMPLES:
        salary project --experience 1 --location seattle
        salary project --experience 1 --path mid@2,senior@5,staff@11 --years 15
        salary project --experience 3 --salary 95000 --location austin
        salary project --track management --experience 5
        salary project --salary 50000 --raise 3% --years 40
        salary project --salary 100000 --raise 3% --promotion 15%@3
        salary project --education bootcamp --location denver
      """,
    arguments: ProjectionArguments.all + [
      ProjectionArguments.chart, CommonOptions.color, CommonOptions.totals,
    ]
      + CommonOptions.output)

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("project") { invocation, output, _ in
      let values = invocation.values
      let model = PayModel(dataset: try context.dataset(values))
      let options = try ProjectionOptions(values, model: model, currentYear: context.currentYear)
      var report = try Projecting(markets: Markets(model: model)).report(options)
      report.includesTotals = values.flag(CommonOptions.totals.key)
      let destination = try CommandOutput(values, format: CommonOptions.format, context: context)
      let colour = try CommonOptions.colours(values, context)
      let chart =
        values.wasGiven(ProjectionArguments.chart.key)
        ? values.flag(ProjectionArguments.chart.key) : context.outputIsTerminal
      try destination.write(report, to: &output) {
        report.table(width: context.screenWidth, chart: chart, colour: colour)
      }
      return ExitStatus.success
    }
  }
}
