import SalaryCSV

/// The options of commands that write CSV for spreadsheets: where to, and in which dialect.
///
/// The byte order mark is chosen by destination: a file written with `--out` is for a
/// spreadsheet, and Excel reads UTF-8 only when the file starts with one; standard output
/// is for pipes, where a BOM trips up `cut`, `awk` and most CSV libraries. `--bom` and
/// `--no-bom` override either way.
enum CSVOutputOptions {
  static let out = ArgumentSpec.option(
    "out", valueName: "file",
    help: "Write to this file (complete or not at all) instead of standard output.")
  static let force = ArgumentSpec.flag("force", help: "Replace the --out file if it exists.")
  static let bom = ArgumentSpec.flag(
    "bom", inversion: .prefixedNo, default: nil, isRequired: false,
    help: "Start with a UTF-8 byte order mark, which Excel needs (default: with --out only).")
  static let dialect = ArgumentSpec.option(
    "dialect", valueName: "dialect",
    help: "rfc4180, or excel-eu (semicolons, decimal commas) for European spreadsheet settings.",
    allowedValues: ["rfc4180", "excel-eu"], default: "rfc4180")

  static let all = [out, force, bom, dialect]

  /// The destination: the `--out` file, or standard output.
  static func sink(_ values: ParsedValues) throws -> OutputSink {
    guard values.hasValue(out.key) else { return OutputSink() }
    let path = try values.string(out.key)
    do throws(OutputSink.Failure) {
      return try OutputSink(file: path, replace: values.flag(force.key))
    } catch {
      throw CommandFailure(error.message)
    }
  }

  /// The writer's configuration for that destination.
  static func configuration(_ values: ParsedValues, for sink: OutputSink) throws
    -> CSVWriter.Configuration
  {
    let european = try values.string(dialect.key) == "excel-eu"
    let withBOM = values.wasGiven(bom.key) ? values.flag(bom.key) : sink.isFile
    return CSVWriter.Configuration(
      delimiter: european ? ";" : ",", decimalSeparator: european ? "," : ".",
      writesByteOrderMark: withBOM)
  }
}
