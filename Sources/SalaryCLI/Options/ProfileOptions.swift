import ArgumentParsing
import SalaryCore

/// The options that describe a profile, shared by `estimate`, `offer` and `project` (and
/// by the columns of profile and scenario files): who is asking and in which market. Each
/// is declared with the reading of its values, so the bounds and the error text of an
/// option sit beside it.
enum ProfileArguments {
  static let experience = TypedArgument<Double, Void>(
    .option(
      "experience", short: "e", valueName: "years",
      help: "Years of professional experience, from 0 to 60."),
    convert: ValueReading.experience)
  static let level = TypedArgument<Level, PayModel>(
    .option(
      "level", valueName: "level",
      help:
        "A level of the career ladder instead of years, such as senior (see 'salary data levels').",
      completion: CompletionLists.levels)
  ) { raw, model throws(InvalidValue) in
    try ResolutionText.resolving(model) { () throws(MarketError) in
      try model.dataset.level(named: raw)
    }
  }
  static let location = TypedArgument<ResolvedPlace, PayModel>(
    .option(
      "location", valueName: "place",
      help:
        "A city, metro or country, such as austin, \"San Francisco\", germany or remote (default: national).",
      completion: CompletionLists.places), convert: place)
  static let locations = TypedArgument<ResolvedPlace, PayModel>(
    .option(
      "location", valueName: "place",
      help:
        "The market of each offer, in order, taking every value up to the next option (so "
        + "give the offers first); one place applies to all (default: national).",
      upToNextOption: true, completion: CompletionLists.places), convert: place)
  static let specialization = TypedArgument<Specialization, PayModel>(
    .option(
      "specialization", valueName: "area",
      help: "An area such as distributed-systems or go (see 'salary data specializations').",
      completion: CompletionLists.specializations)
  ) { raw, model throws(InvalidValue) in
    try ResolutionText.resolving(model) { () throws(MarketError) in
      try model.dataset.specialization(named: raw)
    }
  }
  static let premium = TypedArgument<Premium, Void>(
    .option(
      "premium", valueName: "percent",
      help:
        "Your own premium over the market, such as 12% or 5%..15%; replaces a specialization's."),
    convert: ValueReading.premium)
  static let source = TypedArgument<SourceSelector, PayModel>(
    .option(
      "source", valueName: "id",
      help: "Only one guide or one of its series, such as cbt-nuggets or himalayas/levels.",
      completion: CompletionLists.selectors)
  ) { raw, model throws(InvalidValue) in
    try ResolutionText.resolving(model) { () throws(MarketError) in
      try model.selector(named: raw)
    }
  }
  static let currency = TypedArgument<ExchangeRate, CurrencyContext>(
    .option(
      "currency", valueName: "code",
      help: "Show money in this currency, such as EUR (default: USD).",
      completion: CompletionLists.currencies)
  ) { raw, context throws(InvalidValue) in
    try ResolutionText.resolving(context.model) { () throws(MarketError) in
      try context.model.dataset.exchangeRate(named: raw, given: context.given)
    }
  }

  /// What a currency is read against: the dataset's conversions and the `--fx` rates given.
  struct CurrencyContext {
    var model: PayModel
    var given: [CurrencyCode: Double]
  }
  static let fx = ArgumentSpec.option(
    "fx", valueName: "code=rate",
    help: "US dollars per unit of a currency, such as EUR=1.08; replaces the guides' implied rate.",
    isRepeating: true)

  /// The options of a command that estimates one profile.
  static let single: [ArgumentSpec] = [
    experience.spec, level.spec, location.spec, specialization.spec, premium.spec, source.spec,
    currency.spec, fx,
  ]

  /// The place a location's name stands for, with its factor.
  private static func place(_ raw: String, _ model: PayModel) throws(InvalidValue)
    -> ResolvedPlace
  {
    try ResolutionText.resolving(model) { () throws(MarketError) in
      try model.dataset.place(named: raw)
    }
  }

  /// Every `--location` of a command that takes several, resolved in order, each error
  /// naming the value at fault.
  static func places(_ values: ParsedValues, _ model: PayModel) throws -> [ResolvedPlace] {
    try values.strings(locations.key).map { raw in
      do throws(InvalidValue) {
        return try place(raw, model)
      } catch {
        throw ValidationError(
          "The value '\(raw.echoed)' is invalid for '--location <place>': \(error.reason ?? "unknown place")"
        )
      }
    }
  }

  /// The currency money is shown in, with its rate: `--currency` with the `--fx` rates
  /// given, or dollars.
  static func rate(_ values: ParsedValues, _ model: PayModel) throws -> ExchangeRate {
    let given = try givenRates(values, model.dataset)
    return try values.value(of: currency, in: CurrencyContext(model: model, given: given))
      ?? .dollars
  }

