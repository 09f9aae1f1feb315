import ArgumentParsing
import SalaryCore

/// A one-off raise of `--raise` mode: `percent` from the start of the year after `afterYear`.
struct RaisePromotion: Equatable {
  var afterYear: Int
  var percent: Double

  /// `15%@3` within a projection of `horizon` years.
  init(parsing raw: String, horizon: Int) throws(InvalidValue) {
    let parts = raw.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
    let bounds = ValueReading.Bounds.promotion
    guard parts.count == 2, let percent = ValueReading.percent(parts[0]),
      bounds.contains(percent), let year = Int(parts[1]), year >= 1, year < horizon
    else {
      throw InvalidValue(
        reason: "write a raise from \(ValueReading.percentText(bounds)) and a year from 1 to "
          + "\(horizon - 1), such as 15%@3")
    }
    self.afterYear = year
    self.percent = percent
  }
}

/// What a `--path` is read against: the ladder, the start, the horizon and the track.
struct PathContext {
  var dataset: Dataset
  var start: Double
  /// The level the start was given as, if any (for the text of an error).
  var startLevel: Level?
  var horizon: Int
  var track: Track?

  /// The promotions of `raw`, checked against the ladder, the start and the horizon.
  static func path(_ raw: String, _ context: PathContext) throws(InvalidValue) -> CareerPath {
    let dataset = context.dataset
    if raw.trimmingSpaces.lowercased() == onTime {
      return CareerPath(track: context.track ?? .ic)
    }
    var promotions: [CareerPath.Promotion] = []
    for item in raw.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces) {
      guard !item.isEmpty else {
        throw InvalidValue(
          reason: "an empty promotion between commas: write level@year items, such as "
            + "mid@2,senior@5")
      }
      let parts = item.split(separator: "@", omittingEmptySubsequences: false)
      guard parts.count == 2, let after = Int(parts[1]) else {
        throw InvalidValue(reason: "write promotions as level@year, such as mid@2,senior@5")
      }
      guard let key = dataset.levelNames.resolve(String(parts[0])),
        let level = dataset.ladder.level(key: key)
      else {
        throw InvalidValue(
          reason: "unknown level '\(parts[0].echoed)'."
            + didYouMean(dataset.levelNames.suggest(String(parts[0])))
            + " Levels: \(dataset.ladder.levels.map(\.key).joined(separator: ", ")).")
      }
      promotions.append(CareerPath.Promotion(level: level, afterYear: after))
    }
    do throws(CareerPathError) {
      return try CareerPath.checked(
        promotions: promotions, track: context.track, start: context.start,
        years: context.horizon, ladder: dataset.ladder)
    } catch {
      let startText = Profile.experienceText(years: context.start, level: context.startLevel)
      throw InvalidValue(reason: problem(error, startText))
    }
  }

  /// The `--path` of promotions on the ladder's own years.
  static let onTime = "on-time"

  private static func problem(_ error: CareerPathError, _ startText: String) -> String {
    switch error {
    case .stepDown(let level, let current):
      "'\(level)' is not a promotion: at \(startText) the ladder puts you at '\(current)'"
    case .outOfOrder(let level, let after):
      "'\(level)' comes before '\(after)' on the ladder: list promotions in ladder order"
    case .offTrack(let level, let track):
      "'\(level)' is not on the \(track == .ic ? "individual-contributor" : "management") track"
    case .yearsNotRising(let level, let year, let previous):
      "\(level)@\(year) comes before the promotion at year \(previous): years must rise"
    case .beyondHorizon(let level, let year, let years):
      "\(level)@\(year) is at or beyond the last year of a \(years)-year projection"
    case .yearTooEarly(let level, let year):
      "\(level)@\(year): a promotion comes after year 1 or later"
    }
  }
}
