import ArgumentParsing
import SalaryCore

/// The options of `salary project`, and of each scenario of `compare` and `export`: each
/// declared with the reading of its values.
enum ProjectionArguments {
  static let salary = TypedArgument<Double, Void>(
    .option(
      "salary", valueName: "amount",
      help:
        "Your pay now: on the guides' curves, the projection follows its percentile; with --raise, it starts from it."
    )
  ) { raw throws(InvalidValue) in try ValueReading.positiveAmount(raw, example: "95000 or 95k") }
  static let raise = TypedArgument<Double, Void>(
    .option(
      "raise", valueName: "percent",
      help: "Fixed raises a year instead of the guides' curves, such as 3%; needs --salary."),
    convert: ValueReading.percentAbove100)
  /// A one-off raise within a horizon of so many years (the context).
  static let promotion = TypedArgument<RaisePromotion, Int>(
    .option(
      "promotion", valueName: "percent@year",
      help: "With --raise: a one-off raise from the start of the year after, such as 15%@3.",
      isRepeating: true)
  ) { raw, horizon throws(InvalidValue) in try RaisePromotion(parsing: raw, horizon: horizon) }
  /// Promotions on the ladder, read against a dataset, a start and a horizon (the context).
  static let path = TypedArgument<CareerPath, PathContext>(
    .option(
      "path", valueName: "level@year,...",
      help: "Promotions on the ladder, such as mid@2,senior@5: mid from the start of year 3."),
    convert: PathContext.path)
  static let track = TypedArgument<Track, Void>(
    .option(
      "track", valueName: "track", help: "The ladder to climb.",
      allowedValues: ["ic", "management"])
  ) { raw throws(InvalidValue) in
    guard let track = Track(rawValue: raw) else { throw InvalidValue() }
    return track
  }
  static let education = TypedArgument<EducationPlan, Dataset>(
    .option(
      "education", valueName: "path",
      help:
        "Study first, from no experience: bootcamp, self-study, degree-public, degree-private, ...")
  ) { raw, dataset throws(InvalidValue) in
    guard let plan = dataset.educationPlan(for: raw.lowercased()) else {
      let paths = dataset.educationPaths
      throw InvalidValue(
        reason: "no guide gives the time this path takes."
          + didYouMean(suggestions(for: raw, among: paths))
          + " Paths: \(paths.joined(separator: ", ")).")
    }
    return plan
  }
  static let years = TypedArgument<Int, Void>(
    .option("years", valueName: "years", help: "Years to project, from 1 to 60.", default: "10")
  ) { raw throws(InvalidValue) in
    try ValueReading.integer(raw, in: 1...60, "a projection runs from 1 to 60 years")
  }
  static let startYear = TypedArgument<Int, Void>(
    .option(
      "start-year", valueName: "year", help: "The calendar year of year 1 (default: this year).")
  ) { raw throws(InvalidValue) in
    try ValueReading.integer(raw, in: 1_900...2_200, "a calendar year such as 2027")
  }
  static let drift = TypedArgument<Double, Void>(
    .option(
      "drift", valueName: "percent",
      help: "The market's yearly pay drift (default: cited, see notes)."),
    convert: ValueReading.percentAbove100)
  static let inflation = TypedArgument<Double, Void>(
    .option(
      "inflation", valueName: "percent", help: "Yearly inflation for real pay (default: cited)."),
    convert: ValueReading.percentAbove100)
  static let discount = TypedArgument<Double, Void>(
    .option(
      "discount", valueName: "percent", help: "Discount rate for present values (default: cited)."),
    convert: ValueReading.percentAbove100)
  static let paths = TypedArgument<Int, Void>(
    .option(
      "paths", valueName: "count", help: "Simulated careers behind the bands.", default: "10000")
  ) { raw throws(InvalidValue) in
    try ValueReading.integer(raw, in: 0...1_000_000, "from 0 to 1000000 simulated careers")
  }
  static let seed = TypedArgument<UInt64, Void>(
    .option(
      "seed", valueName: "integer",
      help: "Seed of the simulation: the same seed, the same bands.", default: "1")
  ) { raw throws(InvalidValue) in
    guard let seed = UInt64(raw) else {
      throw InvalidValue(reason: "a seed is a whole number from 0 to 18446744073709551615")
    }
    return seed
  }
  static let driftVolatility = TypedArgument<Double, Void>(
    .option(
      "drift-volatility", valueName: "points",
      help: "Yearly spread of the drift, in percentage points."),
    convert: ValueReading.percentAbove100)
  static let persistence = TypedArgument<Double, Void>(
    .option(
      "persistence", valueName: "0-1", help: "How much of last year's place in the band is kept.")
  ) { raw throws(InvalidValue) in try ValueReading.number(raw, in: 0...1) }
  static let bandVolatility = TypedArgument<Double, Void>(
    .option(
      "band-volatility", valueName: "sd", help: "Yearly shift of your place in the band, in sd.")
  ) { raw throws(InvalidValue) in try ValueReading.number(raw, in: 0...3) }
  static let timing = TypedArgument<Double, Void>(
    .option("timing", valueName: "years", help: "Years a promotion may come early or late.")
  ) { raw throws(InvalidValue) in try ValueReading.number(raw, in: 0...10) }
  static let chart = ArgumentSpec.flag(
    "chart", inversion: .prefixedNo, default: nil, isRequired: false,
    help: "Draw the band and median under the table (default: on a terminal).")

