/// What a market is made of: a place, a specialization or the user's own premium, a choice
/// of figures and a currency. Two equal specs make the same market.
///
///     let spec = MarketSpec(place: try dataset.place(named: "austin"),
///                           rate: try dataset.exchangeRate(named: "EUR"))
public struct MarketSpec: Sendable, Hashable {
  /// The place, or `nil` for the national figures.
  public var place: ResolvedPlace?
  /// The area of work, if any.
  public var specialization: Specialization?
  /// The user's own premium; it replaces a specialization's.
  public var premium: Premium?
  /// Which figures speak; `nil` for every series.
  public var selector: SourceSelector?
  /// The level of the ladder asked about, if any: the ladder's level table then speaks for
  /// that level alone, rather than as the mix of levels people with an experience hold.
  public var level: Level?
  /// The currency money is shown in.
  public var rate: ExchangeRate

  public init(
    place: ResolvedPlace? = nil, specialization: Specialization? = nil, premium: Premium? = nil,
    selector: SourceSelector? = nil, level: Level? = nil, rate: ExchangeRate = .dollars
  ) {
    self.place = place
    self.specialization = specialization
    self.premium = premium
    self.selector = selector
    self.level = level
    self.rate = rate
  }

  /// Whether two specs make the same market in one dataset: the same place (by id, and
  /// whether it was asked for as remote), specialization (by id), premium, selection, level
  /// (by key) and rate. Within a dataset a place's id fixes its factor, so factors need no comparing.
  public static func == (a: MarketSpec, b: MarketSpec) -> Bool {
    a.place?.place.id == b.place?.place.id && a.place?.isRemote == b.place?.isRemote
      && a.specialization?.id == b.specialization?.id && a.premium == b.premium
      && a.selector == b.selector && a.level?.key == b.level?.key && a.rate == b.rate
  }

  /// Hashes what tells specs apart (ids, the premium, the rate), as ``==`` compares them.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(place?.place.id)
    hasher.combine(place?.isRemote)
    hasher.combine(specialization?.id)
    hasher.combine(premium)
    hasher.combine(selector)
    hasher.combine(level?.key)
    hasher.combine(rate.currency)
    hasher.combine(rate.dollarsPerUnit)
  }
}

/// The user's own premium over the market, in percent: a point (`12`) or a range (`5…15`)
/// read as its own 25th–75th percentile, which widens the band.
public struct Premium: Sendable, Hashable {
  /// The low and high ends in percent, equal for a point.
  public let low: Double
  public let high: Double

  /// A premium from `low` to `high` percent.
  ///
  /// - Precondition: both finite, `low` above −100 (pay cannot fall to nothing) and at most
  ///   `high`.
  public init(low: Double, high: Double) {
    precondition(low.isFinite && high.isFinite && low > -100 && low <= high, "a premium range")
    self.low = low
    self.high = high
  }

  /// A premium of exactly `percent`.
  public init(percent: Double) { self.init(low: percent, high: percent) }
}

extension ExchangeRate {
  /// US dollars, the currency of the figures, when no other was asked for.
  public static let dollars = ExchangeRate(currency: .usd, dollarsPerUnit: 1, origin: .given)
}

/// Something a person should know about a market that is not an error.
public enum MarketNote: Sendable, Hashable {
  /// The user's premium replaced the cited premium of this factor.
  case premiumReplaced(Factor)
  /// No source says this area pays more or less than other back-end work; no premium applied.
  case noPremium(Specialization)
}
