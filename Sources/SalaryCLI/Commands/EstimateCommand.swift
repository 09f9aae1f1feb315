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
      same experience, how far the guides disagree, every factor with the figures it came \
      from, and every assumption used.

      With --batch, each row of a CSV file is a profile: columns name, experience or level, \
      location, specialization, premium, source and currency, any of them optional; an \
      empty cell takes the option given on the command line, if any. The output is CSV \
      with one row per input row, in order, and the same figures 'salary estimate' gives \
      for each profile alone. A bad row stops the run with its line and column unless \
      --skip-bad-rows.

      EXAMPLES:
        salary estimate --experience 4 --location austin --specialization go
        salary estimate --level senior --location "San Francisco"
        salary estimate --experience 1 --source cbt-nuggets
        salary estimate --experience 6 --location germany --currency EUR
        salary estimate --batch profiles.csv --out ranges.csv
      """,
    arguments: ProfileOptions.single + [batch, ExportCommand.skipBadRows]
      + [CommonOptions.format, CommonOptions.data] + CSVOutputOptions.all)

  static let batch = ArgumentSpec.option(
    "batch", valueName: "file",
    help: "Estimate every profile (row) of a CSV file into CSV; see above for its columns.")

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("estimate") { invocation, output, errors in
      let values = invocation.values
      let model = PayModel(dataset: try context.dataset(values))
      if values.hasValue(batch.key) {
        return try runBatch(values, model: model, output: &output, errors: &errors)
      }
      let format = try CommonOptions.format(values)
      let place = try ProfileOptions.place(values, model.dataset)
      let profile = try ProfileOptions.resolve(values, place: place, model: model)
      let report = try estimate(profile, model)
      let sink = try CSVOutputOptions.sink(values)
      let configuration = try CSVOutputOptions.configuration(values, for: sink)
      let text =
        format == .csv
        ? try EstimateReport.csv([report], configuration)
        : try report.rendered(as: format, width: context.screenWidth)
      try sink.append(to: &output) { $0.append(contentsOf: Array(text.utf8)) }
      try ExportCommand.finish(sink, &output)
      return ExitStatus.success
    }
  }

  /// The estimate for a resolved profile, its quantiles from the market's table: the
  /// cache's, or else only the part of it that covers the profile's experience (the same
  /// figures, bit for bit, for a fifth of the work).
  static func estimate(_ profile: Profile, _ model: PayModel, cache: QuantileCache? = nil) throws
    -> EstimateReport
  {
    do throws(EstimateError) {
      let estimate = try model.estimate(
        experience: profile.experience, factors: profile.factors, source: profile.source)
      let table: QuantileTable
      if let cache {
        guard let shared = cache.table(factors: profile.factors, source: profile.source) else {
          throw EstimateError.noSeriesCovers(experience: profile.experience)
        }
        table = shared
      } else {
        do {
          table = try QuantileTable(
            model: model, factors: profile.factors, source: profile.source,
            covering: profile.experience)
        } catch {
          throw EstimateError.noSeriesCovers(experience: profile.experience)
        }
      }
      return EstimateReport(
        profile: profile, estimate: estimate, dataset: model.dataset, table: table)
    } catch {
      switch error {
      case .unknownSource(let name, _):
        throw ValidationError("No guide or series is called '\(name)'.")
      case .noSeriesCovers(let years):
        throw CommandFailure(
          "No guide covers \(years.compactNumber) years of experience in this selection.")
      }
    }
  }
}

extension EstimateCommand {
  /// `--batch`: streams the file's rows through ``BatchEstimate`` into CSV.
  static func runBatch<Output: TextOutputStream, ErrorOutput: TextOutputStream>(
    _ values: ParsedValues, model: PayModel, output: inout Output, errors: inout ErrorOutput
  ) throws -> Int32 {
    if values.wasGiven(CommonOptions.format.key), try CommonOptions.format(values) != .csv {
      throw ValidationError("--batch writes CSV; leave out --format or give --format csv.")
    }
    let path = try values.string(batch.key)
    var defaults: [String: String] = [:]
    for column in BatchEstimate.inputColumns where column != "name" && values.hasValue(column) {
      defaults[column] = try values.string(column)
    }
    let sink = try CSVOutputOptions.sink(values)
    let configuration = try CSVOutputOptions.configuration(values, for: sink)
    let estimator = BatchEstimate(
      model: model, cache: QuantileCache(model: model), defaults: defaults,
      givenRates: try ProfileOptions.givenRates(values), file: path, configuration: configuration)
    var run = BatchRun(
      estimator: estimator, writer: CSVWriter(configuration: configuration), sink: sink,
      skipping: values.flag(ExportCommand.skipBadRows.key), size: LocalFile.size(of: path),
      progress: Progress())
    var reader = CSVReader()
    do {
      // Closures rather than a local function, so that the state they reach is checked for
      // exclusive access when compiling, not on every row.
      try LocalFile.forEachChunk(of: path) { chunk in
        run.consumed += chunk.count
        try reader.parse(chunk) { try run.handle($0, output: &output, errors: &errors) }
      }
      try reader.finish { try run.handle($0, output: &output, errors: &errors) }
      guard run.layout != nil else {
        throw ValidationError(
          "\(path): empty file; expected a header row such as 'name,experience,location'.")
      }
      try run.drain(to: &output)
      run.progress.finish()
      try ExportCommand.finish(sink, &output)
    } catch {
      run.progress.finish()
      sink.discard()
      switch error {
      case let error as LocalFileError:
        throw CommandFailure("Cannot read '\(path)': \(error.reason).")
      case let error as CSVError:
        throw ValidationError(error.description(inFile: path))
      default:
        throw error
      }
    }
    let written = run.written
    let skipped = run.skipped
    if sink.isFile || skipped > 0 {
      var summary = "Estimated \(groupThousands(UInt64(written))) row\(written == 1 ? "" : "s")"
      if skipped > 0 { summary += "; skipped \(skipped) bad row\(skipped == 1 ? "" : "s")" }
      errors.write(summary + ".\n")
    }
    return ExitStatus.success
  }
}
