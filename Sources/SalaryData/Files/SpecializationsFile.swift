import SalaryCore

/// `specializations.csv`: the domains, languages and industries the sources name.
enum SpecializationsFile {
  static let schema = TableSchema(
    fileName: "specializations.csv", isRequired: false,
    columns: [
      .required(.id), .required(.name), .required(.kind), .optional(.aliases),
      .required(.namedBy), .optional(.premiumNamedBy), .optional(.note),
    ])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [Specialization]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let name = row.text(.name, diagnostics)
      let kind = row.choice(.kind, diagnostics, as: Specialization.Kind.self)
      let namedBy = row.identifiers(.namedBy, diagnostics)
      if namedBy.isEmpty && row.isEmpty(.namedBy) {
        row.report(
          .namedBy, "missing value in column 'named_by': which sources name it?", to: diagnostics)
      }
      references.sources(namedBy, at: row, column: .namedBy)
      let premiumNamedBy = row.identifiers(.premiumNamedBy, diagnostics)
      references.sources(premiumNamedBy, at: row, column: .premiumNamedBy)
      for source in premiumNamedBy where !namedBy.contains(source) {
        row.report(
          .premiumNamedBy, "'\(source)' says it pays more, so list it in named_by too",
          to: diagnostics)
      }
      guard let id, let name, let kind else { return nil }
      return Specialization(
        id: id, name: name, kind: kind, aliases: row.aliases(.aliases), namedBy: namedBy,
        premiumNamedBy: premiumNamedBy, note: row[.note])
    }
  }
}
