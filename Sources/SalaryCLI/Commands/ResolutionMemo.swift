import SalaryCore

/// What resolving a `project` request looks up again and again across many scenarios,
/// worked out once: each market's tables, each place by the text given for it, and the
/// dataset's derived rates. Each is a pure function of the dataset and its input, so a
/// remembered answer is the one resolving again would give.
///
/// Not thread-safe: one per run of work.
final class ResolutionMemo {
  let cache: QuantileCache
  private var places: [String: ProfileResolution.ResolvedPlace] = [:]
  private(set) lazy var inflation = dataset.inflation
  private(set) lazy var discountRate = dataset.discountRate
  private(set) lazy var marketDrift = dataset.marketDrift
  private(set) lazy var driftVolatility = dataset.driftVolatility

  init(cache: QuantileCache) {
    self.cache = cache
  }

  var model: PayModel { cache.model }
  var dataset: Dataset { cache.model.dataset }

  /// The place `raw` names, as ``ProfileResolution/place(_:_:)`` resolves it; a rejected
  /// name is not remembered, so it is rejected again with the same message.
  func place(_ raw: String) throws(InvalidValue) -> ProfileResolution.ResolvedPlace {
    if let known = places[raw] { return known }
    let found = try ProfileResolution.place(raw, dataset)
    places[raw] = found
    return found
  }
}
