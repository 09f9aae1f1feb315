import ArgumentParsing
import SalaryCore

/// `salary offer`: where offers sit in their markets, what to ask for, and what they pay a
/// year in all.
enum OfferCommand {
  /// An offer's base in the currency of the rate (the context).
  static let offers = TypedArgument<Double, ExchangeRate>(
    .positional(
      "offer", help: "The base salary offered, such as 128000 or 128k; several to compare.",
      isRepeating: true)
  ) { raw, rate throws(InvalidValue) in
    try ValueReading.yearlyPay(raw, rate: rate, "an offer's base")
  }
  static let bonus = ArgumentSpec.option(
    "bonus", valueName: "amount", help: "Yearly bonus, as a share of base (10%) or an amount.")
  static let equity = TypedArgument<Double, ExchangeRate>(
    .option(
      "equity", valueName: "amount",
      help: "The whole equity grant, vesting evenly over --vesting years."),
    convert: extraPay)
  static let signing = TypedArgument<Double, ExchangeRate>(
    .option(
      "signing", valueName: "amount", help: "A one-off signing bonus, spread over --vesting years."),
    convert: extraPay)

  /// An amount beside the base, in the currency of `rate`.
  private static func extraPay(_ raw: String, _ rate: ExchangeRate) throws(InvalidValue) -> Double {
    try ValueReading.amount(raw, within: ValueReading.Bounds.extraPay, rate: rate, "an amount")
  }
  static let vesting = TypedArgument<Double, Void>(
    .option("vesting", valueName: "years", help: "Years the equity vests over.", default: "4")
  ) { raw throws(InvalidValue) in
    guard let years = Double(raw), years.isFinite, years > 0, years <= 20 else {
      throw InvalidValue(reason: "vesting takes from more than 0 to 20 years")
    }
    return years
  }
  static let ask = TypedArgument<AskRange, Void>(
    .option(
      "ask", valueName: "percentiles", help: "The market percentiles to ask between.",
      default: "50-75")
  ) { raw throws(InvalidValue) in
    let parts = raw.split(separator: "-").map { Double($0.trimmingSpaces) }
    guard parts.count == 2, let low = parts[0], let high = parts[1], low > 0, low < high,
      high < 100
    else {
      throw InvalidValue(reason: "write two percentiles between 0 and 100, such as 50-75")
    }
    return AskRange(low: low, high: high)
  }

  /// The market percentiles to ask between, from 0 to 100.
  struct AskRange {
    var low: Double
    var high: Double
  }

  static let spec = CommandSpec(
    name: "offer",
    abstract: "Place offers in their markets: percentile, ask range and total pay a year.",
    discussion: """
      Each offer's base is placed in the estimate for the profile in its market. Amounts \
      are in --currency (US dollars by default). Give one --location for all offers or \
      one per offer, in order: --location austin seattle, or --location austin --location \
      seattle.

      EXAMPLES:
        salary offer 128000 --experience 4 --location austin --bonus 10% --equity 20000 --signing 10000
        salary offer 128000 150000 --experience 4 --location austin seattle
      """,
    arguments: [
      offers.spec, ProfileArguments.experience.spec, ProfileArguments.level.spec,
      ProfileArguments.locations.spec, ProfileArguments.specialization.spec,
      ProfileArguments.premium.spec, ProfileArguments.source.spec,
      ProfileArguments.currency.spec, ProfileArguments.fx, bonus, equity.spec, signing.spec,
      vesting.spec, ask.spec,
    ] + CommonOptions.output)

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("offer") { invocation, output, _ in
      let values = invocation.values
      let model = PayModel(dataset: try context.dataset(values))
      let rate = try ProfileArguments.rate(values, model)
      let amounts = try values.values(offers.key) { raw throws(InvalidValue) in
        try offers.convert(raw, rate)
      }
      let places = try ProfileArguments.places(values, model)
      guard places.count <= 1 || places.count == amounts.count else {
        throw ValidationError(
          "Give one --location for all offers or one per offer (\(amounts.count) offers, "
            + "\(places.count) locations).")
      }
      let terms = try Terms(values, rate: rate)
      let markets = Markets(model: model)
      var rows: [OfferReport.Row] = []
      for (index, amount) in amounts.enumerated() {
        let place = places.isEmpty ? nil : places[places.count == 1 ? 0 : index]
        let options = try ProfileOptions(values, model: model, place: place)
        let estimate = try Estimating.report(try Estimating.profile(options, markets))
        let offer = Offer(
          base: amount, bonus: terms.bonus, equity: terms.equity,
          signing: terms.signing, vestingYears: terms.vesting)
        rows.append(OfferReport.Row(offer: offer, report: estimate))
      }
      let report = OfferReport(rows: rows, ask: (terms.ask.low, terms.ask.high))
      let destination = try CommandOutput(values, format: CommonOptions.format, context: context)
      try destination.write(report, to: &output) { report.table(width: context.screenWidth) }
      return ExitStatus.success
    }
  }

  /// The terms shared by every offer: bonus, equity, signing, vesting and the ask range.
  private struct Terms {
    var bonus: Offer.Bonus = .amount(0)
    var equity: Double
    var signing: Double
    var vesting: Double
    var ask: AskRange

    init(_ values: ParsedValues, rate: ExchangeRate) throws {
      if values.hasValue(OfferCommand.bonus.key) {
        bonus = try values.value(OfferCommand.bonus.key) { raw throws(InvalidValue) in
          if raw.hasSuffix("%") {
            return .percentOfBase(
              try ValueReading.percent(raw, in: ValueReading.Bounds.bonusShare, "a share of base"))
          }
          return .amount(try extraPay(raw, rate))
        }
      }
      equity = try values.value(of: OfferCommand.equity, in: rate) ?? 0
      signing = try values.value(of: OfferCommand.signing, in: rate) ?? 0
      vesting = try values.value(of: OfferCommand.vesting)!
      ask = try values.value(of: OfferCommand.ask)!
    }
  }
}
