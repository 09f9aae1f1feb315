import ArgumentParsing
import SalaryCore

/// `assumptions.csv`: every number or reading the method uses that no source publishes.
enum AssumptionsFile {
  static let schema = TableSchema(
    fileName: "assumptions.csv", isRequired: true,
    columns: [
      .required(.id), .optional(.value), .optional(.unit), .optional(.flag),
      .required(.reason),
    ])

  /// What each known assumption's value must look like.
  private enum Shape {
    case percentBetweenZeroAndHundred
    case positiveYears
    case span
    case noValue
    case sourceID
    case placeID
    /// A number in a unit, or empty to derive it from published figures.
    case derivableNumber(unit: String)
    /// A number in a unit within a range.
    case number(unit: String, range: ClosedRange<Double>)
  }

  private static func shape(of id: String) -> Shape? {
    if id.hasPrefix(Assumption.levelSpanPrefix) && id.count > Assumption.levelSpanPrefix.count {
      return .span
    }
    switch Assumption.Known(rawValue: id) {
    case .rangeCoverage: return .percentBetweenZeroAndHundred
    case .openSpanYears: return .positiveYears
    case .typicalAsMedian: return .noValue
    case .ladder: return .sourceID
    case .remote: return .placeID
    case .countrySeniority, .premiumWithoutFigure, .unknownPosition, .educationFigures:
      return .noValue
    case .marketDrift, .inflation, .discountRate: return .derivableNumber(unit: "percent")
    case .driftVolatility: return .derivableNumber(unit: "percentage points")
    case .bandPersistence: return .number(unit: "per year", range: 0...1)
    case .bandVolatility: return .number(unit: "band units per year", range: 0...3)
    case .promotionTiming: return .number(unit: "years", range: 0...10)
    case .careerHorizon: return .number(unit: "years", range: 5...60)
    case .careerStartAge: return .number(unit: "years", range: 14...40)
    case .levelMixWindow: return .number(unit: "years", range: 0...5)
    case nil: return nil
    }
  }

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [Assumption]
  {
    var ids = UniqueIDs()
    let known = Assumption.Known.allCases.map(\.rawValue)
    let assumptions: [Assumption] = table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let reason = row.text(.reason, diagnostics)
      let flag = row.optionalText(.flag)
      if let flag, !flag.hasPrefix("--") {
        row.report(.flag, "a flag starts with '--', such as --coverage", to: diagnostics)
      }
      guard let id else { return nil }
      guard let shape = shape(of: id) else {
        row.report(
          .id,
          "unknown assumption '\(id)'.\(didYouMean(suggestions(for: id, among: known, limit: 1)))"
            + " Known: \(known.joined(separator: ", ")), and span-<level> for a level's years.",
          to: diagnostics)
        return nil
      }
      guard let value = value(row, shape: shape, diagnostics, &references), let reason else {
        return nil
      }
      return Assumption(
        id: id, value: value, unit: row[.unit], flag: flag, reason: reason)
    }
    return assumptions
  }

  private static func value(
    _ row: Row, shape: Shape, _ diagnostics: Diagnostics, _ references: inout References
  ) -> Assumption.Value? {
    let text = row[.value]
    func expectUnit(_ unit: String) {
      if row[.unit] != unit {
        row.report(
          .unit, "the unit of this assumption is '\(unit)', not '\(row[.unit])'", to: diagnostics)
      }
    }
    switch shape {
    case .noValue:
      if !text.isEmpty {
        row.report(.value, "this assumption is a reading and takes no value", to: diagnostics)
      }
      return Assumption.Value.none
    case .percentBetweenZeroAndHundred:
      expectUnit("percent")
      guard let percent = row.requiredNumber(.value, diagnostics) else { return nil }
      guard percent > 0, percent < 100 else {
        row.report(
          .value, "a coverage is a percent between 0 and 100, not \(text)", to: diagnostics)
        return nil
      }
      return .number(percent)
    case .positiveYears:
      expectUnit("years")
      return row.positiveNumber(.value, diagnostics).map(Assumption.Value.number)
    case .span:
      expectUnit("years")
      guard let span = ExperienceSpan(parsing: text) else {
        row.report(
          .value, "'\(text)' is not a span of years: write '0 to 2' or '5+'", to: diagnostics)
        return nil
      }
      return .span(span)
    case .sourceID:
      expectUnit("source")
      guard let source = row.identifier(.value, diagnostics) else { return nil }
      references.source(source, at: row, column: .value)
      return .name(source)
    case .derivableNumber(let unit):
      expectUnit(unit)
      guard !text.isEmpty else { return Assumption.Value.none }
      guard let number = row.number(.value, diagnostics) else { return nil }
      guard number > -100, number < 100 else {
        row.report(
          .value, "a rate in percent is above -100 and below 100, not \(text)", to: diagnostics)
        return nil
      }
      return .number(number)
    case .number(let unit, let range):
      expectUnit(unit)
      guard let number = row.requiredNumber(.value, diagnostics) else { return nil }
      guard range.contains(number) else {
        row.report(
          .value,
          "\(text) is outside \(range.lowerBound.compactNumber) to \(range.upperBound.compactNumber)",
          to: diagnostics)
        return nil
      }
      return .number(number)
    case .placeID:
      expectUnit("place")
      guard let place = row.identifier(.value, diagnostics) else { return nil }
      references.place(place, at: row, column: .value)
      return .name(place)
    }
  }
}
