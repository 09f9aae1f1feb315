/// Pay at a fixed set of probabilities as a function of experience, for one consensus,
/// precomputed so that a query is a table lookup: the fast path of
/// ``PayModel/estimate(experience:factors:source:)`` for a batch of many rows.
///
/// The table holds log-pay u_j(e) = ln F_e⁻¹(p_j) of the consensus mixture F_e at
/// experience e, for each probability p_j, on a grid of experiences spanning
/// ``experienceRange`` (the consensus's supported range; a query outside it is held at its
/// nearer edge, as an estimate is). Between two grid points eₖ < eₖ₊₁ it is the cubic
/// Hermite interpolant of the values and slopes at both ends, with t = e − eₖ and
/// h = eₖ₊₁ − eₖ:
///
/// ```
/// u(e) = c₀ + c₁t + c₂t² + c₃t³
/// c₀ = uₖ,  c₁ = u′ₖ,  c₂ = (3δ − 2u′ₖ − u′ₖ₊₁)/h,  c₃ = (u′ₖ + u′ₖ₊₁ − 2δ)/h²,
/// δ = (uₖ₊₁ − uₖ)/h
/// ```
///
/// Each grid value is an exact quantile, solved by a safeguarded Newton iteration started
/// from the interpolant's prediction. Each slope comes from the implicit function theorem
/// on F_e(u) = p, with zᵢ = (u − μᵢ)/σᵢ over components i of normalized weight wᵢ:
///
/// ```
/// du/de = −(∂F/∂e)/f(u),   f(u) = Σ wᵢ φ(zᵢ)/σᵢ
/// ∂F/∂e = Σ [ w′ᵢ (Φ(zᵢ) − F) − wᵢ φ(zᵢ) (μ′ᵢ + zᵢ σ′ᵢ)/σᵢ ]
/// ```
///
/// where w′ᵢ, μ′ᵢ and σ′ᵢ are difference quotients of the curves' weights, μ and σ over at
/// most 10⁻⁶ years (one-sided at a kink, central elsewhere).
///
/// **The grid.** The consensus is smooth between its kinks: the supported range's ends,
/// every curve's observation midpoints (knots of μ's PCHIP and of σ), the ends of every
/// curve's coverage, and every point where two series of one source are equally loud (where
/// the loudest voice changes hands). All of them are grid points, with one-sided slopes on
/// each side. Each interval between kinks is then halved until the cubic over an interval
/// of at most one year predicts its midpoint within $0.25 of the exact quantile (at every
/// probability); the midpoint is then kept as a grid point too, so that the final
/// intervals, half as long, are typically 16 times more accurate. Intervals stop halving
/// below 10⁻⁴ years.
///
/// **Accuracy.** Against the exact quantiles of an estimate, on the embedded dataset, for
/// every `--source` selector, without factors, with San Francisco's point factor, with the
/// uncertain distributed-systems premium and with both, the largest error measured over
/// every 0.001 years of 0…25 was $0.022 (2 × 10⁻⁷ of pay). Point factors add their
/// logarithm to log-pay, so multiply pay as they do an estimate's (the grid is refined to
/// the dollar tolerance after them); uncertain factors widen every component, and the
/// table is built on the widened mixture.
///
///     let table = try QuantileTable(model: model, factors: [sanFrancisco])
///     var pay = [Double](repeating: 0, count: 5)
///     table.quantiles(at: 6.5, into: &pay)  // P10, P25, P50, P75, P90 at 6.5 years
public struct QuantileTable: Sendable {
  /// The probabilities of the quantiles, increasing: ``Estimate/probabilities`` unless
  /// chosen.
  public let probabilities: [Double]
  /// The experiences the table spans: the consensus's supported range. A query outside it
  /// is held at the nearer end.
  public let experienceRange: ClosedRange<Double>
  /// The grid of experiences, increasing, from the range's start to its end; every kink of
  /// the consensus is on it. At each of them the table's values are exact quantiles (to the
  /// solver's 10⁻¹¹ in log-pay).
  ///
  /// For a table built ``init(model:factors:source:probabilities:covering:)``, only the two
  /// ends of the interval of the full grid that holds its experience.
  public let grid: [Double]
  /// For interval k and probability j, the cubic's coefficients c₀…c₃ of log-pay in
  /// t = e − grid[k], at `(k × probabilities.count + j) × 4`; ln of a point factor is in c₀.
  let coefficients: [Double]
  /// The range split into cells of equal width, four per interval: the interval holding
  /// each cell's start, so that a query finds its interval in a step or two.
  let cellIntervals: [Int]
  /// Cells per year (0 for a one-point range).
  let cellsPerYear: Double

