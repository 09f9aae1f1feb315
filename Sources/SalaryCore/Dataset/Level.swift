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
///
/// Its fields live in one shared, immutable box, so that copying a level (every career
/// year of a projection holds one) costs one reference count rather than one for each
/// string. A level is data read from a file: its fields are read-only.
public struct Level: Sendable, Hashable {
  /// What a level's years measure.
  public enum YearsKind: String, Sendable, Hashable, CaseIterable {
    /// Total years of experience when holding the level (Himalayas: Senior, 5–8 years).
    case experience
    /// How long the level usually lasts (research.com: junior, 1–2 years).
    case duration
  }

  /// The level's fields, as stored.
  @usableFromInline struct Fields: Sendable, Hashable {
    @usableFromInline var source: String
    @usableFromInline var series: String
    @usableFromInline var section: String
    @usableFromInline var key: String
    @usableFromInline var title: String
    @usableFromInline var years: ExperienceSpan
    @usableFromInline var yearsKind: YearsKind
    /// The tracks as bits: a `Set<Track>` is built only when asked for, because the first
    /// set of a type costs more to set up (its type metadata and conformances, at run time)
    /// than reading the whole ladder, and only projections ask.
    @usableFromInline var trackBits: UInt8
    @usableFromInline var aliases: [String]

    @inlinable init(
      source: String, series: String, section: String, key: String, title: String,
      years: ExperienceSpan, yearsKind: YearsKind, trackBits: UInt8, aliases: [String]
    ) {
      self.source = source
      self.series = series
      self.section = section
      self.key = key
      self.title = title
      self.years = years
      self.yearsKind = yearsKind
      self.trackBits = trackBits
      self.aliases = aliases
    }
  }

  /// The box the fields live in; never changed once made.
  @usableFromInline final class Storage: Sendable {
    @usableFromInline let fields: Fields

    @inlinable init(_ fields: Fields) { self.fields = fields }
  }

  @usableFromInline let storage: Storage

  /// The fields, read from the box.
  private var fields: Fields { storage.fields }

  /// The source's id.
  public var source: String { fields.source }
  /// The series (list) the level comes from.
  public var series: String { fields.series }
  /// Where in the source.
  public var section: String { fields.section }
  /// The level key shared across files, such as `senior`.
  public var key: String { fields.key }
  /// The title as printed, such as `Senior Back-End Developer`.
  public var title: String { fields.title }
  /// The years the source gives.
  public var years: ExperienceSpan { fields.years }
  /// Whether ``years`` are total experience or the level's duration.
  public var yearsKind: YearsKind { fields.yearsKind }
  /// The tracks the level belongs to; empty when the source does not say.
  public var tracks: Set<Track> { Set(Track.allCases.filter { fields.trackBits & $0.bit != 0 }) }
  /// Other names a user may type for this level, lower-cased.
  public var aliases: [String] { fields.aliases }

  /// Creates a level; the loader validates the fields before calling this.
  ///
  /// Inlinable so that a caller's sequence type is known where it is read, rather than
  /// looked up at run time.
  @inlinable public init(
    source: String, series: String, section: String, key: String, title: String,
    years: ExperienceSpan, yearsKind: YearsKind, tracks: some Sequence<Track>, aliases: [String]
  ) {
    self.storage = Storage(
      Fields(
        source: source, series: series, section: section, key: key, title: title, years: years,
        yearsKind: yearsKind, trackBits: tracks.reduce(0) { $0 | $1.bit }, aliases: aliases))
  }

  /// Whether the level belongs to `track`.
  public func isOn(_ track: Track) -> Bool { storage.fields.trackBits & track.bit != 0 }

  public static func == (a: Level, b: Level) -> Bool {
    a.storage === b.storage || a.storage.fields == b.storage.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
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