  /// Every option of a projection, in help order: the columns of a scenarios file.
  static let all: [ArgumentSpec] =
    [
      ProfileArguments.experience.spec, ProfileArguments.level.spec,
      ProfileArguments.location.spec, ProfileArguments.specialization.spec,
      ProfileArguments.premium.spec, ProfileArguments.source.spec,
    ]
    + [
      salary.spec, raise.spec, promotion.spec, path.spec, track.spec, education.spec,
      years.spec, startYear.spec,
    ]
    + [drift.spec, inflation.spec, discount.spec, paths.spec, seed.spec]
    + [driftVolatility.spec, persistence.spec, bandVolatility.spec, timing.spec]
    + [ProfileArguments.currency.spec, ProfileArguments.fx]
}

/// A one-off raise of `--raise` mode: `percent` from the start of the year after `afterYear`.
struct RaisePromotion: Equatable {
  var afterYear: Int
  var percent: Double

  /// `15%@3` within a projection of `horizon` years.
  init(parsing raw: String, horizon: Int) throws(InvalidValue) {
    let parts = raw.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, let percent = ValueReading.percent(parts[0]), percent > -100,
      let year = Int(parts[1]), year >= 1, year < horizon
    else {
      throw InvalidValue(
        reason: "write a raise above -100% and a year from 1 to \(horizon - 1), such as 15%@3")
    }
    self.afterYear = year
    self.percent = percent
  }
}

/// What a `--path` is read against: the ladder, the start, the horizon and the track.
struct PathContext {
  var dataset: Dataset
  var start: Double
  var startText: String
  var horizon: Int
  var track: Track?

  /// The promotions of `raw`, checked against the ladder, the start and the horizon.
  static func path(_ raw: String, _ context: PathContext) throws(InvalidValue) -> CareerPath {
    let dataset = context.dataset
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
        promotions: promotions, track: context.track, start: context.start,
        years: context.horizon, ladder: dataset.ladder)
    } catch {
      throw InvalidValue(reason: problem(error, context.startText))
    }
  }

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

/// A projection as its options describe it, every value read, checked and resolved; what
/// a command line and a scenario's row both decode into.
struct ProjectionOptions: Equatable {
  /// How pay is found: the guides' curves, or fixed raises from a salary.
  enum Mode: Equatable {
    /// On the curves, up `path`; `salary` (in the profile's currency) places the person.
    case curve(path: CareerPath, salary: Double?)
    /// Fixed raises from `salary` (in the profile's currency).
    case raises(salary: Double, percent: Double, promotions: [RaisePromotion])
  }

