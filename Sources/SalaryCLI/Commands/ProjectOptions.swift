import SalaryCore

/// The options of `salary project` (and of each scenario of `compare` and `export`), and
/// their resolution into a projection request.
enum ProjectOptions {
  static let salary = ArgumentSpec.option(
    "salary", valueName: "amount",
    help:
      "Your pay now: on the guides' curves, the projection follows its percentile; with --raise, it starts from it."
  )
  static let raise = ArgumentSpec.option(
    "raise", valueName: "percent",
    help: "Fixed raises a year instead of the guides' curves, such as 3%; needs --salary.")
  static let promotion = ArgumentSpec.option(
    "promotion", valueName: "percent@year",
    help: "With --raise: a one-off raise from the start of the year after, such as 15%@3.",
    isRepeating: true)
  static let path = ArgumentSpec.option(
    "path", valueName: "level@year,...",
    help: "Promotions on the ladder, such as mid@2,senior@5: mid from the start of year 3.")
  static let track = ArgumentSpec.option(
    "track", valueName: "track", help: "The ladder to climb.", allowedValues: ["ic", "management"])
  static let education = ArgumentSpec.option(
    "education", valueName: "path",
    help:
      "Study first, from no experience: bootcamp, self-study, degree-public, degree-private, ...")
  static let years = ArgumentSpec.option(
    "years", valueName: "years", help: "Years to project, from 1 to 60.", default: "10")
  static let startYear = ArgumentSpec.option(
    "start-year", valueName: "year", help: "The calendar year of year 1 (default: this year).")
  static let drift = ArgumentSpec.option(
    "drift", valueName: "percent",
    help: "The market's yearly pay drift (default: cited, see notes).")
  static let inflation = ArgumentSpec.option(
    "inflation", valueName: "percent", help: "Yearly inflation for real pay (default: cited).")
  static let discount = ArgumentSpec.option(
    "discount", valueName: "percent", help: "Discount rate for present values (default: cited).")
  static let paths = ArgumentSpec.option(
    "paths", valueName: "count", help: "Simulated careers behind the bands.", default: "10000")
  static let seed = ArgumentSpec.option(
    "seed", valueName: "integer", help: "Seed of the simulation: the same seed, the same bands.",
    default: "1")
  static let driftVolatility = ArgumentSpec.option(
    "drift-volatility", valueName: "points",
    help: "Yearly spread of the drift, in percentage points.")
  static let persistence = ArgumentSpec.option(
    "persistence", valueName: "0-1", help: "How much of last year's place in the band is kept.")
  static let bandVolatility = ArgumentSpec.option(
    "band-volatility", valueName: "sd", help: "Yearly shift of your place in the band, in sd.")
  static let timing = ArgumentSpec.option(
    "timing", valueName: "years", help: "Years a promotion may come early or late.")
  static let chart = ArgumentSpec.flag(
    "chart", inversion: .prefixedNo, default: nil, isRequired: false,
    help: "Draw the band and median under the table (default: on a terminal).")

  /// Every option of a projection, in help order.
  static let all: [ArgumentSpec] =
    [
      ProfileOptions.experience, ProfileOptions.level, ProfileOptions.location,
      ProfileOptions.specialization, ProfileOptions.premium, ProfileOptions.source,
    ] + [salary, raise, promotion, path, track, education, years, startYear]
    + [
      drift, inflation, discount, paths, seed, driftVolatility, persistence, bandVolatility, timing,
    ]
    + [ProfileOptions.currency, ProfileOptions.fx]

  /// A projection ready to run, with what the report needs to explain it.
  struct Request {
    var profile: Profile
    var rule: PayRule
    var education: EducationPlan?
    var settings: ProjectionSettings
    var rates: [DerivedRate]
    /// The percentile a salary was at before it was kept within P1–P99, when it was.
    var clampedFrom: Double?
    var assumptions: [String]
    var isRaiseMode: Bool { if case .raises = rule { true } else { false } }
  }

