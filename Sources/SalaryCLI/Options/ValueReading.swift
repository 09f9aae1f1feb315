import ArgumentParsing
import SalaryCore

/// How the kinds of value a person types are read: years, percents, amounts of money and
/// whole numbers, each with its bounds and the reason given when a value is out of them.
/// The options of every command, and the columns of scenario and profile files, read their
/// values here.
enum ValueReading {
  /// What a value may be: beyond these it is a slip of the keyboard (a premium of 1e17%, a
  /// salary of $0.001), not a question the method can answer, and the arithmetic behind an
  /// answer stays far from overflow. The README's table of options lists them.
  enum Bounds {
    /// A premium over the market's pay, in percent: from nearly nothing to four times it.
    static let premium: ClosedRange<Double> = -90...300
    /// A fixed raise a year, in percent: from halving to doubling.
    static let raise: ClosedRange<Double> = -50...100
    /// A one-off raise of `--promotion`, in percent.
    static let promotion: ClosedRange<Double> = -90...300
    /// Yearly drift, inflation and discount rates, in percent.
    static let yearlyRate: ClosedRange<Double> = -20...50
    /// The yearly spread of the drift, in percentage points.
    static let driftVolatility: ClosedRange<Double> = 0...20
    /// A salary or an offer's base, in US dollars a year.
    static let yearlyPay: ClosedRange<Double> = 1_000...100_000_000
    /// An equity grant, a signing bonus or a bonus amount, in US dollars.
    static let extraPay: ClosedRange<Double> = 0...1_000_000_000
    /// A bonus as a share of base, in percent.
    static let bonusShare: ClosedRange<Double> = 0...1_000
  }

  /// Years of experience, from 0 to 60.
  static func experience(_ raw: String) throws(InvalidValue) -> Double {
    guard let years = Double(raw.trimmingSpaces), years.isFinite, years >= 0, years <= 60 else {
      throw InvalidValue(reason: "experience is a number of years from 0 to 60")
    }
    return years
  }

  /// A percent written `12%` or `12`; `nil` if malformed or not finite.
  static func percent(_ text: String) -> Double? {
    let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let value = Double(digits.trimmingSpaces), value.isFinite else { return nil }
    return value
  }

  /// A percent within `bounds`, written 3.5% or 3.5; `what` names it in the reason given
  /// otherwise ("a drift").
  static func percent(_ raw: String, in bounds: ClosedRange<Double>, _ what: String)
    throws(InvalidValue) -> Double
  {
    guard let percent = percent(raw), bounds.contains(percent) else {
      throw InvalidValue(reason: "\(what) is a percent from \(percentText(bounds))")
    }
    return percent
  }

  /// `-20% to 50%`.
  static func percentText(_ bounds: ClosedRange<Double>) -> String {
    "\(bounds.lowerBound.compactNumber)% to \(bounds.upperBound.compactNumber)%"
  }

  /// `12%`, `12`, `-5%` or a range `5%..15%`, in percent; each within
  /// ``Bounds/premium``.
  static func premium(_ raw: String) throws(InvalidValue) -> Premium {
    let parts = raw.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2, let low = percent(parts[0]), let high = percent(parts.last!),
      low <= high
    else {
      throw InvalidValue(reason: "write a percent such as 12% or a range such as 5%..15%")
    }
    guard Bounds.premium.contains(low), Bounds.premium.contains(high) else {
      throw InvalidValue(
        reason: "a premium is a percent from \(percentText(Bounds.premium)) of the market's pay")
    }
    return Premium(low: low, high: high)
  }

  /// One raise, or a list of raises one a year (`3%,2%,1%`): the raise into year 2, year 3,
  /// and so on, the last holding for the years after; each within ``Bounds/raise``.
  static func raises(_ raw: String) throws(InvalidValue) -> [Double] {
    var raises: [Double] = []
    for item in raw.split(separator: ",", omittingEmptySubsequences: false) {
      guard let raise = percent(String(item)), Bounds.raise.contains(raise) else {
        throw InvalidValue(
          reason: "write a raise a year from \(percentText(Bounds.raise)), such as 3%, or one "
            + "for each year in turn, such as 3%,2%,1% (the last holds for the years after)")
      }
      raises.append(raise)
    }
    return raises
  }

  /// A yearly pay in the currency of `rate`, such as `95000` or `95k`, within
  /// ``Bounds/yearlyPay`` once in US dollars; `what` names it ("a salary").
  static func yearlyPay(_ raw: String, rate: ExchangeRate, _ what: String)
    throws(InvalidValue) -> Double
  {
    try amount(raw, within: Bounds.yearlyPay, rate: rate, "\(what) is a yearly amount")
  }

  /// An amount in the currency of `rate` whose value in US dollars is within `bounds`;
  /// `what` begins the reason given otherwise.
  static func amount(
    _ raw: String, within bounds: ClosedRange<Double>, rate: ExchangeRate, _ what: String
  ) throws(InvalidValue) -> Double {
    guard let amount = money(raw), bounds.contains(amount * rate.dollarsPerUnit) else {
      var reason =
        "\(what) from \(formatMoney(bounds.lowerBound, .usd)) to "
        + "\(formatMoney(bounds.upperBound, .usd))"
      if rate.currency != .usd {
        reason +=
          " (\(formatMoney(rate.fromDollars(bounds.lowerBound), rate.currency)) to "
          + "\(formatMoney(rate.fromDollars(bounds.upperBound), rate.currency)) at the rate used)"
      }
      throw InvalidValue(reason: reason + ", such as 95000 or 95k")
    }
    return amount
  }

  /// A whole number within `range`, or `reason`.
  static func integer(_ raw: String, in range: ClosedRange<Int>, _ reason: String)
    throws(InvalidValue) -> Int
  {
    guard let value = Int(raw), range.contains(value) else { throw InvalidValue(reason: reason) }
    return value
  }

  /// A number within `range`.
  static func number(_ raw: String, in range: ClosedRange<Double>) throws(InvalidValue) -> Double {
    guard let value = Double(raw), value.isFinite, range.contains(value) else {
      throw InvalidValue(
        reason:
          "a number from \(range.lowerBound.compactNumber) to \(range.upperBound.compactNumber)")
    }
    return value
  }

  /// An amount a person types: `128000`, `128,000`, `$128,000`, `128k`, `1.5m`; `nil` if
  /// it is not one. Currency signs are ignored: amounts are in the command's currency.
  static func money(_ raw: String) -> Double? {
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
}
