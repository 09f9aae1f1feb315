/// How many US dollars one unit of a currency buys, and where that came from.
public struct ExchangeRate: Sendable, Hashable {
  /// Where a rate came from.
  public enum Origin: Sendable, Hashable {
    /// Implied by a source's own conversions: the figures' ids, with the local and dollar amounts.
    case implied(pairs: [Pair])
    /// Set by the user with `--fx`.
    case given
  }

  /// A local amount and the source's dollar conversion of it.
  public struct Pair: Sendable, Hashable {
    public var figureID: String
    public var local: Double
    public var dollars: Double
  }

  public var currency: CurrencyCode
  /// US dollars per unit of ``currency``.
  public var dollarsPerUnit: Double
  public var origin: Origin

  public init(currency: CurrencyCode, dollarsPerUnit: Double, origin: Origin) {
    precondition(dollarsPerUnit > 0 && dollarsPerUnit.isFinite, "a rate is positive")
    self.currency = currency
    self.dollarsPerUnit = dollarsPerUnit
    self.origin = origin
  }

  /// An amount in dollars, in this currency.
  public func fromDollars(_ dollars: Double) -> Double { dollars / dollarsPerUnit }
}

extension Dataset {
  /// The rate implied by the sources' own conversions of amounts in `currency`: the
  /// geometric mean of dollars ÷ local amount over every converted end of every range.
  /// `nil` when no source converts that currency. The dollar's rate is 1.
  ///
  ///     EUR: Himalayas converts €60,000–€95,000 as $65,000–$105,000 and €30,000–€55,000
  ///     as $33,000–$60,000: (65/60 · 105/95 · 33/30 · 60/55)^¼ = 1.0948 dollars per euro
  public func exchangeRate(for currency: CurrencyCode) -> ExchangeRate? {
    if currency == .usd {
      return ExchangeRate(currency: .usd, dollarsPerUnit: 1, origin: .implied(pairs: []))
    }
    var pairs: [ExchangeRate.Pair] = []
    for row in countryFigures where row.currency == currency {
      guard let usd = row.usd else { continue }
      switch (row.figure, usd) {
      case (.range(let low, let high, _), .range(let usdLow, let usdHigh, _)):
        pairs.append(ExchangeRate.Pair(figureID: row.id, local: low, dollars: usdLow))
        pairs.append(ExchangeRate.Pair(figureID: row.id, local: high, dollars: usdHigh))
      default:
        if let local = row.figure.singleValue, let dollars = usd.singleValue {
          pairs.append(ExchangeRate.Pair(figureID: row.id, local: local, dollars: dollars))
        }
      }
    }
    guard !pairs.isEmpty else { return nil }
    return ExchangeRate(
      currency: currency, dollarsPerUnit: geometricMean(pairs.map { $0.dollars / $0.local }),
      origin: .implied(pairs: pairs))
  }

  /// The rates a person may give for `currency` (US dollars a unit): within a factor of
  /// 1,000 either way of the rate the sources imply, or from 10⁻⁶ to 10⁶ for a currency no
  /// source converts. Beyond them a rate is a slip (`EUR=1e308` would show every figure as
  /// €0), and amounts stay far from what money formatting can write.
  ///
  ///     EUR, implied 1.0948:  0.0010948 ... 1,094.8
  ///     a currency no source converts:  0.000001 ... 1,000,000
  public func plausibleRates(for currency: CurrencyCode) -> ClosedRange<Double> {
    guard let implied = exchangeRate(for: currency) else { return 1e-6...1e6 }
    return implied.dollarsPerUnit / 1_000...implied.dollarsPerUnit * 1_000
  }

  /// Every currency some source converts to dollars.
  public var convertedCurrencies: [CurrencyCode] {
    var seen = Set<CurrencyCode>()
    return countryFigures.filter { $0.usd != nil }.map(\.currency).filter {
      seen.insert($0).inserted
    }
  }
}
