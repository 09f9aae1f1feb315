import SalaryCore

/// `levels.csv`: the levels each source names, with the years it gives them.
enum LevelsFile {
  static let schema = TableSchema(
    fileName: "levels.csv", isRequired: true,
    columns: [
      .required(.source), .required(.series), .required(.section), .required(.level),
      .required(.title), .required(.yearsFrom), .optional(.yearsTo),
      .required(.yearsKind), .optional(.track), .optional(.aliases),
    ])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [Level]
  {
    var keys = UniqueIDs()
    return table.rows.compactMap { row in
      let source = row.sourceID(&references, diagnostics)
      let series = row.identifier(.series, diagnostics)
      let section = row.text(.section, diagnostics)
      let key = row.identifier(.level, diagnostics)
      if let source, let key {
        keys.check("\(source)/\(key)", at: row, column: .level, diagnostics)
      }
      let title = row.text(.title, diagnostics)
      if row.isEmpty(.yearsFrom) {
        row.report(.yearsFrom, "missing value in column 'years_from'", to: diagnostics)
      }
      let years = row.span(diagnostics)
      let yearsKind = row.choice(.yearsKind, diagnostics, as: Level.YearsKind.self)
      var tracks: [Track] = []
      // Items empty after trimming are kept: `ic; ;management` names an empty track.
      for name in row.list(.track, keepingBlankItems: true) {
        if let track = Track(rawValue: name) {
          tracks.append(track)
        } else {
          row.report(
            .track, "unknown track '\(name)': use ic, management or both as 'ic;management'",
            to: diagnostics)
        }
      }
      guard let source, let series, let section, let key, let title, let years, let yearsKind
      else { return nil }
      return Level(
        source: source, series: series, section: section, key: key, title: title, years: years,
        yearsKind: yearsKind, tracks: tracks, aliases: row.aliases(.aliases))
    }
  }
}
