import SalaryCore

/// `education.csv`: how long each path to a first job takes, and what it costs.
enum EducationFile {
  static let schema = TableSchema(
    fileName: "education.csv", isRequired: false,
    columns: [
      .required(.id), .required(.source), .required(.section), .required(.path),
      .required(.measure), .required(.statistic), .optional(.value), .optional(.low),
      .optional(.high), .required(.unit), .optional(.plus), .optional(.note),
    ])

  static let rules = FigureRules(
    allowed: [.range, .value, .lowerBound, .upperBound], allowsZero: true)

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [EducationFigure]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let source = row.sourceID(&references, diagnostics)
      let section = row.text(.section, diagnostics)
      let path = row.identifier(.path, diagnostics)
      let measure = row.choice(.measure, diagnostics, as: EducationFigure.Measure.self)
      let figure = row.figure(rules, diagnostics)
      let unit = self.unit(row, measure: measure, diagnostics)
      guard let id, let source, let section, let path, let measure, let figure, let unit else {
        return nil
      }
      return EducationFigure(
        id: id, source: source, section: section, path: path, measure: measure, figure: figure,
        unit: unit, note: row[.note])
    }
  }

  /// `weeks`, `months` or `years` for a duration; a currency code for a cost.
  private static func unit(
    _ row: Row, measure: EducationFigure.Measure?, _ diagnostics: Diagnostics
  ) -> EducationFigure.Unit? {
    guard let text = row.text(.unit, diagnostics), let measure else { return nil }
    switch (measure, text) {
    case (.duration, "weeks"), (.timeToJob, "weeks"): return .weeks
    case (.duration, "months"), (.timeToJob, "months"): return .months
    case (.duration, "years"), (.timeToJob, "years"): return .years
    case (.duration, _), (.timeToJob, _):
      row.report(
        .unit, "a duration's unit is weeks, months or years, not '\(text)'", to: diagnostics)
      return nil
    case (.cost, _):
      guard let code = CurrencyCode(text) else {
        row.report(
          .unit, "a cost's unit is a currency code such as USD, not '\(text)'", to: diagnostics)
        return nil
      }
      return .money(code)
    }
  }
}
