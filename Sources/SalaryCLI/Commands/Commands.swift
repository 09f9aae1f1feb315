/// The whole command tree, from which help, usage, parsing and errors are generated.
enum Commands {
  static let root = CommandSpec(
    name: "salary",
    abstract: "Estimate back-end developer pay from published career guides.",
    discussion: """
      Every figure comes from a named source, with where in it it was published; \
      where the guides disagree, the disagreement is shown, not hidden.

      EXAMPLES:
        salary data levels           the career ladder with its pay
        salary data sources          every guide and what it cites
        salary data check ./my-data  validate your own dataset
      """,
    version: SalaryCommandLine.version,
    subcommands: [DataCommands.spec])
}
