import ArgumentParsing
import SalaryCore
import SalaryData

/// `salary data …`: what the estimates are built from, each figure with its source.
enum DataCommands {
  /// One `salary data <topic>` listing.
  private struct Topic: Sendable {
    var name: String
    var abstract: String
    var arguments: [ArgumentSpec] = []
    var listing: @Sendable (Dataset, ParsedValues) throws -> Listing
  }

  private static let source = ArgumentSpec.option(
    "source", valueName: "id", help: "Only the figures of this source (see 'salary data sources').",
    completion: CompletionLists.sources)

  private static let topics: [Topic] = [
    Topic(name: "sources", abstract: "Every source: publisher, title, author, date, what it cites.")
    {
      dataset, _ in DataListings.sources(dataset)
    },
    Topic(name: "levels", abstract: "The career ladder: years and US median and average pay.") {
      dataset, _ in DataListings.levels(dataset)
    },
    Topic(
      name: "pay", abstract: "Every published pay figure, with its years and series.",
      arguments: [source]
    ) { dataset, values in
      let id: String? =
        values.hasValue(source.key)
        ? try values.value(source.key) { raw throws(InvalidValue) in
          guard dataset.source(id: raw) != nil else {
            let ids = dataset.sources.map(\.id)
            throw InvalidValue(
              reason: "no such source.\(didYouMean(suggestions(for: raw, among: ids)))"
                + " Sources: \(ids.joined(separator: ", ")).")
          }
          return raw
        } : nil
      return DataListings.pay(dataset, source: id)
    },
    Topic(name: "locations", abstract: "Every place the sources name, with the figures behind it.")
    {
      dataset, _ in DataListings.locations(dataset)
    },
    Topic(
      name: "countries", abstract: "Pay by country in local currency and the source's dollars."
    ) { dataset, _ in DataListings.countries(dataset) },
    Topic(name: "growth", abstract: "The pay growth with experience each guide's table implies.") {
      dataset, _ in DataListings.growth(PayModel(dataset: dataset))
    },
    Topic(
      name: "calibration",
      abstract: "The guides across all developers' careers, against the BLS wage survey."
    ) { dataset, _ in try CalibrationListing.listing(PayModel(dataset: dataset)) },
    Topic(name: "outlook", abstract: "Job growth and openings: context, never applied to pay.") {
      dataset, _ in DataListings.outlook(dataset)
    },
    Topic(name: "education", abstract: "How long each path to a first job takes and costs.") {
      dataset, _ in DataListings.education(dataset)
    },
    Topic(
      name: "specializations", abstract: "Specializations the sources name, and which pay more."
    ) { dataset, _ in DataListings.specializations(dataset) },
    Topic(name: "assumptions", abstract: "Every assumption the method makes, and why.") {
      dataset, _ in DataListings.assumptions(dataset)
    },
  ]

  private static let directory = ArgumentSpec.positional(
    "dir", help: "The folder holding the dataset's CSV files.",
    completion: CompletionLists.folder)

  static let spec = CommandSpec(
    name: "data",
    abstract: "Show the published figures and assumptions behind every answer.",
    discussion: """
      Each listing shows where its figures were published. Add --format json or \
      --format csv for scripts, and --data DIR to look at your own dataset.

      EXAMPLES:
        salary data levels
        salary data pay --source cbt-nuggets
        salary data outlook --format csv > outlook.csv
        salary data check ./my-data
      """,
    subcommands: topics.map { topic in
      CommandSpec(
        name: topic.name, abstract: topic.abstract,
        arguments: topic.arguments + CommonOptions.output)
    } + [
      CommandSpec(
        name: "check",
        abstract: "Validate a dataset folder: ok, or every problem with file:line:column.",
        discussion: """
          A dataset folder holds the same CSV files as the built-in data/ folder. Every \
          problem is reported, not just the first; a dataset with any problem is never \
          used. Exits with 1 when there are problems.

          EXAMPLES:
            salary data check ./my-data
            salary data check ./my-data --format json
          """,
        arguments: [directory, CommonOptions.format.spec] + OutputOptions.file + [
          OutputOptions.quiet
        ])
    ])

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    for topic in topics {
      dispatcher.register("data", topic.name) { invocation, output, _ in
        let values = invocation.values
        let dataset = try context.dataset(values)
        let listing = NamedListing(
          listing: try topic.listing(dataset, values), topic: topic.name, dataset: dataset)
        let destination = try CommandOutput(values, format: CommonOptions.format, context: context)
        try destination.write(listing, to: &output) {
          listing.listing.text(width: context.screenWidth)
        }
        return ExitStatus.success
      }
    }
    dispatcher.register("data", "check") { invocation, output, _ in
      let path = try invocation.values.string(directory.key)
      let report: DatasetCheck
      do throws(DatasetError) {
        report = DatasetCheck(path: path, dataset: try context.checkDataset(path))
      } catch {
        report = DatasetCheck(path: path, problems: error.diagnostics)
      }
      let destination = try CommandOutput(
        invocation.values, format: CommonOptions.format, context: context)
      try destination.write(report, to: &output) { report.table(width: context.screenWidth) }
      return report.problems.isEmpty ? ExitStatus.success : ExitStatus.failure
    }
  }
}
