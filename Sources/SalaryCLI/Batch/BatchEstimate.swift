import ArgumentParsing
import SalaryCSV
import SalaryCore
import SalaryData

/// `salary estimate --batch`: one profile a row in, its five percentiles out, streamed in
/// constant memory.
///
/// Each distinct market (location, specialization, premium, guide, currency) is resolved
/// once and gets its quantile table; a row then costs a table lookup. The figures are the
/// ones `salary estimate` gives for the same profile, from the same tables.
///
/// A row takes one of two paths to the same bytes. The fast one, ``encode(_:row:writer:into:)``,
/// works on the reader's bytes: it finds the row's market and level by the bytes of their
/// cells (``ByteKeyIndex``), parses a plain decimal experience itself and writes the row
/// straight into memory with ``CSVRecordEncoder``, allocating nothing. Anything it is not sure
/// of (a row with a problem, a number it does not parse, a space beside a non-ASCII
/// character) it leaves to the careful one, ``write(_:layout:row:to:_:)``, which goes by
/// strings and dictionaries and gives every message.
struct BatchEstimate {
  /// The columns an input may have; any other is refused.
  static let inputColumns = [
    "name", "experience", "level", "location", "specialization", "premium", "source", "currency",
  ]
  /// The columns written.
  /// The schema each JSON line of a batch names.
  static let schema = "salary.estimate.batch/1"

  static let outputHeader = [
    "row", "name", "experience", "experience_used", "level", "location", "specialization",
    "source", "currency", "p10", "p25", "p50", "p75", "p90",
  ]

  let markets: Markets
  /// Values given on the command line, used where a row leaves a column empty.
  let defaults: BatchDefaults
  let file: String

  /// A row's market, resolved once by the text of its market cells: the market, its
  /// lookup of P10 to P90, and its location, specialization, source and currency fields,
  /// encoded once for the fast path.
  ///
  /// A class, so that a row reaches it by reference: as a struct in an array it was copied
  /// for every row, six retains and releases.
  final class RowMarket {
    /// The quantiles a row has: P10, P25, P50, P75, P90.
    static let quantileCount = 5

    let market: Market
    let lookup: QuantileLookup
    let fields: CSVEncodedFields
    /// The market's lookup at each level of ``BatchEstimate/fastLevels`` asked for so far.
    private var levelLookups: [QuantileLookup?] = []

    init(market: Market, lookup: QuantileLookup, fields: CSVEncodedFields) {
      self.market = market
      self.lookup = lookup
      self.fields = fields
    }

    /// The lookup of the people at `level` (number `slot` of the fast levels), made once;
    /// nil when the level's market has no table.
    func lookup(at level: Level, slot: Int) -> QuantileLookup? {
      if slot < levelLookups.count, let known = levelLookups[slot] { return known }
      let found = try? market.atLevel(level).quantileLookup()
      if slot >= levelLookups.count {
        levelLookups += repeatElement(nil, count: slot + 1 - levelLookups.count)
      }
      levelLookups[slot] = found
      return found
    }

    /// A row's fields from its experience on, as ``EstimateRow`` writes them: the
    /// experience, then ``appendFigures(experience:level:lookup:to:)``'s.
    func figures(
      experience: Double, level: CSVEncodedFields?, lookup: QuantileLookup,
      configuration: CSVWriter.Configuration
    ) throws(CSVNumberError) -> CSVEncodedFields {
      let room =
        (2 + Self.quantileCount) * CSVRecordEncoder.maxNumberFieldLength
        + (level?.byteCount ?? 0) + fields.byteCount + 2
      return try CSVEncodedFields(configuration: configuration, room: room) {
        record throws(CSVNumberError) in
        try record.appendNumber(experience, fractionDigits: 2)
        try appendFigures(experience: experience, level: level, lookup: lookup, to: &record)
      }
    }

    /// The fields of a row after its experience, as ``EstimateRow`` writes them: experience
    /// used, level, the market's fields, and the five quantiles in its currency, from
    /// `lookup` (the market's, or its level's).
    func appendFigures(
      experience: Double, level: CSVEncodedFields?, lookup: QuantileLookup,
      to record: inout CSVRecordEncoder
    ) throws(CSVNumberError) {
      try record.appendNumber(lookup.heldExperience(experience), fractionDigits: 2)
      if let level { record.append(level) } else { record.appendEmpty() }
      record.append(fields)
      var quantiles = InlineArray<5, Double>(repeating: 0)
      var span = quantiles.mutableSpan
      lookup.quantiles(at: experience, into: &span)
      let rate = market.rate
      for index in 0..<Self.quantileCount {
        try record.appendNumber(rate.fromDollars(span[index]), fractionDigits: 0)
      }
    }
  }

  /// Markets and levels by the text of their cells (an empty cell: the command line's).
  var marketsByCells: [[String]: Result<RowMarket, RowProblem>] = [:]
  var levels: [String: Result<Level, RowProblem>] = [:]