  /// Builds the table for the consensus of every series, or those a `--source` selector
  /// picks, after `factors`.
  ///
  /// - Parameters:
  ///   - model: The pay model.
  ///   - factors: Factors as for an estimate: point factors multiply every quantile,
  ///     uncertain ones widen the mixture.
  ///   - source: A selector as ``PayModel/curves(selectedBy:)`` takes; `nil` for all.
  ///   - probabilities: Strictly increasing, each strictly between 0 and 1.
  /// - Throws: ``EstimateError/unknownSource(_:suggestions:)`` for a selector that names
  ///   nothing, ``EstimateError/noSeriesCovers(experience:)`` when somewhere in the range no
  ///   series speaks.
  /// - Precondition: every curve's σ is above 0 (as it is for every curve read from data).
  /// - Complexity: O(*g* × *s* × *p*) for *g* grid points, *s* series and *p* probabilities:
  ///   for the consensus of all the embedded guides, 105 to 109 grid points, built in 0.5 to
  ///   0.6 ms in a release build; for one source, 63 at most, in 0.25 ms at most.
  public init(
    model: PayModel, factors: [Factor] = [], source: String? = nil,
    probabilities: [Double] = Estimate.probabilities
  ) throws(EstimateError) {
    guard let curves = model.curves(selectedBy: source) else {
      throw .unknownSource(
        source!, suggestions: suggestions(for: source!, among: model.selectors))
    }
    try self.init(
      consensus: Consensus(curves: curves), factors: factors, probabilities: probabilities)
  }

  /// Builds only the part of the table that answers at `experience`: the interval of the
  /// full table's grid that holds it (held to the range, as a query is), with the same
  /// values, slopes and coefficients as the full table, so that it gives the same pay there,
  /// bit for bit.
  ///
  /// The full table solves every kink of the consensus and halves every interval between
  /// them; this one solves the kinks up to the end of the interval of kinks that holds
  /// `experience` (each kink's solve starts from the one before, so they cannot be skipped)
  /// and only the halvings towards `experience`. It is for one answer, such as a single
  /// `salary estimate`: a fifth of the cost of the table or less.
  ///
  /// Asking it for pay at another experience outside ``grid``'s two ends stops the program.
  ///
  /// - Parameters: As ``init(model:factors:source:probabilities:)``, and the experience,
  ///   finite and non-negative.
  /// - Throws: As ``init(model:factors:source:probabilities:)``, where the full table would.
  public init(
    model: PayModel, factors: [Factor] = [], source: String? = nil,
    probabilities: [Double] = Estimate.probabilities, covering experience: Double
  ) throws(EstimateError) {
    precondition(experience.isFinite && experience >= 0, "experience is finite and non-negative")
    guard let curves = model.curves(selectedBy: source) else {
      throw .unknownSource(
        source!, suggestions: suggestions(for: source!, among: model.selectors))
    }
    try self.init(
      consensus: Consensus(curves: curves), factors: factors, probabilities: probabilities,
      covering: experience)
  }

