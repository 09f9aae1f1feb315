/// Options shared by many commands, declared once so help and parsing agree everywhere.
enum CommonOptions {
  /// `--format table|json|csv`.
  static let format = ArgumentSpec.option(
    "format", help: "Output format: a table for people, JSON or CSV for scripts.",
    allowedValues: OutputFormat.allCases.map(\.rawValue), default: OutputFormat.table.rawValue)

  /// `--data <dir>`: a user's own dataset instead of the built-in one.
  static let data = ArgumentSpec.option(
    "data", valueName: "dir",
    help: "Use the dataset in this folder instead of the built-in one (see 'salary data check').")

  /// The format a command was asked for.
  static func format(_ values: ParsedValues) throws -> OutputFormat {
    try values.enumValue(format.key, as: OutputFormat.self)
  }
}
