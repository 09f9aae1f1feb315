import Synchronization

/// The markets of one model, each made once: the one cache of markets, shared by every
/// answer a run gives (a batch of a million profiles meets a few dozen markets, and builds
/// each one's tables once). Part of the package, not of its public API: a program of its
/// own keeps the markets it makes.
///
///     let markets = Markets(model: model)
///     let austin = try markets.market(MarketSpec(place: try dataset.place(named: "austin")))
///
/// Safe to share between threads.
package final class Markets: Sendable {
  /// The model every market draws on.
  package let model: PayModel
  /// The markets by spec, and the tables of each distinct set of figures.
  private struct Known {
    var markets: [MarketSpec: Result<Market, MarketError>] = [:]
    var tables: [Market.Figures: Market.Tables] = [:]
  }
  private let known = Mutex(Known())

  /// The most markets kept at once; past it they are forgotten in one go (and made again
  /// when asked for), so that any input runs in bounded memory.
  static let limit = 4_096

  package init(model: PayModel) { self.model = model }

  /// The market of `spec`, made the first time it is asked for.
  ///
  /// - Throws: ``MarketError/noCurves`` when the selection has no figure on a curve.
  package func market(_ spec: MarketSpec) throws(MarketError) -> Market {
    try known.withLock { known throws(MarketError) -> Market in
      if let market = known.markets[spec] { return try market.get() }
      if known.markets.count >= Self.limit { known = Known() }
      let made = Result { () throws(MarketError) in
        let market = try Market(model: model, spec: spec, tables: nil)
        // Markets of the same figures (a currency, remote) share their tables.
        let figures = market.figures
        if let tables = known.tables[figures] {
          return try Market(model: model, spec: spec, tables: (figures, tables))
        }
        known.tables[figures] = market.tables
        return market
      }
      known.markets[spec] = made
      return try made.get()
    }
  }
}
