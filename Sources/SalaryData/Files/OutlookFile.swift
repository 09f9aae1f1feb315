import SalaryCore

/// `outlook.csv`: employment growth and openings. Context only, never applied to pay.
enum OutlookFile {
  static let schema = TableSchema(
    fileName: "outlook.csv", isRequired: false,
    columns: [
      .required(.id), .required(.source), .required(.section), .required(.occupation),
      .required(.area), .required(.measure), .required(.value), .optional(.approximate),
      .optional(.plus), .optional(.periodFrom), .required(.periodTo), .optional(.cites),
      .optional(.note),
    ])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [OutlookFigure]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let source = row.sourceID(&references, diagnostics)
      let section = row.text(.section, diagnostics)
      let occupation = row.text(.occupation, diagnostics)
      let area = row.identifier(.area, diagnostics)
      references.place(area, at: row, column: .area)
      let measure = row.choice(.measure, diagnostics, as: OutlookFigure.Measure.self)
      let value = row.positiveNumber(.value, diagnostics)
      let from = row.year(.periodFrom, diagnostics)
      let to = row.year(.periodTo, diagnostics)
      if row.isEmpty(.periodTo) {
        row.report(.periodTo, "missing value in column 'period_to'", to: diagnostics)
      }
      if let from, let to, to <= from {
        row.report(
          .periodTo, "period_to (\(to)) must be after period_from (\(from))", to: diagnostics)
      }
      let isApproximate = row.flag(.approximate, diagnostics)
      let plus = row.flag(.plus, diagnostics)
      guard let id, let source, let section, let occupation, let area, let measure, let value,
        let to
      else { return nil }
      return OutlookFigure(
        id: id, source: source, section: section, occupation: occupation, area: area,
        measure: measure, value: value, isApproximate: isApproximate, plus: plus,
        periodFrom: from, periodTo: to, cites: row.optionalText(.cites), note: row[.note])
    }
  }
}
