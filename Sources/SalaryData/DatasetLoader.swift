import ArgumentParsing
import SalaryCore

/// Reads a dataset's files into a validated ``Dataset``, or reports every problem.
///
/// A dataset is a set of CSV files by name (`pay.csv`, `sources.csv`, …). Each file is
/// checked on its own (syntax, columns, values) and then against the others (every id
/// it names exists, aliases do not collide, the ladder has levels). Nothing is used
/// unless everything is right: the result is a dataset or a ``DatasetError`` listing
/// all problems, never a dataset with some rows left out.
public enum DatasetLoader {
  /// The files a dataset may contain, in the order they are read and reported.
  static let schemas: [TableSchema] = [
    SourcesFile.schema, PlacesFile.schema, LevelsFile.schema, AssumptionsFile.schema,
    PayFile.schema, CountriesFile.schema, OutlookFile.schema, EducationFile.schema,
    SpecializationsFile.schema, PremiumsFile.schema, RatesFile.schema, PromotionsFile.schema,
    WorkforceFile.schema,
  ]

  /// The names of the files a dataset may contain, and whether each is required.
  public static var fileNames: [(name: String, isRequired: Bool)] {
    schemas.map { ($0.fileName, $0.isRequired) }
  }

  /// How much of a dataset the loader checks.
  enum Validation {
    /// Everything: each row on its own, and the rows against each other (ids used twice,
    /// ids that name nothing, names that lead to two entries, series in two currencies).
    case complete
    /// Each row on its own: whatever reading a row needs (a number that is not one, a
    /// missing value, an unknown statistic). For the embedded data only, which the test
    /// suite loads with ``complete`` validation and compares (`EmbeddedDatasetTests`): the
    /// rest of the checks cannot fail for it, and would be most of its loading time.
    case rowsOnly
  }

  /// Loads a dataset from file contents keyed by file name.
  ///
  /// - Parameters:
  ///   - files: Each file's bytes, keyed by its name inside the dataset folder. Names that
  ///     end in `.csv` but are not part of a dataset are reported.
  ///   - location: How to name a file in diagnostics, such as `{ "my-data/" + $0 }`.
  /// - Throws: ``DatasetError`` with every problem found, sorted by file and position.
  public static func load(
    files: [String: [UInt8]], location: (String) -> String = { $0 }
  ) throws(DatasetError) -> Dataset {
    try load(files: files, location: location, validation: .complete)
  }

