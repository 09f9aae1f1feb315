/// How a career moves up the ladder: a track, and either promotions at given years, the
/// ladder's own years (on time), or the promotion model's odds (``modelled(track:from:)``).
///
/// Pay follows experience; a level only bounds it. In year t the experience is the
/// previous year's plus one, kept within the span of the level held that year:
///
/// ```
/// e₁ = e₀ clamped to the first level's span,   eₜ = clamp(eₜ₋₁ + 1, span of the level in year t)
/// ```
///
/// so a promotion never lowers pay and a late one stalls it. Before the first promotion
/// the level is the one given as ``initial``, or else the highest one of the track whose
/// span starts at or below e₀. Without promotions the level follows experience up the
/// track on time, and experience stops at the end of the track's top level. A modelled
/// career's levels come from ``PromotionModel``: the projection's central path is the
/// median career and each simulated path draws its own.
///
///     mid@2,senior@5 from 1 year:  1, 2, 3, 4, 5, 6, 7, 8, 8, 8
public struct CareerPath: Sendable, Hashable {
  /// A promotion to `level`, held from the start of the year after `afterYear`.
  public struct Promotion: Sendable, Hashable {
    public var level: Level
    /// `2` in `mid@2`: the level is held from the start of year 3.
    public var afterYear: Int

    public init(level: Level, afterYear: Int) {
      self.level = level
      self.afterYear = afterYear
    }
  }

  /// One career year: the experience it counts as and the level held.
  public struct Step: Sendable, Hashable {
    public var experience: Double
    public var level: Level
  }

  public var track: Track
  /// Promotions planned at given years; empty for none planned.
  public var promotions: [Promotion]
  /// Whether the levels come from the promotion model rather than from ``promotions``
  /// or the ladder's years.
  public var isModelled: Bool
  /// The level held at the start, if it was given rather than read from the experience.
  public var initial: Level?

  /// A career up `track` with `promotions` at their years, or with none, on the ladder's
  /// years.
  public init(track: Track = .ic, promotions: [Promotion] = [], initial: Level? = nil) {
    self.track = track
    self.promotions = promotions
    self.isModelled = false
    self.initial = initial
  }

  /// A career up `track` promoted by the odds of the promotion model, from `level` (or
  /// from the levels people with the start's experience hold).
  public static func modelled(track: Track = .ic, from level: Level? = nil) -> CareerPath {
    var path = CareerPath(track: track, initial: level)
    path.isModelled = true
    return path
  }

  /// Whether the career's promotions are planned at given years.
  public var hasPlannedPromotions: Bool { !isModelled && !promotions.isEmpty }

  /// The experience and level of each career year 1…`years`, with promotion years moved by
  /// `shifts` (one per promotion, for the Monte Carlo; empty for none).
  public func schedule(
    from start: Double, years: Int, ladder: Ladder, openSpanYears: Double, shifts: [Int] = []
  ) -> [Step] {
    // The track's levels, read in place rather than copied out of the ladder.
    let levels = ladder.levels.lazy.filter { $0.isOn(track) }
    precondition(!levels.isEmpty, "the track has levels")
    func span(_ level: Level) -> ExperienceSpan { level.years.closed(openSpanYears: openSpanYears) }
    /// The highest level of the track whose span starts at or below `experience`.
    func level(at experience: Double) -> Level? { levels.last { $0.years.from <= experience } }
    let initial = self.initial ?? level(at: start) ?? levels.first!
    var steps: [Step] = []
    steps.reserveCapacity(years)

    if promotions.isEmpty {
      let top = span(levels.last!).to!
      for index in 0..<years {
        let experience = min(start + Double(index), max(top, start))
        steps.append(Step(experience: experience, level: level(at: experience) ?? initial))
      }
      return steps
    }

    // Promotion years after the Monte Carlo's shifts, kept in order and at least year 1.
    var after: [Int] = []
    after.reserveCapacity(promotions.count)
    for (index, promotion) in promotions.enumerated() {
      var year = promotion.afterYear + (index < shifts.count ? shifts[index] : 0)
      year = max(year, (after.last ?? 0) + 1, 1)
      after.append(year)
    }
    let held = (1...max(1, years)).map { year in
      promotions.indices.last { after[$0] < year }.map { promotions[$0].level } ?? initial
    }
    return Self.steps(holding: held, from: start, openSpanYears: openSpanYears)
  }

  /// The experience of each career year when `levels` are held in turn: each year counts
  /// one more than the last, within the span of the level held.
  public static func steps(holding levels: [Level], from start: Double, openSpanYears: Double)
    -> [Step]
  {
    var steps: [Step] = []
    steps.reserveCapacity(levels.count)
    for held in levels {
      let range = held.years.closed(openSpanYears: openSpanYears)
      let previous = steps.last.map { $0.experience + 1 } ?? start
      steps.append(Step(experience: min(max(previous, range.from), range.to!), level: held))
    }
    return steps
  }
}

/// Why a career path cannot be followed.
public enum CareerPathError: Error, Sendable, Equatable {
  /// The path names a level the start already holds or has passed.
  case stepDown(level: String, current: String)
  /// Two promotions are out of ladder order.
  case outOfOrder(level: String, after: String)
  /// A level is not on the path's track.
  case offTrack(level: String, track: Track)
  /// Promotion years must rise: the second is not after the first.
  case yearsNotRising(level: String, year: Int, previous: Int)
  /// A promotion at or beyond the last year of the projection.
  case beyondHorizon(level: String, year: Int, years: Int)
  /// A promotion year below 1.
  case yearTooEarly(level: String, year: Int)
}

extension CareerPath {
  /// A path checked against the ladder, the start and the horizon. With no track given, the
  /// track is the individual-contributor one unless a level is only on the management one.
  ///
  /// - Throws: ``CareerPathError`` for a step down, levels out of ladder order or off the
  ///   track, promotion years that do not rise, or a promotion at or beyond the last year.
  public static func checked(
    promotions: [Promotion], track: Track?, start: Double, years: Int, ladder: Ladder
  ) throws(CareerPathError) -> CareerPath {
    let chosen =
      track
      ?? (promotions.contains { !$0.level.tracks.contains(.ic) } ? .management : .ic)
    let levels = ladder.levels(on: chosen)
    let index = { (level: Level) in ladder.levels.firstIndex { $0.key == level.key }! }
    let initial = levels.last { $0.years.from <= start } ?? levels[0]
    var previousLevel = initial
    var previousYear = 0
    for promotion in promotions {
      guard promotion.level.tracks.contains(chosen) else {
        throw .offTrack(level: promotion.level.key, track: chosen)
      }
      if index(promotion.level) <= index(previousLevel) {
        if previousLevel.key == initial.key {
          throw .stepDown(level: promotion.level.key, current: initial.key)
        }
        throw .outOfOrder(level: promotion.level.key, after: previousLevel.key)
      }
      guard promotion.afterYear >= 1 else {
        throw .yearTooEarly(level: promotion.level.key, year: promotion.afterYear)
      }
      guard promotion.afterYear > previousYear else {
        throw .yearsNotRising(
          level: promotion.level.key, year: promotion.afterYear, previous: previousYear)
      }
      guard promotion.afterYear < years else {
        throw .beyondHorizon(level: promotion.level.key, year: promotion.afterYear, years: years)
      }
      previousLevel = promotion.level
      previousYear = promotion.afterYear
    }
    return CareerPath(track: chosen, promotions: promotions)
  }
}
