/// Pay at a fixed set of probabilities as a function of experience, for one market,
/// precomputed so that a query is a table lookup: where every P10 to P90 a command shows
/// comes from (``Market/quantiles(at:)``), for one estimate or a million batch rows.
///
/// The table holds log-pay u_j(e) = ln F_e⁻¹(p_j) of the consensus mixture F_e at
/// experience e, for each probability p_j, on a grid of experiences spanning
/// ``experienceRange`` (the market's range; the market holds a query to it before asking). Between two grid points eₖ < eₖ₊₁ it is the cubic
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
///     let table = try market.table()
///     var pay = [Double](repeating: 0, count: 5)
///     table.quantiles(at: 6.5, into: &pay)  // P10, P25, P50, P75, P90 at 6.5 years
struct QuantileTable: Sendable {
  /// The probabilities of the quantiles, increasing: ``Estimate/probabilities`` unless
  /// chosen.
  let probabilities: [Double]
  /// The experiences the table spans: the market's range. A query must lie within it.
  let experienceRange: ClosedRange<Double>
  /// The grid of experiences, increasing, from the range's start to its end; every kink of
  /// the consensus is on it. At each of them the table's values are exact quantiles (to the
  /// solver's 10⁻¹¹ in log-pay).
  ///
  /// For a table built covering one experience, only the two ends of the interval of the
  /// full grid that holds it; for a stretch of a ``PartialQuantileTable``, that stretch of
  /// the full grid.
  let grid: [Double]
  /// For interval k and probability j, the cubic's coefficients c₀…c₃ of log-pay in
  /// t = e − grid[k], at `(k × probabilities.count + j) × 4`; ln of a point factor is in c₀.
  let coefficients: [Double]
  /// The range split into cells of equal width, four per interval: the interval holding
  /// each cell's start, so that a query finds its interval in a step or two.
  let cellIntervals: [Int]
  /// Cells per year (0 for a one-point range).
  let cellsPerYear: Double

  /// Builds the table of a market: all of it, or with `covering`, only the part that
  /// answers at that experience (held to the market's range).
  ///
  /// The part is the interval of the full table's grid that holds the experience, with the
  /// same values, slopes and coefficients as the full table, so that it gives the same pay
  /// there, bit for bit. The full table solves every kink of the consensus and halves every
  /// interval between them; the part solves the kinks up to the end of the interval of kinks
  /// that holds the experience (each kink's solve starts from the one before, so they cannot
  /// be skipped) and only the halvings towards it: a fifth of the cost of the table or less,
  /// for one answer such as a single `salary estimate`. Asking the part for pay at another
  /// experience outside ``grid``'s two ends stops the program.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` when somewhere in the range no
  ///   series speaks.
  /// - Complexity: O(*g* × *s* × *p*) for *g* grid points, *s* series and *p* probabilities:
  ///   for the consensus of all the embedded guides, 105 to 109 grid points, built in 0.5 to
  ///   0.6 ms in a release build; for one source, 63 at most, in 0.25 ms at most.
  init(
    market: Market, probabilities: [Double] = Estimate.probabilities,
    covering experience: Double? = nil
  ) throws(MarketError) {
    try self.init(
      consensus: market.consensus, applied: market.appliedFactors, offset: market.logScale,
      probabilities: probabilities, covering: experience)
  }

  /// Builds the table of `consensus` with `applied` factors on every component and
  /// `offset` added to log-pay: all of it, or with `covering`, only the interval that
  /// answers at that experience.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` when somewhere in the range no
  ///   series speaks.
  init(
    consensus: Consensus, applied: [Factor], offset: Double, probabilities: [Double],
    covering experience: Double? = nil
  ) throws(MarketError) {
    precondition(!probabilities.isEmpty, "a table needs a probability")
    precondition(
      probabilities.allSatisfy { $0 > 0 && $0 < 1 }
        && zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 < $1 },
      "probabilities are strictly increasing, each strictly between 0 and 1")
    var builder = QuantileTableBuilder(
      consensus: consensus, applied: applied, offset: offset, probabilities: probabilities)
    if let experience {
      try builder.build(covering: experience)
    } else {
      try builder.build()
    }
    self.init(nodes: builder.nodes, probabilities: probabilities, range: builder.range)
  }

  /// The table of `nodes`, consecutive points of the grid of a table over `range` (all of
  /// them, or a stretch: see ``PartialQuantileTable``), with their values at
  /// `probabilities`.
  init(nodes: [QuantileTableBuilder.Node], probabilities: [Double], range: ClosedRange<Double>) {
    precondition(!nodes.isEmpty, "a table needs a grid point")
    precondition(
      nodes.allSatisfy { $0.values.count == probabilities.count }
        && zip(nodes, nodes.dropFirst()).allSatisfy { $0.experience < $1.experience },
      "grid points in order, each with a value at every probability")
    self.probabilities = probabilities
    self.experienceRange = range
    self.grid = nodes.map(\.experience)
    self.coefficients = QuantileTableBuilder.coefficients(of: nodes, probabilities: probabilities)
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

  /// Whether the table answers at `experience`: within its grid's ends (all of the range
  /// for a whole table, one interval for a table built covering one experience, a stretch
  /// for one made of a ``PartialQuantileTable``'s nodes).
  func covers(_ experience: Double) -> Bool {
    experience >= grid[0] && experience <= grid[grid.count - 1]
  }

  /// Pay at every probability at `experience` years, written to `output` in the order of
  /// ``probabilities``. Allocates nothing.
  ///
  /// - Precondition: `experience` is within ``experienceRange``; `output.count` equals
  ///   `probabilities.count`.
  /// - Complexity: O(*p*) for *p* probabilities (a cubic and an exponential each) after
  ///   finding the interval, which takes a step or two (O(log *g*) at worst for *g* grid
  ///   points); about 35 ns for five probabilities in a release build.
  func quantiles(at experience: Double, into output: inout MutableSpan<Double>) {
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
  /// - Precondition: `experience` is within ``experienceRange``; `output.count` equals
  ///   `probabilities.count`.
  /// - Complexity: O(*p*) for *p* probabilities, as with a span.
  func quantiles(at experience: Double, into output: inout [Double]) {
    var span = output.mutableSpan
    quantiles(at: experience, into: &span)
  }

  /// Pay at `probabilities[index]` at `experience` years.
  ///
  /// - Precondition: `experience` is within ``experienceRange``; `index` is a valid index of
  ///   ``probabilities``.
  /// - Complexity: O(1) after finding the interval, which takes a step or two.
  func quantile(_ index: Int, at experience: Double) -> Double {
    quantile(index, at: location(of: experience))
  }

  /// Where an experience falls in the table: found once, it answers for every probability.
  struct Location {
    /// The interval holding the experience.
    var interval: Int
    /// The experience less the interval's start, in years.
    var offset: Double
  }

  /// Where `experience` falls.
  ///
  /// - Precondition: `experience` is within ``experienceRange``.
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

  /// The interval holding `experience` and the offset into it.
  private func locate(_ experience: Double) -> (interval: Int, offset: Double) {
    precondition(experienceRange.contains(experience), "an experience the market has held")
    let e = experience
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
      "a table of part of the grid answers within it only")
    return (low, e - grid[low])
  }
}
