import ArgumentParsing
import SalaryCSV

/// The options of every command that writes an answer: which format, where to, and how a
/// spreadsheet file is written. Declared once, so help and parsing agree everywhere.
///
/// The byte order mark is chosen by destination: a file written with `--out` is for a
/// spreadsheet, and Excel reads UTF-8 only when the file starts with one; standard output
/// is for pipes, where a BOM trips up `cut`, `awk` and most CSV libraries. `--bom` and
/// `--no-bom` override either way.
enum OutputOptions {
  /// `--format`, with the formats one command writes.
  static func format(_ formats: [OutputFormat], default: OutputFormat = .table)
    -> TypedArgument<OutputFormat, Void>
  {
    let names = formats.map(\.rawValue)
    let rowLimit =
      formats.contains(.xlsx)
      ? " A workbook's rows go on in sheet 'Rows 2', ... after 1,048,576." : ""
    return TypedArgument(
      .option(
        "format",
        help: (formats.contains(.table)
          ? "Output format: a table for people, JSON, JSON lines or CSV for scripts, xlsx for a workbook "
            + "(default: from the --out file's extension, else table)."
          : "Output format (default: from the --out file's extension, else \(`default`.rawValue)).")
          + rowLimit,
        allowedValues: names, default: `default`.rawValue)
    ) { raw throws(InvalidValue) in
      guard let format = OutputFormat(rawValue: raw), names.contains(raw) else {
        throw InvalidValue()
      }
      return format
    }
  }

  static let out = ArgumentSpec.option(
    "out", valueName: "file",
    help: "Write to this file (complete or not at all) instead of standard output; "
      + "a name ending in .csv, .xlsx, .json or .jsonl picks the format.",
    completion: CompletionLists.outputFile)
  static let force = ArgumentSpec.flag("force", help: "Replace the --out file if it exists.")
  static let bom = ArgumentSpec.flag(
    "bom", inversion: .prefixedNo, default: nil, isRequired: false,
    help: "Start CSV with a UTF-8 byte order mark, which Excel needs (default: with --out only).")
  static let dialect = ArgumentSpec.option(
    "dialect", valueName: "dialect",
    help: "CSV for rfc4180, or excel-eu (semicolons, decimal commas) for European settings.",
    allowedValues: ["rfc4180", "excel-eu"], default: "rfc4180")
  static let quiet = ArgumentSpec.flag(
    "quiet", short: "q",
    help: "No summary or progress lines on standard error; errors still are.")

  /// The options after `--format`, in help order.
  static let file = [out, force, bom, dialect]
}