  /// Builds the table of `consensus` after `factors`: all of it, or with `covering`, only
  /// the interval that answers at that experience.
  ///
  /// - Throws: ``EstimateError/noSeriesCovers(experience:)`` when somewhere in the range no
  ///   series speaks.
  init(
    consensus: Consensus, factors: [Factor], probabilities: [Double],
    covering experience: Double? = nil
  ) throws(EstimateError) {
    precondition(!probabilities.isEmpty, "a table needs a probability")
    precondition(
      probabilities.allSatisfy { $0 > 0 && $0 < 1 }
        && zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 < $1 },
      "probabilities are strictly increasing, each strictly between 0 and 1")
    let pointOnly = factors.allSatisfy { !$0.isUncertain }
    var builder = QuantileTableBuilder(
      consensus: consensus, applied: pointOnly ? [] : factors,
      offset: pointOnly ? Math.log(factors.combinedValue) : 0, probabilities: probabilities)
    if let experience {
      try builder.build(covering: experience)
    } else {
      try builder.build()
    }
    self.probabilities = probabilities
    self.experienceRange = builder.range
    self.grid = builder.nodes.map(\.experience)
    self.coefficients = builder.coefficients()
    let intervals = max(1, grid.count - 1)
    let length = experienceRange.upperBound - experienceRange.lowerBound
    let cells = 4 * intervals
    self.cellsPerYear = length > 0 ? Double(cells) / length : 0
    var cellIntervals: [Int] = []
    var k = 0
    for cell in 0..<cells {
      let start = experienceRange.lowerBound + Double(cell) * length / Double(cells)
      while k + 1 < intervals && grid[k + 1] <= start { k += 1 }
      cellIntervals.append(k)
    }
    self.cellIntervals = cellIntervals
  }

  /// Pay at every probability at `experience` years, written to `output` in the order of
  /// ``probabilities``. Allocates nothing.
  ///
  /// - Precondition: `experience` is finite and non-negative; `output.count` equals
  ///   `probabilities.count`.
  /// - Complexity: O(*p*) for *p* probabilities (a cubic and an exponential each) after
  ///   finding the interval, which takes a step or two (O(log *g*) at worst for *g* grid
  ///   points); about 35 ns for five probabilities in a release build.
  public func quantiles(at experience: Double, into output: inout MutableSpan<Double>) {
    let count = probabilities.count
    precondition(output.count == count, "one slot per probability")
    let (interval, t) = locate(experience)
    var base = interval * count * 4
    for j in 0..<count {
      output[j] = Math.exp(
        coefficients[base] + t
          * (coefficients[base + 1] + t * (coefficients[base + 2] + t * coefficients[base + 3])))
      base += 4
    }
  }

  /// Pay at every probability at `experience` years, written over `output` in the order of
  /// ``probabilities``. Allocates nothing when `output` holds its own storage.
  ///
  /// - Precondition: `experience` is finite and non-negative; `output.count` equals
  ///   `probabilities.count`.
  /// - Complexity: O(*p*) for *p* probabilities, as with a span.
  public func quantiles(at experience: Double, into output: inout [Double]) {
    var span = output.mutableSpan
    quantiles(at: experience, into: &span)
  }

  /// Pay at `probabilities[index]` at `experience` years.
  ///
  /// - Precondition: `experience` is finite and non-negative; `index` is a valid index of
  ///   ``probabilities``.
  /// - Complexity: O(1) after finding the interval, which takes a step or two.
  public func quantile(_ index: Int, at experience: Double) -> Double {
    quantile(index, at: location(of: experience))
  }

  /// Where an experience falls in the table: found once, it answers for every probability.
  struct Location {
    /// The interval holding the experience.
    var interval: Int
    /// The experience (held to the range) less the interval's start, in years.
    var offset: Double
  }

  /// Where `experience` falls, held to the range.
  ///
  /// - Precondition: `experience` is finite and non-negative.
  func location(of experience: Double) -> Location {
    let (interval, offset) = locate(experience)
    return Location(interval: interval, offset: offset)
  }

  /// Pay at `probabilities[index]` where `location` is: the number
  /// the public `quantile(_:at:)` gives at the experience it was found for.
  func quantile(_ index: Int, at location: Location) -> Double {
    precondition(probabilities.indices.contains(index), "an index of a probability")
    let t = location.offset
    let base = (location.interval * probabilities.count + index) * 4
    return Math.exp(
      coefficients[base] + t
        * (coefficients[base + 1] + t * (coefficients[base + 2] + t * coefficients[base + 3])))
  }

  /// The interval holding `experience`, held to the range, and the offset into it.
  private func locate(_ experience: Double) -> (interval: Int, offset: Double) {
    precondition(experience.isFinite && experience >= 0, "experience is finite and non-negative")
    let e = min(max(experience, experienceRange.lowerBound), experienceRange.upperBound)
    // The last k < grid.count − 1 with grid[k] ≤ e (0 for a one-point grid), between the
    // intervals at the starts of e's cell and the next.
    let cell = min(Int((e - experienceRange.lowerBound) * cellsPerYear), cellIntervals.count - 1)
    var low = cellIntervals[cell]
    var high = cell + 1 < cellIntervals.count ? cellIntervals[cell + 1] + 1 : grid.count - 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if grid[middle] <= e { low = middle } else { high = middle }
    }
    // Where e is within rounding of a cell's start, the cell may name the interval next to
    // e's; step to e's own, so that the answer is its cubic's (as a table built covering e,
    // which has no cells to go by, gives it).
    while low > 0 && grid[low] > e { low -= 1 }
    while low + 2 < grid.count && grid[low + 1] <= e { low += 1 }
    precondition(
      e >= grid[0] && e <= grid[grid.count - 1],
      "a table built covering one experience answers there only")
    return (low, e - grid[low])
  }
}

