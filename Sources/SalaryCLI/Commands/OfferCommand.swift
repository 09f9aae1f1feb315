import SalaryCore

/// `salary offer`: where offers sit in their markets, what to ask for, and what they pay a
/// year in all.
enum OfferCommand {
  static let offers = ArgumentSpec.positional(
    "offer", help: "The base salary offered, such as 128000 or 128k; several to compare.",
    isRepeating: true)
  static let bonus = ArgumentSpec.option(
    "bonus", valueName: "amount", help: "Yearly bonus, as a share of base (10%) or an amount.")
  static let equity = ArgumentSpec.option(
    "equity", valueName: "amount",
    help: "The whole equity grant, vesting evenly over --vesting years.")
  static let signing = ArgumentSpec.option(
    "signing", valueName: "amount", help: "A one-off signing bonus, spread over --vesting years.")
  static let vesting = ArgumentSpec.option(
    "vesting", valueName: "years", help: "Years the equity vests over.", default: "4")
  static let ask = ArgumentSpec.option(
    "ask", valueName: "percentiles", help: "The market percentiles to ask between.",
    default: "50-75")

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
      offers, ProfileOptions.experience, ProfileOptions.level, ProfileOptions.locations,
      ProfileOptions.specialization, ProfileOptions.premium, ProfileOptions.source,
      ProfileOptions.currency, ProfileOptions.fx, bonus, equity, signing, vesting, ask,
      CommonOptions.format, CommonOptions.data,
    ])

  static func register<Output, ErrorOutput>(
    in dispatcher: inout CommandDispatcher<Output, ErrorOutput>, context: CommandContext
  ) {
    dispatcher.register("offer") { invocation, output, _ in
      let values = invocation.values
      let format = try CommonOptions.format(values)
      let model = PayModel(dataset: try context.dataset(values))
      let amounts = try values.strings(offers.key).map { raw in
        guard let amount = parseMoney(raw), amount > 0 else {
          throw ValidationError(
            "The value '\(raw)' is invalid for '<offer>': an offer is an amount above zero, such as 128000 or 128k"
          )
        }
        return amount
      }
      let places = try ProfileOptions.places(values, model.dataset)
      guard places.count <= 1 || places.count == amounts.count else {
        throw ValidationError(
          "Give one --location for all offers or one per offer (\(amounts.count) offers, "
            + "\(places.count) locations).")
      }
      let terms = try Terms(values)
      var rows: [OfferReport.Row] = []
      for (index, amount) in amounts.enumerated() {
        let place = places.isEmpty ? nil : places[places.count == 1 ? 0 : index]
        let profile = try ProfileOptions.resolve(values, place: place, model: model)
        let estimate = try EstimateCommand.estimate(profile, model)
        let offer = Offer(
          base: amount, bonus: terms.bonus, equity: terms.equity,
          signing: terms.signing, vestingYears: terms.vesting)
        rows.append(OfferReport.Row(offer: offer, report: estimate))
      }
      let report = OfferReport(rows: rows, ask: terms.ask)
      output.write(try report.rendered(as: format, width: context.screenWidth))
      return ExitStatus.success
    }
  }

  /// The terms shared by every offer: bonus, equity, signing, vesting and the ask range.
  private struct Terms {
    var bonusPercent: Double?
    var bonusAmount: Double = 0
    var equity: Double = 0
    var signing: Double = 0
    var vesting: Double
    var ask: (low: Double, high: Double)

    init(_ values: ParsedValues) throws {
      if values.hasValue(OfferCommand.bonus.key) {
        let raw = try values.string(OfferCommand.bonus.key)
        if raw.hasSuffix("%") {
          bonusPercent = try values.value(OfferCommand.bonus.key) { raw throws(InvalidValue) in
            guard let percent = ProfileResolution.percent(raw), percent >= 0, percent < 1_000 else {
              throw InvalidValue(reason: "a bonus is a share of base from 0% or an amount")
            }
            return percent
          }
        } else {
          bonusAmount = try Terms.amount(values, OfferCommand.bonus.key)
        }
      }
      if values.hasValue(OfferCommand.equity.key) {
        equity = try Terms.amount(values, OfferCommand.equity.key)
      }
      if values.hasValue(OfferCommand.signing.key) {
        signing = try Terms.amount(values, OfferCommand.signing.key)
      }
      vesting = try values.value(OfferCommand.vesting.key) { raw throws(InvalidValue) in
        guard let years = Double(raw), years.isFinite, years > 0, years <= 20 else {
          throw InvalidValue(reason: "vesting takes from more than 0 to 20 years")
        }
        return years
      }
      ask = try values.value(OfferCommand.ask.key) { raw throws(InvalidValue) in
        let parts = raw.split(separator: "-").map { Double($0.trimmingSpaces) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low > 0, low < high,
          high < 100
        else {
          throw InvalidValue(reason: "write two percentiles between 0 and 100, such as 50-75")
        }
        return (low, high)
      }
    }

    /// The bonus, a share of base or an amount in the command's currency.
    var bonus: Offer.Bonus {
      bonusPercent.map(Offer.Bonus.percentOfBase) ?? .amount(bonusAmount)
    }

    private static func amount(_ values: ParsedValues, _ key: String) throws -> Double {
      try values.value(key) { raw throws(InvalidValue) in
        guard let amount = parseMoney(raw), amount >= 0 else {
          throw InvalidValue(reason: "an amount of zero or more, such as 20000 or 20k")
        }
        return amount
      }
    }
  }
}

/// An amount a person types: `128000`, `128,000`, `$128,000`, `128k`, `1.5m`; `nil` if
/// it is not one. Currency signs are ignored: amounts are in the command's currency.
func parseMoney(_ raw: String) -> Double? {
  var text = raw.trimmingSpaces.lowercased()
  for sign in ["$", "€", "£", "¥"] where text.hasPrefix(sign) { text.removeFirst() }
  text = String(text.filter { $0 != "," && $0 != "_" })
  var multiplier = 1.0
  if text.hasSuffix("k") {
    multiplier = 1_000
    text.removeLast()
  } else if text.hasSuffix("m") {
    multiplier = 1_000_000
    text.removeLast()
  }
  guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(text),
    value.isFinite
  else { return nil }
  let amount = value * multiplier
  return amount < 1e12 ? amount : nil
}
