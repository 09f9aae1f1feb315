import ArgumentParsing
import SalaryCore

/// `pay.csv`: every published pay figure, by experience, level, place or overall.
enum PayFile {
  static let schema = TableSchema(
    fileName: "pay.csv", isRequired: true,
    columns: [
      .required(.id), .required(.source), .required(.series), .required(.section),
      .required(.period), .required(.place), .required(.occupation), .optional(.level),
      .required(.label), .optional(.yearsFrom), .optional(.yearsTo),
      .required(.statistic), .optional(.percentile), .optional(.value), .optional(.low),
      .optional(.high), .optional(.plus), .optional(.relativeTo), .required(.currency),
      .optional(.note),
    ])

  static let rules = FigureRules(
    allowed: [
      .range, .median, .mean, .typical, .lowerBound, .approximate, .percentile, .relative,
    ])

  /// Statistics that can place a figure on an experience curve, and so need a span
  /// whenever the row names a level.
  static let fittable: [Statistic] = [.range, .median, .mean, .typical, .percentile]

  /// A pay row read but not yet given its span (which needs levels and assumptions).
  struct Pending {
    var row: Row
    var id: String
    var series: SeriesID
    var section: String
    var period: Period
    var places: [String]
    var occupation: String
    var level: String?
    var label: String
    var statedSpan: ExperienceSpan?
    var figure: Figure
    var currency: CurrencyCode
    var note: String
  }

  static func read(_ table: Table, _ diagnostics: Diagnostics, _ references: inout References)
    -> [Pending]
  {
    var ids = UniqueIDs()
    return table.rows.compactMap { row in
      let id = row.uniqueID(&ids, diagnostics)
      let source = row.sourceID(&references, diagnostics)
      let series = row.identifier(.series, diagnostics)
      let section = row.text(.section, diagnostics)
      let period = row.period(.period, diagnostics)
      let places = row.placeIDs(
        .place, &references, diagnostics, hint: " (use 'us' for national figures)")
      let occupation = row.text(.occupation, diagnostics)
      let level = row.optionalIdentifier(.level, diagnostics)
      let label = row.text(.label, diagnostics)
      let span = row.span(diagnostics)
      let figure = row.figure(rules, diagnostics)
      if case .relative(_, let place) = figure {
        references.place(place, at: row, column: .relativeTo)
      }
      let currency = row.currency(.currency, diagnostics)
      guard let id, let source, let series, let section, let period, !places.isEmpty,
        let occupation, let label, let figure, let currency
      else { return nil }
      return Pending(
        row: row, id: id, series: SeriesID(source: source, name: series), section: section,
        period: period, places: places, occupation: occupation, level: level, label: label,
        statedSpan: span, figure: figure, currency: currency, note: row[.note])
    }
  }

  /// Gives each pending figure its span and the assumptions it relies on.
  ///
  /// A stated span wins. A row that names a level without years takes the years its own
  /// source's ladder gives that level, or else the `span-<level>` assumption. A fittable
  /// figure naming a level that neither supplies is reported (it would silently drop
  /// off the curves otherwise), unless levels or assumptions could not be read at all.
  static func resolve(
    _ pending: [Pending], levels: [Level], assumptions: [Assumption], levelsAreKnown: Bool,
    _ diagnostics: Diagnostics
  ) -> [PayFigure] {
    let spanAssumptions = Dictionary(
      assumptions.compactMap { assumption -> (String, ExperienceSpan)? in
        guard assumption.id.hasPrefix(Assumption.levelSpanPrefix),
          case .span(let span) = assumption.value
        else { return nil }
        return (String(assumption.id.dropFirst(Assumption.levelSpanPrefix.count)), span)
      }, uniquingKeysWith: { first, _ in first })
    return pending.compactMap { item in
      var span = item.statedSpan
      var origin: SpanOrigin? = span == nil ? nil : .stated
      var used: [String] = []
      if span == nil, let level = item.level {
        if let rung = levels.first(where: {
          $0.source == item.series.source && $0.key == level && $0.yearsKind == .experience
        }) {
          span = rung.years
          origin = .ladder
        } else if let assumed = spanAssumptions[level] {
          span = assumed
          let id = Assumption.levelSpanPrefix + level
          origin = .assumption(id)
          used.append(id)
        } else if fittable.contains(item.figure.statistic) {
          if levelsAreKnown {
            let candidates = levels.map(\.key) + spanAssumptions.keys.sorted()
            item.row.report(
              .level,
              "level '\(level)' has no years."
                + didYouMean(suggestions(for: level, among: candidates, limit: 1))
                + " Fill years_from and years_to, use a level that \(item.series.source)'s ladder in "
                + "levels.csv gives years for, or add the assumption 'span-\(level)'.",
              to: diagnostics)
          }
          return nil
        }
      }
      if span?.isOpen == true { used.append(Assumption.Known.openSpanYears.rawValue) }
      if item.figure.statistic == .typical {
        used.append(Assumption.Known.typicalAsMedian.rawValue)
      }
      if item.figure.statistic == .range { used.append(Assumption.Known.rangeCoverage.rawValue) }
      return PayFigure(
        id: item.id, series: item.series, section: item.section, period: item.period,
        places: item.places, occupation: item.occupation, level: item.level, label: item.label,
        span: span, spanOrigin: origin, figure: item.figure, currency: item.currency,
        note: item.note, assumptions: used)
    }
  }
}