/// The coefficients of the cubic Hermite interpolant on [0, h] with values `u0`, `u1` and
/// slopes `d0`, `d1` at its ends, in powers of t: c₀ + c₁t + c₂t² + c₃t³.
func hermiteCoefficients(_ u0: Double, _ d0: Double, _ u1: Double, _ d1: Double, _ h: Double)
  -> (Double, Double, Double, Double)
{
  guard h > 0 else { return (u0, 0, 0, 0) }
  let delta = (u1 - u0) / h
  return (u0, d0, (3 * delta - 2 * d0 - d1) / h, (d0 + d1 - 2 * delta) / (h * h))
}

/// The cubic Hermite interpolant's value at the middle of [0, h].
func hermiteMidpoint(_ u0: Double, _ d0: Double, _ u1: Double, _ d1: Double, _ h: Double)
  -> Double
{
  (u0 + u1) / 2 + h * (d0 - d1) / 8
}

/// A mixture of lognormals as plain arrays of its components' normalized weights, μ and σ,
/// for the tables' solves. Components of weight 0 are kept (they matter to a slope) but
/// take no part in a solve.
struct MixtureParts {
  /// The weights, summing to 1.
  var weights: [Double]
  /// Each component's μ.
  var mus: [Double]
  /// Each component's σ, above 0.
  var sigmas: [Double]

  /// The parts of `distributions` weighted by `weights` (not all zero).
  init(weights: [Double], distributions: [LogNormal]) {
    let total = weights.reduce(0, +)
    precondition(total > 0, "a mixture needs a component of positive weight")
    precondition(distributions.allSatisfy { $0.sigma > 0 }, "every component has σ > 0")
    self.weights = weights.map { $0 / total }
    self.mus = distributions.map(\.mu)
    self.sigmas = distributions.map(\.sigma)
  }

  /// The parts of `mixture`.
  init(_ mixture: LogNormalMixture) {
    self.init(
      weights: mixture.components.map(\.weight),
      distributions: mixture.components.map(\.distribution))
  }

  /// The density of log-pay at `u`: f(u) = Σ wᵢ φ((u − μᵢ)/σᵢ)/σᵢ.
  func density(at u: Double) -> Double {
    var sum = 0.0
    for i in weights.indices where weights[i] > 0 {
      sum += weights[i] * StandardNormal.density((u - mus[i]) / sigmas[i]) / sigmas[i]
    }
    return sum
  }

  /// The log-pay u with a share `target` of the mixture below it (above it when `upper`),
  /// where `score` is the standard normal score of that share, Φ⁻¹ of the lower share.
  ///
  /// Newton steps from `start`, kept inside the bracket of the components' own quantiles
  /// at `score` (which holds the root, since F is their average) and bisected whenever a
  /// step would leave it, until a step is under 10⁻¹¹. Solving in the upper tail keeps full
  /// precision when the upper share is small.
  func logQuantile(score: Double, target: Double, upper: Bool, from start: Double) -> Double {
    var low = Double.infinity
    var high = -Double.infinity
    for i in weights.indices where weights[i] > 0 {
      let own = mus[i] + sigmas[i] * score
      low = min(low, own)
      high = max(high, own)
    }
    if high - low < 1e-12 { return low }
    var u = start.isFinite ? min(max(start, low), high) : (low + high) / 2
    for _ in 0..<200 {
      var share = 0.0
      var density = 0.0
      for i in weights.indices where weights[i] > 0 {
        let z = (u - mus[i]) / sigmas[i]
        share += weights[i] * StandardNormal.cdf(upper ? -z : z)
        density += weights[i] * StandardNormal.density(z) / sigmas[i]
      }
      // Above the root when positive.
      let excess = upper ? target - share : share - target
      if excess == 0 { return u }
      if excess > 0 { high = u } else { low = u }
      var next = density > 0 ? u - excess / density : .nan
      if !(next > low && next < high) { next = (low + high) / 2 }
      if abs(next - u) < 1e-11 || high - low < 1e-11 { return next }
      u = next
    }
    return u
  }
}

