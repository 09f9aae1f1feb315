import SalaryCore

/// `sources.csv`: one row per publisher's guide or statistical release.
enum SourcesFile {
  static let schema = TableSchema(
    fileName: "sources.csv", isRequired: true,
    columns: [
      .required(.id), .required(.publisher), .required(.title), .optional(.author),
      .optional(.published), .optional(.updated), .required(.kind), .optional(.cites),
      .optional(.note),
    ])

  static func read(_ table: Table, _ diagnostics: Diagnostics) -> [Source] {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let publisher = row.text(.publisher, diagnostics)
      let title = row.text(.title, diagnostics)
      let published = row.date(.published, diagnostics)
      let updated = row.date(.updated, diagnostics)
      if let published, let updated, updated < published {
        row.report(
          .updated, "updated (\(updated)) is before published (\(published))", to: diagnostics)
      }
      let kind = row.choice(.kind, diagnostics, as: Source.Kind.self)
      guard let id, let publisher, let title, let kind else { return nil }
      return Source(
        id: id, publisher: publisher, title: title, author: row.optionalText(.author),
        published: published, updated: updated, kind: kind, cites: row.optionalText(.cites),
        note: row.optionalText(.note))
    }
  }
}
