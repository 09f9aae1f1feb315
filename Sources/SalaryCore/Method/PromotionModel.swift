import Synchronization

/// How people move up a track of the ladder: which level they hold after so many years,
/// and when a career is promoted. Levels are reached, not assumed.
///
/// A person starts at the track's first level with no experience. At each level they
/// become eligible for the next once the ladder's years between the two have passed there
/// (Himalayas: developer from 2 years, mid from 3, so one year as developer). On becoming
/// eligible a share ``PromotionStep/stays`` stays at the level for good; the others are
/// promoted at a constant rate, so that a share ``PromotionStep/chance`` of them is
/// promoted within each year (with a chance of 1, at once). With chances of 1 and no one
/// staying, everyone holds each level from the ladder's years: the on-time ladder.
///
/// The model is worked out on a grid of ``step`` years. At each level a person is waiting
/// (so many steps spent there, before eligibility), eligible, or staying for good; a
/// distribution is the share in each of these states, kept in one array in a fixed order
/// so that every sum is made in the same order on every run.
///
/// Everyone's distribution after so many grid steps, and its median level, are worked out
/// once per model and kept (``StepMemo``): every estimate and projection of a run asks
/// for the same few hundred, and a step from the one before gives exactly the numbers a
/// walk from the start gives.
///
///     let model = PromotionModel(ladder: dataset.ladder, steps: dataset.promotions, track: .ic)
///     model.shares(at: 15)  // junior 0 … senior 0.73, principal 0.18, …
public struct PromotionModel: Sendable {
  /// The track.
  public let track: Track
  /// The track's levels, in ladder order.
  public let levels: [Level]
  /// The step from each level to the next, in order (one fewer than the levels).
  public let steps: [PromotionStep]
  /// The years at each level before the next is within reach; the top level has none.
  public let gaps: [Double]
  /// The grid's step, in years.
  public static let step = 0.25

  /// Grid steps of waiting at each level before eligibility (0 at the top).
  private let waiting: [Int]
  /// Where each level's states start in a distribution: its waiting states, then
  /// eligible, then staying; the top level has one state.
  private let offsets: [Int]
  /// The level of each state.
  private let stateLevels: [Int]
  /// The share promoted in one grid step once eligible at each level but the top.
  private let stepChances: [Double]
  /// Everyone's distributions by grid steps from ``start``, kept as they are asked for.
  private let memo = StepMemo()

  /// The model of `track` on `ladder`, by `steps` (which the data check has found to cover
  /// the track).
  ///
  /// - Precondition: `steps` has a step from every level of the track but its top.
  public init(ladder: Ladder, steps: [PromotionStep], track: Track) {
    let levels = ladder.levels(on: track)
    precondition(!levels.isEmpty, "the track has levels")
    self.track = track
    self.levels = levels
    self.steps = zip(levels, levels.dropFirst()).map { level, next in
      guard
        let step = steps.first(where: {
          $0.level == level.key && $0.next == next.key && $0.tracks.contains(track)
        })
      else { preconditionFailure("no step from \(level.key) to \(next.key)") }
      return step
    }
    let gaps = zip(levels, levels.dropFirst()).map { max(0, $1.years.from - $0.years.from) }
    self.gaps = gaps
    waiting = gaps.map { Int(($0 / Self.step).rounded()) } + [0]
    var offsets: [Int] = []
    var stateLevels: [Int] = []
    for k in levels.indices {
      offsets.append(stateLevels.count)
      let count = k < gaps.count ? waiting[k] + 2 : 1
      stateLevels += repeatElement(k, count: count)
    }
    self.offsets = offsets
    self.stateLevels = stateLevels
    stepChances = self.steps.map { step in
      step.chance >= 1 ? 1 : 1 - Math.exp(Math.log(1 - step.chance) * Self.step)
    }
  }

  /// Whether `ladder` and `steps` make a model of `track`: a step from each of its levels
  /// to the next.
  public static func covers(_ track: Track, ladder: Ladder, steps: [PromotionStep]) -> Bool {
    let levels = ladder.levels(on: track)
    return !levels.isEmpty
      && zip(levels, levels.dropFirst()).allSatisfy { level, next in
        steps.contains { $0.level == level.key && $0.next == next.key && $0.tracks.contains(track) }
      }
  }