/// Builds a ``QuantileTable``: finds the kinks, solves the grid and refines it.
struct QuantileTableBuilder {
  /// One grid point: the exact log-pay at each probability and its slopes on each side.
  struct Node {
    var experience: Double
    var values: [Double]
    var left: [Double]
    var right: [Double]
  }

  let consensus: Consensus
  /// The factors applied to every component: none when all are point factors.
  let applied: [Factor]
  /// ln of the point factors' product, added to log-pay; 0 with an uncertain factor.
  let offset: Double
  let probabilities: [Double]
  let scores: [Double]
  let range: ClosedRange<Double>
  /// Each curve's source, numbered in order of first appearance.
  let sources: [Int]
  let sourceCount: Int
  var nodes: [Node] = []

  /// The longest interval accepted, in years.
  static let longestInterval = 1.0
  /// The shortest interval halved, in years.
  static let shortestInterval = 1e-4
  /// The largest error accepted at an interval's midpoint, in dollars.
  static let tolerance = 0.25
  /// The longest step of a difference quotient, in years.
  static let differenceStep = 1e-6

  init(consensus: Consensus, applied: [Factor], offset: Double, probabilities: [Double]) {
    self.consensus = consensus
    self.applied = applied
    self.offset = offset
    self.probabilities = probabilities
    self.scores = probabilities.map(StandardNormal.quantile)
    self.range = consensus.supportedExperience
    let names = uniqueInOrder(consensus.curves.map(\.series.source))
    self.sources = consensus.curves.map { names.firstIndex(of: $0.series.source)! }
    self.sourceCount = names.count
  }

  /// Every experience in the range where the consensus is not smooth, with both ends.
  func kinks() -> [Double] {
    let curves = consensus.curves
    var points = [range.lowerBound, range.upperBound]
    for curve in curves {
      points += curve.observations.map(\.midpoint)
      points += [curve.coverage.lowerBound, curve.coverage.upperBound]
    }
    // Where two series of a source are equally loud, the loudest changes hands. Voices
    // are linear between their own breaks, so look for a change of sign between breaks.
    for a in curves.indices {
      for b in curves.indices where b > a && curves[a].series.source == curves[b].series.source {
        let breaks = [curves[a], curves[b]].flatMap {
          [
            $0.coverage.lowerBound, $0.fullVoice.lowerBound, $0.fullVoice.upperBound,
            $0.coverage.upperBound,
          ]
        }.sorted()
        for (x0, x1) in zip(breaks, breaks.dropFirst()) where x1 > x0 {
          let d0 = curves[a].voice(at: x0) - curves[b].voice(at: x0)
          let d1 = curves[a].voice(at: x1) - curves[b].voice(at: x1)
          if (d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0) {
            points.append(x0 + (x1 - x0) * d0 / (d0 - d1))
          }
        }
      }
    }
    // Points closer than 10⁻⁹ years are one; the range's ends are kept exactly.
    var kinks: [Double] = []
    for point in points.sorted() where range.contains(point) {
      if let last = kinks.last, point - last < 1e-9 { continue }
      kinks.append(point)
    }
    kinks[kinks.count - 1] = range.upperBound
    return kinks
  }

  /// Each curve's weight at `experience`: ``Consensus/weights(at:)``, bit for bit, with
  /// the sources numbered once rather than hashed by name at every call (which costs about
  /// 3 µs, most of a grid point's time).
  func weights(at experience: Double) -> [Double] {
    var loudest = [Double](repeating: 0, count: sourceCount)
    var total = [Double](repeating: 0, count: sourceCount)
    let voices = consensus.curves.map { $0.voice(at: experience) }
    for (source, voice) in zip(sources, voices) {
      loudest[source] = max(loudest[source], voice)
      total[source] += voice
    }
    return zip(sources, voices).map { source, voice in
      total[source] > 0 ? loudest[source] * voice / total[source] : 0
    }
  }

  /// The components at `experience`: normalized weights, μ and σ after the factors.
  func parts(at experience: Double) throws(EstimateError) -> MixtureParts {
    let weights = weights(at: experience)
    guard weights.contains(where: { $0 > 0 }) else {
      throw .noSeriesCovers(experience: experience)
    }
    return MixtureParts(
      weights: weights,
      distributions: consensus.curves.map { $0.distribution(at: experience).applying(applied) })
  }