  /// Resolves every option against the model into a request; requests resolved with the
  /// same `memo` share what it remembers.
  static func resolve(
    _ values: ParsedValues, model: PayModel, currentYear: Int, memo: ResolutionMemo? = nil
  ) throws -> Request {
    let dataset = model.dataset
    let memo = memo ?? ResolutionMemo(cache: QuantileCache(model: model))
    let isRaiseMode = values.hasValue(raise.key)
    if isRaiseMode {
      for option in [
        path, track, ProfileOptions.location, ProfileOptions.specialization,
        ProfileOptions.premium, ProfileOptions.source,
      ]
      where values.hasValue(option.key) {
        throw ValidationError(
          "--\(option.key) has no effect with --raise: fixed raises start from your --salary.")
      }
      guard values.hasValue(salary.key) else {
        throw ValidationError("--raise needs --salary, the pay the raises start from.")
      }
    } else if values.hasValue(promotion.key) {
      throw ValidationError("--promotion goes with --raise; on the ladder, use --path.")
    }
    let study = try educationPlan(values, dataset)
    if study != nil {
      for option in [ProfileOptions.experience, ProfileOptions.level, salary]
      where values.hasValue(option.key) {
        throw ValidationError(
          "--\(option.key) does not go with --education: study starts from no experience and no pay."
        )
      }
    }
    let horizon = try values.value(years.key) { raw throws(InvalidValue) in
      guard let count = Int(raw), (1...60).contains(count) else {
        throw InvalidValue(reason: "a projection runs from 1 to 60 years")
      }
      return count
    }
    let place = isRaiseMode ? nil : try ProfileOptions.place(values, dataset, memo: memo)
    // Without --experience or --level a career is planned from its start, as after study.
    let profile = try ProfileOptions.resolve(
      values, place: place, model: model, defaultExperience: 0)

    var assumptions = profile.assumptions
    var rates: [DerivedRate] = []
    func rate(_ option: ArgumentSpec, _ found: DerivedRate?, _ known: Assumption.Known) throws
      -> Double
    {
      if values.hasValue(option.key) {
        let percent = try values.value(option.key, percentAbove100)
        rates.append(DerivedRate(assumption: known.rawValue, percent: percent, derivation: .given))
        return percent / 100
      }
      guard let found else {
        throw CommandFailure(
          "This dataset has no '\(known.rawValue)' assumption; give --\(option.key).")
      }
      rates.append(found)
      assumptions.append(found.assumption)
      return found.fraction
    }
    let inflationRate = try rate(inflation, memo.inflation, .inflation)
    let discountRate = try rate(discount, memo.discountRate, .discountRate)
    var settings = ProjectionSettings(
      years: horizon, startYear: try startYearValue(values, currentYear), drift: 0,
      inflation: inflationRate, discount: discountRate,
      paths: try integer(values, paths, 0...1_000_000, "from 0 to 1000000 simulated careers"),
      seed: try values.value(seed.key) { raw throws(InvalidValue) in
        guard let seed = UInt64(raw) else {
          throw InvalidValue(reason: "a seed is a whole number from 0 to 18446744073709551615")
        }
        return seed
      })

    let rule: PayRule
    var clampedFrom: Double?
    if isRaiseMode {
      let raisePercent = try values.value(raise.key, percentAbove100)
      let start = try amount(values, salary) * profile.rate.dollarsPerUnit
      let promotions = try values.values(promotion.key) { raw throws(InvalidValue) in
        try parsePromotion(raw, horizon: horizon)
      }
      rule = .raises(salary: start, raise: raisePercent / 100, promotions: promotions)
    } else {
      settings.drift = try rate(drift, memo.marketDrift, .marketDrift)
      settings.driftVolatility = try rate(driftVolatility, memo.driftVolatility, .driftVolatility)
      settings.persistence = try number(values, persistence, dataset, .bandPersistence, 0...1)
      settings.bandVolatility = try number(values, bandVolatility, dataset, .bandVolatility, 0...3)
      settings.timingYears = Int(try number(values, timing, dataset, .promotionTiming, 0...10))
      assumptions += [
        Assumption.Known.bandPersistence, .bandVolatility, .promotionTiming,
      ].filter { !values.hasValue(optionKey($0)) }.map(\.rawValue)
      let careerPath = try path(values, profile, horizon, dataset)
      if careerPath.promotions.isEmpty {
        assumptions.removeAll { $0 == Assumption.Known.promotionTiming.rawValue }
      }
      var percentile = 0.5
      let knowsPosition = values.hasValue(salary.key)
      if knowsPosition {
        let pay = try amount(values, salary) * profile.rate.dollarsPerUnit
        let market = memo.cache.market(factors: profile.factors, source: profile.source)
        let estimate =
          try market.estimate(experience: profile.experience)
          ?? EstimateCommand.estimate(profile, model, cache: memo.cache).estimate
        let found = estimate.percentile(of: pay)
        percentile = min(max(found, 0.01), 0.99)
        if percentile != found { clampedFrom = found }
      } else {
        assumptions.append(Assumption.Known.unknownPosition.rawValue)
      }
      rule = .curve(
        model: model, factors: profile.factors, source: profile.source, percentile: percentile,
        positionKnown: knowsPosition, path: careerPath)
    }
    if study != nil { assumptions.append(Assumption.Known.educationFigures.rawValue) }
    return Request(
      profile: profile, rule: rule, education: study, settings: settings, rates: rates,
      clampedFrom: clampedFrom, assumptions: assumptions)
  }

  private static func optionKey(_ known: Assumption.Known) -> String {
    switch known {
    case .bandPersistence: persistence.key
    case .bandVolatility: bandVolatility.key
    default: timing.key
    }
  }

