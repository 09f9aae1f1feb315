import ArgumentParsing
import SalaryCSV
import SalaryCore

/// `salary export`: every scenario of a file projected, every year, as one long CSV for
/// spreadsheets, streamed in constant memory.
enum ExportCommand {
  static let template = ArgumentSpec.flag(
    "template", help: "Write a scenarios file with every column and a few examples, to edit.")

  static let spec = CommandSpec(
    name: "export",
    abstract:
      "Project every scenario of a file, year by year, into one long table for spreadsheets.",
    discussion: """
      A scenarios file has one scenario a row; its columns are 'name' and the options of \
      'salary project' without the dashes (experience, location, specialization, salary, \
      path, track, raise, promotion, education, years, ...). Options that repeat take values \
      separated by ';'. Any project option given here applies to every scenario first. The \
      output has one row a year for each scenario, each naming the scenario and its \
      profile (location, start_experience, track), so a pivot table or a chart works at \
      once; --totals adds a total row a scenario (column 'kind'). Bands are the market's \
      spread unless --paths asks for a simulation. --format jsonl writes one JSON object \
      a row; --format xlsx (or --out FILE.xlsx) a workbook of typed cells, going on in a \
      sheet 'Rows 2', ... after 1,048,576 rows, with a sheet of the sources and \
      assumptions.

      With --out the file is written completely or not at all and starts with a byte order \
      mark for Excel; on standard output there is no byte order mark. A bad row stops the \
      run with its line and column unless --skip-bad-rows; to standard output, every row \
      is checked before the first is written, so a bad row means no output at all.

      EXAMPLES:
        salary export --template > scenarios.csv
        salary export scenarios.csv --out projections.csv
        salary export scenarios.csv --out projections.csv --dialect excel-eu --force
        cat scenarios.csv | salary export - --format jsonl
      """,
    arguments: [ScenarioFile.argument, template, CommonOptions.skipBadRows, CommonOptions.totals]
      + ProjectionArguments.all
      + [format.spec] + OutputOptions.file + [OutputOptions.quiet, CommonOptions.data])

