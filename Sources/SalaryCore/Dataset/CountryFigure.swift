/// A pay figure for one or more countries in local currency, with the source's own
/// US-dollar conversion when it gives one (`data/countries.csv`).
///
/// The pairs of local and dollar amounts are what exchange rates are derived from.
public struct CountryFigure: Sendable, Hashable, Identifiable {
  /// The row's unique id.
  public var id: String
  /// The series the figure belongs to.
  public var series: SeriesID
  /// Where in the source.
  public var section: String
  /// The period the figure describes.
  public var period: Period
  /// The countries the figure is for, by place id.
  public var places: [String]
  /// The source's own name for the row, such as `Germany or the Netherlands`.
  public var label: String
  /// The seniority the source states for the row, if any.
  public var level: String?
  /// The figure in ``currency``.
  public var figure: Figure
  /// The currency of ``figure``.
  public var currency: CurrencyCode
  /// The source's conversion of ``figure`` to US dollars, if it gives one.
  public var usd: Figure?
  /// A note in our words, possibly empty.
  public var note: String

  /// The source's id.
  public var source: String { series.source }

  /// Creates a country figure; the loader validates the fields before calling this.
  public init(
    id: String, series: SeriesID, section: String, period: Period, places: [String],
    label: String, level: String?, figure: Figure, currency: CurrencyCode, usd: Figure?,
    note: String = ""
  ) {
    self.id = id
    self.series = series
    self.section = section
    self.period = period
    self.places = places
    self.label = label
    self.level = level
    self.figure = figure
    self.currency = currency
    self.usd = usd
    self.note = note
  }
}
