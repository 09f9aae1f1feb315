import SalaryCore

/// `rates.csv`: published rates in percent, from which the projection's defaults are derived.
enum RatesFile {
  static let schema = TableSchema(
    fileName: "rates.csv", isRequired: false,
    columns: [
      .required(.id), .required(.source), .required(.section), .required(.period),
      .required(.measure), .required(.statistic), .required(.value), .optional(.note),
    ])

  static let rules = FigureRules(allowed: [.value, .mean, .median])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [RateFigure]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let source = row.sourceID(&references, diagnostics)
      let section = row.text(.section, diagnostics)
      let period = row.period(.period, diagnostics)
      let measure = row.choice(.measure, diagnostics, as: RateFigure.Measure.self)
      let figure = row.figure(rules, diagnostics)
      if let value = figure?.singleValue, value >= 100 {
        row.report(.value, "a rate is a percent below 100, not \(row[.value])", to: diagnostics)
      }
      guard let id, let source, let section, let period, let measure, let figure else {
        return nil
      }
      return RateFigure(
        id: id, source: source, section: section, period: period, measure: measure,
        figure: figure, note: row[.note])
    }
  }
}