  /// The career path of `--path` and `--track`, checked against the ladder and horizon.
  private static func path(
    _ values: ParsedValues, _ profile: Profile, _ horizon: Int, _ dataset: Dataset
  ) throws -> CareerPath {
    let chosenTrack =
      values.hasValue(track.key) ? try values.enumValue(track.key, as: Track.self) : nil
    guard values.hasValue(path.key) else { return CareerPath(track: chosenTrack ?? .ic) }
    return try values.value(path.key) { raw throws(InvalidValue) in
      var promotions: [CareerPath.Promotion] = []
      for item in raw.split(separator: ",").map(\.trimmingSpaces) {
        let parts = item.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let after = Int(parts[1]) else {
          throw InvalidValue(reason: "write promotions as level@year, such as mid@2,senior@5")
        }
        guard let key = dataset.levelNames.resolve(String(parts[0])),
          let level = dataset.ladder.level(key: key)
        else {
          throw InvalidValue(
            reason: "unknown level '\(parts[0])'."
              + didYouMean(dataset.levelNames.suggest(String(parts[0])))
              + " Levels: \(dataset.ladder.levels.map(\.key).joined(separator: ", ")).")
        }
        promotions.append(CareerPath.Promotion(level: level, afterYear: after))
      }
      do throws(CareerPathError) {
        return try CareerPath.checked(
          promotions: promotions, track: chosenTrack, start: profile.experience, years: horizon,
          ladder: dataset.ladder)
      } catch {
        throw InvalidValue(reason: pathProblem(error, profile))
      }
    }
  }

  private static func pathProblem(_ error: CareerPathError, _ profile: Profile) -> String {
    switch error {
    case .stepDown(let level, let current):
      "'\(level)' is not a promotion: at \(profile.experienceText) the ladder puts you at '\(current)'"
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

  /// `15%@3`: a one-off raise in percent from the start of the year after year 3.
  private static func parsePromotion(_ raw: String, horizon: Int) throws(InvalidValue) -> (
    afterYear: Int, percent: Double
  ) {
    let parts = raw.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, let percent = ProfileResolution.percent(parts[0]), percent > -100,
      let year = Int(parts[1]), year >= 1, year < horizon
    else {
      throw InvalidValue(
        reason: "write a raise above -100% and a year from 1 to \(horizon - 1), such as 15%@3")
    }
    return (year, percent)
  }

  private static func educationPlan(_ values: ParsedValues, _ dataset: Dataset) throws
    -> EducationPlan?
  {
    guard values.hasValue(education.key) else { return nil }
    return try values.value(education.key) { raw throws(InvalidValue) in
      guard let plan = dataset.educationPlan(for: raw.lowercased()) else {
        let paths = dataset.educationPaths
        throw InvalidValue(
          reason: "no guide gives the time this path takes."
            + didYouMean(suggestions(for: raw, among: paths))
            + " Paths: \(paths.joined(separator: ", ")).")
      }
      return plan
    }
  }

  private static func startYearValue(_ values: ParsedValues, _ currentYear: Int) throws -> Int {
    guard values.hasValue(startYear.key) else { return currentYear }
    return try integer(values, startYear, 1_900...2_200, "a calendar year such as 2027")
  }

  private static func integer(
    _ values: ParsedValues, _ option: ArgumentSpec, _ range: ClosedRange<Int>, _ reason: String
  ) throws -> Int {
    try values.value(option.key) { raw throws(InvalidValue) in
      guard let value = Int(raw), range.contains(value) else { throw InvalidValue(reason: reason) }
      return value
    }
  }

  private static func number(
    _ values: ParsedValues, _ option: ArgumentSpec, _ dataset: Dataset,
    _ known: Assumption.Known, _ range: ClosedRange<Double>
  ) throws -> Double {
    if values.hasValue(option.key) {
      return try values.value(option.key) { raw throws(InvalidValue) in
        guard let value = Double(raw), value.isFinite, range.contains(value) else {
          throw InvalidValue(
            reason:
              "a number from \(range.lowerBound.compactNumber) to \(range.upperBound.compactNumber)"
          )
        }
        return value
      }
    }
    guard let value = dataset.number(known) else {
      throw CommandFailure(
        "This dataset has no '\(known.rawValue)' assumption; give --\(option.key).")
    }
    return value
  }

  private static func amount(_ values: ParsedValues, _ option: ArgumentSpec) throws -> Double {
    try values.value(option.key) { raw throws(InvalidValue) in
      guard let amount = parseMoney(raw), amount > 0 else {
        throw InvalidValue(reason: "an amount above zero, such as 95000 or 95k")
      }
      return amount
    }
  }

  /// A percent above -100, written 3.5% or 3.5.
  static func percentAbove100(_ raw: String) throws(InvalidValue) -> Double {
    guard let percent = ProfileResolution.percent(raw), percent > -100, percent < 1_000 else {
      throw InvalidValue(reason: "a percent above -100%, such as 3%")
    }
    return percent
  }
}