  /// Loads a dataset, checking as much as `validation` says.
  static func load(
    files: [String: [UInt8]], location: (String) -> String, validation: Validation
  ) throws(DatasetError) -> Dataset {
    let complete = validation == .complete
    let diagnostics = Diagnostics(comparesRows: complete)
    let known = schemas.map(\.fileName)
    for name in files.keys.sorted() where name.hasSuffix(".csv") && !known.contains(name) {
      diagnostics.report(
        location(name), line: 0, column: 0,
        "not a dataset file.\(didYouMean(suggestions(for: name, among: known, limit: 1)))"
          + " A dataset has: \(known.joined(separator: ", ")).")
    }

    var tables: [String: Table] = [:]
    var unreadable: Set<String> = []
    for schema in schemas {
      guard let bytes = files[schema.fileName] else {
        if schema.isRequired {
          diagnostics.report(location(schema.fileName), line: 0, column: 0, "missing required file")
          unreadable.insert(schema.fileName)
        }
        continue
      }
      if let table = Table(
        bytes: bytes, schema: schema, displayName: location(schema.fileName),
        diagnostics: diagnostics)
      {
        tables[schema.fileName] = table
      } else {
        unreadable.insert(schema.fileName)
      }
    }

    var references = References(isRecording: complete)
    func rows<T>(_ schema: TableSchema, _ read: (Table) -> [T]) -> [T] {
      tables[schema.fileName].map(read) ?? []
    }
    let sources = rows(SourcesFile.schema) { SourcesFile.read($0, diagnostics) }
    let places = rows(PlacesFile.schema) { PlacesFile.read($0, diagnostics, &references) }
    let levels = rows(LevelsFile.schema) { LevelsFile.read($0, diagnostics, &references) }
    let assumptions = rows(AssumptionsFile.schema) {
      AssumptionsFile.read($0, diagnostics, &references)
    }
    let pending = rows(PayFile.schema) { PayFile.read($0, diagnostics, &references) }
    let countries = rows(CountriesFile.schema) {
      CountriesFile.read($0, diagnostics, &references)
    }
    let outlook = rows(OutlookFile.schema) { OutlookFile.read($0, diagnostics, &references) }
    let education = rows(EducationFile.schema) {
      EducationFile.read($0, diagnostics, &references)
    }
    let specializations = rows(SpecializationsFile.schema) {
      SpecializationsFile.read($0, diagnostics, &references)
    }
    let premiums = rows(PremiumsFile.schema) { PremiumsFile.read($0, diagnostics, &references) }
    let rates = rows(RatesFile.schema) { RatesFile.read($0, diagnostics, &references) }
    let promotions = rows(PromotionsFile.schema) { PromotionsFile.read($0, diagnostics) }
    let workforce = rows(WorkforceFile.schema) {
      WorkforceFile.read($0, diagnostics, &references)
    }

    // References are checked against every id a file holds, even on rows rejected for
    // another reason, so one bad cell is reported once rather than at every reference.
    func ids(_ schema: TableSchema) -> [String] {
      tables[schema.fileName]?.rows.map { $0[.id] }.filter { !$0.isEmpty } ?? []
    }
    if complete && !unreadable.contains(SourcesFile.schema.fileName) {
      check(references.sources, against: ids(SourcesFile.schema), kind: "source", diagnostics)
    }
    if complete && !unreadable.contains(PlacesFile.schema.fileName) {
      check(references.places, against: ids(PlacesFile.schema), kind: "place", diagnostics)
    }
    if complete && !unreadable.contains(SpecializationsFile.schema.fileName) {
      check(
        references.specializations, against: ids(SpecializationsFile.schema),
        kind: "specialization", diagnostics)
    }
    let levelsAreKnown =
      !unreadable.contains(LevelsFile.schema.fileName)
      && !unreadable.contains(AssumptionsFile.schema.fileName)
    if !unreadable.contains(AssumptionsFile.schema.fileName) {
      checkAssumptions(
        assumptions, ids: ids(AssumptionsFile.schema), levels: levelsAreKnown ? levels : nil,
        file: location(AssumptionsFile.schema.fileName), tables[AssumptionsFile.schema.fileName],
        diagnostics)
    }
    if levelsAreKnown, let ladder = ladderLevels(levels, assumptions) {
      PromotionsFile.check(
        promotions, ladder: ladder, tables[PromotionsFile.schema.fileName],
        file: location(PromotionsFile.schema.fileName), diagnostics)
    }
    if complete {
      checkNames(in: tables[PlacesFile.schema.fileName], diagnostics)
      checkNames(in: tables[SpecializationsFile.schema.fileName], diagnostics)
      checkSeriesCurrencies(pending, diagnostics)
    }

    let payFigures = PayFile.resolve(
      pending, levels: levels, assumptions: assumptions, levelsAreKnown: levelsAreKnown,
      diagnostics)

    guard diagnostics.isEmpty else {
      let order = Dictionary(
        uniqueKeysWithValues: schemas.enumerated().map { (location($1.fileName), $0) })
      throw DatasetError(
        diagnostics: diagnostics.items.enumerated().sorted { a, b in
          let left = (order[a.element.file] ?? -1, a.element.line, a.element.column, a.offset)
          let right = (order[b.element.file] ?? -1, b.element.line, b.element.column, b.offset)
          return left < right
        }.map(\.element))
    }
    return Dataset(
      sources: sources, payFigures: payFigures, levels: levels, places: places,
      countryFigures: countries, outlook: outlook, education: education,
      specializations: specializations, premiums: premiums, rates: rates,
      promotions: promotions, workforce: workforce, assumptions: assumptions)
  }

