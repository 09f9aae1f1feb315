import SalaryCore

/// What a workbook shows beyond an answer's rows: the sheet of the sources and assumptions
/// the answer used, and the band's line chart for a projection. One place, so every
/// command's workbook is made the same way.
struct WorkbookExtras {
  /// Where a band chart's rows are.
  enum Chart {
    /// The main sheet's own rows (`project`).
    case rows
    /// A sheet of its own after the main one, one chart a scenario (`compare`, whose main
    /// rows are one a scenario).
    case sheet(name: String, RecordTable)
  }

  /// The dataset the sources and assumptions are looked up in; nil for no Sources sheet.
  var dataset: Dataset?
  /// The ids of the sources used, in the dataset's order; nil for every source.
  var sources: [String]?
  /// The ids of the assumptions used; nil for every assumption.
  var assumptions: [String]?
  /// The P10, P50 and P90 chart by year, if the answer is a projection.
  var chart: Chart?

  /// The header of the Sources sheet.
  static let sourcesHeader = ["kind", "id", "value", "reason", "citation"]

  /// The Sources sheet's rows: each source (publisher, note, full citation), then each
  /// assumption (its value with its unit, why, and the flag that overrides it).
  func sourceRows() -> [[String]] {
    guard let dataset else { return [] }
    var rows: [[String]] = []
    for source in dataset.sources where sources?.contains(source.id) ?? true {
      var citation = [source.publisher, "\u{201C}\(source.title)\u{201D}"]
      if let author = source.author { citation.append(author) }
      if let published = source.published { citation.append("published \(published)") }
      if let updated = source.updated { citation.append("updated \(updated)") }
      if let cites = source.cites { citation.append("citing \(cites)") }
      rows.append([
        "source", source.id, source.publisher, source.note ?? "",
        citation.joined(separator: ", "),
      ])
    }
    for assumption in dataset.assumptions where assumptions?.contains(assumption.id) ?? true {
      rows.append([
        "assumption", assumption.id, assumption.valueDescription, assumption.reason,
        "salary data assumptions" + (assumption.flag.map { "; override with \($0)" } ?? ""),
      ])
    }
    return rows
  }
}
