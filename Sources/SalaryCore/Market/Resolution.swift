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
  public func factor(forPlace place: Place) -> Factor? {
    place.kind == .country ? countryFactor(for: place.id) : locationFactor(for: place.id)
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