  /// The `--fx` rates given, by currency, each within the dataset's plausible rates.
  static func givenRates(_ values: ParsedValues, _ dataset: Dataset) throws
    -> [CurrencyCode: Double]
  {
    var given: [CurrencyCode: Double] = [:]
    for raw in values.strings(fx.key) {
      let parts = raw.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2, let code = CurrencyCode(String(parts[0]).uppercased()),
        let rate = Double(parts[1]), rate.isFinite, rate > 0
      else {
        throw ValidationError(
          "The value '\(raw.echoed)' is invalid for '--fx <code=rate>': write the US dollars "
            + "one unit buys, such as EUR=1.08")
      }
      let plausible = dataset.plausibleRates(for: code)
      guard plausible.contains(rate) else {
        let implied = dataset.exchangeRate(for: code)
        throw ValidationError(
          "The value '\(raw.echoed)' is invalid for '--fx <code=rate>': a rate for \(code) is "
            + "from \(aboutFourDigits(plausible.lowerBound)) to "
            + "\(aboutFourDigits(plausible.upperBound)) US dollars a unit"
            + (implied.map {
              ", within a factor of 1,000 of the guides' \(aboutFourDigits($0.dollarsPerUnit))"
            }
              ?? ""))
      }
      given[code] = rate
    }
    return given
  }
}

/// A profile as the options describe it, every value read and resolved: the experience (or
/// the level it stands for) and what makes the market.
struct ProfileOptions: Equatable {
  /// Years of experience: as given, or the midpoint of the level's span.
  var experience: Double
  /// The level asked about, if any.
  var level: Level?
  /// The place, if not the national figures.
  var place: ResolvedPlace?
  var specialization: Specialization?
  var premium: Premium?
  var selector: SourceSelector?
  /// The currency money is shown in, with its rate.
  var rate: ExchangeRate = .dollars
  /// Whether the market is the level's (the ladder speaking for it alone) rather than that
  /// of everyone with the experience: false for a career, which moves between levels.
  var marketAtLevel = true

  /// The market these options describe.
  var spec: MarketSpec {
    MarketSpec(
      place: place, specialization: specialization, premium: premium, selector: selector,
      level: marketAtLevel ? level : nil, rate: rate)
  }

  /// Reads the profile at `place` (read by the caller, as a command takes one or several);
  /// without `--experience` or `--level`, `defaultExperience` is used if given, and
  /// otherwise one is required.
  init(
    _ values: ParsedValues, model: PayModel, place: ResolvedPlace?,
    defaultExperience: Double? = nil
  ) throws {
    switch (
      values.hasValue(ProfileArguments.experience.key), values.hasValue(ProfileArguments.level.key)
    ) {
    case (true, true):
      throw ValidationError("Give --experience or --level, not both.")
    case (false, false):
      guard let fallback = defaultExperience else {
        throw ValidationError(
          "Missing expected argument '--experience <years>' (or '--level <level>').")
      }
      experience = fallback
    case (true, false):
      experience = try values.value(of: ProfileArguments.experience)!
    case (false, true):
      let found = try values.value(of: ProfileArguments.level, in: model)!
      level = found
      experience = found.years.closed(openSpanYears: model.dataset.openSpanYears).midpoint!
    }
    self.place = place
    specialization = try values.value(of: ProfileArguments.specialization, in: model)
    premium = try values.value(of: ProfileArguments.premium)
    selector = try values.value(of: ProfileArguments.source, in: model)
    rate = try ProfileArguments.rate(values, model)
  }
}

/// Who an answer is for: a market and an experience (or the level it stands for), with the
/// text that describes them.
struct Profile {
  let market: Market
  /// Years of experience asked about (a level's midpoint when a level was given).
  var experience: Double
  /// The ladder level asked about, if any.
  var level: Level?

  var place: Place? { market.spec.place?.place }
  var isRemote: Bool { market.spec.place?.isRemote ?? false }
  var specialization: Specialization? { market.spec.specialization }
  /// The selection of guides, as it was written.
  var source: String? { market.spec.selector?.name }
  var factors: [Factor] { market.factors }
  var rate: ExchangeRate { market.rate }
  var assumptions: [String] { market.assumptions }

  /// Things the user should know that are not errors (a specialization without premium).
  var notes: [String] {
    market.notes.map { note in
      switch note {
      case .premiumReplaced(let factor): "Your --premium replaces the premium for \(factor.label)."
      case .noPremium(let area):
        "No source says \(area.name) pays more or less than other back-end work; no premium applied."
      }
    }
  }

  /// `4 years of experience`, `Senior Back-End Developer (6.5 years of experience)`.
  var experienceText: String { Self.experienceText(years: experience, level: level) }

  /// `4 years of experience`, or the level with its years.
  static func experienceText(years experience: Double, level: Level?) -> String {
    let years = "\(experience.compactNumber) year\(experience == 1 ? "" : "s") of experience"
    return level.map { "\($0.title) (\(years))" } ?? years
  }

  /// `national`, `Austin, TX`, `remote (national)`.
  var placeText: String {
    guard let place else { return "United States (national)" }
    return isRemote ? "remote (\(place.name))" : place.name
  }
}
