import SalaryData
import Testing
import _TestSupport

@testable import SalaryCore

/// The quantile table against the exact root-finds of the market's mixture.
@Suite struct QuantileTableTests {
  static let model = ReproductionTests.model
  static let sanFrancisco = model.dataset.locationFactor(for: "san-francisco")!
  static let distributedSystems = model.dataset.specializationFactor(for: "distributed-systems")!

  /// One market: a selector (`nil` for all guides) and the factors after which it is read.
  struct Case: CustomTestStringConvertible, Sendable {
    var source: String?
    var factors: FactorSet
    var seed: UInt64
    var testDescription: String { "\(source ?? "all") \(factors)" }

    var market: Market { try! QuantileTableTests.model.market(source: source, factors) }
  }

  /// The exact P10 to P90 of `market` at `experience`: the one solver, without the table.
  static func exactQuantiles(_ market: Market, _ experience: Double) throws -> [Double] {
    let mixture = try market.mixture(at: experience)
    return Estimate.probabilities.map(mixture.quantile)
  }

  /// Every selector, with no factors, San Francisco's point factor and the uncertain
  /// distributed-systems premium.
  static let cases: [Case] = {
    let factorSets: [FactorSet] = [.none, .point, .uncertain]
    return ([nil] + model.selectorNames).flatMap { source in
      factorSets.map { Case(source: source, factors: $0, seed: 0) }
    }.enumerated().map { index, testCase in
      var seeded = testCase
      seeded.seed = 20_260_601 + UInt64(index)
      return seeded
    }
  }()

  @Test func theFactorsAreWhatTheCasesNeed() {
    #expect(!Self.sanFrancisco.isUncertain)
    #expect(Self.distributedSystems.isUncertain)
  }

