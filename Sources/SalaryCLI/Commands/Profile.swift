import SalaryCore

/// Who an estimate is for, resolved from the command line against a dataset: the
/// experience, the factors (place, specialization, premium), the series to use and the
/// currency to show money in.
struct Profile {
  /// Years of experience asked about (a level's midpoint when `--level` was given).
  var experience: Double
  /// The ladder level asked about, if any.
  var level: Level?
  /// The place, if not the national figures.
  var place: Place?
  /// Whether the place came from `--location remote`.
  var isRemote = false
  /// The specialization, if any.
  var specialization: Specialization?
  /// The `--source` selector, if any.
  var source: String?
  /// Factors in the order they apply: place, then specialization or the user's premium.
  var factors: [Factor] = []
  /// The currency money is shown in, with its rate.
  var rate: ExchangeRate
  /// Things the user should know that are not errors (a specialization without premium).
  var notes: [String] = []
  /// Assumptions the profile itself relies on (such as `remote`).
  var assumptions: [String] = []

  /// `4 years`, `Senior Back-End Developer (6.5 years)`.
  var experienceText: String {
    let years = "\(experience.compactNumber) year\(experience == 1 ? "" : "s") of experience"
    return level.map { "\($0.title) (\(years))" } ?? years
  }

  /// `national`, `Austin, TX`, `remote (national)`.
  var placeText: String {
    guard let place else { return "United States (national)" }
    return isRemote ? "remote (\(place.name))" : place.name
  }
}