  /// The market columns in the order of a market's key.
  static let marketColumns = [
    "location", "specialization", "premium", "source", "currency",
  ]

  /// The fast path's column positions, -1 for a column the input lacks; see ``layout(_:)``.
  var nameColumn = -1
  var experienceColumn = -1
  var levelColumn = -1
  /// The position of each market column, in key order, -1 for one the input lacks.
  var marketColumnPositions = [Int](repeating: -1, count: 5)
  /// The positions of the market columns the input has, in key order.
  var keyedMarketColumns: [Int] = []

  /// Each row's fields from its experience on, by market and experience or level.
  var figureMemo = FigureMemo()
  /// The markets by the trimmed bytes of their cells: for each key's number, the market's
  /// place in ``rowMarkets``, or -1 for a market with a problem.
  var marketIndex = ByteKeyIndex()
  var marketSlots: [Int] = []
  var rowMarkets: [RowMarket] = []
  /// The levels by the trimmed bytes of their cell, likewise.
  var levelIndex = ByteKeyIndex()
  var levelSlots: [Int] = []
  var fastLevels: [FastLevel] = []
  /// `--level`'s place in ``fastLevels``, if given.
  var defaultLevel: Int?
  /// The output's dialect, for fields encoded ahead of the rows.
  let configuration: CSVWriter.Configuration

  /// A level as the fast path uses it: the level, the experience it stands for, and its
  /// field.
  struct FastLevel {
    var level: Level
    var experience: Double
    var field: CSVEncodedFields
  }

  /// A row's problem, with the column at fault.
  struct RowProblem: Error {
    var column: String
    var value: String
    var reason: String
  }

  init(
    markets: Markets, defaults: BatchDefaults, file: String,
    configuration: CSVWriter.Configuration = .rfc4180
  ) {
    self.markets = markets
    self.configuration = configuration
    self.defaults = defaults
    self.file = file
    if let level = defaults.level, let fast = fastLevel(.success(level)) {
      defaultLevel = fastLevels.count
      fastLevels.append(fast)
    }
  }

  var model: PayModel { markets.model }

