/// Why a market, or an answer from one, cannot be made: a name that means nothing in the
/// dataset, or figures that do not reach.
///
/// The cases carry what was asked for; the command line turns them into sentences, with
/// the closest known names (the core keeps no user-interface text).
public enum MarketError: Error, Sendable, Equatable {
  /// No place, country or alias has this name.
  case unknownPlace(String)
  /// The place is known but no source gives pay for it (`Raleigh`).
  case placeWithoutFigures(Place)
  /// `remote` was asked for, but the dataset has no `remote` assumption saying what it pays.
  case noRemotePlace
  /// No specialization has this name.
  case unknownSpecialization(String)
  /// No level of the ladder has this name.
  case unknownLevel(String)
  /// The ladder of the selection has no figure for this level.
  case noFigureForLevel(Level)
  /// No source id or series id with curves has this name.
  case unknownSource(String)
  /// The text is not an ISO 4217 currency code.
  case notACurrency(String)
  /// No source converts the currency to dollars, and no rate was given.
  case noExchangeRate(CurrencyCode)
  /// The selection has no figure on an experience curve at all.
  case noCurves
  /// No series speaks at this experience in this selection.
  case noSeriesCovers(experience: Double)
  /// An answer for a whole workforce needs figures to `needed` years; the selection's reach
  /// only `covered`.
  case experienceRangeTooShort(covered: ClosedRange<Double>, needed: Double)
  /// The dataset has no workforce age mix, or no career start age to read it by.
  case noWorkforce
}
