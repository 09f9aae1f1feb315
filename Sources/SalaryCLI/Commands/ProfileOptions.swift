import SalaryCore

/// The options that describe a profile, shared by `estimate`, `offer` and `project`, and
/// their resolution against a dataset. Every value a user types is checked here, with
/// the closest names when it is not known.
enum ProfileOptions {
  static let experience = ArgumentSpec.option(
    "experience", short: "e", valueName: "years",
    help: "Years of professional experience, from 0 to 60.")
  static let level = ArgumentSpec.option(
    "level", valueName: "level",
    help:
      "A level of the career ladder instead of years, such as senior (see 'salary data levels').")
  static let location = ArgumentSpec.option(
    "location", valueName: "place",
    help:
      "A city, metro or country, such as austin, \"San Francisco\", germany or remote (default: national)."
  )
  static let locations = ArgumentSpec.option(
    "location", valueName: "place",
    help: "The market of each offer, in order; one place applies to all (default: national).",
    isRepeating: true)
  static let specialization = ArgumentSpec.option(
    "specialization", valueName: "area",
    help: "An area such as distributed-systems or go (see 'salary data specializations').")
  static let premium = ArgumentSpec.option(
    "premium", valueName: "percent",
    help: "Your own premium over the market, such as 12% or 5%..15%; replaces a specialization's.")
  static let source = ArgumentSpec.option(
    "source", valueName: "id",
    help: "Only one guide or one of its series, such as cbt-nuggets or himalayas/levels.")
  static let currency = ArgumentSpec.option(
    "currency", valueName: "code", help: "Show money in this currency, such as EUR (default: USD).")
  static let fx = ArgumentSpec.option(
    "fx", valueName: "code=rate",
    help: "US dollars per unit of a currency, such as EUR=1.08; replaces the guides' implied rate.",
    isRepeating: true)

  /// The options of a command that estimates one profile.
  static let single = [experience, level, location, specialization, premium, source, currency, fx]

  /// A place with its factor, resolved from a `--location` value.
  struct ResolvedPlace {
    var place: Place
    var factor: Factor
    var isRemote: Bool
  }

  /// Resolves the profile at `place` (`nil`: national); without `--experience` or
  /// `--level`, `defaultExperience` is used if given, and otherwise one is required.
  static func resolve(
    _ values: ParsedValues, place: ResolvedPlace?, model: PayModel,
    defaultExperience: Double? = nil
  ) throws -> Profile {
    let dataset = model.dataset
    let (years, level) = try experience(values, dataset, default: defaultExperience)
    var profile = Profile(experience: years, level: level, rate: try rate(values, dataset))
    if let place {
      profile.place = place.place
      profile.isRemote = place.isRemote
      if place.isRemote { profile.assumptions.append(Assumption.Known.remote.rawValue) }
      if place.place.id != "us" { profile.factors.append(place.factor) }
    }
    if values.hasValue(source.key) {
      profile.source = try values.value(source.key) { raw throws(InvalidValue) in
        guard model.curves(selectedBy: raw) != nil else {
          throw InvalidValue(
            reason: "no such guide or series."
              + didYouMean(suggestions(for: raw, among: model.selectors))
              + " Guides: \(uniqueSources(model).joined(separator: ", ")).")
        }
        return raw
      }
    }
    if values.hasValue(specialization.key) {
      let found = try values.value(specialization.key) { raw throws(InvalidValue) in
        guard let id = dataset.specializationNames.resolve(raw),
          let area = dataset.specializations.first(where: { $0.id == id })
        else {
          throw InvalidValue(
            reason: "unknown specialization."
              + didYouMean(dataset.specializationNames.suggest(raw))
              + " See 'salary data specializations'.")
        }
        return area
      }
      profile.specialization = found
      if let factor = dataset.specializationFactor(for: found.id) {
        profile.factors.append(factor)
      } else {
        profile.notes.append(
          "No source says \(found.name) pays more or less than other back-end work; no premium applied."
        )
      }
    }
    if values.hasValue(premium.key) {
      let (low, high) = try values.value(premium.key, parsePremium)
      if let index = profile.factors.firstIndex(where: { $0.kind == .specialization }) {
        profile.notes.append(
          "Your --premium replaces the premium for \(profile.factors[index].label).")
        profile.factors.remove(at: index)
      }
      let label = low == high ? "your premium" : "your premium range"
      profile.factors.append(
        low == high
          ? Factor(kind: .premium, label: label, value: 1 + low / 100)
          : Factor(
            kind: .premium, label: label, low: 1 + low / 100, high: 1 + high / 100,
            coverage: dataset.rangeCoverage))
    }
    return profile
  }

  /// The experience, from `--experience` or `--level`; exactly one must be given.
  private static func experience(
    _ values: ParsedValues, _ dataset: Dataset, default fallback: Double?
  ) throws -> (Double, Level?) {
    switch (values.hasValue(experience.key), values.hasValue(level.key)) {
    case (true, true):
      throw ValidationError("Give --experience or --level, not both.")
    case (false, false):
      if let fallback { return (fallback, nil) }
      throw ValidationError(
        "Missing expected argument '--experience <years>' (or '--level <level>').")
    case (true, false):
      let years = try values.value(experience.key) { raw throws(InvalidValue) in
        guard let years = Double(raw), years.isFinite, years >= 0, years <= 60 else {
          throw InvalidValue(reason: "experience is a number of years from 0 to 60")
        }
        return years
      }
      return (years, nil)
    case (false, true):
      let found = try values.value(level.key) { raw throws(InvalidValue) in
        guard let key = dataset.levelNames.resolve(raw), let found = dataset.ladder.level(key: key)
        else {
          throw InvalidValue(
            reason: "unknown level." + didYouMean(dataset.levelNames.suggest(raw))
              + " Levels: \(dataset.ladder.levels.map(\.key).joined(separator: ", ")).")
        }
        return found
      }
      return (found.years.closed(openSpanYears: dataset.openSpanYears).midpoint!, found)
    }
  }

