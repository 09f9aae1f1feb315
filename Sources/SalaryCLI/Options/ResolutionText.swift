import ArgumentParsing
import SalaryCore

/// What each ``MarketError`` says to a person: the reason a value is rejected, with the
/// closest known names ("Did you mean") and the names that would do. The core says what is
/// wrong; the sentences are written here, once, for options and file columns alike.
enum ResolutionText {
  /// The reason `error` gives, as an option's or a column's value is rejected.
  static func reason(_ error: MarketError, _ model: PayModel) -> String {
    let dataset = model.dataset
    switch error {
    case .unknownLevel(let raw):
      return "unknown level." + didYouMean(dataset.levelNames.suggest(raw))
        + " Levels: \(dataset.ladder.levels.map(\.key).joined(separator: ", "))."
    case .unknownPlace(let raw):
      return "unknown place." + didYouMean(dataset.placeNames.suggest(raw))
        + " Places with figures: \(placesWithFigures(dataset))."
    case .placeWithoutFigures(let place):
      var reason = "no source gives pay for \(place.name)."
      if let within = place.within, within != "us", let parent = dataset.place(id: within) {
        reason += " Use its country instead: --location \(parent.id)."
      }
      return reason + " Places with figures: \(placesWithFigures(dataset))."
    case .noRemotePlace:
      return "this dataset has no 'remote' assumption saying what remote pays"
    case .unknownSpecialization(let raw):
      return "unknown specialization." + didYouMean(dataset.specializationNames.suggest(raw))
        + " See 'salary data specializations'."
    case .unknownSource(let raw):
      return "no such guide or series."
        + didYouMean(suggestions(for: raw, among: model.selectorNames))
        + " Guides: \(model.curveSources.joined(separator: ", "))."
    case .notACurrency:
      return "not an ISO 4217 currency code such as EUR or GBP"
    case .noExchangeRate(let code):
      let known = dataset.convertedCurrencies.map(\.code).joined(separator: ", ")
      return "no source converts \(code) to dollars; give a rate with --fx \(code)=<US dollars "
        + "per \(code)>. Rates from the guides: \(known)."
    case .noCurves:
      return "no guide publishes pay by experience in this selection"
    case .noFigureForLevel(let level):
      return "no guide in this selection gives the pay of \(level.title)"
    case .noSeriesCovers(let years):
      return "no guide covers \(years.compactNumber) years of experience in this selection"
    case .experienceRangeTooShort(let covered, let needed):
      return "this selection's figures reach \(covered.lowerBound.compactNumber) to "
        + "\(covered.upperBound.compactNumber) years of experience; an answer for all developers "
        + "needs figures from 0 to \(needed.compactNumber) years, which the ladder's levels give"
    case .noWorkforce:
      return "this dataset has no workforce.csv of developers' ages, or no 'career-start-age' "
        + "assumption to read them by"
    }
  }

  /// Every place with a factor, as ids a user can type.
  static func placesWithFigures(_ dataset: Dataset) -> String {
    dataset.placesWithFigures.map(\.id).joined(separator: ", ")
  }

  /// Runs a resolution, turning its error into the rejection of a value.
  static func resolving<Value>(
    _ model: PayModel, _ body: () throws(MarketError) -> Value
  ) throws(InvalidValue) -> Value {
    do {
      return try body()
    } catch {
      throw InvalidValue(reason: reason(error, model))
    }
  }
}

extension NameIndex {
  /// The display names of the entries whose names are closest to `name`, best first, for
  /// "Did you mean".
  func suggest(_ name: String, limit: Int = 3) -> [String] {
    let keys = names.map { nameKey($0.name) }
    let matched = suggestions(for: nameKey(name), among: keys, limit: limit * 4)
    var displays: [String] = []
    for key in matched {
      if let index = keys.firstIndex(of: key), !displays.contains(names[index].display) {
        displays.append(names[index].display)
      }
    }
    return Array(displays.prefix(limit))
  }
}
