import ArgumentParsing

/// Options shared by many commands, declared once so help and parsing agree everywhere.
enum CommonOptions {
  /// `--format`, for every command that answers once: each format but the table is
  /// built from the same records.
  static let format = OutputOptions.format(OutputFormat.allCases)

  /// What every answering command takes after its own options: the format, the
  /// destination and the CSV settings, and the dataset.
  static let output = [format.spec] + OutputOptions.file + [OutputOptions.quiet, data]

  /// `--color auto|always|never`: colour in charts. `auto` colours a terminal unless
  /// NO_COLOR is set or TERM is `dumb`.
  static let color = ArgumentSpec.option(
    "color", valueName: "when",
    help: "Colour the chart: auto (a terminal, unless NO_COLOR is set or TERM=dumb), "
      + "always or never.",
    allowedValues: ["auto", "always", "never"], default: "auto")

  /// Whether to colour, by `--color` and, for `auto`, what the context allows.
  static func colours(_ values: ParsedValues, _ context: CommandContext) throws -> Bool {
    switch try values.string(color.key) {
    case "always": true
    case "never": false
    default: context.colour
    }
  }

  /// `--totals`: a total row after each projection's years.
  static let totals = ArgumentSpec.flag(
    "totals",
    help: "Add a total row after each projection's years (kind 'total'); left out by default "
      + "so a pivot table of the rows does not count the years twice.")

  /// `--data <dir>`: a user's own dataset instead of the built-in one.
  static let data = ArgumentSpec.option(
    "data", valueName: "dir",
    help: "Use the dataset in this folder instead of the built-in one (see 'salary data check').",
    completion: CompletionLists.folder)

  /// `--skip-bad-rows`, for the commands that read one input row at a time.
  static let skipBadRows = ArgumentSpec.flag(
    "skip-bad-rows", help: "Report a bad row on standard error and go on, instead of stopping.")
}
