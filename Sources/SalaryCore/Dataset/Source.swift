/// A publisher's guide or statistical release that the figures come from.
///
/// Every figure in a ``Dataset`` names its source by ``id``; answers print the
/// publisher and title so a reader can find the figure where it was published.
public struct Source: Sendable, Hashable, Identifiable {
  /// What kind of publication a source is.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A career guide written for readers (the five guides this project started from).
    case guide
    /// An official statistical release, such as the BLS wage survey.
    case statistics
    /// A compensation report built from its own survey or submissions, such as Levels.fyi's.
    case report
    /// An official statement or guidance, such as the Federal Reserve's inflation objective.
    case official
  }

  /// A short, stable identifier such as `cbt-nuggets`, used by `--source` and in data files.
  public var id: String
  /// Who published it, for example `CBT Nuggets`.
  public var publisher: String
  /// The title as printed.
  public var title: String
  /// The author, when one is printed.
  public var author: String?
  /// The publication date, when one is printed.
  public var published: CalendarDate?
  /// The date of the last update, when one is printed.
  public var updated: CalendarDate?
  /// Whether this is a guide or an official statistic.
  public var kind: Kind
  /// What the source itself cites for its figures, in our words.
  public var cites: String?
  /// Anything a reader should know about the source, in our words.
  public var note: String?

  /// Creates a source; the loader validates the fields before calling this.
  public init(
    id: String, publisher: String, title: String, author: String? = nil,
    published: CalendarDate? = nil, updated: CalendarDate? = nil, kind: Kind = .guide,
    cites: String? = nil, note: String? = nil
  ) {
    self.id = id
    self.publisher = publisher
    self.title = title
    self.author = author
    self.published = published
    self.updated = updated
    self.kind = kind
    self.cites = cites
    self.note = note
  }
}
