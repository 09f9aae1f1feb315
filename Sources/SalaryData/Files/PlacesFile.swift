import SalaryCore

/// `places.csv`: every place a source names, with or without figures.
enum PlacesFile {
  static let schema = TableSchema(
    fileName: "places.csv", isRequired: true,
    columns: [
      .required(.id), .required(.name), .required(.kind), .optional(.within),
      .optional(.aliases), .optional(.namedBy),
    ])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [Place]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let name = row.text(.name, diagnostics)
      let kind = row.choice(.kind, diagnostics, as: Place.Kind.self)
      let within = row.optionalIdentifier(.within, diagnostics)
      if let within, within == id {
        row.report(.within, "a place cannot lie within itself", to: diagnostics)
      }
      references.place(within, at: row, column: .within)
      let namedBy = row.identifiers(.namedBy, diagnostics)
      references.sources(namedBy, at: row, column: .namedBy)
      guard let id, let name, let kind else { return nil }
      return Place(
        id: id, name: name, kind: kind, within: within, aliases: row.aliases(.aliases),
        namedBy: namedBy)
    }
  }
}
