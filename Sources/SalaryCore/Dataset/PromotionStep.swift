/// One step of the promotion model: from a level of the ladder to the next on a track,
/// with the yearly chance of taking it (`data/promotions.csv`).
///
/// A person at `level` becomes eligible for `next` once the ladder's years between the two
/// levels have passed at `level` (Himalayas: mid from 3 years, senior from 5, so after two
/// years as mid). From then, a share `stays` never moves up (the level is their career
/// level), and the others are promoted with probability `chance` in each year. With a
/// chance of 1 and no one staying, everyone is promoted on the ladder's years.
public struct PromotionStep: Sendable, Hashable {
  /// The level's key on the ladder.
  public var level: String
  /// The next level's key.
  public var next: String
  /// The tracks this step is on.
  public var tracks: [Track]
  /// The yearly probability of promotion once eligible, from 0 to 1.
  public var chance: Double
  /// The share of people at the level who never move up from it, from 0 to 1.
  public var stays: Double
  /// Why the chance and the share are what they are.
  public var reason: String

  /// Creates a step; the loader validates the fields before calling this.
  public init(
    level: String, next: String, tracks: [Track], chance: Double, stays: Double,
    reason: String = ""
  ) {
    precondition((0...1).contains(chance) && (0...1).contains(stays), "probabilities")
    self.level = level
    self.next = next
    self.tracks = tracks
    self.chance = chance
    self.stays = stays
    self.reason = reason
  }
}

/// A share of a workforce in an age group (`data/workforce.csv`): what the estimates by
/// experience are weighted by to compare them with statistics of all developers.
public struct WorkforceShare: Sendable, Hashable, Identifiable {
  public var id: String
  public var source: String
  public var section: String
  public var period: Period
  /// The occupation, as the source words it.
  public var occupation: String
  /// The first year of age in the group.
  public var ageFrom: Int
  /// The last year of age in the group; `nil` for an open group such as 65+.
  public var ageTo: Int?
  /// The group's share of the workforce, in percent.
  public var percent: Double
  public var note: String

  /// Creates a share; the loader validates the fields before calling this.
  public init(
    id: String, source: String, section: String, period: Period, occupation: String,
    ageFrom: Int, ageTo: Int?, percent: Double, note: String = ""
  ) {
    self.id = id
    self.source = source
    self.section = section
    self.period = period
    self.occupation = occupation
    self.ageFrom = ageFrom
    self.ageTo = ageTo
    self.percent = percent
    self.note = note
  }
}
