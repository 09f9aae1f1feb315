/// A named assumption with its reason (`data/assumptions.csv`).
///
/// Wherever the method needs a number or a reading the sources do not publish, it
/// uses an assumption by id, and every answer that used one lists it.
public struct Assumption: Sendable, Hashable, Identifiable {
  /// The ids the method knows, and the form of value each takes.
  public enum Known: String, Sendable, CaseIterable {
    /// Percent of pay a published range covers (50: the 25th to 75th percentile).
    case rangeCoverage = "range-coverage"
    /// Years after its start at which an open span (`5+`) ends.
    case openSpanYears = "open-span-years"
    /// A single figure given as typical is read as a median.
    case typicalAsMedian = "typical-as-median"
    /// The source whose ladder gives levels their years.
    case ladder
    /// The place whose pay `--location remote` gets.
    case remote
    /// Countries' figures are read as the same seniority as the US row they are compared with.
    case countrySeniority = "country-seniority"
    /// A premium area without a cited figure gets a range from none to the largest cited premium.
    case premiumWithoutFigure = "premium-without-figure"
    /// The market's yearly pay drift, percent; derived from merit budgets when empty.
    case marketDrift = "market-drift"
    /// How much the drift varies from year to year, percentage points; derived when empty.
    case driftVolatility = "drift-volatility"
    /// Inflation, percent; the cited objective when empty.
    case inflation
    /// The discount rate for present values, percent; inflation plus the cited real rate when empty.
    case discountRate = "discount-rate"
    /// The year-to-year correlation of a person's departure from their usual place in the band.
    case bandPersistence = "band-persistence"
    /// The yearly shift of a person's place in the band, in standard deviations.
    case bandVolatility = "band-volatility"
    /// How many years early or late a planned promotion may come.
    case promotionTiming = "promotion-timing"
    /// Without a salary, a person's place in the band is as uncertain as the market's spread.
    case unknownPosition = "unknown-position"
    /// How the guides' education durations and costs become one figure per path.
    case educationFigures = "education-figures"
    /// How many years of experience the ladder's levels, and so the estimates by
    /// experience, reach; beyond them an estimate is held.
    case careerHorizon = "career-horizon"
    /// The age at which a career starts, to read a workforce's ages as experience.
    case careerStartAge = "career-start-age"
    /// The years of experience over which the promotion model's mix of levels is averaged
    /// for the people stated to have one number of years.
    case levelMixWindow = "level-mix-window"

    /// Whether every dataset must state it; without the others, the feature that needs
    /// one says so instead of guessing.
    public var isRequired: Bool {
      switch self {
      case .rangeCoverage, .openSpanYears, .typicalAsMedian, .ladder, .careerHorizon: true
      default: false
      }
    }
  }

  /// The prefix of assumptions that give a level named without years its span:
  /// `span-entry` is the span of `entry`.
  public static let levelSpanPrefix = "span-"

  /// An assumption's value.
  public enum Value: Sendable, Hashable {
    /// The assumption is a reading and has no number.
    case none
    /// A number in the assumption's unit.
    case number(Double)
    /// A span of years.
    case span(ExperienceSpan)
    /// A name, such as a source id.
    case name(String)
  }

  /// The id, such as `range-coverage`.
  public var id: String
  /// The value.
  public var value: Value
  /// The unit of a number, such as `percent` or `years`; empty when there is none.
  public var unit: String
  /// The command-line flag that overrides it, if one does.
  public var flag: String?
  /// Why we assume it, in our words.
  public var reason: String

  /// Creates an assumption; the loader validates the fields before calling this.
  public init(id: String, value: Value, unit: String = "", flag: String? = nil, reason: String) {
    self.id = id
    self.value = value
    self.unit = unit
    self.flag = flag
    self.reason = reason
  }

  /// The value as a person writes it: `50 percent`, `0–2 years`, `himalayas`.
  public var valueDescription: String {
    let text: String
    switch value {
    case .none: return ""
    case .number(let number): text = number.compactNumber
    case .span(let span): text = span.description
    case .name(let name): text = name
    }
    return unit.isEmpty || unit == "source" ? text : "\(text) \(unit)"
  }
}