  /// Checks the header: known columns only, and a way to get each row's experience. Notes
  /// where each column is for the fast path.
  mutating func layout(_ header: CSVRecord) throws -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, column) in header.fields.enumerated() {
      guard Self.inputColumns.contains(column) else {
        throw ValidationError(
          "\(file):\(header.line):\(header.columns[position]): unknown column '\(column)'."
            + didYouMean(suggestions(for: column, among: Self.inputColumns, limit: 1))
            + " Columns: \(Self.inputColumns.joined(separator: ", ")).")
      }
      if let first = index[column] {
        throw ValidationError(
          "\(file):\(header.line):\(header.columns[position]): the column '\(column)' is "
            + "already at column \(header.columns[first]); give each column once.")
      }
      index[column] = position
    }
    if index["experience"] == nil && index["level"] == nil && defaults.experience == nil
      && defaults.level == nil
    {
      throw ValidationError(
        "\(file):\(header.line):1: a batch needs an 'experience' or 'level' column (or "
          + "--experience or --level for every row).")
    }
    nameColumn = index["name"] ?? -1
    experienceColumn = index["experience"] ?? -1
    levelColumn = index["level"] ?? -1
    marketColumnPositions = Self.marketColumns.map { index[$0] ?? -1 }
    keyedMarketColumns = marketColumnPositions.filter { $0 >= 0 }
    return index
  }

  /// Writes the estimate of one row as CSV, or throws its problem as a row-level error.
  mutating func write(
    _ record: CSVRecord, layout: [String: Int], row: Int, to writer: inout CSVWriter,
    _ bytes: inout [UInt8]
  ) throws {
    for value in try fields(record, layout: layout, row: row) {
      try value.append(to: &writer, &bytes)
    }
  }

  /// The estimate of one row as values (the columns of ``outputHeader``), or its problem
  /// as a row-level error.
  mutating func fields(_ record: CSVRecord, layout: [String: Int], row: Int) throws
    -> [FieldValue]
  {
    /// The trimmed text of a column's cell, with its position; nil when empty or absent.
    func cell(_ column: String) -> (text: String, position: Int)? {
      guard let position = layout[column] else { return nil }
      let text = record.fields[position].trimmingSpaces
      return text.isEmpty ? nil : (text, record.columns[position])
    }
    func problem(_ failure: RowProblem) -> ValidationError {
      let column = layout[failure.column].map { record.columns[$0] } ?? 0
      let location = column > 0 ? "\(file):\(record.line):\(column)" : "\(file):\(record.line)"
      return ValidationError(
        "\(location): the value '\(failure.value)' is invalid for column '\(failure.column)': "
          + failure.reason, isRowProblem: true)
    }

    let marketKey = Self.marketColumns.map { cell($0)?.text ?? "" }
    let market: RowMarket
    switch marketsByCells[marketKey] ?? resolveMarket(marketKey) {
    case .success(let found): market = found
    case .failure(let failure): throw problem(failure)
    }

    // A row's experience and level: its cells, or else the command line's.
    let experienceCell = cell("experience")?.text
    let levelCell = cell("level")?.text
    let hasExperience = experienceCell != nil || defaults.experience != nil
    let hasLevel = levelCell != nil || defaults.level != nil
    let experience: Double
    var level: Level?
    switch (hasExperience, hasLevel) {
    case (true, false):
      if let given = experienceCell {
        do {
          experience = try ValueReading.experience(given)
        } catch {
          throw problem(RowProblem(column: "experience", value: given, reason: error.reason ?? ""))
        }
      } else {
        experience = defaults.experience!
      }
    case (false, true):
      if let given = levelCell {
        switch levels[given] ?? resolveLevel(given) {
        case .success(let resolved): level = resolved
        case .failure(let failure): throw problem(failure)
        }
      } else {
        level = defaults.level
      }
      experience = levelExperience(level!)
    case (true, true):
      throw ValidationError(
        "\(file):\(record.line): give experience or level, not both.", isRowProblem: true)
    case (false, false):
      throw ValidationError(
        "\(file):\(record.line): the row has no experience or level.", isRowProblem: true)
    }

    // At a level, the market of the people who hold it.
    let rowMarket = level.map { market.market.atLevel($0) } ?? market.market
    guard let lookup = level == nil ? market.lookup : try? rowMarket.quantileLookup() else {
      throw problem(
        RowProblem(column: "level", value: levelCell ?? "", reason: "no guide covers this level"))
    }
    let profile = Profile(market: rowMarket, experience: experience, level: level)
    var quantiles = [Double](repeating: 0, count: RowMarket.quantileCount)
    var span = quantiles.mutableSpan
    lookup.quantiles(at: experience, into: &span)
    var fields = FieldRecord()
    try EstimateRow.append(
      row: row, name: cell("name")?.text, profile: profile, quantiles: quantiles, to: &fields)
    return fields.values
  }

  /// The years a level stands for: the middle of its span.
  func levelExperience(_ level: Level) -> Double {
    level.years.closed(openSpanYears: model.dataset.openSpanYears).midpoint!
  }

  /// The market of a row's market cells (location, specialization, premium, source,
  /// currency; an empty one takes the command line's value), resolved once.
  mutating func resolveMarket(_ key: [String]) -> Result<RowMarket, RowProblem> {
    let model = self.model
    let defaults = self.defaults
    let configuration = self.configuration
    let markets = self.markets
    let result = Result { () throws(RowProblem) -> RowMarket in
      func read<Value, Context>(
        _ argument: TypedArgument<Value, Context>, _ raw: String, _ context: Context,
        default fallback: Value?
      ) throws(RowProblem) -> Value? {
        guard !raw.isEmpty else { return fallback }
        do { return try argument.convert(raw, context) } catch {
          throw RowProblem(column: argument.key, value: raw, reason: error.reason ?? "")
        }
      }
      let spec = MarketSpec(
        place: try read(ProfileArguments.location, key[0], model, default: defaults.place),
        specialization: try read(
          ProfileArguments.specialization, key[1], model, default: defaults.specialization),
        premium: try read(ProfileArguments.premium, key[2], (), default: defaults.premium),
        selector: try read(ProfileArguments.source, key[3], model, default: defaults.selector),
        rate: try read(
          ProfileArguments.currency, key[4],
          ProfileArguments.CurrencyContext(model: model, given: defaults.givenRates),
          default: defaults.rate)
          ?? .dollars)
      // A selection that cannot answer is blamed on the row's source when it names one,
      // else on its place; the reason is the method's own.
      let market: Market
      let lookup: QuantileLookup
      do throws(MarketError) {
        market = try markets.market(spec)
        lookup = try market.quantileLookup()
      } catch {
        let column = key[3].isEmpty ? "location" : "source"
        throw RowProblem(
          column: column, value: column == "source" ? key[3] : key[0],
          reason: ResolutionText.reason(error, model))
      }
      let profile = Profile(market: market, experience: 0, level: nil)
      func text(_ value: String?) -> CSVField { value.map { .text($0) } ?? .empty }
      // Text fields only: encoding them cannot meet a number it cannot write.
      let fields = try! CSVEncodedFields(
        [
          text(profile.isRemote ? "remote" : profile.place?.id),
          text(profile.specialization?.id), text(profile.source),
          text(profile.rate.currency.code),
        ], configuration: configuration)
      return RowMarket(market: market, lookup: lookup, fields: fields)
    }
    marketsByCells[key] = result
    return result
  }

  mutating func resolveLevel(_ raw: String) -> Result<Level, RowProblem> {
    let result: Result<Level, RowProblem>
    do {
      result = .success(try ProfileArguments.level.convert(raw, model))
    } catch {
      result = .failure(RowProblem(column: "level", value: raw, reason: error.reason ?? ""))
    }
    levels[raw] = result
    return result
  }
}
