import SalaryCore

/// `promotions.csv`: the promotion model, a step from each level of the ladder to the next
/// on each track, with its yearly chance and the share who stay.
enum PromotionsFile {
  static let schema = TableSchema(
    fileName: "promotions.csv", isRequired: true,
    columns: [
      .required(.level), .required(.next), .required(.track), .required(.chance),
      .required(.stays), .required(.reason),
    ])

  static func read(_ table: Table, _ diagnostics: Diagnostics) -> [PromotionStep] {
    table.rows.compactMap { row in
      let level = row.identifier(.level, diagnostics)
      let next = row.identifier(.next, diagnostics)
      var tracks: [Track] = []
      for name in row.list(.track, keepingBlankItems: true) {
        if let track = Track(rawValue: name) {
          tracks.append(track)
        } else {
          row.report(
            .track, "unknown track '\(name)': use ic, management or both as 'ic;management'",
            to: diagnostics)
        }
      }
      let chance = probability(row, .chance, diagnostics)
      let stays = probability(row, .stays, diagnostics)
      let reason = row.text(.reason, diagnostics)
      guard let level, let next, let chance, let stays, let reason, !tracks.isEmpty else {
        return nil
      }
      return PromotionStep(
        level: level, next: next, tracks: tracks, chance: chance, stays: stays, reason: reason)
    }
  }

  /// A required probability, from 0 to 1.
  private static func probability(_ row: Row, _ column: Column, _ diagnostics: Diagnostics)
    -> Double?
  {
    guard let value = row.requiredNumber(column, diagnostics) else { return nil }
    guard (0...1).contains(value) else {
      row.report(
        column, "\(row[column]) in column '\(column.name)' is a probability: from 0 to 1",
        to: diagnostics)
      return nil
    }
    return value
  }

  /// The model covers the ladder: on each track, every level but the top one has exactly
  /// one step, to the level after it on that track.
  static func check(
    _ steps: [PromotionStep], ladder levels: [Level], _ table: Table?, file: String,
    _ diagnostics: Diagnostics
  ) {
    // A row that could not be read has been reported; the steps no longer match the rows.
    guard let table, steps.count == table.rows.count else { return }
    let rows = table.rows
    for (step, row) in zip(steps, rows) {
      for key in [step.level, step.next] where !levels.contains(where: { $0.key == key }) {
        row.report(
          key == step.level ? .level : .next,
          "'\(key)' is not a level of the ladder: \(levels.map(\.key).joined(separator: ", "))",
          to: diagnostics)
      }
    }
    for track in Track.allCases {
      let onTrack = levels.filter { $0.isOn(track) }
      for (level, next) in zip(onTrack, onTrack.dropFirst()) {
        let found = steps.indices.filter {
          steps[$0].level == level.key && steps[$0].tracks.contains(track)
        }
        if found.isEmpty {
          diagnostics.report(
            file, line: 0, column: 0,
            "no step from '\(level.key)' to '\(next.key)' on the \(track.rawValue) track")
        }
        for index in found.dropFirst() {
          rows[index].report(
            .level, "a second step from '\(level.key)' on the \(track.rawValue) track",
            to: diagnostics)
        }
        for index in found
        where steps[index].next != next.key
          && levels.contains(where: { $0.key == steps[index].next })
        {
          rows[index].report(
            .next,
            "on the \(track.rawValue) track '\(level.key)' leads to '\(next.key)', not '\(steps[index].next)'",
            to: diagnostics)
        }
      }
    }
  }
}