  /// Within $1 of the exact quantiles, and in order P10 ≤ … ≤ P90, on every grid point,
  /// every 0.01 years of 0…25 and 20,000 seeded random experiences in 0…60.
  ///
  /// The exact quantiles are the same at every experience held to one edge, so past the
  /// first 200 held experiences (each solved in full) the edge's are reused.
  @Test(arguments: cases)
  func theTableAgreesWithTheExactQuantiles(_ testCase: Case) throws {
    let market = testCase.market
    let table = try market.table()
    let range = table.experienceRange
    var rng = SplitMix64(seed: testCase.seed)
    let experiences =
      table.grid + (0...2_500).map { Double($0) / 100 }
      + (0..<20_000).map { _ in Double.random(in: 0...60, using: &rng) }
    var pay = [Double](repeating: 0, count: 5)
    var worst = (error: 0.0, experience: 0.0, probability: 0.0)
    var disorder: [Double] = []
    var atEdge: [Double: [Double]] = [:]
    var heldEstimates = 0
    for experience in experiences {
      let held = market.heldExperience(experience)
      table.quantiles(at: held, into: &pay)
      let exact: [Double]
      if held != experience, heldEstimates >= 200, let known = atEdge[held] {
        exact = known
      } else {
        exact = try Self.exactQuantiles(market, experience)
        if held != experience {
          #expect(atEdge[held] == nil || atEdge[held] == exact, "held at \(experience)")
          atEdge[held] = exact
          heldEstimates += 1
        }
      }
      for j in pay.indices where abs(pay[j] - exact[j]) > worst.error {
        worst = (abs(pay[j] - exact[j]), experience, table.probabilities[j])
      }
      if zip(pay, pay.dropFirst()).contains(where: { $0 > $1 }) { disorder.append(experience) }
    }
    #expect(
      worst.error < 1, "off by $\(worst.error) at \(worst.experience) years, P\(worst.probability)")
    #expect(disorder.isEmpty, "out of order at \(disorder.prefix(5))")
  }

  /// The markets whose tables built covering one experience are checked against the full
  /// table: all guides, each guide and four series, without factors, with San Francisco's
  /// point factor, the uncertain distributed-systems premium, and both.
  static let coveringCases: [Case] = {
    let sources: [String?] = [
      nil, "research-com", "cbt-nuggets", "himalayas", "noble-desktop", "himalayas/levels",
      "noble-desktop/overview", "cbt-nuggets/salary-table", "himalayas/faq",
    ]
    let factorSets: [FactorSet] = [.none, .point, .uncertain, .both]
    return sources.flatMap { source in
      factorSets.map { Case(source: source, factors: $0, seed: 0) }
    }.enumerated().map { index, testCase in
      var seeded = testCase
      seeded.seed = 20_261_123 + UInt64(index)
      return seeded
    }
  }()

  /// A table built covering one experience gives the full table's pay there, bit for bit,
  /// at every grid point, the middle of every interval, both edges and beyond them, and
  /// seeded random experiences; and its two grid points are an interval of the full grid.
  @Test(arguments: coveringCases)
  func aTableCoveringOneExperienceIsTheFullTableThere(_ testCase: Case) throws {
    let market = testCase.market
    let full = try QuantileTable(market: market)
    let range = full.experienceRange
    var rng = SplitMix64(seed: testCase.seed)
    let experiences =
      full.grid + zip(full.grid, full.grid.dropFirst()).map { ($0 + $1) / 2 }
      + [0, range.lowerBound, range.upperBound, range.upperBound + 0.5, 60]
      + (0..<100).map { _ in Double.random(in: 0...25, using: &rng) }
    var expected = [Double](repeating: 0, count: 5)
    var found = expected
    for experience in experiences {
      let held = market.heldExperience(experience)
      let covering = try QuantileTable(market: market, covering: held)
      #expect(covering.experienceRange == range)
      full.quantiles(at: held, into: &expected)
      covering.quantiles(at: held, into: &found)
      #expect(
        found.map(\.bitPattern) == expected.map(\.bitPattern),
        "at \(experience) years: \(found) vs \(expected)")
      for j in 0..<5 {
        #expect(
          covering.quantile(j, at: held).bitPattern == full.quantile(j, at: held).bitPattern)
      }
      // The interval the full table reads: the last that starts at or before the experience.
      let start = full.grid.dropLast().lastIndex { $0 <= held } ?? 0
      #expect(Array(full.grid[start..<min(start + 2, full.grid.count)]) == covering.grid)
    }
  }

  /// A stretch of a table built a stretch at a time gives the full table's pay wherever
  /// it answers, bit for bit, for seeded random stretches, each asked of a partial table
  /// of its own and of one shared by all (which solves each node once); and all of the
  /// partial table is the full table, grid and coefficients.
  @Test(arguments: coveringCases)
  func aStretchIsTheFullTableThere(_ testCase: Case) throws {
    let market = testCase.market
    let full = try QuantileTable(market: market)
    let range = full.experienceRange
    func partial() -> PartialQuantileTable {
      PartialQuantileTable(
        consensus: market.consensus, applied: market.appliedFactors, offset: market.logScale,
        probabilities: Estimate.probabilities)
    }
    var shared = partial()
    var rng = SplitMix64(seed: testCase.seed)
    var expected = [Double](repeating: 0, count: 5)
    var found = expected
    for round in 0..<30 {
      // Stretches from a point to the whole range, ends on grid points among them.
      var ends = (0..<2).map { _ in Double.random(in: range, using: &rng) }
      if round % 3 == 0 { ends[0] = full.grid.randomElement(using: &rng)! }
      if round == 1 { ends = [range.lowerBound, range.upperBound] }
      if round == 2 { ends = [ends[0], ends[0]] }
      let span = ends.min()!...ends.max()!
      var own = partial()
      let intervals = own.intervals(spanning: span)
      #expect(shared.intervals(spanning: span) == intervals)
      let stretch = QuantileTable(
        nodes: try own.nodes(intervals), probabilities: Estimate.probabilities, range: range)
      let again = QuantileTable(
        nodes: try shared.nodes(intervals), probabilities: Estimate.probabilities, range: range)
      #expect(again.grid == stretch.grid && again.coefficients == stretch.coefficients)
      // The stretch is a run of the full grid.
      let start = try #require(full.grid.firstIndex(of: stretch.grid[0]))
      #expect(Array(full.grid[start..<start + stretch.grid.count]) == stretch.grid)
      let inside =
        full.grid.filter(span.contains) + [span.lowerBound, span.upperBound]
        + (0..<20).map { _ in Double.random(in: span, using: &rng) }
      for experience in inside {
        full.quantiles(at: experience, into: &expected)
        stretch.quantiles(at: experience, into: &found)
        #expect(
          found.map(\.bitPattern) == expected.map(\.bitPattern),
          "at \(experience) years in \(span): \(found) vs \(expected)")
      }
    }
    let whole = QuantileTable(
      nodes: try shared.allNodes(), probabilities: Estimate.probabilities, range: range)
    #expect(whole.grid == full.grid)
    #expect(whole.coefficients.map(\.bitPattern) == full.coefficients.map(\.bitPattern))
  }

  /// A market's first stretch is that stretch alone, asked again it is the same table, and
  /// a second stretch builds the whole table, which ``Market/table()`` then gives.
  @Test func aMarketBuildsOneStretchThenTheWhole() throws {
    let market = try Self.model.market(place: "seattle")
    let full = try QuantileTable(market: market)
    let first = try market.table(spanning: 1...11)
    #expect(first.grid.count < full.grid.count / 2)
    #expect(first.grid[0] <= 1 && first.grid.last! > 11)
    #expect(try market.table(spanning: 1...11).grid == first.grid)
    let second = try market.table(spanning: 4...14)
    #expect(second.grid == full.grid)
    #expect(second.coefficients.map(\.bitPattern) == full.coefficients.map(\.bitPattern))
    #expect(try market.table().grid == full.grid)
    #expect(try market.table(spanning: 1...11).grid == full.grid)
  }

  /// Where no series speaks somewhere in the range, the whole table fails, and the partial
  /// table says so before it solves anything (the market then builds the whole, for its
  /// error); where all speak, it says they do.
  @Test func aGapIsFoundBeforeAStretchIsSolved() throws {
    let gap = Consensus(curves: [
      Self.curve("s", "a", [(0, 2, 70_000, 0.3), (2, 4, 80_000, 0.3)]),
      Self.curve("t", "b", [(10, 12, 120_000, 0.3), (12, 14, 130_000, 0.3)]),
    ])
    #expect(throws: MarketError.self) {
      _ = try QuantileTable(
        consensus: gap, applied: [], offset: 0, probabilities: Estimate.probabilities)
    }
    let partial = PartialQuantileTable(
      consensus: gap, applied: [], offset: 0, probabilities: Estimate.probabilities)
    #expect(!partial.speaksThroughout)
    let crossing = PartialQuantileTable(
      consensus: Self.crossing, applied: [], offset: 0, probabilities: Estimate.probabilities)
    #expect(crossing.speaksThroughout)
  }

  /// A table built covering one experience holds one interval.
  @Test func aTableCoveringOneExperienceCoversOneInterval() throws {
    let covering = try QuantileTable(market: try Self.model.market(), covering: 4)
    #expect(covering.grid.count == 2)
    #expect(covering.grid[0] <= 4 && 4 < covering.grid[1])
    #expect(covering.grid[1] - covering.grid[0] <= 1)
  }

  /// The grid runs over the supported range and holds every kink in it: each curve's
  /// observation midpoints and coverage ends.
  @Test(arguments: [nil] + model.selectorNames)
  func theGridHoldsEveryKink(_ source: String?) throws {
    let market = try Self.model.market(source: source)
    let table = try market.table()
    let range = market.consensus.supportedExperience
    #expect(table.experienceRange == range)
    #expect(table.grid.first == range.lowerBound && table.grid.last == range.upperBound)
    #expect(zip(table.grid, table.grid.dropFirst()).allSatisfy { $0 < $1 })
    for curve in market.curves {
      let kinks =
        curve.observations.map(\.midpoint) + [curve.coverage.lowerBound, curve.coverage.upperBound]
      for kink in kinks where range.contains(kink) {
        #expect(table.grid.contains(kink), "\(curve.series) at \(kink)")
      }
    }
  }

  /// The consensus of all guides: 247 grid points (the level mix bends every quarter year
  /// up to 30 years), none more than half a year apart.
  @Test func theGridOfAllGuides() throws {
    let table = try Self.model.market().table()
    #expect(table.grid.count > 120 && table.grid.count < 300, "\(table.grid.count) points")
    #expect(zip(table.grid, table.grid.dropFirst()).allSatisfy { $1 - $0 <= 0.5 })
  }

  /// Past the market's range an answer is held at the edge, the table's as the estimate's.
  @Test func experienceIsHeldAtTheEdges() throws {
    let market = try Self.model.market()
    let edge = market.experienceRange.upperBound
    #expect(edge == 30)
    let atEdge = try market.quantiles(at: edge)
    for experience in [30.000_001, 40, 60] {
      #expect(try market.quantiles(at: experience) == atEdge, "\(experience) years")
      #expect(market.heldExperience(experience) == edge)
    }
    // One series that speaks fully only at 7.5 years: the table is one point.
    let overview = try Self.model.market(source: "noble-desktop/overview")
    #expect(try overview.table().grid == [7.5])
    let exact = try Self.exactQuantiles(overview, 0)
    for experience in [0.0, 7.5, 30] {
      for (a, b) in zip(try overview.quantiles(at: experience), exact) {
        #expect(abs(a - b) < 1e-6)
      }
    }
  }

  /// A point factor multiplies every quantile by itself, as in an estimate. (The grids
  /// differ: the tolerance that refines them is in dollars, and there are more of them.)
  @Test func aPointFactorMultipliesTheTable() throws {
    let plain = try Self.model.market().table()
    let scaled = try Self.model.market(source: nil, .point).table()
    var rng = SplitMix64(seed: 11)
    for _ in 0..<1_000 {
      let experience = min(Double.random(in: 0...20, using: &rng), 17.5)
      for j in 0..<5 {
        let expected = plain.quantile(j, at: experience) * Self.sanFrancisco.value
        #expect(abs(scaled.quantile(j, at: experience) / expected - 1) < 1e-6)
      }
    }
    // On grid points of both, where both are exact, to the solver's 10⁻¹¹.
    for experience in plain.grid where scaled.grid.contains(experience) {
      for j in 0..<5 {
        let expected = plain.quantile(j, at: experience) * Self.sanFrancisco.value
        #expect(abs(scaled.quantile(j, at: experience) / expected - 1) < 1e-10)
      }
    }
  }

  /// The three ways to read the table agree exactly.
  @Test func everyQueryGivesTheSameValues() throws {
    let table = try Self.model.market(source: nil, .uncertain).table()
    var array = [Double](repeating: 0, count: 5)
    var inline = InlineArray<5, Double>(repeating: 0)
    for experience in stride(from: 0.0, through: 17.5, by: 0.37) {
      table.quantiles(at: experience, into: &array)
      do {
        var span = inline.mutableSpan
        table.quantiles(at: experience, into: &span)
      }
      for j in 0..<5 {
        #expect(array[j] == inline[j])
        #expect(array[j] == table.quantile(j, at: experience))
      }
    }
  }

  /// Other probabilities, closer to the tails, agree within $1 too.
  @Test func chosenProbabilities() throws {
    let probabilities = [0.01, 0.05, 0.5, 0.95, 0.99]
    let market = try Self.model.market(source: nil, .point)
    let table = try QuantileTable(market: market, probabilities: probabilities)
    #expect(table.probabilities == probabilities)
    var pay = [Double](repeating: 0, count: 5)
    for step in 0...1_000 {
      let experience = market.heldExperience(Double(step) / 50)
      table.quantiles(at: experience, into: &pay)
      let exact = try market.mixture(at: experience)
      for (p, value) in zip(probabilities, pay) {
        let expected = exact.quantile(p)
        #expect(abs(value - expected) < 1, "P\(p) at \(experience): \(value) vs \(expected)")
      }
    }
  }

  @Test func anUnknownSourceIsAnError() {
    #expect(throws: MarketError.unknownSource("himalaya")) {
      try Self.model.selector(named: "himalaya")
    }
  }

  /// The weights are the method's: each source speaks with its loudest series' voice,
  /// shared among its series in proportion to their voices (wₛ = max τ · τₛ / Σ τ).
  @Test(arguments: [nil, "noble-desktop", "himalayas"])
  func theWeightsShareEachSourcesLoudestVoice(_ source: String?) throws {
    let consensus = try Self.model.market(source: source).consensus
    for step in 0...2_000 {
      let experience = Double(step) / 100
      let weights = consensus.weights(at: experience)
      let voices = consensus.curves.map { $0.voice(at: experience) }
      for name in Set(consensus.curves.map(\.series.source)) {
        let mine = consensus.curves.indices.filter { consensus.curves[$0].series.source == name }
        let loudest = mine.map { voices[$0] }.max()!
        let total = mine.map { voices[$0] }.reduce(0, +)
        #expect(abs(mine.map { weights[$0] }.reduce(0, +) - loudest) < 1e-12, "\(name)")
        for index in mine where total > 0 {
          #expect(abs(weights[index] - loudest * voices[index] / total) < 1e-15)
        }
      }
    }
  }

  // MARK: - A consensus whose loudest voice changes hands between kinks

  /// Two series of one source whose voices cross at 5 years, where neither has a kink of
  /// its own, and a wider series of another source: a two-humped mixture.
  static let crossing: Consensus = {
    Consensus(curves: [
      // Full voice from 1 to 4, falling to 0 at 8.
      curve("s", "a", [(0, 2, 70_000, 0.3), (0, 8, 100_000, 0.25)]),
      // Rising from 0 at 2 to full at 6, full to 8, falling to 0 at 10.
      curve("s", "b", [(2, 10, 130_000, 0.2), (6, 10, 150_000, 0.22)]),
      // Full from 0 to 12.
      curve("t", "c", [(0, 4, 80_000, 0.35), (10, 14, 160_000, 0.3)]),
    ])
  }()

  /// The curve of a series `name` of `source` with observations (from, to, median, σ).
  static func curve(
    _ source: String, _ name: String, _ points: [(Double, Double, Double, Double)]
  ) -> SeriesCurve {
    let series = SeriesID(source: source, name: name)
    return SeriesCurve(
      series: series,
      observations: points.map { from, to, median, sigma in
        Observation(
          figureIDs: ["\(name)-\(from)"], series: series,
          span: ExperienceSpan(from: from, to: to),
          distribution: LogNormal(mu: Math.log(median), sigma: sigma), spreadOrigin: .range,
          assumptions: [])
      })
  }

  @Test func aChangeOfLoudestVoiceIsAKink() {
    let builder = QuantileTableBuilder(
      consensus: Self.crossing, applied: [], offset: 0, probabilities: Estimate.probabilities)
    #expect(builder.range == 0...12)
    #expect(builder.kinks() == [0, 1, 2, 4, 5, 6, 8, 10, 12])
  }

  @Test(arguments: [[], [sanFrancisco], [distributedSystems, sanFrancisco]])
  func theCrossingConsensusAgreesWithItsMixture(_ factors: [Factor]) throws {
    let pointOnly = factors.allSatisfy { !$0.isUncertain }
    let table = try QuantileTable(
      consensus: Self.crossing, applied: pointOnly ? [] : factors,
      offset: pointOnly ? Math.log(factors.combinedValue) : 0,
      probabilities: Estimate.probabilities)
    #expect(table.grid.contains(5))
    var pay = [Double](repeating: 0, count: 5)
    var worst = (error: 0.0, experience: 0.0)
    for step in 0...1_400 {
      let experience = Double(step) / 100
      let held = min(experience, 12)
      table.quantiles(at: held, into: &pay)
      let weights = Self.crossing.weights(at: held)
      let mixture = LogNormalMixture(
        zip(Self.crossing.curves, weights).flatMap { curve, weight in
          curve.components(at: held).map {
            .init($0.distribution.applying(pointOnly ? [] : factors), weight: weight * $0.share)
          }
        })
      for (p, value) in zip(Estimate.probabilities, pay) {
        let exact = mixture.quantile(p) * (pointOnly ? factors.combinedValue : 1)
        if abs(value - exact) > worst.error { worst = (abs(value - exact), experience) }
      }
    }
    #expect(worst.error < 1, "off by $\(worst.error) at \(worst.experience) years")
  }
}
