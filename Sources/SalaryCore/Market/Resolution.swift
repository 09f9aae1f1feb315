import Synchronization

/// How the names a person types become the dataset's things: places (a location or a
/// country, with its factor), levels, specializations and currencies. The one place these
/// rules live: every command and the batch resolve through them.
extension Dataset {
  /// The level of the ladder named `name` (its key, title or an alias, in any case).
  ///
  /// - Throws: ``MarketError/unknownLevel(_:)``.
  public func level(named name: String) throws(MarketError) -> Level {
    guard let key = levelNames.resolve(name), let found = ladder.level(key: key) else {
      throw .unknownLevel(name)
    }
    return found
  }

  /// The place `name` stands for, with its factor: a country's against the US for a
  /// country, a location's against the nation otherwise. `remote` is the place the
  /// `remote` assumption names.
  ///
  ///     try dataset.place(named: "SF").factor.value  // 1.2773
  ///
  /// - Throws: ``MarketError/unknownPlace(_:)``, ``MarketError/noRemotePlace`` or
  ///   ``MarketError/placeWithoutFigures(_:)``.
  public func place(named name: String) throws(MarketError) -> ResolvedPlace {
    try placeFactors.place(named: name) { () throws(MarketError) in try resolvePlace(name) }
  }

  private func resolvePlace(_ name: String) throws(MarketError) -> ResolvedPlace {
    let isRemote = nameKey(name) == "remote"
    let id: String
    if isRemote {
      guard let remote = remotePlace else { throw .noRemotePlace }
      id = remote
    } else {
      guard let found = placeNames.resolve(name) else { throw .unknownPlace(name) }
      id = found
    }
    let place = place(id: id)!
    guard let factor = factor(forPlace: place) else { throw .placeWithoutFigures(place) }
    return ResolvedPlace(place: place, factor: factor, isRemote: isRemote)
  }

  /// A place's factor: a country's or a location's, or `nil` when no source gives one.
  /// Worked out once per place: a scenario file names the same places again and again.
  public func factor(forPlace place: Place) -> Factor? {
    placeFactors.factor(for: place.id) {
      place.kind == .country ? countryFactor(for: place.id) : locationFactor(for: place.id)
    }
  }

  /// Every place with a factor, in the dataset's order.
  public var placesWithFigures: [Place] { places.filter { factor(forPlace: $0) != nil } }

  /// The specialization named `name` (its id, name or an alias, in any case).
  ///
  /// - Throws: ``MarketError/unknownSpecialization(_:)``.
  public func specialization(named name: String) throws(MarketError) -> Specialization {
    guard let id = specializationNames.resolve(name),
      let area = specializations.first(where: { $0.id == id })
    else { throw .unknownSpecialization(name) }
    return area
  }

  /// The currency `code` names (in any case), at a rate given by the user (`given`, in
  /// dollars per unit) or else implied by the sources' own conversions.
  ///
  ///     try dataset.exchangeRate(named: "eur").dollarsPerUnit  // 1.0948
  ///
  /// - Throws: ``MarketError/notACurrency(_:)`` or ``MarketError/noExchangeRate(_:)``.
  public func exchangeRate(named code: String, given: [CurrencyCode: Double] = [:])
    throws(MarketError) -> ExchangeRate
  {
    guard let currency = CurrencyCode(code.trimmingSpaces.uppercased()) else {
      throw .notACurrency(code)
    }
    if let rate = given[currency] {
      return ExchangeRate(currency: currency, dollarsPerUnit: rate, origin: .given)
    }
    guard let implied = exchangeRate(for: currency) else { throw .noExchangeRate(currency) }
    return implied
  }
}

/// A place resolved from a name, with its factor.
public struct ResolvedPlace: Sendable, Hashable {
  /// The place.
  public var place: Place
  /// Its factor against the nation (a location) or the US (a country).
  public var factor: Factor
  /// Whether it was asked for as `remote`.
  public var isRemote: Bool
}

/// The factors of a dataset's places, each worked out once, by place id, and the places
/// names resolve to, by the name as given: a scenario file names the same few places again
/// and again. Safe to share between threads.
final class PlaceFactorCache: Sendable {
  private let known = Mutex<[String: Factor?]>([:])
  private let named = Mutex<[String: ResolvedPlace]>([:])

  /// The most names remembered; past it they are forgotten in one go.
  static let namesKept = 4_096

  /// The place `name` resolves to, by `resolve` the first time.
  func place(named name: String, _ resolve: () throws(MarketError) -> ResolvedPlace)
    throws(MarketError) -> ResolvedPlace
  {
    if let found = named.withLock({ $0[name] }) { return found }
    // A name that resolves to nothing is not remembered: it is an error, said once.
    let resolved = try resolve()
    named.withLock { named in
      if named.count >= Self.namesKept { named.removeAll() }
      named[name] = resolved
    }
    return resolved
  }

  /// The factor of the place `id`, from `derive` the first time.
  func factor(for id: String, _ derive: () -> Factor?) -> Factor? {
    if let found = known.withLock({ $0[id] }) { return found }
    let derived = derive()
    known.withLock { $0[id] = .some(derived) }
    return derived
  }
}
