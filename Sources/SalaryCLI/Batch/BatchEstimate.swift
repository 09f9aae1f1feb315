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

    init(market: Market, lookup: QuantileLookup, fields: CSVEncodedFields) {
      self.market = market
      self.lookup = lookup
      self.fields = fields
    }

    /// The fields of a row after its experience, as ``EstimateRow`` writes them: experience
    /// used, level, the market's fields, and the five quantiles in its currency.
    func appendFigures(
      experience: Double, level: CSVEncodedFields?, to record: inout CSVRecordEncoder
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
  private var marketsByCells: [[String]: Result<RowMarket, RowProblem>] = [:]
  private var levels: [String: Result<Level, RowProblem>] = [:]

  /// The market columns in the order of a market's key.
  private static let marketColumns = [
    "location", "specialization", "premium", "source", "currency",
  ]

  /// The fast path's column positions, -1 for a column the input lacks; see ``layout(_:)``.
  private var nameColumn = -1
  private var experienceColumn = -1
  private var levelColumn = -1
  /// The position of each market column, in key order, -1 for one the input lacks.
  private var marketColumnPositions = [Int](repeating: -1, count: 5)
  /// The positions of the market columns the input has, in key order.
  private var keyedMarketColumns: [Int] = []

  /// The markets by the trimmed bytes of their cells: for each key's number, the market's
  /// place in ``rowMarkets``, or -1 for a market with a problem.
  private var marketIndex = ByteKeyIndex()
  private var marketSlots: [Int] = []
  private var rowMarkets: [RowMarket] = []
  /// The levels by the trimmed bytes of their cell, likewise.
  private var levelIndex = ByteKeyIndex()
  private var levelSlots: [Int] = []
  private var fastLevels: [FastLevel] = []
  /// `--level`'s place in ``fastLevels``, if given.
  private var defaultLevel: Int?
  /// The output's dialect, for fields encoded ahead of the rows.
  private let configuration: CSVWriter.Configuration

  /// A level as the fast path uses it: the experience it stands for, and its field.
  private struct FastLevel {
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

  /// Writes the estimate of one row into `space` by the fast path, and returns how many bytes
  /// it took; or returns nil, having written nothing, for a row the careful path must take:
  /// one with a problem, or cells the fast path cannot be sure to read as it does.
  ///
  /// The bytes are those of ``write(_:layout:row:to:_:)`` for the same row.
  mutating func encode(
    _ record: borrowing CSVRecordView, row: Int, writer: inout CSVWriter,
    into space: UnsafeMutableRawBufferPointer
  ) -> Int? {
    guard let market = marketNumber(record) else { return nil }

    let experienceCell = cell(record, experienceColumn)
    let levelCell = cell(record, levelColumn)
    guard let experienceCell, let levelCell else { return nil }
    let hasExperience = experienceCell.count > 0 || defaults.experience != nil
    let hasLevel = levelCell.count > 0 || defaults.level != nil
    let experience: Double
    var level = -1
    switch (hasExperience, hasLevel) {
    case (true, false):
      let parsed =
        experienceCell.count > 0 ? Self.plainYears(experienceCell) : defaults.experience
      guard let parsed else { return nil }
      experience = parsed
    case (false, true):
      let found = levelCell.count > 0 ? levelSlots[levelNumber(levelCell)] : defaultLevel ?? -1
      guard found >= 0 else { return nil }
      level = found
      experience = fastLevels[found].experience
    default:
      return nil
    }
    guard let name = cell(record, nameColumn) else { return nil }

    var size =
      CSVRecordEncoder.maxTextFieldLength(name.count) + rowMarkets[market].fields.byteCount
      + 8 * CSVRecordEncoder.maxNumberFieldLength + 16
    if level >= 0 { size += fastLevels[level].field.byteCount }
    guard space.count >= size else { return nil }
    return try? writer.encodeRecord(into: space) { fields throws(CSVNumberError) in
      try fields.appendInteger(row)
      if name.count > 0 { fields.appendText(utf8: name) } else { fields.appendEmpty() }
      try fields.appendNumber(experience, fractionDigits: 2)
      try rowMarkets[market].appendFigures(
        experience: experience, level: level >= 0 ? fastLevels[level].field : nil, to: &fields)
    }
  }

  /// The trimmed bytes of the cell at `column`, empty when there is no such column; or nil
  /// when trimming bytes might not give what ``Swift/StringProtocol/trimmingSpaces`` gives.
  ///
  /// That trims characters, and a space joins a character with a combining mark after it (or
  /// a prepended mark before it), so a space is only trimmed here when the byte beside it is
  /// ASCII; otherwise the careful path decides.
  private func cell(_ record: borrowing CSVRecordView, _ column: Int) -> UnsafeRawBufferPointer? {
    guard column >= 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    let bytes = record.bytes(at: column)
    var start = 0
    var end = bytes.count
    while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
    if start > 0 && start < end && bytes[start] >= 0x80 { return nil }
    let untrimmedEnd = end
    while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
    if end < untrimmedEnd && end > start && bytes[end - 1] >= 0x80 { return nil }
    return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
  }

  /// Years written as plain digits with an optional fraction (`4`, `12.5`), at most 15 digits,
  /// from 0 to 60: exactly what ``ValueReading/experience(_:)`` makes of them; nil for
  /// anything else, which it then judges.
  ///
  /// The digits make an integer below 2^53 and the divisor 10^k is exact, so the one division
  /// rounds correctly, as the standard library's parsing does (Clinger's fast path).
  static func plainYears(_ bytes: UnsafeRawBufferPointer) -> Double? {
    var digits: UInt64 = 0
    var digitCount = 0
    var fractionDigits = 0
    var seenPoint = false
    for (offset, byte) in bytes.enumerated() {
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        digits = digits &* 10 &+ UInt64(digit)
        digitCount += 1
        if seenPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: ".") && !seenPoint && offset > 0 {
        seenPoint = true
      } else {
        return nil
      }
    }
    guard digitCount > 0 && digitCount <= 15 && (!seenPoint || fractionDigits > 0) else {
      return nil
    }
    var divisor = 1.0
    for _ in 0..<fractionDigits { divisor *= 10 }
    let years = Double(digits) / divisor
    return years <= 60 ? years : nil
  }

  /// The row's market's place in ``rowMarkets``, resolving a market seen for the first time;
  /// nil when its cells need the careful path or the market has a problem.
  private mutating func marketNumber(_ record: borrowing CSVRecordView) -> Int? {
    var key = CellKey()
    for index in keyedMarketColumns.indices {
      guard let bytes = cell(record, keyedMarketColumns[index]) else { return nil }
      key.append(bytes)
    }
    if let found = marketIndex.find(key) {
      let slot = marketSlots[found]
      return slot >= 0 ? slot : nil
    }
    // What the careful path makes of the same cells.
    var strings: [String] = []
    var part = 0
    for offset in Self.marketColumns.indices {
      var text = ""
      if marketColumnPositions[offset] >= 0 {
        text = String(decoding: key.parts[part], as: UTF8.self)
        part += 1
      }
      strings.append(text)
    }
    marketIndex.insert(key)
    guard case .success(let market) = marketsByCells[strings] ?? resolveMarket(strings) else {
      marketSlots.append(-1)
      return nil
    }
    marketSlots.append(rowMarkets.count)
    rowMarkets.append(market)
    return rowMarkets.count - 1
  }

  /// Writes the estimate of one row, or throws its problem as a row-level error.
  mutating func write(
    _ record: CSVRecord, layout: [String: Int], row: Int, to writer: inout CSVWriter,
    _ bytes: inout [UInt8]
  ) throws {
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

    let profile = Profile(market: market.market, experience: experience, level: level)
    var quantiles = [Double](repeating: 0, count: RowMarket.quantileCount)
    var span = quantiles.mutableSpan
    market.lookup.quantiles(at: experience, into: &span)
    try EstimateRow.append(
      row: row, name: cell("name")?.text, profile: profile, quantiles: quantiles, to: &writer,
      &bytes)
  }

  /// The years a level stands for: the middle of its span.
  private func levelExperience(_ level: Level) -> Double {
    level.years.closed(openSpanYears: model.dataset.openSpanYears).midpoint!
  }

  /// The number of a level's key by the trimmed bytes of its cell, resolving a level seen for
  /// the first time.
  private mutating func levelNumber(_ bytes: UnsafeRawBufferPointer) -> Int {
    var key = CellKey()
    key.append(bytes)
    if let found = levelIndex.find(key) { return found }
    let text = String(decoding: bytes, as: UTF8.self)
    let number = levelIndex.insert(key)
    if let level = fastLevel(levels[text] ?? resolveLevel(text)) {
      levelSlots.append(fastLevels.count)
      fastLevels.append(level)
    } else {
      levelSlots.append(-1)
    }
    return number
  }

  /// What the fast path keeps of a resolved level; nil for a level with a problem.
  private func fastLevel(_ resolved: Result<Level, RowProblem>) -> FastLevel? {
    guard case .success(let level) = resolved,
      let field = try? CSVEncodedFields([.text(level.key)], configuration: configuration)
    else { return nil }
    return FastLevel(experience: levelExperience(level), field: field)
  }

  /// The market of a row's market cells (location, specialization, premium, source,
  /// currency; an empty one takes the command line's value), resolved once.
  private mutating func resolveMarket(_ key: [String]) -> Result<RowMarket, RowProblem> {
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
          ProfileArguments.currency, key[4], (model, defaults.givenRates), default: defaults.rate)
          ?? .dollars)
      let noGuide = RowProblem(
        column: "source", value: key[3], reason: "no guide covers this selection")
      guard let market = try? markets.market(spec), let lookup = try? market.quantileLookup()
      else { throw noGuide }
      let profile = Profile(market: market, experience: 0, level: nil)
      func text(_ value: String?) -> CSVField { value.map { .text($0) } ?? .empty }
      guard
        let fields = try? CSVEncodedFields(
          [
            text(profile.isRemote ? "remote" : profile.place?.id),
            text(profile.specialization?.id), text(profile.source),
            text(profile.rate.currency.code),
          ], configuration: configuration)
      else { throw noGuide }
      return RowMarket(market: market, lookup: lookup, fields: fields)
    }
    marketsByCells[key] = result
    return result
  }

  private mutating func resolveLevel(_ raw: String) -> Result<Level, RowProblem> {
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

/// The profile values given on the command line of `estimate --batch`, each read once: a
/// row's empty cell takes them.
struct BatchDefaults {
  var experience: Double?
  var level: Level?
  var place: ResolvedPlace?
  var specialization: Specialization?
  var premium: Premium?
  var selector: SourceSelector?
  var rate: ExchangeRate?
  var givenRates: [CurrencyCode: Double] = [:]

  init() {}

  /// Reads the profile options of `values`.
  init(_ values: ParsedValues, model: PayModel) throws {
    typealias Arguments = ProfileArguments
    if values.hasValue(Arguments.experience.key) && values.hasValue(Arguments.level.key) {
      throw ValidationError("Give --experience or --level, not both.")
    }
    experience = try values.value(of: Arguments.experience)
    level = try values.value(of: Arguments.level, in: model)
    place = try values.value(of: Arguments.location, in: model)
    specialization = try values.value(of: Arguments.specialization, in: model)
    premium = try values.value(of: Arguments.premium)
    selector = try values.value(of: Arguments.source, in: model)
    givenRates = try Arguments.givenRates(values)
    rate = try values.value(of: Arguments.currency, in: (model, givenRates))
  }
}
