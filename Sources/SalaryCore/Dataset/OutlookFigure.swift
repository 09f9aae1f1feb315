/// A job-market figure: employment growth or openings over a period (`data/outlook.csv`).
///
/// These describe how many jobs there will be, not what they pay: they are shown as
/// context and never applied to pay.
public struct OutlookFigure: Sendable, Hashable, Identifiable {
  /// What an outlook figure measures.
  public enum Measure: String, Sendable, Hashable, CaseIterable {
    /// Growth in employment over the period, in percent.
    case employmentGrowthPercent = "employment_growth_percent"
    /// Job openings per year (new jobs plus replacements).
    case annualOpenings = "annual_openings"
    /// New jobs per year.
    case annualNewJobs = "annual_new_jobs"
  }

  /// The row's unique id.
  public var id: String
  /// The source's id.
  public var source: String
  /// Where in the source.
  public var section: String
  /// The occupation the figure is about, as the source words it.
  public var occupation: String
  /// The place the figure covers, by id.
  public var area: String
  /// What the figure measures.
  public var measure: Measure
  /// The number.
  public var value: Double
  /// Whether the source gives it as approximate ("≈140k", "roughly").
  public var isApproximate: Bool
  /// Whether the source writes a plus ("17,900+").
  public var plus: Bool
  /// The first year of the period, when stated.
  public var periodFrom: Int?
  /// The last year of the period.
  public var periodTo: Int?
  /// What the source cites for the figure.
  public var cites: String?
  /// A note in our words, possibly empty.
  public var note: String

  /// Creates an outlook figure; the loader validates the fields before calling this.
  public init(
    id: String, source: String, section: String, occupation: String, area: String,
    measure: Measure, value: Double, isApproximate: Bool = false, plus: Bool = false,
    periodFrom: Int? = nil, periodTo: Int? = nil, cites: String? = nil, note: String = ""
  ) {
    self.id = id
    self.source = source
    self.section = section
    self.occupation = occupation
    self.area = area
    self.measure = measure
    self.value = value
    self.isApproximate = isApproximate
    self.plus = plus
    self.periodFrom = periodFrom
    self.periodTo = periodTo
    self.cites = cites
    self.note = note
  }
}
