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
    help:
      "The market of each offer, in order, taking every value up to the next option (so "
      + "give the offers first); one place applies to all (default: national).",
    upToNextOption: true)
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

  typealias ResolvedPlace = ProfileResolution.ResolvedPlace

  /// Resolves the profile at `place` (`nil`: national); without `--experience` or
  /// `--level`, `defaultExperience` is used if given, and otherwise one is required.
  static func resolve(
    _ values: ParsedValues, place: ResolvedPlace?, model: PayModel,
    defaultExperience: Double? = nil
  ) throws -> Profile {
    let dataset = model.dataset
    let (years, level) = try experience(values, dataset, default: defaultExperience)
    return ProfileResolution.profile(
      experience: years, level: level, place: place,
      specialization: values.hasValue(specialization.key)
        ? try values.value(specialization.key) { raw throws(InvalidValue) in
          try ProfileResolution.specialization(raw, dataset)
        } : nil,
      premium: values.hasValue(premium.key)
        ? try values.value(premium.key, ProfileResolution.premium) : nil,
      source: values.hasValue(source.key)
        ? try values.value(source.key) { raw throws(InvalidValue) in
          try ProfileResolution.source(raw, model)
        } : nil,
      rate: try rate(values, dataset), dataset: dataset)
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
      return (try values.value(experience.key, ProfileResolution.experience), nil)
    case (false, true):
      let found = try values.value(level.key) { raw throws(InvalidValue) in
        try ProfileResolution.level(raw, dataset)
      }
      return (found.years.closed(openSpanYears: dataset.openSpanYears).midpoint!, found)
    }
  }

  /// The single `--location` of a command, resolved (through `memo` when given); `nil`
  /// when not given.
  static func place(_ values: ParsedValues, _ dataset: Dataset, memo: ResolutionMemo? = nil)
    throws -> ResolvedPlace?
  {
    guard values.hasValue(location.key) else { return nil }
    return try values.value(location.key) { raw throws(InvalidValue) in
      if let memo { return try memo.place(raw) }
      return try ProfileResolution.place(raw, dataset)
    }
  }

  /// Every `--location` of a command that takes several, resolved in order, each error
  /// naming the value at fault.
  static func places(_ values: ParsedValues, _ dataset: Dataset) throws -> [ResolvedPlace] {
    try values.strings(locations.key).map { raw in
      do throws(InvalidValue) {
        return try ProfileResolution.place(raw, dataset)
      } catch {
        throw ValidationError(
          "The value '\(raw)' is invalid for '--location <place>': \(error.reason ?? "unknown place")"
        )
      }
    }
  }

  /// The `--fx` rates given, by currency.
  static func givenRates(_ values: ParsedValues) throws -> [CurrencyCode: Double] {
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
    return given
  }

  /// The currency to show money in, with its rate (US dollars when not given).
  private static func rate(_ values: ParsedValues, _ dataset: Dataset) throws -> ExchangeRate {
    let given = try givenRates(values)
    guard values.hasValue(currency.key) else {
      return ExchangeRate(currency: .usd, dollarsPerUnit: 1, origin: .given)
    }
    return try values.value(currency.key) { raw throws(InvalidValue) in
      try ProfileResolution.currency(raw, given: given, dataset)
    }
  }
}