  /// The grid point at `experience`, between the kinks `before` and `after` (equal to it
  /// at the ends), solved from `guesses`; `isKink` when its slopes differ on each side.
  func node(
    at experience: Double, isKink: Bool, before: Double, after: Double, guesses: [Double]
  ) throws(EstimateError) -> Node {
    let here = try parts(at: experience)
    let leftStep = min(Self.differenceStep, (experience - before) / 4)
    let rightStep = min(Self.differenceStep, (after - experience) / 4)
    let below = leftStep > 0 ? try parts(at: experience - leftStep) : nil
    let above = rightStep > 0 ? try parts(at: experience + rightStep) : nil

    // The derivatives of the parameters on each side.
    func derivative(_ from: MixtureParts?, _ to: MixtureParts?, _ step: Double)
      -> (w: [Double], mu: [Double], sigma: [Double])?
    {
      guard let from, let to else { return nil }
      return (
        zip(to.weights, from.weights).map { ($0 - $1) / step },
        zip(to.mus, from.mus).map { ($0 - $1) / step },
        zip(to.sigmas, from.sigmas).map { ($0 - $1) / step }
      )
    }
    var leftDerivative: (w: [Double], mu: [Double], sigma: [Double])?
    var rightDerivative: (w: [Double], mu: [Double], sigma: [Double])?
    if isKink || below == nil || above == nil {
      leftDerivative = derivative(below, here, leftStep)
      rightDerivative = derivative(here, above, rightStep)
    } else {
      leftDerivative = derivative(below, above, leftStep + rightStep)
      rightDerivative = leftDerivative
    }

    var node = Node(experience: experience, values: [], left: [], right: [])
    // Each component's zᵢ, Φ(zᵢ) and φ(zᵢ) at the solution, for the slopes.
    let count = here.weights.count
    var zs = [Double](repeating: 0, count: count)
    var cdfs = zs
    var densities = zs
    for (j, probability) in probabilities.enumerated() {
      let upper = probability > 0.5
      let u = here.logQuantile(
        score: scores[j], target: upper ? 1 - probability : probability, upper: upper,
        from: guesses[j] - offset)
      var share = 0.0
      var density = 0.0
      for i in 0..<count {
        zs[i] = (u - here.mus[i]) / here.sigmas[i]
        cdfs[i] = StandardNormal.cdf(zs[i])
        densities[i] = StandardNormal.density(zs[i])
        share += here.weights[i] * cdfs[i]
        density += here.weights[i] * densities[i] / here.sigmas[i]
      }
      func slope(_ d: (w: [Double], mu: [Double], sigma: [Double])?) -> Double? {
        guard let d else { return nil }
        var change = 0.0
        for i in 0..<count {
          change +=
            d.w[i] * (cdfs[i] - share) - here.weights[i] * densities[i]
            * (d.mu[i] + zs[i] * d.sigma[i]) / here.sigmas[i]
        }
        return density > 0 ? -change / density : 0
      }
      let left = slope(leftDerivative)
      let right = slope(rightDerivative)
      node.values.append(u + offset)
      node.left.append(left ?? right ?? 0)
      node.right.append(right ?? left ?? 0)
    }
    return node
  }

  /// Solves the kinks, then halves every interval between them until it is accurate.
  mutating func build() throws(EstimateError) {
    let kinks = kinks()
    var previous: Node?
    for (k, kink) in kinks.enumerated() {
      let node = try kinkNode(k, kinks, after: previous)
      if let previous {
        try refine(previous, node, before: previous.experience, after: kink)
      } else {
        nodes.append(node)
      }
      previous = node
    }
  }

  /// Solves the kinks up to the end of the interval of kinks that holds `experience` (held
  /// to the range), then halves that interval towards it as ``build()`` halves it, leaving
  /// in ``nodes`` the two ends of the interval of the full grid that holds it: the same
  /// nodes, from the same starting guesses, as ``build()`` solves.
  ///
  /// The interval is the one ``QuantileTable`` reads at `experience`: the last whose start
  /// is at or before it.
  mutating func build(covering experience: Double) throws(EstimateError) {
    let target = min(max(experience, range.lowerBound), range.upperBound)
    let kinks = kinks()
    // Fail where the full table fails: where no series speaks at a kink. (Between two
    // kinks every voice is linear and not negative, so if none speaks somewhere inside,
    // none speaks at either end.)
    for kink in kinks where !weights(at: kink).contains(where: { $0 > 0 }) {
      throw .noSeriesCovers(experience: kink)
    }
    // The last kink interval whose start is at or before the target.
    var last = 0
    while last + 2 < kinks.count && kinks[last + 1] <= target { last += 1 }
    var previous: Node?
    var left: Node?
    for (k, kink) in kinks.enumerated() where k <= last + 1 {
      let node = try kinkNode(k, kinks, after: previous)
      if let left {
        try refine(left, node, before: left.experience, after: kink, toward: target)
        return
      }
      if k == last {
        if kinks.count == 1 {
          nodes = [node]
          return
        }
        left = node
      }
      previous = node
    }
  }

