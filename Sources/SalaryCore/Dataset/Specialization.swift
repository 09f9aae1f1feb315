/// An area of work a source names: a domain, a language or an industry
/// (`data/specializations.csv`).
///
/// The guides say which areas pay a premium but publish no percentages, so a
/// specialization carries names and provenance only; a premium enters elsewhere, as a
/// cited figure or a labelled assumption.
public struct Specialization: Sendable, Hashable, Identifiable {
  /// What kind of specialization it is.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A technical domain, such as distributed systems.
    case domain
    /// A programming language and its frameworks.
    case language
    /// An industry or sector.
    case industry
  }

  /// A short, stable identifier such as `distributed-systems`.
  public var id: String
  /// The display name.
  public var name: String
  /// Domain, language or industry.
  public var kind: Kind
  /// Other names a user may type, lower-cased.
  public var aliases: [String]
  /// The ids of the sources that name it.
  public var namedBy: [String]
  /// The ids of the sources that say it pays more.
  public var premiumNamedBy: [String]
  /// A note in our words, possibly empty.
  public var note: String

  /// Creates a specialization; the loader validates the fields before calling this.
  public init(
    id: String, name: String, kind: Kind, aliases: [String] = [], namedBy: [String] = [],
    premiumNamedBy: [String] = [], note: String = ""
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.namedBy = namedBy
    self.premiumNamedBy = premiumNamedBy
    self.note = note
  }
}
