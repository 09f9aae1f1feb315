/// How long an education path takes or what it costs (`data/education.csv`).
public struct EducationFigure: Sendable, Hashable, Identifiable {
  /// Whether a figure is a duration or a cost.
  public enum Measure: String, Sendable, Hashable, CaseIterable {
    /// Time spent on the path itself: a course's or a degree's length.
    case duration
    /// Money spent on the path.
    case cost
    /// Time from starting the path to being ready for a first job, which may include time
    /// after the course ("job-ready in 6–9 months"). Shown as context; a plan's study time is
    /// its durations only.
    case timeToJob = "time_to_job"
  }

  /// The unit of an education figure.
  public enum Unit: Sendable, Hashable {
    /// Weeks.
    case weeks
    /// Months.
    case months
    /// Years.
    case years
    /// An amount of money.
    case money(CurrencyCode)

    /// The unit as written in the data file: `weeks`, `months`, `years` or a currency code.
    public var name: String {
      switch self {
      case .weeks: "weeks"
      case .months: "months"
      case .years: "years"
      case .money(let code): code.code
      }
    }

    /// How many years one unit of time is; `nil` for money.
    public var years: Double? {
      switch self {
      case .weeks: 7 / 365.25
      case .months: 1 / 12
      case .years: 1
      case .money: nil
      }
    }
  }

  /// The row's unique id.
  public var id: String
  /// The source's id.
  public var source: String
  /// Where in the source.
  public var section: String
  /// The path, such as `bootcamp`, `self-study`, `degree-public`.
  public var path: String
  /// Duration or cost.
  public var measure: Measure
  /// The statistic and its numbers, in ``unit``.
  public var figure: Figure
  /// The unit of the figure's numbers.
  public var unit: Unit
  /// A note in our words, possibly empty.
  public var note: String

  /// Creates an education figure; the loader validates the fields before calling this.
  public init(
    id: String, source: String, section: String, path: String, measure: Measure,
    figure: Figure, unit: Unit, note: String = ""
  ) {
    self.id = id
    self.source = source
    self.section = section
    self.path = path
    self.measure = measure
    self.figure = figure
    self.unit = unit
    self.note = note
  }
}
