import ArgumentParsing

/// The whole command tree, from which help, usage, parsing and errors are generated.
enum Commands {
  static let root = CommandSpec(
    name: "salary",
    abstract: "Estimate back-end developer pay from published career guides.",
    discussion: """
      Every figure comes from a named source, with where in it it was published; \
      where the guides disagree, the disagreement is shown, not hidden.

      EXAMPLES:
        salary estimate --experience 4 --location austin
        salary estimate --level senior --location "San Francisco"
        salary offer 128000 --experience 4 --location austin --bonus 10%
        salary project --experience 1 --location seattle --path mid@2,senior@5
        salary compare scenarios.csv
        salary data levels
      """,
    version: SalaryCommandLine.version,
    subcommands: [
      EstimateCommand.spec, OfferCommand.spec, ProjectCommand.spec, CompareCommand.spec,
      ExportCommand.spec,
      DataCommands.spec,
    ])
}
