import SalaryCSV
import SalaryCore
import SalaryData

/// `salary estimate --batch`: one profile a row in, its five percentiles out, streamed in
/// constant memory.
///
/// Each distinct market (location, specialization, premium, guide, currency) is resolved
/// once and gets its quantile table; a row then costs a table lookup. The figures are the
/// ones `salary estimate` gives for the same profile, from the same tables.
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

  /// A row's problem, with the column at fault.
  struct RowProblem: Error {
    var column: String
    var value: String
    var reason: String
  }

  init(
    model: PayModel, cache: QuantileCache, defaults: [String: String],
    givenRates: [CurrencyCode: Double], file: String
  ) {
    self.model = model
    self.cache = cache
    self.defaults = defaults
    self.givenRates = givenRates
    self.file = file
  }

  /// Checks the header: known columns only, and a way to get each row's experience.
  func layout(_ header: CSVRecord) throws -> [String: Int] {
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
    return index
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
