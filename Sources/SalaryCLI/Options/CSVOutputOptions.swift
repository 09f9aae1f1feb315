import ArgumentParsing
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
}

/// Where a command's output goes and how its CSV is written, read once from the options.
struct CSVOutput {
  /// The destination: the `--out` file, or standard output.
  let sink: OutputSink
  /// The writer's configuration for that destination.
  let configuration: CSVWriter.Configuration
  /// The `--out` path, if given.
  let path: String?

  /// Opens the destination the options name.
  ///
  /// - Throws: ``CommandFailure`` when the `--out` file cannot be made.
  init(_ values: ParsedValues) throws {
    typealias Options = CSVOutputOptions
    path = values.hasValue(Options.out.key) ? try values.string(Options.out.key) : nil
    if let path {
      sink = try OutputSink(file: path, replace: values.flag(Options.force.key))
    } else {
      sink = OutputSink()
    }
    let european = try values.string(Options.dialect.key) == "excel-eu"
    let withBOM = values.wasGiven(Options.bom.key) ? values.flag(Options.bom.key) : sink.isFile
    configuration = CSVWriter.Configuration(
      delimiter: european ? ";" : ",", decimalSeparator: european ? "," : ".",
      writesByteOrderMark: withBOM)
  }

  /// A writer for this destination.
  var writer: CSVWriter { CSVWriter(configuration: configuration) }

  /// Writes what is still buffered and, for a file, puts it in place.
  ///
  /// - Throws: ``CommandFailure`` when the output cannot be written.
  func finish<Output: TextOutputStream>(_ output: inout Output) throws {
    try sink.finish(to: &output)
  }
}