  /// The node at `kinks[k]`, solved from the prediction of the kink before it, as
  /// ``build()`` solves it.
  private func kinkNode(_ k: Int, _ kinks: [Double], after previous: Node?) throws(EstimateError)
    -> Node
  {
    let kink = kinks[k]
    let guesses: [Double]
    if let previous {
      let h = kink - previous.experience
      guesses = zip(previous.values, previous.right).map { $0 + $1 * h }
    } else {
      guesses = Array(repeating: .nan, count: probabilities.count)
    }
    return try node(
      at: kink, isKink: true, before: k > 0 ? kinks[k - 1] : kink,
      after: k + 1 < kinks.count ? kinks[k + 1] : kink, guesses: guesses)
  }

  /// The halving of ``refine(_:_:before:after:)`` between `left` and `right`, but only
  /// towards `target` (at or after `left`, and before `right` unless `right` ends the
  /// range): leaves in ``nodes`` the ends of the final interval that holds it.
  mutating func refine(
    _ left: Node, _ right: Node, before: Double, after: Double, toward target: Double
  ) throws(EstimateError) {
    let (middle, isFinal) = try halve(left, right, before: before, after: after)
    let towardRight = target >= middle.experience
    if isFinal {
      nodes = towardRight ? [middle, right] : [left, middle]
    } else if towardRight {
      try refine(middle, right, before: before, after: after, toward: target)
    } else {
      try refine(left, middle, before: before, after: after, toward: target)
    }
  }

  /// The midpoint of `left` and `right`, solved from the cubic's prediction, and whether
  /// the two halves are final: the interval is short enough and the cubic predicts the
  /// midpoint well enough, or it is too short to halve again.
  private func halve(_ left: Node, _ right: Node, before: Double, after: Double)
    throws(EstimateError) -> (middle: Node, isFinal: Bool)
  {
    let h = right.experience - left.experience
    let predicted = probabilities.indices.map {
      hermiteMidpoint(left.values[$0], left.right[$0], right.values[$0], right.left[$0], h)
    }
    let middle = try node(
      at: left.experience + h / 2, isKink: false, before: before, after: after,
      guesses: predicted)
    var error = 0.0
    for (guess, exact) in zip(predicted, middle.values) {
      error = max(error, abs(Math.exp(guess) - Math.exp(exact)))
    }
    let isFinal =
      (h <= Self.longestInterval && error <= Self.tolerance) || h / 2 < Self.shortestInterval
    return (middle, isFinal)
  }

  /// Appends the grid points after `left` up to `right`, both in one smooth stretch from
  /// `before` to `after`.
  mutating func refine(_ left: Node, _ right: Node, before: Double, after: Double)
    throws(EstimateError)
  {
    let (middle, isFinal) = try halve(left, right, before: before, after: after)
    if isFinal {
      nodes.append(middle)
      nodes.append(right)
    } else {
      try refine(left, middle, before: before, after: after)
      try refine(middle, right, before: before, after: after)
    }
  }

  /// The cubics' coefficients, interval by interval, probability by probability.
  func coefficients() -> [Double] {
    var result: [Double] = []
    result.reserveCapacity(max(1, nodes.count - 1) * probabilities.count * 4)
    if nodes.count == 1 {
      for value in nodes[0].values { result.append(contentsOf: [value, 0, 0, 0]) }
      return result
    }
    for (left, right) in zip(nodes, nodes.dropFirst()) {
      let h = right.experience - left.experience
      for j in probabilities.indices {
        let (c0, c1, c2, c3) = hermiteCoefficients(
          left.values[j], left.right[j], right.values[j], right.left[j], h)
        result.append(c0)
        result.append(c1)
        result.append(c2)
        result.append(c3)
      }
    }
    return result
  }
}
