import SalaryCore

/// `countries.csv`: pay by country in local currency, with the source's dollar conversion.
enum CountriesFile {
  static let schema = TableSchema(
    fileName: "countries.csv", isRequired: false,
    columns: [
      .required(.id), .required(.source), .required(.series), .required(.section),
      .required(.period), .required(.places), .required(.label), .optional(.level),
      .required(.statistic), .required(.currency), .optional(.value), .optional(.low),
      .optional(.high), .optional(.plus), .optional(.usdValue), .optional(.usdLow),
      .optional(.usdHigh), .optional(.note),
    ])

  static let rules = FigureRules(allowed: [.range, .median, .mean, .lowerBound])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [CountryFigure]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let source = row.sourceID(&references, diagnostics)
      let series = row.identifier(.series, diagnostics)
      let section = row.text(.section, diagnostics)
      let period = row.period(.period, diagnostics)
      let places = row.placeIDs(.places, &references, diagnostics)
      let label = row.text(.label, diagnostics)
      let level = row.optionalIdentifier(.level, diagnostics)
      let figure = row.figure(rules, diagnostics)
      let currency = row.currency(.currency, diagnostics)
      let usd = dollarConversion(row, figure: figure, currency: currency, diagnostics)
      guard let id, let source, let series, let section, let period, !places.isEmpty, let label,
        let figure, let currency
      else { return nil }
      return CountryFigure(
        id: id, series: SeriesID(source: source, name: series), section: section,
        period: period, places: places, label: label, level: level, figure: figure,
        currency: currency, usd: usd, note: row[.note])
    }
  }

  /// The `usd_*` columns: a low and high for a range, a value for a single figure, or
  /// nothing (required to be nothing when the figure is already in dollars).
  private static func dollarConversion(
    _ row: Row, figure: Figure?, currency: CurrencyCode?, _ diagnostics: Diagnostics
  ) -> Figure? {
    let given = [Column.usdValue, .usdLow, .usdHigh].filter { !row.isEmpty($0) }
    guard !given.isEmpty, let figure else { return nil }
    if currency == .usd {
      row.report(given[0], "a figure already in USD needs no dollar conversion", to: diagnostics)
      return nil
    }
    let usdRules = FigureRules(allowed: [])
    switch figure {
    case .range:
      for column in given where column == .usdValue {
        row.report(
          column, "a range converts as usd_low and usd_high, not usd_value", to: diagnostics)
      }
      guard let low = row.amount(.usdLow, usdRules, diagnostics),
        let high = row.amount(.usdHigh, usdRules, diagnostics)
      else { return nil }
      guard low < high else {
        row.report(
          .usdHigh, "usd_high (\(row[.usdHigh])) must be above usd_low (\(row[.usdLow]))",
          to: diagnostics)
        return nil
      }
      return .range(low: low, high: high, openTop: false)
    default:
      for column in given where column != .usdValue {
        row.report(
          column, "a single figure converts as usd_value, not \(column.name)", to: diagnostics)
      }
      return row.amount(.usdValue, usdRules, diagnostics).map(Figure.value)
    }
  }
}