  /// The formats export streams.
  static let format = OutputOptions.format([.csv, .jsonl, .xlsx], default: .csv)

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("export") { invocation, output, errors in
      let values = invocation.values
      let destination = try CommandOutput(values, format: format, context: context)
      let sink = destination.sink
      var writer = destination.writer
      if values.flag(template.key) {
        guard destination.format == .csv else {
          throw ValidationError(
            "--template writes CSV, to edit and export again; this writes "
              + "\(destination.format.rawValue): leave out --format, or name the --out file .csv.")
        }
        try sink.append(to: &output) { try ScenarioTemplate.write(to: &writer, &$0) }
        try sink.finish(to: &output)
        return ExitStatus.success
      }
      let totals = values.flag(CommonOptions.totals.key)
      guard values.hasValue(ScenarioFile.argument.key) else {
        throw ValidationError("Give a scenarios file, or --template to write one.")
      }
      let path = try values.string(ScenarioFile.argument.key)
      let model = PayModel(dataset: try context.dataset(values))
      let projecting = Projecting(markets: Markets(model: model))
      let skipping = values.flag(CommonOptions.skipBadRows.key)
      func makeRunner() -> ScenarioRunner {
        // Bands are the market's spread unless --paths asks for a simulation.
        ScenarioRunner(
          projecting: projecting, currentYear: context.currentYear, sharing: values,
          defaults: [ProjectionArguments.paths.key: "0"])
      }

      // A first reading finds the names used twice and, when a bad row would stop the run
      // after rows went to standard output, checks every row's options first.
      let input = ReplayableInput(path: path)
      let checker = sink.isFile || skipping ? nil : makeRunner()
      let survey = try ScenarioFile.survey(
        input, checking: checker.map { runner in { _ = try runner.options($0) } })
      if let checker, survey.hasRowProblem || !survey.repeatedNames.isEmpty {
        // The first problem, as the run would meet it, before anything is written.
        try ScenarioFile.stream(input, repeatedNames: survey.repeatedNames) { result, _ in
          _ = try checker.options(try result.get())
        }
      }

      if destination.format == .csv {
        try sink.append(to: &output) { bytes in
          for key in ExportColumns.header { writer.appendText(key, into: &bytes) }
          writer.endRecord(into: &bytes)
        }
      }
      var start: [UInt8] = []
      let workbook =
        destination.format == .xlsx
        ? try WorkbookStream(header: ExportColumns.header, into: &start) : nil
      try sink.append(to: &output) { $0 += start }
      let memo =
        context.scenarioMemoBytes > 0 ? ScenarioMemo(byteLimit: context.scenarioMemoBytes) : nil
      var progress = Progress(
        unit: "scenarios", enabled: Progress.onTerminal && !destination.quiet)
      var exported = 0
      var rows = 0
      var skipped = 0
      var fraction: Double?
      /// Counts scenarios written, with their rows.
      func count(_ scenarios: Int, rows written: Int) {
        exported += scenarios
        rows += written
        progress.update(done: exported, fraction: fraction)
      }
      func deliver(
        _ outcome: ExportWorker.Outcome, _ bytes: ArraySlice<UInt8>,
        _ records: ArraySlice<[FieldValue]>
      ) throws {
        if let failure = outcome.failure {
          guard skipping, let problem = failure as? ValidationError else { throw failure }
          skipped += 1
          errors.write("Skipped: \(problem.message)\n")
          return
        }
        if let workbook {
          try sink.append(to: &output) { sheet in
            for record in records { try workbook.append(record, into: &sheet) }
          }
        } else {
          try sink.append(to: &output) { $0.append(contentsOf: bytes) }
        }
        count(1, rows: outcome.rows)
      }
      func take(_ worker: ExportWorker) throws {
        guard workbook == nil, let written = worker.rowsIfEveryScenarioWritten else {
          try worker.take(deliver)
          return
        }
        // Every scenario of the part written: its bytes go out as they are.
        try sink.append(worker.bytes, to: &output)
        count(worker.outcomes.count, rows: written)
      }
      do {
        var workers: PartWorkers<ExportWorker>?
        do {
          try ScenarioFile.reportingFileErrors(of: path) {
            try InputParts.read(
              input, partSize: context.partSize ?? ExportWorker.partSize,
              header: { header in
                let layout = try ScenarioFile.Layout(
                  header: header, file: path, repeatedNames: survey.repeatedNames)
                workers = PartWorkers(count: context.workers) {
                  ExportWorker(
                    layout: layout, runner: makeRunner(), writer: writer,
                    encoding: RowEncoding(destination.format) ?? .csv, totals: totals, memo: memo)
                }
              },
              part: { part in try workers!.add(part, take: take) },
              read: { read in fraction = input.size.map { Double(read) / Double(max(1, $0)) } })
          }
        } catch {
          // The rounds at work come first, as on one thread.
          try workers?.finishRunning(take: take)
          throw error
        }
        guard let workers else { throw ScenarioFile.Layout.emptyFile(path) }
        try workers.flush(take: take)
        if let workbook {
          // Every source and assumption: the scenarios may use any of them.
          try sink.append(to: &output) {
            try workbook.finish(WorkbookExtras(dataset: model.dataset), into: &$0)
          }
        }
        progress.finish()
        try sink.finish(to: &output)
      } catch {
        progress.finish()
        sink.discard()
        throw error
      }
      if exported == 0 && skipped == 0 {
        errors.write("Exported no scenarios: '\(path.echoed)' has no rows below its header.\n")
      } else if (sink.isFile && !destination.quiet) || skipped > 0 {
        var summary =
          "Exported \(groupThousands(UInt64(exported))) scenario\(exported == 1 ? "" : "s") "
          + "(\(groupThousands(UInt64(rows))) rows)"
        if let out = destination.path { summary += " to \(out)" }
        if skipped > 0 { summary += "; skipped \(skipped) bad row\(skipped == 1 ? "" : "s")" }
        errors.write(summary + ".\n")
      }
      return ExitStatus.success
    }
  }
}

/// The columns of `export`'s rows: the scenario's name, then a projection's.
enum ExportColumns {
  static let header = ["name"] + ProjectionReport.csvHeader
}

/// The file `salary export --template` writes: every column, and examples worth editing.
enum ScenarioTemplate {
  /// Example scenarios: each cell a number where the column is numeric, so a spreadsheet
  /// keeps it a number and saves it back unchanged.
  static let examples: [[String: TemplateCell]] = [
    [
      "name": .text("stay in Cincinnati"), "experience": .number(3),
      "location": .text("cincinnati"),
    ],
    ["name": .text("move to Seattle"), "experience": .number(3), "location": .text("seattle")],
    [
      "name": .text("senior by year 3"), "experience": .number(3), "location": .text("austin"),
      "path": .text("senior@2"),
    ],
    ["name": .text("bootcamp first"), "education": .text("bootcamp"), "location": .text("denver")],
    [
      "name": .text("3% raises"), "salary": .number(95_000), "raise": .number(3),
      "promotion": .text("15%@3"),
    ],
  ]

  enum TemplateCell {
    case text(String)
    case number(Double)
  }

  static func write(to writer: inout CSVWriter, _ bytes: inout [UInt8]) throws {
    let columns = ScenarioFile.columns
    for column in columns { writer.appendText(column, into: &bytes) }
    writer.endRecord(into: &bytes)
    for example in examples {
      for column in columns {
        switch example[column] {
        case .text(let text): writer.appendText(text, into: &bytes)
        case .number(let number): try writer.appendNumber(number, fractionDigits: 2, into: &bytes)
        case nil: writer.appendEmpty(into: &bytes)
        }
      }
      writer.endRecord(into: &bytes)
    }
  }
}
