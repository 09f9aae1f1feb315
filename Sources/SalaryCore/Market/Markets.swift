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
  private let known = Mutex<[MarketSpec: Result<Market, MarketError>]>([:])

  /// The most markets kept at once; past it they are forgotten in one go (and made again
  /// when asked for), so that any input runs in bounded memory.
  static let limit = 4_096

  package init(model: PayModel) { self.model = model }

  /// The market of `spec`, made the first time it is asked for.
  ///
  /// - Throws: ``MarketError/noCurves`` when the selection has no figure on a curve.
  package func market(_ spec: MarketSpec) throws(MarketError) -> Market {
    try known.withLock { known throws(MarketError) -> Market in
      if let market = known[spec] { return try market.get() }
      let made = Result { () throws(MarketError) in try Market(model: model, spec: spec) }
      if known.count >= Self.limit { known.removeAll() }
      known[spec] = made
      return try made.get()
    }
  }
}
