import SalaryCore

/// The problems that keep a dataset whose rows are each valid from answering
/// (``Usability``), as diagnostics on the rows to blame: `data check` reports them beside
/// the problems of the rows themselves.
enum UsabilityDiagnostics {
  /// The diagnostics for `dataset`, read from `files` (named in diagnostics by `location`).
  static func diagnostics(
    of dataset: Dataset, files: [String: [UInt8]], location: (String) -> String
  ) -> [DataDiagnostic] {
    let problems = Usability.problems(of: PayModel(dataset: dataset))
    guard !problems.isEmpty else { return [] }
    let diagnostics = Diagnostics()
    func table(_ schema: TableSchema) -> Table? {
      files[schema.fileName].flatMap {
        Table(
          bytes: $0, schema: schema, displayName: location(schema.fileName),
          diagnostics: Diagnostics())
      }
    }
    let pay = table(PayFile.schema)
    let payFile = location(PayFile.schema.fileName)
    var gaps: [Double] = []
    for problem in problems {
      switch problem {
      case .noCurves:
        diagnostics.report(
          payFile, line: 0, column: 0,
          "no figure gives pay by experience (years_from and years_to) or by a level of the "
            + "ladder: estimate, offer and project have nothing to answer from")
      case .startsLate(let spanStart, let heldAt, let ids):
        let message =
          "the figures by experience start at \(spanStart.compactNumber) years: with none from "
          + "0 years, an estimate for fewer years would read the pay of "
          + "\(heldAt.compactNumber) years. Add a figure whose span starts at 0"
        if let row = pay?.rows.first(where: { ids.contains($0[.id]) }) {
          row.report(.yearsFrom, message, to: diagnostics)
        } else {
          diagnostics.report(payFile, line: 0, column: 0, message)
        }
      case .gap(let experience):
        gaps.append(experience)
      case .level(let key, let error):
        let message =
          "an estimate at the ladder's level '\(key)' fails: \(reason(error)); give the level "
          + "a figure in pay.csv"
        let levels = table(LevelsFile.schema)
        if let row = levels?.rows.first(where: {
          $0[.level] == key && $0[.source] == dataset.ladder.source
        }) {
          row.report(.level, message, to: diagnostics)
        } else {
          diagnostics.report(payFile, line: 0, column: 0, message)
        }
      case .place(let id, let error):
        let message = "an estimate in '\(id)' fails: \(reason(error))"
        if let row = table(PlacesFile.schema)?.rows.first(where: { $0[.id] == id }) {
          row.report(.id, message, to: diagnostics)
        } else {
          diagnostics.report(location(PlacesFile.schema.fileName), line: 0, column: 0, message)
        }
      case .projection(let experience, let error):
        let start = "a projection from \(experience.compactNumber) years fails"
        switch error {
        case .missingAssumption(let known):
          diagnostics.report(
            location(AssumptionsFile.schema.fileName), line: 0, column: 0,
            "\(start): missing assumption '\(known.rawValue)'")
        case .market(let error):
          diagnostics.report(payFile, line: 0, column: 0, "\(start): \(reason(error))")
        case .amountOutOfRange(let year):
          diagnostics.report(
            payFile, line: 0, column: 0,
            "\(start): its pay leaves any sensible range in year \(year)")
        }
      }
    }
    for run in runs(of: gaps) {
      let years =
        run.lowerBound == run.upperBound
        ? "\(run.lowerBound.compactNumber) years"
        : "\(run.lowerBound.compactNumber) to \(run.upperBound.compactNumber) years"
      diagnostics.report(
        payFile, line: 0, column: 0,
        "no figure speaks at \(years) of experience: estimates there would fail. Add figures "
          + "whose spans reach it")
    }
    return diagnostics.items
  }

  /// Whole years in runs of consecutive ones: [3, 4, 5, 9] as 3...5 and 9...9.
  private static func runs(of years: [Double]) -> [ClosedRange<Double>] {
    var runs: [ClosedRange<Double>] = []
    for year in years {
      if let last = runs.last, last.upperBound + 1 == year {
        runs[runs.count - 1] = last.lowerBound...year
      } else {
        runs.append(year...year)
      }
    }
    return runs
  }

  /// A short reason for a market's failure, in the words of the data files.
  private static func reason(_ error: MarketError) -> String {
    switch error {
    case .noCurves: "no figure by experience or level in the selection"
    case .noSeriesCovers(let years): "no figure speaks at \(years.compactNumber) years"
    case .placeWithoutFigures(let place): "no figure gives pay for \(place.name)"
    case .unknownPlace(let name): "no place '\(name.echoed)'"
    case .unknownLevel(let name): "no level '\(name.echoed)'"
    case .noRemotePlace: "no 'remote' assumption says what remote pays"
    case .unknownSpecialization(let name): "no specialization '\(name.echoed)'"
    case .unknownSource(let name): "no source or series '\(name.echoed)'"
    case .notACurrency(let code): "'\(code.echoed)' is not a currency code"
    case .noExchangeRate(let code): "no figure converts \(code) to dollars"
    case .experienceRangeTooShort(let covered, let needed):
      "the figures reach \(covered.lowerBound.compactNumber) to "
        + "\(covered.upperBound.compactNumber) years, not 0 to \(needed.compactNumber)"
    case .noWorkforce: "no workforce ages or career start age"
    case .noFigureForLevel(let level): "no figure gives the pay of \(level.title)"
    }
  }
}
