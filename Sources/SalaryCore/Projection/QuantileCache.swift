/// The precomputed tables behind projections, built once per market (factors and guide
/// selection) and shared by every projection given the same cache: `export` of many
/// scenarios builds each table once, not once a scenario.
///
/// Not thread-safe: one cache per thread of work.
public final class QuantileCache {
  private struct Market: Hashable {
    var factors: [Factor]
    var source: String?

    /// Hashes each factor's range and the source only, not every factor's label, evidence
    /// and assumptions: equal markets still hash alike, and the rare markets that differ
    /// only there are told apart by `==`.
    func hash(into hasher: inout Hasher) {
      hasher.combine(factors.count)
      for factor in factors {
        hasher.combine(factor.low)
        hasher.combine(factor.high)
        hasher.combine(factor.sigma)
      }
      hasher.combine(source)
    }
  }

  public let model: PayModel
  private var markets: [Market: MarketTables] = [:]

  public init(model: PayModel) { self.model = model }

  /// The tables of one market, found once so that repeated lookups need not hash its
  /// factors again.
  public func market(factors: [Factor], source: String?) -> MarketTables {
    let market = Market(factors: factors, source: source)
    if let known = markets[market] { return known }
    let tables = MarketTables(model: model, factors: factors, source: source)
    markets[market] = tables
    return tables
  }

  /// P10, P25, P50, P75 and P90 over experience for a market; `nil` if no table can be built.
  public func table(factors: [Factor], source: String?) -> QuantileTable? {
    market(factors: factors, source: source).table
  }

  /// Pay by score in the band at one experience for a market; `nil` if none can be built.
  public func scoreTable(factors: [Factor], source: String?, experience: Double) -> ScoreTable? {
    market(factors: factors, source: source).scoreTable(experience: experience)
  }

  /// The assumptions of the estimate at `experience` for a market (empty if there is none).
  public func assumptions(experience: Double, factors: [Factor], source: String?) -> [String] {
    market(factors: factors, source: source).assumptions(experience: experience)
  }

  /// Pay at percentile `p` and `experience` for a market, as ``MarketTables/pay(percentile:experience:)``.
  public func pay(percentile p: Double, experience: Double, factors: [Factor], source: String?)
    -> Double?
  {
    market(factors: factors, source: source).pay(percentile: p, experience: experience)
  }
}

/// One market's tables (factors and guide selection fixed), each built when first needed.
///
/// What is kept by experience is forgotten in one go once it holds ``memoryLimit``
/// experiences, so that a file of scenarios at a million different experiences runs in
/// bounded memory (only slower).
///
/// Not thread-safe, like the ``QuantileCache`` that hands it out.
public final class MarketTables {
  public let model: PayModel
  public let factors: [Factor]
  public let source: String?
  private var quantileTable: QuantileTable??
  private var scoreTables: [Double: ScoreTable?] = [:]
  private var estimates: [Double: Estimate?] = [:]

  /// The most experiences remembered at once, per kind of entry.
  public static let memoryLimit = 1_024

  init(model: PayModel, factors: [Factor], source: String?) {
    self.model = model
    self.factors = factors
    self.source = source
  }

  /// P10, P25, P50, P75 and P90 over experience; `nil` if no table can be built.
  public var table: QuantileTable? {
    if let built = quantileTable { return built }
    let built = try? QuantileTable(model: model, factors: factors, source: source)
    quantileTable = .some(built)
    return built
  }

  /// Pay by score in the band at `experience`; `nil` if none can be built.
  public func scoreTable(experience: Double) -> ScoreTable? {
    if let built = scoreTables[experience] { return built }
    let built = try? ScoreTable(
      model: model, experience: experience, factors: factors, source: source)
    if scoreTables.count >= Self.memoryLimit { scoreTables.removeAll() }
    scoreTables[experience] = .some(built)
    return built
  }

  /// The exact estimate at `experience`, as ``PayModel/estimate(experience:factors:source:)``
  /// gives it; `nil` where that throws.
  public func estimate(experience: Double) -> Estimate? {
    if let known = estimates[experience] { return known }
    let found = try? model.estimate(experience: experience, factors: factors, source: source)
    if estimates.count >= Self.memoryLimit { estimates.removeAll() }
    estimates[experience] = .some(found)
    return found
  }

  /// The assumptions of the estimate at `experience` (empty if there is none).
  public func assumptions(experience: Double) -> [String] {
    estimate(experience: experience)?.assumptions ?? []
  }

  /// Pay at percentile `p` and `experience`: from the table when `p` is one of its
  /// probabilities (to within a cent or two), otherwise the exact estimate's quantile.
  public func pay(percentile p: Double, experience: Double) -> Double? {
    if let index = Estimate.probabilities.firstIndex(of: p), let table {
      return table.quantile(index, at: experience)
    }
    return estimate(experience: experience)?.quantile(p)
  }
}
