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
    arguments: ProjectOptions.all + [
      ProjectOptions.chart, CommonOptions.format, CommonOptions.data,
    ])

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("project") { invocation, output, _ in
      let values = invocation.values
      let format = try CommonOptions.format(values)
      let model = PayModel(dataset: try context.dataset(values))
      let report = try project(values, model: model, context: context)
      let chart =
        values.wasGiven(ProjectOptions.chart.key)
        ? values.flag(ProjectOptions.chart.key) : context.outputIsTerminal
      output.write(
        try report.rendered(
          as: format, width: context.screenWidth, chart: chart, colour: context.colour))
      return ExitStatus.success
    }
  }

  /// The projection for parsed options; projections given the same `memo` share its
  /// tables, places and rates.
  static func project(
    _ values: ParsedValues, model: PayModel, context: CommandContext,
    memo: ResolutionMemo? = nil
  ) throws -> ProjectionReport {
    let memo = memo ?? ResolutionMemo(cache: QuantileCache(model: model))
    let cache = memo.cache
    let request = try ProjectOptions.resolve(
      values, model: model, currentYear: context.currentYear, memo: memo)
    let projection = Projection.make(
      startExperience: request.profile.experience, rule: request.rule,
      education: request.education, settings: request.settings, cache: cache)
    return ProjectionReport(request: request, projection: projection, cache: cache)
  }
}
