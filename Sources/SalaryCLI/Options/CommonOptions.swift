import ArgumentParsing

/// Options shared by many commands, declared once so help and parsing agree everywhere.
enum CommonOptions {
  /// `--format table|json|csv`.
  static let format = TypedArgument<OutputFormat, Void>(
    .option(
      "format", help: "Output format: a table for people, JSON or CSV for scripts.",
      allowedValues: OutputFormat.allCases.map(\.rawValue), default: OutputFormat.table.rawValue)
  ) { raw throws(InvalidValue) in
    guard let format = OutputFormat(rawValue: raw) else { throw InvalidValue() }
    return format
  }

  /// `--data <dir>`: a user's own dataset instead of the built-in one.
  static let data = ArgumentSpec.option(
    "data", valueName: "dir",
    help: "Use the dataset in this folder instead of the built-in one (see 'salary data check').")

  /// `--skip-bad-rows`, for the commands that read one input row at a time.
  static let skipBadRows = ArgumentSpec.flag(
    "skip-bad-rows", help: "Report a bad row on standard error and go on, instead of stopping.")
}
