/// One table or list inside a source, such as Himalayas' level table (`himalayas/levels`).
///
/// Figures of one series were published together, so a location factor is only
/// ever the ratio of two figures of the same series.
public struct SeriesID: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The source's id.
  public var source: String
  /// The series' name, unique within its source.
  public var name: String

  /// Creates a series id.
  public init(source: String, name: String) {
    self.source = source
    self.name = name
  }

  /// `source/name`, the form `--source` accepts for a single series.
  public var description: String { "\(source)/\(name)" }

  public static func < (lhs: SeriesID, rhs: SeriesID) -> Bool {
    (lhs.source, lhs.name) < (rhs.source, rhs.name)
  }
}

/// Where a pay figure's experience span came from.
public enum SpanOrigin: Sendable, Hashable {
  /// The row states its own years.
  case stated
  /// The row names a level whose years its own source gives in its ladder.
  case ladder
  /// The row names a level without years; an assumption (by id) supplies them.
  case assumption(String)
}

/// A published pay figure: a row of `data/pay.csv` after validation.
///
/// A figure with an experience span can sit on an experience curve; one without is
/// context (an overall average, a national median) and is shown, never fitted.
public struct PayFigure: Sendable, Hashable, Identifiable {
  /// The row's unique id, such as `cbt-entry`.
  public var id: String
  /// The series the figure belongs to.
  public var series: SeriesID
  /// Where in the source: a table or section heading.
  public var section: String
  /// The period the figure describes.
  public var period: Period
  /// The places the figure is for, by id (`us` for national figures); a metro tier may name several.
  public var places: [String]
  /// The occupation the figure describes, such as `back-end developers` or `all occupations`.
  public var occupation: String
  /// The level key the row names (`entry`, `senior`, `principal-staff`), if any.
  public var level: String?
  /// The guide's own name for the row, such as `Entry-Level`.
  public var label: String
  /// The experience span, stated or supplied (see ``spanOrigin``); `nil` for context figures.
  public var span: ExperienceSpan?
  /// Where ``span`` came from; `nil` when there is no span.
  public var spanOrigin: SpanOrigin?
  /// The statistic and its numbers.
  public var figure: Figure
  /// The currency of the figure's amounts.
  public var currency: CurrencyCode
  /// A note in our words, possibly empty.
  public var note: String
  /// The ids of every assumption this figure relies on, in the order they apply.
  public var assumptions: [String]

  /// Creates a pay figure; the loader validates the fields before calling this.
  public init(
    id: String, series: SeriesID, section: String, period: Period, places: [String],
    occupation: String, level: String?, label: String, span: ExperienceSpan?,
    spanOrigin: SpanOrigin?, figure: Figure, currency: CurrencyCode, note: String = "",
    assumptions: [String] = []
  ) {
    self.id = id
    self.series = series
    self.section = section
    self.period = period
    self.places = places
    self.occupation = occupation
    self.level = level
    self.label = label
    self.span = span
    self.spanOrigin = spanOrigin
    self.figure = figure
    self.currency = currency
    self.note = note
    self.assumptions = assumptions
  }

  /// The source's id.
  public var source: String { series.source }
}
