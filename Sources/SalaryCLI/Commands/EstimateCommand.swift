import ArgumentParsing
import SalaryCSV
import SalaryCore
import SalaryData

/// `salary estimate`: the pay range for a profile, from the consensus of the guides.
enum EstimateCommand {
  static let spec = CommandSpec(
    name: "estimate",
    abstract: "Estimate the pay range for a profile from the consensus of the guides.",
    discussion: """
      Reports P10, P25, P50, P75 and P90 of base pay per year, what each guide says at the \
      same experience, how far the guides disagree, the mix of levels people with that \
      experience hold, every factor with the figures it came from, and every assumption used.

      Without --experience or --level, the answer is for developers of all experience: the \
      estimates at each experience weighted by the share of employed developers of the \
      matching age (see 'salary data calibration').

      With --batch, each row of a CSV file is a profile: columns name, experience or level, \
      location, specialization, premium, source and currency, any of them optional; an \
      empty cell takes the option given on the command line, if any. The output is CSV \
      with one row per input row, in order, and the same figures 'salary estimate' gives \
      for each profile alone (--format jsonl: JSON lines; --format xlsx or --out FILE.xlsx: \
      a workbook, going on in a sheet 'Rows 2', ... after 1,048,576 rows). A bad row stops the run with its line and column unless \
      --skip-bad-rows; to standard output, every row is checked before the first is \
      written, so a bad row means no output at all.

      EXAMPLES:
        salary estimate --experience 4 --location austin --specialization go
        salary estimate --location seattle
        salary estimate --level senior --location "San Francisco"
        salary estimate --experience 1 --source cbt-nuggets
        salary estimate --experience 6 --location germany --currency EUR
        salary estimate --batch profiles.csv --out ranges.csv
      """,
    arguments: ProfileArguments.single + [batch, CommonOptions.skipBadRows]
      + CommonOptions.output)

  static let batch = ArgumentSpec.option(
    "batch", valueName: "file",
    help: "Estimate every profile (row) of a CSV file (- for standard input) into CSV, "
      + "JSON lines or a workbook; see above for its columns.",
    completion: CompletionLists.inputFile)

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("estimate") { invocation, output, errors in
      let values = invocation.values
      let model = PayModel(dataset: try context.dataset(values))
      if values.hasValue(batch.key) {
        return try runBatch(
          values, model: model, context: context, output: &output, errors: &errors)
      }
      let place = try values.value(of: ProfileArguments.location, in: model)
      // Without an experience or a level: every developer, by the workforce's experience.
      let allExperience =
        !values.hasValue(ProfileArguments.experience.key)
        && !values.hasValue(ProfileArguments.level.key)
      let options = try ProfileOptions(
        values, model: model, place: place, defaultExperience: allExperience ? 0 : nil)
      let profile = try Estimating.profile(options, model)
      let destination = try CommandOutput(values, format: CommonOptions.format, context: context)
      if allExperience {
        let report = try Estimating.workforceReport(profile)
        try destination.write(report, to: &output) { report.table(width: context.screenWidth) }
      } else {
        let report = try Estimating.report(profile)
        try destination.write(report, to: &output) { report.table(width: context.screenWidth) }
      }
      return ExitStatus.success
    }
  }
}

extension EstimateCommand {
  /// `--batch`: streams the file's rows through ``BatchEstimate`` into CSV.
  static func runBatch<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ values: ParsedValues, model: PayModel, context: CommandContext, output: inout Output,
    errors: inout ErrorOutput
  ) throws -> Int32 {
    let destination = try CommandOutput(
      values, format: CommonOptions.format, default: .csv, context: context)
    guard let encoding = RowEncoding(destination.format) else {
      throw ValidationError(
        "--batch writes a row a profile: give --format csv, jsonl or xlsx (default: csv).")
    }
    let path = try values.string(batch.key)
    let defaults = try BatchDefaults(values, model: model)
    let skipping = values.flag(CommonOptions.skipBadRows.key)
    let input = ReplayableInput(path: path)
    let markets = Markets(model: model)
    /// One reading of the input, every row estimated into `sink`.
    func pass(into sink: OutputSink, progress: Progress) throws -> BatchRun {
      try reportingInputErrors(of: path) { try passReading(into: sink, progress: progress) }
    }
    func passReading(into sink: OutputSink, progress: Progress) throws -> BatchRun {
      let estimator = BatchEstimate(
        markets: markets, defaults: defaults, file: path,
        configuration: destination.configuration)
      var run = BatchRun(
        estimator: estimator, writer: destination.writer, encoding: encoding, sink: sink,
        skipping: skipping, size: input.size, progress: progress)
      var start: [UInt8] = []
      let workbook =
        destination.format == .xlsx
        ? try WorkbookStream(header: BatchEstimate.outputHeader, into: &start) : nil
      if let workbook {
        try sink.append(to: &output) { $0 += start }
        run.takeRecord = { values, bytes in try workbook.append(values, into: &bytes) }
      }
      do {
        try BatchWorkers.read(
          input, into: &run, count: context.workers,
          partSize: context.partSize ?? BatchWorkers.partSize,
          makeRun: { writer in
            BatchRun(
              estimator: BatchEstimate(
                markets: markets, defaults: defaults, file: path,
                configuration: destination.configuration),
              writer: writer, encoding: encoding, sink: OutputSink(keeping: ()),
              skipping: skipping, size: nil, progress: Progress(enabled: false))
          }, output: &output, errors: &errors)
        guard run.layout != nil else {
          throw ValidationError(
            "\(path): empty file; expected a header row such as 'name,experience,location'.")
        }
        try run.drain(to: &output)
        if let workbook {
          // Every source and assumption: the profiles may use any of them.
          try sink.append(to: &output) {
            try workbook.finish(WorkbookExtras(dataset: model.dataset), into: &$0)
          }
        }
        run.progress.finish()
      } catch {
        run.progress.finish()
        throw error
      }
      return run
    }

    let sink = destination.sink
    let showsProgress = Progress.onTerminal && !destination.quiet
    if !sink.isFile && !skipping {
      // To standard output, a bad row would stop the run after the rows before it were
      // written: every row is estimated once into nothing first, so a bad row means no
      // output at all. (A file is written completely or not at all anyway.)
      _ = try pass(
        into: OutputSink(discarding: ()),
        progress: Progress(unit: "rows checked", enabled: showsProgress))
    } else if !sink.isFile {
      // Skipping bad rows, only a file that is not CSV stops the run: it is read once
      // first, so that it stops it before anything is written.
      try reportingInputErrors(of: path) {
        var reader = CSVReader()
        try input.forEachChunk { chunk in try reader.parse(chunk) { _ in } }
        try reader.finish { _ in }
      }
    }
    let run: BatchRun
    do {
      run = try pass(into: sink, progress: Progress(enabled: showsProgress))
      try sink.finish(to: &output)
    } catch {
      sink.discard()
      throw error
    }
    let written = run.written
    let skipped = run.skipped
    if written == 0 && skipped == 0 {
      errors.write("Estimated no rows: '\(path.echoed)' has no rows below its header.\n")
    } else if (sink.isFile && !destination.quiet) || skipped > 0 {
      var summary = "Estimated \(groupThousands(UInt64(written))) row\(written == 1 ? "" : "s")"
      if skipped > 0 { summary += "; skipped \(skipped) bad row\(skipped == 1 ? "" : "s")" }
      errors.write(summary + ".\n")
    }
    return ExitStatus.success
  }
}