  /// The levels of the ladder the `ladder` assumption names, if it names one with levels.
  private static func ladderLevels(_ levels: [Level], _ assumptions: [Assumption]) -> [Level]? {
    guard let ladder = assumptions.first(where: { $0.id == Assumption.Known.ladder.rawValue }),
      case .name(let source) = ladder.value
    else { return nil }
    let rungs = levels.filter { $0.source == source && $0.yearsKind == .experience }
    return rungs.isEmpty ? nil : rungs
  }

  private static func check(
    _ references: [References.Reference], against ids: [String], kind: String,
    _ diagnostics: Diagnostics
  ) {
    let known = Set(ids)
    for reference in references where !known.contains(reference.id) {
      reference.row.report(
        reference.column,
        "unknown \(kind) '\(reference.id)'."
          + didYouMean(suggestions(for: reference.id, among: ids, limit: 2)),
        to: diagnostics)
    }
  }

  /// Every known assumption is present, and (when levels could be read) the ladder's
  /// source gives years for its levels.
  private static func checkAssumptions(
    _ assumptions: [Assumption], ids: [String], levels: [Level]?, file: String, _ table: Table?,
    _ diagnostics: Diagnostics
  ) {
    let present = Set(ids)
    for known in Assumption.Known.allCases
    where known.isRequired && !present.contains(known.rawValue) {
      diagnostics.report(file, line: 0, column: 0, "missing assumption '\(known.rawValue)'")
    }
    guard let levels,
      let ladder = assumptions.first(where: { $0.id == Assumption.Known.ladder.rawValue }),
      case .name(let source) = ladder.value,
      let row = table?.rows.first(where: { $0[.id] == ladder.id })
    else { return }
    if !levels.contains(where: { $0.source == source && $0.yearsKind == .experience }) {
      row.report(
        .value,
        "the ladder source '\(source)' has no levels with years_kind 'experience' in levels.csv",
        to: diagnostics)
    }
  }

  /// No two rows share an id, name or alias, compared with ``nameKey(_:)``: each name a
  /// user types must lead to exactly one entry.
  private static func checkNames(in table: Table?, _ diagnostics: Diagnostics) {
    guard let table else { return }
    var owner: [String: (id: String, line: Int)] = [:]
    owner.reserveCapacity(table.rows.count * 8)
    for row in table.rows where !row.isEmpty(.id) {
      let id = row[.id]
      func claim(_ name: String, _ column: Column) {
        guard !name.isEmpty else { return }
        // One hash a name: claim it, and give it back if another entry had it.
        guard let other = owner.updateValue((id, row.line), forKey: nameKey(name)),
          other.id != id
        else { return }
        owner[nameKey(name)] = other
        row.report(
          column,
          "'\(name)' already names '\(other.id)' (line \(other.line)); a name must lead to one entry",
          to: diagnostics)
      }
      claim(id, .id)
      claim(row[.name], .name)
      for alias in row.aliases(.aliases) { claim(alias, .aliases) }
    }
  }

  /// Figures of one series share a currency: factors are ratios within a series.
  private static func checkSeriesCurrencies(
    _ pending: [PayFile.Pending], _ diagnostics: Diagnostics
  ) {
    var first: [SeriesID: (CurrencyCode, Int)] = [:]
    for item in pending {
      if let (currency, line) = first[item.series] {
        if currency != item.currency {
          item.row.report(
            .currency,
            "series '\(item.series)' is in \(currency) (line \(line)); one series has one currency",
            to: diagnostics)
        }
      } else {
        first[item.series] = (item.currency, item.row.line)
      }
    }
  }
}
