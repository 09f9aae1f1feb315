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

  let model: PayModel
  let cache: QuantileCache
  /// Values given on the command line, used where a row leaves a column empty.
  let defaults: [String: String]
  let givenRates: [CurrencyCode: Double]
  let file: String

  /// A market resolved once: its profile (without experience) and its table.
  private struct Market {
    var profile: Profile
    var table: QuantileTable
  }

  private var markets: [[String]: Result<Market, RowProblem>] = [:]
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
  /// place in ``fastMarkets``, or -1 for a market with a problem.
  private var marketIndex = ByteKeyIndex()
  private var marketSlots: [Int] = []
  private var fastMarkets: [FastMarket] = []
  /// The levels by the trimmed bytes of their cell, likewise.
  private var levelIndex = ByteKeyIndex()
  private var levelSlots: [Int] = []
  private var fastLevels: [FastLevel] = []
  /// Whether `--experience` and `--level` were given, for cells left empty.
  private let hasDefaultExperience: Bool
  private let hasDefaultLevel: Bool
  /// `--experience`, if given and valid; `--level`'s place in ``fastLevels``, if given and
  /// known.
  private var defaultExperience: Double?
  private var defaultLevel: Int?
  /// The output's dialect, for fields encoded ahead of the rows.
  private let configuration: CSVWriter.Configuration

  /// A market as the fast path uses it: its table, the range the table holds, its rate, and
  /// its location, specialization, source and currency fields, encoded once.
  ///
  /// A class, so that a row reaches it by reference: as a struct in an array it was copied
  /// for every row, six retains and releases.
  private final class FastMarket {
    /// The quantiles a row has: P10, P25, P50, P75, P90.
    static let quantileCount = 5

    let table: QuantileTable
    let lowest: Double
    let highest: Double
    let rate: ExchangeRate
    let fields: CSVEncodedFields

    init(
      table: QuantileTable, lowest: Double, highest: Double, rate: ExchangeRate,
      fields: CSVEncodedFields
    ) {
      self.table = table
      self.lowest = lowest
      self.highest = highest
      self.rate = rate
      self.fields = fields
    }

    /// The fields of a row after its experience, as ``BatchEstimate/appendRow`` writes them:
    /// experience used, level, the market's fields, and the five quantiles in its currency.
    func appendFigures(
      experience: Double, level: CSVEncodedFields?, to record: inout CSVRecordEncoder
    ) throws(CSVNumberError) {
      try record.appendNumber(min(max(experience, lowest), highest), fractionDigits: 2)
      if let level { record.append(level) } else { record.appendEmpty() }
      record.append(fields)
      var quantiles = InlineArray<5, Double>(repeating: 0)
      var span = quantiles.mutableSpan
      table.quantiles(at: experience, into: &span)
      for index in 0..<Self.quantileCount {
        try record.appendNumber(rate.fromDollars(span[index]), fractionDigits: 0)
      }
    }
  }

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
    model: PayModel, cache: QuantileCache, defaults: [String: String],
    givenRates: [CurrencyCode: Double], file: String,
    configuration: CSVWriter.Configuration = .rfc4180
  ) {
    self.model = model
    self.configuration = configuration
    hasDefaultExperience = defaults["experience"] != nil
    hasDefaultLevel = defaults["level"] != nil
    self.cache = cache
    self.defaults = defaults
    self.givenRates = givenRates
    self.file = file
    if let given = defaults["experience"] {
      defaultExperience = try? ProfileResolution.experience(given)
    }
    if let given = defaults["level"] {
      if let level = fastLevel(resolveLevel(given)) {
        defaultLevel = fastLevels.count
        fastLevels.append(level)
      }
    }
  }

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
    if index["experience"] == nil && index["level"] == nil && defaults["experience"] == nil
      && defaults["level"] == nil
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
    let hasExperience = experienceCell.count > 0 || hasDefaultExperience
    let hasLevel = levelCell.count > 0 || hasDefaultLevel
    let experience: Double
    var level = -1
    switch (hasExperience, hasLevel) {
    case (true, false):
      let parsed =
        experienceCell.count > 0 ? Self.plainYears(experienceCell) : defaultExperience
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
      CSVRecordEncoder.maxTextFieldLength(name.count) + fastMarkets[market].fields.byteCount
      + 8 * CSVRecordEncoder.maxNumberFieldLength + 16
    if level >= 0 { size += fastLevels[level].field.byteCount }
    guard space.count >= size else { return nil }
    return try? writer.encodeRecord(into: space) { fields throws(CSVNumberError) in
      try fields.appendInteger(row)
      if name.count > 0 { fields.appendText(utf8: name) } else { fields.appendEmpty() }
      try fields.appendNumber(experience, fractionDigits: 2)
      try fastMarkets[market].appendFigures(
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
  /// from 0 to 60: exactly what ``ProfileResolution/experience(_:)`` makes of them; nil for
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

  /// The row's market's place in ``fastMarkets``, resolving a market seen for the first time;
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
    // What the careful path makes of the same cells: the cell, or the option when it is empty.
    var strings: [String] = []
    var part = 0
    for (offset, column) in Self.marketColumns.enumerated() {
      var text = ""
      if marketColumnPositions[offset] >= 0 {
        text = String(decoding: key.parts[part], as: UTF8.self)
        part += 1
      }
      strings.append(text.isEmpty ? defaults[column] ?? "" : text)
    }
    marketIndex.insert(key)
    guard let market = fastMarket(markets[strings] ?? resolveMarket(strings)) else {
      marketSlots.append(-1)
      return nil
    }
    marketSlots.append(fastMarkets.count)
    fastMarkets.append(market)
    return fastMarkets.count - 1
  }

  /// Writes the estimate of one row, or throws its problem as a row-level error.
  mutating func write(
    _ record: CSVRecord, layout: [String: Int], row: Int, to writer: inout CSVWriter,
    _ bytes: inout [UInt8]
  ) throws {
    func cell(_ column: String) -> (text: String, position: Int)? {
      if let position = layout[column] {
        let text = record.fields[position].trimmingSpaces
        if !text.isEmpty { return (text, record.columns[position]) }
      }
      return defaults[column].map { ($0, 0) }
    }
    func problem(_ failure: RowProblem) -> ValidationError {
      let column = layout[failure.column].map { record.columns[$0] } ?? 0
      let location = column > 0 ? "\(file):\(record.line):\(column)" : "\(file):\(record.line)"
      return ValidationError(
        "\(location): the value '\(failure.value)' is invalid for column '\(failure.column)': "
          + failure.reason, isRowProblem: true)
    }

    let marketKey = ["location", "specialization", "premium", "source", "currency"].map {
      cell($0)?.text ?? ""
    }
    let market: Market
    switch markets[marketKey] ?? resolveMarket(marketKey) {
    case .success(let found): market = found
    case .failure(let failure): throw problem(failure)
    }

    let experience: Double
    var level: Level?
    switch (cell("experience"), cell("level")) {
    case (let given?, nil):
      do {
        experience = try ProfileResolution.experience(given.text)
      } catch {
        throw problem(
          RowProblem(column: "experience", value: given.text, reason: error.reason ?? ""))
      }
    case (nil, let given?):
      let found = levels[given.text] ?? resolveLevel(given.text)
      switch found {
      case .success(let resolved):
        level = resolved
        experience = resolved.years.closed(openSpanYears: model.dataset.openSpanYears).midpoint!
      case .failure(let failure): throw problem(failure)
      }
    case (_?, _?):
      throw ValidationError(
        "\(file):\(record.line): give experience or level, not both.", isRowProblem: true)
    case (nil, nil):
      throw ValidationError(
        "\(file):\(record.line): the row has no experience or level.", isRowProblem: true)
    }

    var profile = market.profile
    profile.experience = experience
    profile.level = level
    try Self.appendRow(
      row: row, name: cell("name")?.text, profile: profile, table: market.table,
      to: &writer, &bytes)
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

  /// What the fast path keeps of a resolved market; nil for a market with a problem.
  private func fastMarket(_ resolved: Result<Market, RowProblem>) -> FastMarket? {
    guard case .success(let market) = resolved,
      market.table.probabilities.count == FastMarket.quantileCount
    else { return nil }
    let profile = market.profile
    func text(_ value: String?) -> CSVField { value.map { .text($0) } ?? .empty }
    let fields = try? CSVEncodedFields(
      [
        text(profile.isRemote ? "remote" : profile.place?.id), text(profile.specialization?.id),
        text(profile.source), text(profile.rate.currency.code),
      ], configuration: configuration)
    guard let fields else { return nil }
    let range = market.table.experienceRange
    return FastMarket(
      table: market.table, lowest: range.lowerBound, highest: range.upperBound,
      rate: profile.rate, fields: fields)
  }

  /// What the fast path keeps of a resolved level; nil for a level with a problem.
  private func fastLevel(_ resolved: Result<Level, RowProblem>) -> FastLevel? {
    guard case .success(let level) = resolved,
      let field = try? CSVEncodedFields([.text(level.key)], configuration: configuration)
    else { return nil }
    return FastLevel(
      experience: level.years.closed(openSpanYears: model.dataset.openSpanYears).midpoint!,
      field: field)
  }

  /// The figures of one profile as a CSV row: the same for a batch row and for `estimate`.
  static func appendRow(
    row: Int?, name: String?, profile: Profile, table: QuantileTable,
    to writer: inout CSVWriter, _ bytes: inout [UInt8]
  ) throws {
    func text(_ value: String?) {
      if let value {
        writer.appendText(value, into: &bytes)
      } else {
        writer.appendEmpty(into: &bytes)
      }
    }
    if let row { try writer.appendInteger(row, into: &bytes) }
    if row != nil { text(name) }
    let range = table.experienceRange
    let used = min(max(profile.experience, range.lowerBound), range.upperBound)
    try writer.appendNumber(profile.experience, fractionDigits: 2, into: &bytes)
    try writer.appendNumber(used, fractionDigits: 2, into: &bytes)
    text(profile.level?.key)
    text(profile.isRemote ? "remote" : profile.place?.id)
    text(profile.specialization?.id)
    text(profile.source)
    text(profile.rate.currency.code)
    var quantiles = [Double](repeating: 0, count: 5)
    table.quantiles(at: profile.experience, into: &quantiles)
    for quantile in quantiles {
      try writer.appendNumber(profile.rate.fromDollars(quantile), fractionDigits: 0, into: &bytes)
    }
  }

  private mutating func resolveMarket(_ key: [String]) -> Result<Market, RowProblem> {
    let dataset = model.dataset
    let result: Result<Market, RowProblem>
    do throws(RowProblem) {
      func resolve<T>(_ column: String, _ raw: String, _ body: (String) throws(InvalidValue) -> T)
        throws(RowProblem) -> T?
      {
        guard !raw.isEmpty else { return nil }
        do { return try body(raw) } catch {
          throw RowProblem(column: column, value: raw, reason: error.reason ?? "")
        }
      }
      let place = try resolve("location", key[0]) { raw throws(InvalidValue) in
        try ProfileResolution.place(raw, dataset)
      }
      let area = try resolve("specialization", key[1]) { raw throws(InvalidValue) in
        try ProfileResolution.specialization(raw, dataset)
      }
      let premium = try resolve("premium", key[2], ProfileResolution.premium)
      let source = try resolve("source", key[3]) { raw throws(InvalidValue) in
        try ProfileResolution.source(raw, model)
      }
      let rate =
        try resolve("currency", key[4]) { raw throws(InvalidValue) in
          try ProfileResolution.currency(raw, given: givenRates, dataset)
        } ?? ExchangeRate(currency: .usd, dollarsPerUnit: 1, origin: .given)
      let profile = ProfileResolution.profile(
        experience: 0, level: nil, place: place, specialization: area, premium: premium,
        source: source, rate: rate, dataset: dataset)
      guard let table = cache.table(factors: profile.factors, source: profile.source) else {
        throw RowProblem(column: "source", value: key[3], reason: "no guide covers this selection")
      }
      result = .success(Market(profile: profile, table: table))
    } catch {
      result = .failure(error)
    }
    markets[key] = result
    return result
  }

  private mutating func resolveLevel(_ raw: String) -> Result<Level, RowProblem> {
    let result: Result<Level, RowProblem>
    do {
      result = .success(try ProfileResolution.level(raw, model.dataset))
    } catch {
      result = .failure(RowProblem(column: "level", value: raw, reason: error.reason ?? ""))
    }
    levels[raw] = result
    return result
  }
}
