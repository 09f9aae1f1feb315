/// The precomputed tables behind projections, built once per market (factors and guide
/// selection) and shared by every projection given the same cache: `export` of many
/// scenarios builds each table once, not once a scenario.
///
/// Not thread-safe: one cache per thread of work.
public final class QuantileCache {
  private struct Market: Hashable {
    var factors: [Factor]
    var source: String?
  }

  public let model: PayModel
  private var tables: [Market: QuantileTable] = [:]
  private var scoreTables: [Market: [Double: ScoreTable]] = [:]
  private var assumptionLists: [Market: [Double: [String]]] = [:]

  public init(model: PayModel) { self.model = model }

  /// P10, P25, P50, P75 and P90 over experience for a market; `nil` if no table can be built.
  public func table(factors: [Factor], source: String?) -> QuantileTable? {
    let market = Market(factors: factors, source: source)
    if let table = tables[market] { return table }
    guard let table = try? QuantileTable(model: model, factors: factors, source: source) else {
      return nil
    }
    tables[market] = table
    return table
  }

  /// Pay by score in the band at one experience for a market; `nil` if none can be built.
  public func scoreTable(factors: [Factor], source: String?, experience: Double) -> ScoreTable? {
    let market = Market(factors: factors, source: source)
    if let table = scoreTables[market]?[experience] { return table }
    guard
      let table = try? ScoreTable(
        model: model, experience: experience, factors: factors, source: source)
    else { return nil }
    scoreTables[market, default: [:]][experience] = table
    return table
  }

  /// The assumptions of the estimate at `experience` for a market (empty if there is none),
  /// worked out once.
  public func assumptions(experience: Double, factors: [Factor], source: String?) -> [String] {
    let market = Market(factors: factors, source: source)
    if let known = assumptionLists[market]?[experience] { return known }
    let found =
      (try? model.estimate(experience: experience, factors: factors, source: source))?
      .assumptions ?? []
    assumptionLists[market, default: [:]][experience] = found
    return found
  }

  /// Pay at percentile `p` and `experience` for a market: from the table when `p` is one
  /// of its probabilities (to within a cent or two), otherwise solved exactly.
  public func pay(percentile p: Double, experience: Double, factors: [Factor], source: String?)
    -> Double?
  {
    if let index = Estimate.probabilities.firstIndex(of: p),
      let table = table(factors: factors, source: source)
    {
      return table.quantile(index, at: experience)
    }
    return (try? model.estimate(experience: experience, factors: factors, source: source))?
      .quantile(p)
  }
}
