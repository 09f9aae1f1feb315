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
  /// Every curve's components at any experience, together.
  let componentCount: Int
  /// What ``applied`` does to a lognormal (``LogNormal/applying(_:)``): ln of their
  /// combined value added to μ, and their combined σ; nil without factors.
  let appliedShift: (shift: Double, extra: Double)?
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
    self.componentCount = consensus.curves.reduce(0) { $0 + $1.componentCount }
    self.appliedShift =
      applied.isEmpty ? nil : (Math.log(applied.combinedValue), applied.combinedSigma)
  }

  /// Every experience in the range where the consensus is not smooth, with both ends.
  func kinks() -> [Double] {
    let curves = consensus.curves
    var points = [range.lowerBound, range.upperBound]
    for curve in curves {
      points += curve.observations.map(\.midpoint) + curve.breakpoints
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

  /// The components at `experience`: normalized weights, μ and σ after the factors.
  func parts(at experience: Double) throws(MarketError) -> MixtureParts {
    let weights = consensus.weights(at: experience)
    guard weights.contains(where: { $0 > 0 }) else {
      throw .noSeriesCovers(experience: experience)
    }
    // Every curve's every component, those of weight 0 too: the slopes need them in the
    // same order at each experience.
    var shares: [Double] = []
    var mus: [Double] = []
    var sigmas: [Double] = []
    shares.reserveCapacity(componentCount)
    mus.reserveCapacity(componentCount)
    sigmas.reserveCapacity(componentCount)
    // Through a buffer: each curve read in place, not copied with every array it holds.
    consensus.curves.withUnsafeBufferPointer { curves in
      for index in curves.indices {
        let weight = weights[index]
        for (share, own) in curves[index].components(at: experience) {
          shares.append(weight * share)
          // `own.applying(applied)`, its factors' shift and spread worked out once.
          let part = appliedShift.map { own.shifted(by: $0.shift, widenedBy: $0.extra) } ?? own
          mus.append(part.mu)
          sigmas.append(part.sigma)
        }
      }
    }
    return MixtureParts(weights: shares, mus: mus, sigmas: sigmas)
  }

  /// The grid point at `experience`, between the kinks `before` and `after` (equal to it
  /// at the ends), solved from `guesses`; `isKink` when its slopes differ on each side.
  func node(
    at experience: Double, isKink: Bool, before: Double, after: Double, guesses: [Double]
  ) throws(MarketError) -> Node {
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
      let u = MixtureSolver.logQuantile(
        here, score: scores[j], target: upper ? 1 - probability : probability, upper: upper,
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
  mutating func build() throws(MarketError) {
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

  /// Solves the kinks up to the end of the interval of kinks that holds `experience` (within
  /// the range), then halves that interval towards it as ``build()`` halves it, leaving
  /// in ``nodes`` the two ends of the interval of the full grid that holds it: the same
  /// nodes, from the same starting guesses, as ``build()`` solves.
  ///
  /// The interval is the one ``QuantileTable`` reads at `experience`: the last whose start
  /// is at or before it.
  mutating func build(covering experience: Double) throws(MarketError) {
    precondition(range.contains(experience), "an experience the market has held")
    let target = experience
    let kinks = kinks()
    // Fail where the full table fails: where no series speaks at a kink. (Between two
    // kinks every voice is linear and not negative, so if none speaks somewhere inside,
    // none speaks at either end.)
    for kink in kinks where !consensus.weights(at: kink).contains(where: { $0 > 0 }) {
      throw .noSeriesCovers(experience: kink)
    }
    // The last kink interval whose start is at or before the target.
    let last = Self.interval(holding: target, between: kinks)
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

  /// The interval between consecutive `points` that a table reads at `experience`: the
  /// last that starts at or before it (the last one for the last point; 0 for one point).
  static func interval(holding experience: Double, between points: [Double]) -> Int {
    var k = 0
    while k + 2 < points.count && points[k + 1] <= experience { k += 1 }
    return k
  }

  /// The node at `kinks[k]`, solved from the prediction of the kink before it, as
  /// ``build()`` solves it.
  func kinkNode(_ k: Int, _ kinks: [Double], after previous: Node?) throws(MarketError)
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
  ) throws(MarketError) {
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
    throws(MarketError) -> (middle: Node, isFinal: Bool)
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
    throws(MarketError)
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

  /// The cubics' coefficients between consecutive `nodes`, interval by interval,
  /// probability by probability.
  static func coefficients(of nodes: [Node], probabilities: [Double]) -> [Double] {
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
