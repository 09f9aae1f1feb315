@testable import SalaryCore

/// What the core's tests ask of a market: one made from names, as a person gives them.
extension PayModel {
  /// The market of `source` (a selector's name; `nil` for every guide) at `place`, with
  /// `specialization` and `premium`.
  func market(
    source: String? = nil, place: String? = nil, specialization: String? = nil,
    premium: Premium? = nil, currency: String? = nil, level: String? = nil
  ) throws -> Market {
    let dataset = self.dataset
    return try Market(
      model: self,
      spec: MarketSpec(
        place: try place.map { name throws(MarketError) in try dataset.place(named: name) },
        specialization: try specialization.map { name throws(MarketError) in
          try dataset.specialization(named: name)
        }, premium: premium,
        selector: try source.map { name throws(MarketError) in try selector(named: name) },
        level: try level.map { name throws(MarketError) in try dataset.level(named: name) },
        rate: try currency.map { code throws(MarketError) in try dataset.exchangeRate(named: code) }
          ?? .dollars))
  }

  /// The estimate at `experience` in that market.
  func estimate(
    experience: Double, source: String? = nil, place: String? = nil,
    specialization: String? = nil, level: String? = nil
  ) throws -> Estimate {
    try market(source: source, place: place, specialization: specialization, level: level)
      .estimate(experience: experience)
  }
}

/// A market's factors as the tests vary them: none, a point (San Francisco), an uncertain
/// premium (distributed systems), or both.
struct FactorSet: Sendable, CustomStringConvertible, Hashable {
  var place: String?
  var specialization: String?

  static let none = FactorSet()
  static let point = FactorSet(place: "san-francisco")
  static let uncertain = FactorSet(specialization: "distributed-systems")
  static let both = FactorSet(place: "san-francisco", specialization: "distributed-systems")

  var description: String {
    [place, specialization].compactMap { $0 }.joined(separator: "+").nilIfEmpty ?? "no factors"
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension PayModel {
  /// The market of `source` with a set of factors.
  func market(source: String?, _ factors: FactorSet) throws -> Market {
    try market(source: source, place: factors.place, specialization: factors.specialization)
  }
}