  // MARK: Distributions

  /// The share of people in each state, in the model's fixed order.
  public struct Distribution: Sendable, Hashable {
    var shares: [Double]
    /// For everyone's distribution (not narrowed to a level), the grid steps it is from
    /// ``PromotionModel/start``: later ones are then read from the model's memo. Not part
    /// of its value.
    var stepsFromStart: Int?

    init(shares: [Double], stepsFromStart: Int? = nil) {
      self.shares = shares
      self.stepsFromStart = stepsFromStart
    }

    public static func == (lhs: Distribution, rhs: Distribution) -> Bool {
      lhs.shares == rhs.shares
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(shares) }
  }

  private var top: Int { levels.count - 1 }
  func level(ofState state: Int) -> Int { stateLevels[state] }
  private func eligibleState(_ k: Int) -> Int { offsets[k] + waiting[k] }
  private func stayingState(_ k: Int) -> Int { offsets[k] + waiting[k] + 1 }

  /// The share promoted in one grid step once eligible at level `k`: 1 − (1 − chance)^step.
  private func stepChance(_ k: Int) -> Double { stepChances[k] }

  /// Adds `share` of people who have just reached level `k` to `shares`.
  private func enter(_ k: Int, _ share: Double, into shares: inout [Double]) {
    guard share > 0 else { return }
    if k == top {
      shares[offsets[k]] += share
    } else if waiting[k] > 0 {
      shares[offsets[k]] += share
    } else {
      becomeEligible(k, share, into: &shares)
    }
  }

  /// Adds `share` of people who have just become eligible at level `k`: some stay for
  /// good; with a chance of 1 the rest move up at once.
  private func becomeEligible(_ k: Int, _ share: Double, into shares: inout [Double]) {
    let staying = share * steps[k].stays
    shares[stayingState(k)] += staying
    if steps[k].chance >= 1 {
      enter(k + 1, share - staying, into: &shares)
    } else {
      shares[eligibleState(k)] += share - staying
    }
  }

  /// Everyone at the first level with no experience.
  public var start: Distribution {
    var shares = [Double](repeating: 0, count: stateLevels.count)
    enter(0, 1, into: &shares)
    return Distribution(shares: shares, stepsFromStart: 0)
  }

  /// The distribution one grid step later.
  public func advance(_ distribution: Distribution) -> Distribution {
    var next = [Double](repeating: 0, count: stateLevels.count)
    for k in levels.indices {
      let base = offsets[k]
      guard k < top else {
        next[base] += distribution.shares[base]
        continue
      }
      for waited in 0..<waiting[k] {
        let share = distribution.shares[base + waited]
        if waited + 1 < waiting[k] {
          next[base + waited + 1] += share
        } else {
          becomeEligible(k, share, into: &next)
        }
      }
      let eligible = distribution.shares[eligibleState(k)]
      let promoted = eligible * stepChance(k)
      next[eligibleState(k)] += eligible - promoted
      enter(k + 1, promoted, into: &next)
      next[stayingState(k)] += distribution.shares[stayingState(k)]
    }
    return Distribution(shares: next, stepsFromStart: distribution.stepsFromStart.map { $0 + 1 })
  }

  /// The distribution after `count` grid steps from `distribution`.
  public func advance(_ distribution: Distribution, steps count: Int) -> Distribution {
    let count = max(0, count)
    if let from = distribution.stepsFromStart { return everyone(afterSteps: from + count) }
    var current = distribution
    for _ in 0..<count { current = advance(current) }
    return current
  }

  /// Everyone's distribution `steps` grid steps after ``start``, from the memo.
  private func everyone(afterSteps steps: Int) -> Distribution {
    memo.known.withLock { known in
      extend(&known, through: steps)
      return known.distributions[steps]
    }
  }

  /// Works out the memo's distributions, and their median levels, through `steps`.
  private func extend(_ known: inout StepMemo.Known, through steps: Int) {
    if known.distributions.isEmpty {
      known.distributions.append(start)
      known.medians.append(medianLevel(start))
    }
    while known.distributions.count <= steps {
      let next = advance(known.distributions[known.distributions.count - 1])
      known.distributions.append(next)
      known.medians.append(medianLevel(next))
    }
  }

