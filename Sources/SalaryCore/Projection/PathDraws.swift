/// Where the Monte Carlo's draws come from.
package enum MonteCarloSampling: Sendable, Hashable {
  /// Quasi-random: path i takes point i of a ``SobolSequence`` scrambled from the seed, so
  /// the paths cover every dimension of the draws evenly (the default).
  case sobol
  /// Pseudo-random: every draw of every path independent, from a ``SeededRandom`` seeded
  /// with the seed. What a reference run of many paths uses to check the default.
  case independent
}

/// The uniform draws of each simulated path in turn, each strictly between 0 and 1.
///
/// With ``MonteCarloSampling/sobol``, path i's draws are the coordinates of point i of a
/// scrambled ``SobolSequence`` in as many dimensions as a path draws, up to its
/// ``SobolSequence/dimensionLimit``; further draws (projections of about fifty years and
/// more, whose last years' draws come last) are independent, from the generator that made
/// the scramble, continued. With ``MonteCarloSampling/independent`` every draw is
/// independent.
struct PathDraws {
  /// Draws a path.
  let count: Int
  private var points: SobolSequence.Generator?
  private var random: SeededRandom

  /// The draws of paths of `count` draws each, from `seed`.
  ///
  /// - Precondition: `count` is not negative.
  init(_ sampling: MonteCarloSampling, count: Int, seed: UInt64) {
    precondition(count >= 0, "a number of draws")
    self.count = count
    random = SeededRandom(seed: seed)
    if sampling == .sobol && count > 0 {
      let dimensions = min(count, SobolSequence.dimensionLimit)
      points = SobolSequence(dimensions: dimensions, scrambling: &random).makeGenerator()
    }
  }

  /// Writes the next path's draws to `draws[0..<count]`.
  ///
  /// - Precondition: `draws` holds at least ``count`` values.
  mutating func next(into draws: inout [Double]) {
    precondition(draws.count >= count, "room for every draw")
    var from = 0
    if points != nil {
      points!.next(into: &draws)
      from = points!.sequence.dimensions
    }
    for k in from..<count { draws[k] = random.nextOpenUnit() }
  }
}
