/// A published rate in percent: a salary increase budget, an inflation objective, a real
/// discount rate (`data/rates.csv`). The projection's defaults are derived from these.
public struct RateFigure: Sendable, Hashable, Identifiable {
  /// What a rate measures.
  public enum Measure: String, Sendable, Hashable, CaseIterable {
    /// Employers' budget for merit raises, percent of payroll.
    case meritIncreaseBudget = "merit_increase_budget"
    /// Employers' budget for all salary increases, percent of payroll.
    case totalIncreaseBudget = "total_increase_budget"
    /// A central bank's inflation objective.
    case inflationObjective = "inflation_objective"
    /// A real (inflation-free) discount rate.
    case realDiscountRate = "real_discount_rate"
    /// The yearly change of wages for the same work (the Employment Cost Index): how the
    /// whole market's pay moves, without anyone's own progression.
    case wageGrowth = "wage_growth"
    /// The share of employees promoted in a year.
    case promotionRate = "promotion_rate"
  }

  public var id: String
  public var source: String
  public var section: String
  /// The period the rate describes.
  public var period: Period
  public var measure: Measure
  /// The statistic (mean, median or value) and the rate in percent.
  public var figure: Figure
  public var note: String

  /// Creates a rate; the loader validates the fields before calling this.
  public init(
    id: String, source: String, section: String, period: Period, measure: Measure,
    figure: Figure, note: String = ""
  ) {
    self.id = id
    self.source = source
    self.section = section
    self.period = period
    self.measure = measure
    self.figure = figure
    self.note = note
  }

  /// The rate in percent.
  public var percent: Double { figure.singleValue! }
}