  /// The grid steps nearest `years`.
  static func gridSteps(_ years: Double) -> Int { Int((years / step).rounded()) }

  /// The distribution of people with `experience` years, or of those among them at
  /// `level` (when nobody with those years holds it: everyone just promoted to it).
  ///
  /// - Precondition: `experience` is finite and non-negative; `level` is on the track.
  public func distribution(at experience: Double, level: Level? = nil) -> Distribution {
    precondition(experience.isFinite && experience >= 0, "experience is finite and non-negative")
    let found = advance(start, steps: Self.gridSteps(experience))
    guard let level else { return found }
    guard let k = levels.firstIndex(where: { $0.key == level.key }) else {
      preconditionFailure("\(level.key) is on the track")
    }
    var shares = found.shares
    var total = 0.0
    for state in shares.indices {
      if stateLevels[state] == k { total += shares[state] } else { shares[state] = 0 }
    }
    if total > 0 { return Distribution(shares: shares.map { $0 / total }) }
    var fresh = [Double](repeating: 0, count: stateLevels.count)
    enter(k, 1, into: &fresh)
    return Distribution(shares: fresh)
  }

  /// The share at each level, in the order of ``levels``.
  public func shares(_ distribution: Distribution) -> [Double] {
    var shares = [Double](repeating: 0, count: levels.count)
    for state in distribution.shares.indices {
      shares[stateLevels[state]] += distribution.shares[state]
    }
    return shares
  }

  /// The median level of `distribution`: the lowest whose share with those below reaches
  /// one half.
  public func medianLevel(_ distribution: Distribution) -> Int {
    var below = 0.0
    for (k, share) in shares(distribution).enumerated() {
      below += share
      if below >= 0.5 - 1e-12 { return k }
    }
    return top
  }

  /// When people reach a level of the track, starting at its first level with no
  /// experience: the median years to it, and the share who hold it or a higher one.
  public struct Reach: Sendable, Hashable {
    public var level: Level
    /// The years by which half the people have reached the level; `nil` if half never do
    /// within the years looked at.
    public var medianYears: Double?
    /// The share at the level or above after the years looked at.
    public var share: Double
  }

  /// Each level's ``Reach`` within `years` of starting.
  ///
  /// - Precondition: `years` is finite and non-negative.
  public func reach(within years: Double) -> [Reach] {
    precondition(years.isFinite && years >= 0, "finite, non-negative years")
    var current = start
    var medians = [Double?](repeating: nil, count: levels.count)
    var above = [Double](repeating: 0, count: levels.count)
    for step in 0...Self.gridSteps(years) {
      if step > 0 { current = advance(current) }
      let shares = shares(current)
      var sum = 0.0
      for k in levels.indices.reversed() {
        sum += shares[k]
        above[k] = sum
        if medians[k] == nil, sum >= 0.5 - 1e-12 { medians[k] = Double(step) * Self.step }
      }
    }
    return levels.indices.map {
      Reach(level: levels[$0], medianYears: medians[$0], share: above[$0])
    }
  }

  // MARK: Careers

  /// The level held in the middle of each of `years` career years from `start`, for the
  /// median career: the median level of the distribution at that time.
  public func medianCareer(from start: Distribution, years: Int) -> [Int] {
    if let from = start.stepsFromStart {
      // Everyone's career: its median levels from the memo, under one lock.
      return memo.known.withLock { known in
        extend(&known, through: from + 4 * max(1, years) - 2)
        return (1...max(1, years)).map { t in known.medians[from + 4 * t - 2] }
      }
    }
    var current = start
    var done = 0
    return (1...max(1, years)).map { t in
      let target = 4 * t - 2  // the middle of year t, in grid steps
      current = advance(current, steps: target - done)
      done = target
      return medianLevel(current)
    }
  }

