import SalaryCore

/// `salary estimate`: the pay range for a profile, from the consensus of the guides.
enum EstimateCommand {
  static let spec = CommandSpec(
    name: "estimate",
    abstract: "Estimate the pay range for a profile from the consensus of the guides.",
    discussion: """
      Reports P10, P25, P50, P75 and P90 of base pay per year, what each guide says at the \
      same experience, how far the guides disagree, every factor with the figures it came \
      from, and every assumption used.

      EXAMPLES:
        salary estimate --experience 4 --location austin --specialization distributed-systems
        salary estimate --level senior --location "San Francisco"
        salary estimate --experience 1 --source cbt-nuggets
        salary estimate --experience 6 --location germany --currency EUR
      """,
    arguments: ProfileOptions.single + [CommonOptions.format, CommonOptions.data])

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("estimate") { invocation, output, _ in
      let values = invocation.values
      let format = try CommonOptions.format(values)
      let model = PayModel(dataset: try context.dataset(values))
      let place = try ProfileOptions.place(values, model.dataset)
      let profile = try ProfileOptions.resolve(values, place: place, model: model)
      let report = try estimate(profile, model)
      output.write(try report.rendered(as: format, width: context.screenWidth))
      return ExitStatus.success
    }
  }

  /// The estimate for a resolved profile.
  static func estimate(_ profile: Profile, _ model: PayModel) throws -> EstimateReport {
    do throws(EstimateError) {
      let estimate = try model.estimate(
        experience: profile.experience, factors: profile.factors, source: profile.source)
      return EstimateReport(profile: profile, estimate: estimate, dataset: model.dataset)
    } catch {
      switch error {
      case .unknownSource(let name, _):
        throw ValidationError("No guide or series is called '\(name)'.")
      case .noSeriesCovers(let years):
        throw CommandFailure(
          "No guide covers \(years.compactNumber) years of experience in this selection.")
      }
    }
  }
}
