import SalaryCore

/// What each profile value a user types means, checked against a dataset: the one place
/// these rules live, used by the options of `estimate`, `offer` and `project` and by the
/// columns of `estimate --batch`. Each throws ``InvalidValue`` with a reason and, for a
/// name it does not know, the closest known ones.
enum ProfileResolution {
  /// A place with its factor, resolved from a location's name.
  struct ResolvedPlace {
    var place: Place
    var factor: Factor
    var isRemote: Bool
  }

  static func experience(_ raw: String) throws(InvalidValue) -> Double {
    guard let years = Double(raw.trimmingSpaces), years.isFinite, years >= 0, years <= 60 else {
      throw InvalidValue(reason: "experience is a number of years from 0 to 60")
    }
    return years
  }

  static func level(_ raw: String, _ dataset: Dataset) throws(InvalidValue) -> Level {
    guard let key = dataset.levelNames.resolve(raw), let found = dataset.ladder.level(key: key)
    else {
      throw InvalidValue(
        reason: "unknown level." + didYouMean(dataset.levelNames.suggest(raw))
          + " Levels: \(dataset.ladder.levels.map(\.key).joined(separator: ", ")).")
    }
    return found
  }

  /// The place a name stands for, with its factor, or why there is none.
  static func place(_ raw: String, _ dataset: Dataset) throws(InvalidValue) -> ResolvedPlace {
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

  static func specialization(_ raw: String, _ dataset: Dataset) throws(InvalidValue)
    -> Specialization
  {
    guard let id = dataset.specializationNames.resolve(raw),
      let area = dataset.specializations.first(where: { $0.id == id })
    else {
      throw InvalidValue(
        reason: "unknown specialization." + didYouMean(dataset.specializationNames.suggest(raw))
          + " See 'salary data specializations'.")
    }
    return area
  }

  static func source(_ raw: String, _ model: PayModel) throws(InvalidValue) -> String {
    guard model.curves(selectedBy: raw) != nil else {
      throw InvalidValue(
        reason: "no such guide or series."
          + didYouMean(suggestions(for: raw, among: model.selectors))
          + " Guides: \(uniqueInOrder(model.curves.map(\.series.source)).joined(separator: ", ")).")
    }
    return raw
  }

  /// `12%`, `12`, `-5%` or a range `5%..15%`, in percent; each above -100.
  static func premium(_ raw: String) throws(InvalidValue) -> (low: Double, high: Double) {
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

  /// A currency with its rate: given (`--fx`), or implied by the guides' conversions.
  static func currency(_ raw: String, given: [CurrencyCode: Double], _ dataset: Dataset)
    throws(InvalidValue) -> ExchangeRate
  {
    guard let code = CurrencyCode(raw.trimmingSpaces.uppercased()) else {
      throw InvalidValue(reason: "not an ISO 4217 currency code such as EUR or GBP")
    }
    if let rate = given[code] {
      return ExchangeRate(currency: code, dollarsPerUnit: rate, origin: .given)
    }
    guard let implied = dataset.exchangeRate(for: code) else {
      let known = dataset.convertedCurrencies.map(\.code).joined(separator: ", ")
      throw InvalidValue(
        reason: "no source converts \(code) to dollars; give a rate with --fx \(code)=<US dollars "
          + "per \(code)>. Rates from the guides: \(known).")
    }
    return implied
  }

  /// The profile these values describe: its factors (place, then specialization or premium)
  /// and the notes a user should see.
  static func profile(
    experience: Double, level: Level?, place: ResolvedPlace?, specialization: Specialization?,
    premium: (low: Double, high: Double)?, source: String?, rate: ExchangeRate, dataset: Dataset
  ) -> Profile {
    var profile = Profile(experience: experience, level: level, rate: rate)
    profile.source = source
    if let place {
      profile.place = place.place
      profile.isRemote = place.isRemote
      if place.isRemote { profile.assumptions.append(Assumption.Known.remote.rawValue) }
      if place.place.id != "us" { profile.factors.append(place.factor) }
    }
    if let specialization {
      profile.specialization = specialization
      if let factor = dataset.specializationFactor(for: specialization.id) {
        if premium == nil {
          profile.factors.append(factor)
        } else {
          profile.notes.append("Your --premium replaces the premium for \(factor.label).")
        }
      } else {
        profile.notes.append(
          "No source says \(specialization.name) pays more or less than other back-end work; "
            + "no premium applied.")
      }
    }
    if let premium {
      profile.factors.append(
        premium.low == premium.high
          ? Factor(kind: .premium, label: "your premium", value: 1 + premium.low / 100)
          : Factor(
            kind: .premium, label: "your premium range", low: 1 + premium.low / 100,
            high: 1 + premium.high / 100, coverage: dataset.rangeCoverage))
    }
    return profile
  }
}