  /// The exact share of the careers drawn from `start` (``sampleCareer(from:years:draws:into:)``)
  /// that hold each level in the middle of each of `years` career years, by the level held
  /// in the middle of year 1: at `(year × levels + first) × levels + level`, years from 0.
  ///
  /// Year t's shares are the distribution 4t − 2 grid steps after `start`, split by the
  /// level of each state 2 steps after it.
  ///
  /// - Complexity: O(levels × years × states).
  func levelShares(from start: Distribution, years: Int) -> [Double] {
    let count = levels.count
    var shares = [Double](repeating: 0, count: max(0, years) * count * count)
    let firstYear = advance(start, steps: 2)
    for first in 0..<count {
      var held = firstYear.shares
      for state in held.indices where stateLevels[state] != first { held[state] = 0 }
      guard held.contains(where: { $0 > 0 }) else { continue }
      var distribution = Distribution(shares: held)
      for year in 0..<max(0, years) {
        if year > 0 { distribution = advance(distribution, steps: 4) }
        for (level, share) in self.shares(distribution).enumerated() {
          shares[(year * count + first) * count + level] = share
        }
      }
    }
    return shares
  }

  /// How many uniform draws a career takes (``sampleCareer(from:years:draws:into:)``): one
  /// for the start, and one for each promotion there is to reach.
  public var careerDraws: Int { levels.count }

  /// One career drawn at random from `start`: the level held in the middle of each of
  /// `years` career years, from ``careerDraws`` independent uniform draws.
  public func sampleCareer(
    from start: Distribution, years: Int, random: inout SeededRandom
  ) -> [Int] {
    var draws = [Double](repeating: 0, count: careerDraws)
    for k in draws.indices { draws[k] = random.nextOpenUnit() }
    var career: [Int] = []
    sampleCareer(from: start, years: years, draws: draws[...], into: &career)
    return career
  }

  /// The career that uniform draws make, written to `career` (replacing what it held): the
  /// level held in the middle of each of `years` career years.
  ///
  /// Each draw is inverted through a distribution, so that draws spread evenly over
  /// (0, 1) make careers spread evenly over the model's odds. `draws[0]` picks the start
  /// state: the first whose running sum of shares, in the model's fixed order, reaches it.
  /// Then `draws[j]` settles the j-th promotion in turn. Becoming eligible at a level with
  /// a share s staying there for good and a chance c of promotion within a year once
  /// eligible (so h = 1 − (1 − c)^¼ within a grid step), a draw u means
  ///
  /// ```
  /// u < s                      staying for good
  /// otherwise, v = (u − s)/(1 − s):
  ///   promotion ⌊ln v / ln(1 − h)⌋ + 1 grid steps after becoming eligible
  /// ```
  ///
  /// (at once when c = 1, never when c = 0); for someone already eligible at the start,
  /// whose staying is settled, v = u. Promotions after the last career year are not drawn.
  ///
  /// - Precondition: `draws` holds ``careerDraws`` values strictly between 0 and 1.
  /// - Complexity: O(`years` × levels).
  public func sampleCareer(
    from start: Distribution, years: Int, draws: ArraySlice<Double>, into career: inout [Int]
  ) {
    precondition(draws.count >= careerDraws, "a draw for the start and each promotion")
    let base = draws.startIndex
    // The start state, by the running sum of the shares in their fixed order.
    let u = draws[base]
    var state = start.shares.count - 1
    var sum = 0.0
    for index in start.shares.indices where start.shares[index] > 0 {
      sum += start.shares[index]
      state = index
      if u <= sum { break }
    }
    let first = stateLevels[state]
    var level = first
    let horizon = 4 * years
    let phase = state - offsets[level]
    let settled = level < top && phase == waiting[level] + 1  // stays for good
    // When the person is next eligible, and whether their staying is still to be drawn.
    var eligibleAt = level < top ? waiting[level] - min(phase, waiting[level]) : 0
    var undecided = level < top && phase < waiting[level]
    let count = max(1, years)
    career.removeAll(keepingCapacity: true)
    career.append(contentsOf: repeatElement(first, count: count))
    var next = base + 1
    while !settled, level < top, eligibleAt <= horizon {
      var v = draws[next]
      next += 1
      if undecided {
        let stays = steps[level].stays
        if v < stays { break }
        v = (v - stays) / (1 - stays)
      }
      let promotedAt: Int
      if steps[level].chance >= 1 {
        promotedAt = eligibleAt
      } else if steps[level].chance <= 0 {
        break
      } else {
        let draw = Math.log(v) / Math.log(1 - stepChance(level))
        promotedAt = eligibleAt + 1 + Int(min(draw, Double(horizon + 1)).rounded(.down))
      }
      // One level up from the first year whose middle, 4t − 2 grid steps in, is at or
      // after the promotion.
      var t = max(1, (promotedAt + 5) / 4)
      while t <= count {
        career[t - 1] += 1
        t += 1
      }
      level += 1
      eligibleAt = promotedAt + (level < top ? waiting[level] : 0)
      undecided = true
    }
  }
}