  var profile: ProfileOptions
  var mode: Mode
  var education: EducationPlan?
  var years: Int
  var startYear: Int
  var paths: Int
  var seed: UInt64
  /// Rates in percent, `nil` for the dataset's default.
  var drift: Double?
  var driftVolatility: Double?
  var inflation: Double?
  var discount: Double?
  /// Simulation parameters, `nil` for the dataset's default.
  var persistence: Double?
  var bandVolatility: Double?
  var timing: Double?

  /// Reads every projection option of `values`.
  ///
  /// - Throws: ``ValidationError`` for options that do not go together, and the
  ///   ``ParserError`` of a value that cannot be read, naming the option as typed.
  init(_ values: ParsedValues, model: PayModel, currentYear: Int) throws {
    typealias Arguments = ProjectionArguments
    let dataset = model.dataset
    let isRaiseMode = values.hasValue(Arguments.raise.key)
    if isRaiseMode {
      for key in [
        Arguments.path.key, Arguments.track.key, ProfileArguments.location.key,
        ProfileArguments.specialization.key, ProfileArguments.premium.key,
        ProfileArguments.source.key,
      ]
      where values.hasValue(key) {
        throw ValidationError(
          "--\(key) has no effect with --raise: fixed raises start from your --salary.")
      }
      guard values.hasValue(Arguments.salary.key) else {
        throw ValidationError("--raise needs --salary, the pay the raises start from.")
      }
    } else if values.hasValue(Arguments.promotion.key) {
      throw ValidationError("--promotion goes with --raise; on the ladder, use --path.")
    }
    education = try values.value(of: Arguments.education, in: dataset)
    if education != nil {
      for key in [
        ProfileArguments.experience.key, ProfileArguments.level.key, Arguments.salary.key,
      ]
      where values.hasValue(key) {
        throw ValidationError(
          "--\(key) does not go with --education: study starts from no experience and no pay.")
      }
    }
    years = try values.value(of: Arguments.years)!
    let place = isRaiseMode ? nil : try values.value(of: ProfileArguments.location, in: model)
    // Without --experience or --level a career is planned from its start, as after study.
    profile = try ProfileOptions(values, model: model, place: place, defaultExperience: 0)
    inflation = try values.value(of: Arguments.inflation)
    discount = try values.value(of: Arguments.discount)
    startYear = try values.value(of: Arguments.startYear) ?? currentYear
    paths = try values.value(of: Arguments.paths)!
    seed = try values.value(of: Arguments.seed)!
    if isRaiseMode {
      let percent = try values.value(of: Arguments.raise)!
      let salary = try values.value(of: Arguments.salary)!
      mode = .raises(
        salary: salary, percent: percent,
        promotions: try values.values(of: Arguments.promotion, in: years))
    } else {
      drift = try values.value(of: Arguments.drift)
      driftVolatility = try values.value(of: Arguments.driftVolatility)
      persistence = try values.value(of: Arguments.persistence)
      bandVolatility = try values.value(of: Arguments.bandVolatility)
      timing = try values.value(of: Arguments.timing)
      let track = try values.value(of: Arguments.track)
      let startText = Profile.experienceText(years: profile.experience, level: profile.level)
      let path =
        try values.value(
          of: Arguments.path,
          in: PathContext(
            dataset: dataset, start: profile.experience, startText: startText, horizon: years,
            track: track)) ?? CareerPath(track: track ?? .ic)
      mode = .curve(path: path, salary: try values.value(of: Arguments.salary))
    }
  }

  /// Whether pay rises by fixed raises rather than along the curves.
  var isRaiseMode: Bool { if case .raises = mode { true } else { false } }
}
