/// References between files, collected while rows are read and checked once every
/// file is in, so an unknown id is reported at the cell that names it.
struct References {
  struct Reference {
    var id: String
    var row: Row
    var column: Column
  }

  private(set) var sources: [Reference] = []
  private(set) var places: [Reference] = []
  private(set) var specializations: [Reference] = []
  /// Whether references are collected at all; not when they will not be checked.
  let isRecording: Bool

  init(isRecording: Bool = true) {
    self.isRecording = isRecording
  }

  mutating func source(_ id: String?, at row: Row, column: Column) {
    if isRecording, let id { sources.append(Reference(id: id, row: row, column: column)) }
  }

  mutating func sources(_ ids: [String], at row: Row, column: Column) {
    for id in ids { source(id, at: row, column: column) }
  }

  mutating func place(_ id: String?, at row: Row, column: Column) {
    if isRecording, let id { places.append(Reference(id: id, row: row, column: column)) }
  }

  mutating func places(_ ids: [String], at row: Row, column: Column) {
    for id in ids { place(id, at: row, column: column) }
  }

  mutating func specializations(_ ids: [String], at row: Row, column: Column) {
    guard isRecording else { return }
    for id in ids { specializations.append(Reference(id: id, row: row, column: column)) }
  }
}

/// Reports the second and later rows that reuse an id.
struct UniqueIDs {
  private var firstLine: [String: Int] = [:]

  mutating func check(_ id: String?, at row: Row, column: Column = .id, _ diagnostics: Diagnostics)
  {
    guard diagnostics.comparesRows, let id else { return }
    if let line = firstLine[id] {
      row.report(column, "duplicate id '\(id)' (first used on line \(line))", to: diagnostics)
    } else {
      firstLine[id] = row.line
    }
  }
}

extension Row {
  /// The row's `id`: a valid identifier, reported if an earlier row used it.
  func uniqueID(_ ids: inout UniqueIDs, _ diagnostics: Diagnostics) -> String? {
    let id = identifier(.id, diagnostics)
    ids.check(id, at: self, diagnostics)
    return id
  }

  /// The row's `source` id, recorded to be checked against `sources.csv`.
  func sourceID(_ references: inout References, _ diagnostics: Diagnostics) -> String? {
    let source = identifier(.source, diagnostics)
    references.source(source, at: self, column: .source)
    return source
  }

  /// A required list of place ids, recorded to be checked against `places.csv`.
  func placeIDs(
    _ column: Column, _ references: inout References, _ diagnostics: Diagnostics,
    hint: String = ""
  ) -> [String] {
    let places = identifiers(column, diagnostics)
    if isEmpty(column) {
      report(column, "missing value in column '\(column.name)'\(hint)", to: diagnostics)
    }
    references.places(places, at: self, column: column)
    return places
  }
}
