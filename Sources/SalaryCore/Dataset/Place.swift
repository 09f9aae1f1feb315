/// A place a source names: a country, a state, a metro area or a city (`data/places.csv`).
///
/// A place may have pay figures behind it (San Francisco) or be named without any
/// (Raleigh); answers about a place without figures say so instead of guessing.
public struct Place: Sendable, Hashable, Identifiable {
  /// What kind of place it is.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A country; `us` is also the national baseline for location factors.
    case country
    /// A US state.
    case state
    /// A metropolitan area.
    case metro
    /// A city.
    case city
  }

  /// A short, stable identifier such as `san-francisco`.
  public var id: String
  /// The display name, such as `San Francisco, CA`.
  public var name: String
  /// The kind of place.
  public var kind: Kind
  /// The id of the place this one lies in (`us` for a US metro), if any.
  public var within: String?
  /// Other names a user may type, lower-cased.
  public var aliases: [String]
  /// The ids of the sources that name this place.
  public var namedBy: [String]

  /// Creates a place; the loader validates the fields before calling this.
  public init(
    id: String, name: String, kind: Kind, within: String? = nil, aliases: [String] = [],
    namedBy: [String] = []
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.within = within
    self.aliases = aliases
    self.namedBy = namedBy
  }
}
