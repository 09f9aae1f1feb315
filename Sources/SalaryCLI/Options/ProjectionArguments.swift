import ArgumentParsing
import SalaryCore

/// The options of `salary project`, and of each scenario of `compare` and `export`: each
/// declared with the reading of its values.
enum ProjectionArguments {
  /// A salary in the profile's currency (the rate is the context).
  static let salary = TypedArgument<Double, ExchangeRate>(
    .option(
      "salary", valueName: "amount",
      help:
        "Your pay now: on the guides' curves, the projection follows its percentile; with --raise, it starts from it."
    )
  ) { raw, rate throws(InvalidValue) in try ValueReading.yearlyPay(raw, rate: rate, "a salary") }
  /// One raise a year, or one for each year in turn.
  static let raise = TypedArgument<[Double], Void>(
    .option(
      "raise", valueName: "percent,...",
      help:
        "Fixed raises a year instead of the guides' curves, such as 3%, or one a year such as "
        + "3%,2%,1% (the last holds); needs --salary."),
    convert: ValueReading.raises)
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
      help:
        "Promotions on the ladder, such as mid@2,senior@5 (mid from the start of year 3), or "
        + "on-time for the ladder's own years. Default: the promotion model's odds."),
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
      help: "The market's yearly pay drift (default: cited, see notes).")
  ) { raw throws(InvalidValue) in
    try ValueReading.percent(raw, in: ValueReading.Bounds.yearlyRate, "a drift")
  }
  static let inflation = TypedArgument<Double, Void>(
    .option(
      "inflation", valueName: "percent", help: "Yearly inflation for real pay (default: cited).")
  ) { raw throws(InvalidValue) in
    try ValueReading.percent(raw, in: ValueReading.Bounds.yearlyRate, "inflation")
  }
  static let discount = TypedArgument<Double, Void>(
    .option(
      "discount", valueName: "percent", help: "Discount rate for present values (default: cited).")
  ) { raw throws(InvalidValue) in
    try ValueReading.percent(raw, in: ValueReading.Bounds.yearlyRate, "a discount rate")
  }
  static let paths = TypedArgument<Int, Void>(
    .option(
      "paths", valueName: "count", help: "Simulated careers behind the bands.",
      default: String(ProjectionSettings.defaultPaths))
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
      help: "Yearly spread of the drift, in percentage points.")
  ) { raw throws(InvalidValue) in
    let bounds = ValueReading.Bounds.driftVolatility
    guard let points = ValueReading.percent(raw), bounds.contains(points) else {
      throw InvalidValue(
        reason: "the drift's yearly spread is from \(bounds.lowerBound.compactNumber) to "
          + "\(bounds.upperBound.compactNumber) percentage points, such as 1.5")
    }
    return points
  }
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
