/// A career track: the individual-contributor ladder or the management one.
public enum Track: String, Sendable, Hashable, CaseIterable {
  /// Individual contributor: Junior → … → Senior → Principal → Staff → Architect.
  case ic
  /// Management: Junior → … → Senior → Lead.
  case management

  /// The track's bit in a level's tracks.
  @usableFromInline var bit: UInt8 {
    switch self {
    case .ic: 1
    case .management: 2
    }
  }
}

/// A level a source names, with the years it gives for it: a row of `data/levels.csv`.
public struct Level: Sendable, Hashable {
  /// What a level's years measure.
  public enum YearsKind: String, Sendable, Hashable, CaseIterable {
    /// Total years of experience when holding the level (Himalayas: Senior, 5–8 years).
    case experience
    /// How long the level usually lasts (research.com: junior, 1–2 years).
    case duration
  }

  /// The source's id.
  public var source: String
  /// The series (list) the level comes from.
  public var series: String
  /// Where in the source.
  public var section: String
  /// The level key shared across files, such as `senior`.
  public var key: String
  /// The title as printed, such as `Senior Back-End Developer`.
  public var title: String
  /// The years the source gives.
  public var years: ExperienceSpan
  /// Whether ``years`` are total experience or the level's duration.
  public var yearsKind: YearsKind
  /// The tracks the level belongs to; empty when the source does not say.
  public var tracks: Set<Track> {
    get { Set(Track.allCases.filter { trackBits & $0.bit != 0 }) }
    set { trackBits = newValue.reduce(0) { $0 | $1.bit } }
  }
  /// Other names a user may type for this level, lower-cased.
  public var aliases: [String]

  /// ``tracks`` as bits: a `Set<Track>` is built only when asked for, because the first
  /// set of a type costs more to set up (its type metadata and conformances, at run time)
  /// than reading the whole ladder, and only projections ask.
  @usableFromInline var trackBits: UInt8

  /// Creates a level; the loader validates the fields before calling this.
  ///
  /// Inlinable so that a caller's sequence type is known where it is read, rather than
  /// looked up at run time.
  @inlinable public init(
    source: String, series: String, section: String, key: String, title: String,
    years: ExperienceSpan, yearsKind: YearsKind, tracks: some Sequence<Track>, aliases: [String]
  ) {
    self.source = source
    self.series = series
    self.section = section
    self.key = key
    self.title = title
    self.years = years
    self.yearsKind = yearsKind
    self.trackBits = tracks.reduce(0) { $0 | $1.bit }
    self.aliases = aliases
  }

  /// Whether the level belongs to `track`.
  public func isOn(_ track: Track) -> Bool { trackBits & track.bit != 0 }
}

/// The ordered levels of one source's career path, used for `--level` and promotions.
///
/// The order is the order the source lists its levels in.
public struct Ladder: Sendable, Hashable {
  /// The source whose ladder this is.
  public var source: String
  /// The levels, in the source's order.
  public var levels: [Level]

  /// Creates a ladder from levels in the source's order.
  public init(source: String, levels: [Level]) {
    precondition(levels.allSatisfy { $0.source == source }, "a ladder has one source")
    self.source = source
    self.levels = levels
  }

  /// The level with this key, if the ladder has one.
  public func level(key: String) -> Level? {
    levels.first { $0.key == key }
  }

  /// The levels of one track, in order.
  public func levels(on track: Track) -> [Level] {
    levels.filter { $0.isOn(track) }
  }
}
