import SalaryCore

/// `workforce.csv`: the age mix of employed developers, to weigh estimates by experience
/// into one for all developers.
enum WorkforceFile {
  static let schema = TableSchema(
    fileName: "workforce.csv", isRequired: false,
    columns: [
      .required(.id), .required(.source), .required(.section), .required(.period),
      .required(.occupation), .required(.ageFrom), .optional(.ageTo), .required(.percent),
      .optional(.note),
    ])

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [WorkforceShare]
  {
    var ids = UniqueIDs()
    var previousEnd: (Int, Int)?
    let shares: [WorkforceShare] = table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let source = row.sourceID(&references, diagnostics)
      let section = row.text(.section, diagnostics)
      let period = row.period(.period, diagnostics)
      let occupation = row.text(.occupation, diagnostics)
      let from = age(row, .ageFrom, diagnostics)
      let to = row.isEmpty(.ageTo) ? nil : age(row, .ageTo, diagnostics)
      if let from, let to, to < from {
        row.report(.ageTo, "age_to (\(to)) is before age_from (\(from))", to: diagnostics)
      }
      if let from, let (end, line) = previousEnd, from != end + 1 {
        row.report(
          .ageFrom,
          "age groups follow each other: this one starts at \(from), the one on line \(line) ends at \(end)",
          to: diagnostics)
      }
      if let to { previousEnd = (to, row.line) } else { previousEnd = nil }
      let percent = row.positiveNumber(.percent, diagnostics)
      if let percent, percent > 100 {
        row.report(
          .percent, "a share is a percent up to 100, not \(row[.percent])", to: diagnostics)
      }
      guard let id, let source, let section, let period, let occupation, let from, let percent
      else { return nil }
      return WorkforceShare(
        id: id, source: source, section: section, period: period, occupation: occupation,
        ageFrom: from, ageTo: to, percent: percent, note: row[.note])
    }
    let total = shares.reduce(0) { $0 + $1.percent }
    if !shares.isEmpty && abs(total - 100) > 0.5 {
      diagnostics.report(
        table.displayName, line: 0, column: 0,
        "the age groups' shares add up to \(total.compactNumber)%, not 100%")
    }
    return shares
  }

  private static func age(_ row: Row, _ column: Column, _ diagnostics: Diagnostics) -> Int? {
    guard let value = row.requiredNumber(column, diagnostics) else { return nil }
    guard value == value.rounded(), (14...100).contains(value) else {
      row.report(
        column, "'\(row[column])' in column '\(column.name)' is an age in years, from 14 to 100",
        to: diagnostics)
      return nil
    }
    return Int(value)
  }
}
