import SalaryCore

/// `premiums.csv`: specialization premiums that a source publishes, in percent.
enum PremiumsFile {
  static let schema = TableSchema(
    fileName: "premiums.csv", isRequired: false,
    columns: [
      .required(.id), .required(.source), .required(.section), .required(.period),
      .required(.specializations), .required(.label), .optional(.level),
      .required(.statistic), .optional(.value), .optional(.low), .optional(.high),
      .optional(.note),
    ])

  static let rules = FigureRules(allowed: [.value, .range])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [PremiumFigure]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let source = row.sourceID(&references, diagnostics)
      let section = row.text(.section, diagnostics)
      let period = row.period(.period, diagnostics)
      let specializations = row.identifiers(.specializations, diagnostics)
      if row.isEmpty(.specializations) {
        row.report(.specializations, "missing value in column 'specializations'", to: diagnostics)
      }
      references.specializations(specializations, at: row, column: .specializations)
      let label = row.text(.label, diagnostics)
      let level = row.optionalIdentifier(.level, diagnostics)
      let figure = row.figure(rules, diagnostics)
      if let figure, figure.numbers.contains(where: { $0 >= 1_000 }) {
        row.report(
          .value, "a premium is a percent; \(row[.value]) is not plausible", to: diagnostics)
      }
      guard let id, let source, let section, let period, !specializations.isEmpty, let label,
        let figure
      else { return nil }
      return PremiumFigure(
        id: id, source: source, section: section, period: period,
        specializations: specializations, label: label, level: level, figure: figure,
        note: row[.note])
    }
  }
}
