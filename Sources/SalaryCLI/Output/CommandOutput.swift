import ArgumentParsing
import SalaryCSV

/// Where a command's answer goes and in which format, read once from its options: the
/// `--format` given, else the one the `--out` file's extension names, else the command's
/// own default; the file or standard output; how CSV is written; whether summaries show.
struct CommandOutput {
  /// The format to write.
  let format: OutputFormat
  /// The destination: the `--out` file, or standard output.
  let sink: OutputSink
  /// The CSV writer's configuration for that destination.
  let configuration: CSVWriter.Configuration
  /// The `--out` path, if given.
  let path: String?
  /// Whether summary and progress lines are left out (`--quiet`).
  let quiet: Bool

  /// Reads the options and opens the destination.
  ///
  /// - Parameters:
  ///   - formatOption: The command's `--format`, which lists the formats it writes.
  ///   - fallback: The format without `--format` or a telling `--out` name, if it is not
  ///     the option's default (`estimate --batch` writes CSV).
  ///   - context: Whether standard output is a terminal, where a workbook is refused.
  /// - Throws: ``ValidationError`` for a format the command does not write, an option
  ///   that does not apply to it, or a workbook to a terminal; ``CommandFailure`` when the
  ///   `--out` file cannot be made.
  init(
    _ values: ParsedValues, format formatOption: TypedArgument<OutputFormat, Void>,
    default fallback: OutputFormat? = nil, context: CommandContext
  ) throws {
    typealias Options = OutputOptions
    path = values.hasValue(Options.out.key) ? try values.string(Options.out.key) : nil
    quiet = values.flag(Options.quiet.key)
    let allowed = formatOption.spec.allowedValues
    if values.wasGiven(formatOption.spec.key) {
      format = try values.value(of: formatOption)!
    } else if let path, let named = OutputFormat(fileName: path) {
      guard allowed.contains(named.rawValue) else {
        throw ValidationError(
          "--out '\(path.echoed)' names \(named.rawValue), which this command does not write; "
            + "give --format (\(allowed.joined(separator: ", "))).")
      }
      format = named
    } else {
      format = try fallback ?? values.value(of: formatOption)!
    }
    if format != .csv {
      for option in [Options.dialect, Options.bom] where values.wasGiven(option.key) {
        throw ValidationError(
          "--\(option.key) applies to CSV only; this writes \(format.rawValue).")
      }
    }
    if format == .xlsx && path == nil && context.outputIsTerminal {
      throw ValidationError(
        "A workbook is binary and standard output is a terminal; "
          + "write it with --out FILE.xlsx, or redirect standard output to a file.")
    }
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

  /// A CSV writer for this destination.
  var writer: CSVWriter { CSVWriter(configuration: configuration) }

  /// Writes `report` in the chosen format, `table` giving the text for people, and puts a
  /// file in place. Nothing reaches the destination if any part fails.
  ///
  /// - Throws: what building the answer throws; ``CommandFailure`` when it cannot be written.
  func write<Report: MachineReadable, Output: TextOutputStream>(
    _ report: Report, to output: inout Output, table: () throws -> String
  ) throws {
    switch format {
    case .table: try write(text: table(), to: &output)
    case .json: try write(text: try Self.document(report).rendered(), to: &output)
    case .jsonl:
      var text = ""
      for object in try report.records().jsonObjects(schema: report.schema) {
        text += object.renderedLine() + "\n"
      }
      try write(text: text, to: &output)
    case .csv: try write(text: try report.records().csv(configuration), to: &output)
    case .xlsx: try writeWorkbook(report, to: &output)
    }
  }

  /// Writes `report` as a workbook: its records, its chart and its sources.
  private func writeWorkbook<Report: MachineReadable, Output: TextOutputStream>(
    _ report: Report, to output: inout Output
  ) throws {
    let table = try report.records()
    let extras = try report.workbookExtras()
    try sink.append(to: &output) { bytes in
      let workbook = try WorkbookStream(header: table.header, into: &bytes)
      for row in table.rows { try workbook.append(row, into: &bytes) }
      if case .rows? = extras.chart { workbook.chartRows(table) }
      try workbook.finish(extras, into: &bytes)
    }
    try sink.finish(to: &output)
  }

  /// Writes `text` and puts a file in place.
  func write<Output: TextOutputStream>(text: String, to output: inout Output) throws {
    try sink.append(to: &output) { $0.append(contentsOf: Array(text.utf8)) }
    try sink.finish(to: &output)
  }

  /// The report's JSON with its schema first, so a reader knows what it holds.
  static func document<Report: MachineReadable>(_ report: Report) throws -> JSONValue {
    let body = try report.json()
    guard case .object(let members) = body else {
      return .object([("schema", .string(report.schema)), ("rows", body)])
    }
    return .object([("schema", .string(report.schema))] + members)
  }
}

/// An answer that scripts and spreadsheets read: a JSON document and rows.
protocol MachineReadable {
  /// The JSON document's schema: `salary.<command>/<version>`.
  var schema: String { get }
  /// The JSON document's members (the schema is added in front).
  func json() throws -> JSONValue
  /// The rows of CSV, of JSON lines, and of a workbook's main sheet.
  func records() throws -> RecordTable
  /// What a workbook adds to the rows: its Sources sheet and its chart.
  func workbookExtras() throws -> WorkbookExtras
}

extension MachineReadable {
  /// No Sources sheet and no chart.
  func workbookExtras() throws -> WorkbookExtras { WorkbookExtras() }
}