extension PromotionModel {
  /// Everyone's distributions after 0, 1, 2, … grid steps from the start, and their median
  /// levels, as far as they have been asked for: shared by every copy of a model and every
  /// thread.
  final class StepMemo: Sendable {
    struct Known {
      var distributions: [Distribution] = []
      var medians: [Int] = []
    }
    let known = Mutex(Known())
  }
}

/// The mix of levels among people with so many years of experience, from a promotion
/// model: on the model's grid, the average of its mixes over a `window` of years centred
/// there (`level-mix-window`: experience is stated in whole years), and between grid
/// points a straight line. Each grid point's mix holds more of the upper levels than the
/// one before, so averages and mixes between them do too, and no percentile of pay can
/// fall as experience grows (a cubic through each level's share would not keep that
/// order).
///
/// A class, immutable: the ladder's curve reads it at every experience a table solves, and
/// a copy of it then costs one reference rather than every array of its model.
public final class LevelMix: Sendable {
  /// The model.
  public let model: PromotionModel
  /// The years the mix is worked out for; beyond, it is held.
  public let horizon: Double
  /// Each level's share over experience.
  private let curves: [LinearInterpolant]

  /// The years each grid point's mix is averaged over.
  public let window: Double

  /// The mix of `model` from 0 to `horizon` years, averaged over `window` years.
  public init(model: PromotionModel, horizon: Double, window: Double = 0) {
    precondition(horizon > 0 && horizon.isFinite, "a horizon of some years")
    precondition(window >= 0 && window.isFinite, "a window of some years")
    self.window = window
    self.model = model
    self.horizon = horizon
    var current = model.start
    var grid = [model.shares(current)]
    for _ in 0..<Int(((horizon + window) / PromotionModel.step).rounded(.up)) {
      current = model.advance(current)
      grid.append(model.shares(current))
    }
    let xs = grid.indices.map { Double($0) * PromotionModel.step }
    // The average over the window centred on each grid point, everyone at the first
    // level before 0: the trapezoid rule is exact for the straight lines between grid
    // points.
    let half = Int((window / 2 / PromotionModel.step).rounded())
    let averaged = grid.indices.map { i in
      guard half > 0 else { return grid[i] }
      return (0..<model.levels.count).map { k in
        var sum = 0.0
        for j in (i - half)...(i + half) {
          let weight = abs(j - i) == half ? 0.5 : 1
          sum += weight * grid[min(max(j, 0), grid.count - 1)][k]
        }
        return sum / Double(2 * half)
      }
    }
    curves = model.levels.indices.map { k in
      LinearInterpolant(x: xs, y: averaged.map { $0[k] })
    }
  }

  /// The experiences of the grid within the horizon, where the shares bend.
  public var gridPoints: [Double] {
    (0...Int((horizon / PromotionModel.step).rounded(.down))).map {
      Double($0) * PromotionModel.step
    }
  }

  /// The share holding each level after `experience` years, in the order of the model's
  /// levels, summing to 1.
  ///
  /// - Precondition: `experience` is finite and non-negative.
  public func shares(at experience: Double) -> [Double] {
    precondition(experience.isFinite && experience >= 0, "experience is finite and non-negative")
    let e = min(experience, horizon)
    let raw = curves.map { max(0, $0.value(at: e)) }
    let total = raw.reduce(0, +)
    return total > 0 ? raw.map { $0 / total } : raw
  }
}