  /// The single `--location` of a command, resolved; `nil` when not given.
  static func place(_ values: ParsedValues, _ dataset: Dataset) throws -> ResolvedPlace? {
    guard values.hasValue(location.key) else { return nil }
    return try values.value(location.key) { raw throws(InvalidValue) in
      try place(named: raw, dataset)
    }
  }

  /// Every `--location` of a command that takes several, resolved in order, each error
  /// naming the value at fault.
  static func places(_ values: ParsedValues, _ dataset: Dataset) throws -> [ResolvedPlace] {
    try values.strings(locations.key).map { raw in
      do throws(InvalidValue) {
        return try place(named: raw, dataset)
      } catch {
        throw ValidationError(
          "The value '\(raw)' is invalid for '--location <place>': \(error.reason ?? "unknown place")"
        )
      }
    }
  }

  /// The place a name stands for, with its factor, or why there is none.
  static func place(named raw: String, _ dataset: Dataset) throws(InvalidValue) -> ResolvedPlace {
    let isRemote = nameKey(raw) == "remote"
    let id: String
    if isRemote {
      guard let remote = dataset.remotePlace else {
        throw InvalidValue(
          reason: "this dataset has no 'remote' assumption saying what remote pays")
      }
      id = remote
    } else {
      guard let found = dataset.placeNames.resolve(raw) else {
        throw InvalidValue(
          reason: "unknown place." + didYouMean(dataset.placeNames.suggest(raw))
            + " Places with figures: \(placesWithFigures(dataset)).")
      }
      id = found
    }
    let place = dataset.place(id: id)!
    let factor =
      place.kind == .country ? dataset.countryFactor(for: id) : dataset.locationFactor(for: id)
    guard let factor else {
      var reason = "no source gives pay for \(place.name)."
      if let within = place.within, within != "us", let parent = dataset.place(id: within) {
        reason += " Use its country instead: --location \(parent.id)."
      }
      throw InvalidValue(reason: reason + " Places with figures: \(placesWithFigures(dataset)).")
    }
    return ResolvedPlace(place: place, factor: factor, isRemote: isRemote)
  }

  /// Every place with a factor, as ids a user can type.
  static func placesWithFigures(_ dataset: Dataset) -> String {
    dataset.places.filter { place in
      place.kind == .country
        ? dataset.countryFactor(for: place.id) != nil
        : dataset.locationFactor(for: place.id) != nil
    }.map(\.id).joined(separator: ", ")
  }

  /// `12%`, `12`, `-5%` or a range `5%..15%`, in percent; each above -100.
  static func parsePremium(_ raw: String) throws(InvalidValue) -> (Double, Double) {
    let parts = raw.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2, let low = percent(parts[0]), let high = percent(parts.last!),
      low <= high
    else {
      throw InvalidValue(reason: "write a percent such as 12% or a range such as 5%..15%")
    }
    guard low > -100 else {
      throw InvalidValue(reason: "a premium must be above -100% (pay cannot fall to nothing)")
    }
    return (low, high)
  }

  /// A percent written `12%` or `12`; `nil` if malformed or not finite.
  static func percent(_ text: String) -> Double? {
    let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let value = Double(digits.trimmingSpaces), value.isFinite else { return nil }
    return value
  }

  /// The currency to show money in, with its rate: given by `--fx`, or implied by the
  /// guides' own conversions.
  private static func rate(_ values: ParsedValues, _ dataset: Dataset) throws -> ExchangeRate {
    var given: [CurrencyCode: Double] = [:]
    for raw in values.strings(fx.key) {
      let parts = raw.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2, let code = CurrencyCode(String(parts[0]).uppercased()),
        let rate = Double(parts[1]), rate.isFinite, rate > 0
      else {
        throw ValidationError(
          "The value '\(raw)' is invalid for '--fx <code=rate>': write the US dollars one unit "
            + "buys, such as EUR=1.08")
      }
      given[code] = rate
    }
    guard values.hasValue(currency.key) else {
      return ExchangeRate(currency: .usd, dollarsPerUnit: 1, origin: .given)
    }
    return try values.value(currency.key) { raw throws(InvalidValue) in
      guard let code = CurrencyCode(raw.uppercased()) else {
        throw InvalidValue(reason: "not an ISO 4217 currency code such as EUR or GBP")
      }
      if let rate = given[code] {
        return ExchangeRate(currency: code, dollarsPerUnit: rate, origin: .given)
      }
      guard let implied = dataset.exchangeRate(for: code) else {
        let known = dataset.convertedCurrencies.map(\.code).joined(separator: ", ")
        throw InvalidValue(
          reason: "no source converts \(code) to dollars; give a rate with --fx \(code)=<US "
            + "dollars per \(code)>. Rates from the guides: \(known).")
      }
      return implied
    }
  }

  private static func uniqueSources(_ model: PayModel) -> [String] {
    var seen = Set<String>()
    return model.curves.map(\.series.source).filter { seen.insert($0).inserted }
  }
}
