import SalaryData
import Testing
import _TestSupport

@testable import SalaryCore

/// The quantile table against the exact root-finds of ``PayModel/estimate``.
@Suite struct QuantileTableTests {
  static let model = ReproductionTests.model
  static let sanFrancisco = model.dataset.locationFactor(for: "san-francisco")!
  static let distributedSystems = model.dataset.specializationFactor(for: "distributed-systems")!

  /// One consensus: a selector (`nil` for all guides) and the factors after which it is read.
  struct Case: CustomTestStringConvertible, Sendable {
    var source: String?
    var factors: [Factor]
    var seed: UInt64
    var testDescription: String {
      "\(source ?? "all") \(factors.isEmpty ? "no factors" : factors.map(\.label).joined())"
    }
  }

  /// Every selector, with no factors, San Francisco's point factor and the uncertain
  /// distributed-systems premium.
  static let cases: [Case] = {
    let factorSets = [[], [sanFrancisco], [distributedSystems]]
    return ([nil] + model.selectors).flatMap { source in
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

  /// Within $1 of the estimate, and in order P10 ≤ … ≤ P90, on every grid point, every
  /// 0.01 years of 0…25 and 20,000 seeded random experiences in 0…60.
  ///
  /// An estimate is the same at every experience held to one edge, so past the first 200
  /// held experiences (each estimated in full) the edge's estimate is reused.
  @Test(arguments: cases)
  func theTableAgreesWithTheEstimate(_ testCase: Case) throws {
    let table = try QuantileTable(
      model: Self.model, factors: testCase.factors, source: testCase.source)
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
      table.quantiles(at: experience, into: &pay)
      let held = min(max(experience, range.lowerBound), range.upperBound)
      let exact: [Double]
      if held != experience, heldEstimates >= 200, let known = atEdge[held] {
        exact = known
      } else {
        exact = try Self.model.estimate(
          experience: experience, factors: testCase.factors, source: testCase.source
        ).quantiles
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
    let factorSets = [
      [], [sanFrancisco], [distributedSystems], [sanFrancisco, distributedSystems],
    ]
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
    let full = try QuantileTable(
      model: Self.model, factors: testCase.factors, source: testCase.source)
    let range = full.experienceRange
    var rng = SplitMix64(seed: testCase.seed)
    let experiences =
      full.grid + zip(full.grid, full.grid.dropFirst()).map { ($0 + $1) / 2 }
      + [0, range.lowerBound, range.upperBound, range.upperBound + 0.5, 60]
      + (0..<100).map { _ in Double.random(in: 0...25, using: &rng) }
    var expected = [Double](repeating: 0, count: 5)
    var found = expected
    for experience in experiences {
      let covering = try QuantileTable(
        model: Self.model, factors: testCase.factors, source: testCase.source,
        covering: experience)
      #expect(covering.experienceRange == range)
      full.quantiles(at: experience, into: &expected)
      covering.quantiles(at: experience, into: &found)
      #expect(
        found.map(\.bitPattern) == expected.map(\.bitPattern),
        "at \(experience) years: \(found) vs \(expected)")
      for j in 0..<5 {
        #expect(
          covering.quantile(j, at: experience).bitPattern
            == full.quantile(j, at: experience).bitPattern)
      }
      // The interval the full table reads: the last that starts at or before the experience.
      let held = min(max(experience, range.lowerBound), range.upperBound)
      let start = full.grid.dropLast().lastIndex { $0 <= held } ?? 0
      #expect(Array(full.grid[start..<min(start + 2, full.grid.count)]) == covering.grid)
    }
  }

  /// A table built covering one experience refuses to answer elsewhere.
  @Test func aTableCoveringOneExperienceCoversOneInterval() throws {
    let covering = try QuantileTable(model: Self.model, covering: 4)
    #expect(covering.grid.count == 2)
    #expect(covering.grid[0] <= 4 && 4 < covering.grid[1])
    #expect(covering.grid[1] - covering.grid[0] <= 1)
    #expect(throws: EstimateError.self) {
      try QuantileTable(model: Self.model, source: "himalaya", covering: 4)
    }
  }

  /// The grid runs over the supported range and holds every kink in it: each curve's
  /// observation midpoints and coverage ends.
  @Test(arguments: [nil] + model.selectors)
  func theGridHoldsEveryKink(_ source: String?) throws {
    let table = try QuantileTable(model: Self.model, source: source)
    let range = Consensus(curves: Self.model.curves(selectedBy: source)!).supportedExperience
    #expect(table.experienceRange == range)
    #expect(table.grid.first == range.lowerBound && table.grid.last == range.upperBound)
    #expect(zip(table.grid, table.grid.dropFirst()).allSatisfy { $0 < $1 })
    for curve in Self.model.curves(selectedBy: source)! {
      let kinks =
        curve.observations.map(\.midpoint) + [curve.coverage.lowerBound, curve.coverage.upperBound]
      for kink in kinks where range.contains(kink) {
        #expect(table.grid.contains(kink), "\(curve.series) at \(kink)")
      }
    }
  }

  /// The consensus of all guides: 107 grid points, none more than half a year apart.
  @Test func theGridOfAllGuides() throws {
    let table = try QuantileTable(model: Self.model)
    #expect(table.grid.count > 50 && table.grid.count < 200, "\(table.grid.count) points")
    #expect(zip(table.grid, table.grid.dropFirst()).allSatisfy { $1 - $0 <= 0.5 })
  }

  /// Past the supported range a query is held at the edge, as an estimate is.
  @Test func experienceIsHeldAtTheEdges() throws {
    let table = try QuantileTable(model: Self.model)
    let edge = table.experienceRange.upperBound
    #expect(edge == 17.5)
    var atEdge = [Double](repeating: 0, count: 5)
    var beyond = atEdge
    table.quantiles(at: edge, into: &atEdge)
    for experience in [17.500_001, 20, 60, 1_000] {
      table.quantiles(at: experience, into: &beyond)
      #expect(beyond == atEdge, "\(experience) years")
    }
    // One series that speaks fully only at 7.5 years: the table is one point.
    let overview = try QuantileTable(model: Self.model, source: "noble-desktop/overview")
    #expect(overview.grid == [7.5])
    let exact = try Self.model.estimate(experience: 0, source: "noble-desktop/overview")
    for experience in [0.0, 7.5, 30] {
      overview.quantiles(at: experience, into: &beyond)
      for (a, b) in zip(beyond, exact.quantiles) { #expect(abs(a - b) < 1e-6) }
    }
  }

  /// A point factor multiplies every quantile by itself, as in an estimate. (The grids
  /// differ: the tolerance that refines them is in dollars, and there are more of them.)
  @Test func aPointFactorMultipliesTheTable() throws {
    let plain = try QuantileTable(model: Self.model)
    let scaled = try QuantileTable(model: Self.model, factors: [Self.sanFrancisco])
    var rng = SplitMix64(seed: 11)
    for _ in 0..<1_000 {
      let experience = Double.random(in: 0...20, using: &rng)
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
    let table = try QuantileTable(model: Self.model, factors: [Self.distributedSystems])
    var array = [Double](repeating: 0, count: 5)
    var inline = InlineArray<5, Double>(repeating: 0)
    for experience in stride(from: 0.0, through: 20, by: 0.37) {
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
    let table = try QuantileTable(
      model: Self.model, factors: [Self.sanFrancisco], probabilities: probabilities)
    #expect(table.probabilities == probabilities)
    var pay = [Double](repeating: 0, count: 5)
    for step in 0...1_000 {
      let experience = Double(step) / 50
      table.quantiles(at: experience, into: &pay)
      let exact = try Self.model.estimate(experience: experience, factors: [Self.sanFrancisco])
      for (p, value) in zip(probabilities, pay) {
        let expected = exact.quantile(p)
        #expect(abs(value - expected) < 1, "P\(p) at \(experience): \(value) vs \(expected)")
      }
    }
  }

  @Test func anUnknownSourceIsAnError() {
    #expect(throws: EstimateError.self) {
      try QuantileTable(model: Self.model, source: "himalaya")
    }
  }

  /// The table's weights are ``Consensus/weights(at:)``'s, bit for bit.
  @Test(arguments: [nil, "noble-desktop", "himalayas"])
  func theWeightsAreTheConsensus(_ source: String?) {
    let consensus = Consensus(curves: Self.model.curves(selectedBy: source)!)
    let builder = QuantileTableBuilder(
      consensus: consensus, applied: [], offset: 0, probabilities: Estimate.probabilities)
    for step in 0...2_000 {
      let experience = Double(step) / 100
      #expect(builder.weights(at: experience) == consensus.weights(at: experience))
    }
  }

  // MARK: - A consensus whose loudest voice changes hands between kinks

  /// Two series of one source whose voices cross at 5 years, where neither has a kink of
  /// its own, and a wider series of another source: a two-humped mixture.
  static let crossing: Consensus = {
    func curve(_ source: String, _ name: String, _ points: [(Double, Double, Double, Double)])
      -> SeriesCurve
    {
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
    return Consensus(curves: [
      // Full voice from 1 to 4, falling to 0 at 8.
      curve("s", "a", [(0, 2, 70_000, 0.3), (0, 8, 100_000, 0.25)]),
      // Rising from 0 at 2 to full at 6, full to 8, falling to 0 at 10.
      curve("s", "b", [(2, 10, 130_000, 0.2), (6, 10, 150_000, 0.22)]),
      // Full from 0 to 12.
      curve("t", "c", [(0, 4, 80_000, 0.35), (10, 14, 160_000, 0.3)]),
    ])
  }()

  @Test func aChangeOfLoudestVoiceIsAKink() {
    let builder = QuantileTableBuilder(
      consensus: Self.crossing, applied: [], offset: 0, probabilities: Estimate.probabilities)
    #expect(builder.range == 0...12)
    #expect(builder.kinks() == [0, 1, 2, 4, 5, 6, 8, 10, 12])
  }

  @Test(arguments: [[], [sanFrancisco], [distributedSystems, sanFrancisco]])
  func theCrossingConsensusAgreesWithItsMixture(_ factors: [Factor]) throws {
    let table = try QuantileTable(
      consensus: Self.crossing, factors: factors, probabilities: Estimate.probabilities)
    #expect(table.grid.contains(5))
    let pointOnly = factors.allSatisfy { !$0.isUncertain }
    var pay = [Double](repeating: 0, count: 5)
    var worst = (error: 0.0, experience: 0.0)
    for step in 0...1_400 {
      let experience = Double(step) / 100
      table.quantiles(at: experience, into: &pay)
      let held = min(experience, 12)
      let mixture = Self.crossing.mixture(at: held, factors: pointOnly ? [] : factors)!
      for (p, value) in zip(Estimate.probabilities, pay) {
        let exact = mixture.quantile(p) * (pointOnly ? factors.combinedValue : 1)
        if abs(value - exact) > worst.error { worst = (abs(value - exact), experience) }
      }
    }
    #expect(worst.error < 1, "off by $\(worst.error) at \(worst.experience) years")
  }
}

/// The score table against `mixture.quantile(Φ(z))`.
@Suite struct ScoreTableTests {
  static let model = ReproductionTests.model

  static let cases: [QuantileTableTests.Case] = ([nil] + model.selectors).flatMap { source in
    [[], [QuantileTableTests.sanFrancisco], [QuantileTableTests.distributedSystems]].map {
      QuantileTableTests.Case(source: source, factors: $0, seed: 0)
    }
  }

  /// Within $1 for |z| ≤ 3.5 and 0.1% beyond, increasing in z, at several experiences.
  @Test(arguments: cases)
  func theTableAgreesWithTheMixture(_ testCase: QuantileTableTests.Case) throws {
    for experience in [0, 1, 2.5, 5.09, 6.5, 12, 20] {
      let table = try ScoreTable(
        model: Self.model, experience: experience, factors: testCase.factors,
        source: testCase.source)
      let mixture = try Self.model.estimate(
        experience: experience, factors: testCase.factors, source: testCase.source
      ).mixture
      var worst = (error: 0.0, score: 0.0)
      var worstTail = (error: 0.0, score: 0.0)
      var previous = -Double.infinity
      var disorder: [Double] = []
      for step in -1_200...1_200 {
        let z = Double(step) / 200
        let pay = table.pay(atScore: z)
        let exact = mixture.quantile(StandardNormal.cdf(z))
        if abs(z) <= 3.5 {
          if abs(pay - exact) > worst.error { worst = (abs(pay - exact), z) }
        } else if abs(pay / exact - 1) > worstTail.error {
          worstTail = (abs(pay / exact - 1), z)
        }
        if pay <= previous { disorder.append(z) }
        previous = pay
      }
      let context = "\(testCase.testDescription) at \(experience) years"
      #expect(worst.error < 1, "\(context): off by $\(worst.error) at z = \(worst.score)")
      #expect(
        worstTail.error < 0.001, "\(context): off by \(worstTail.error) at z = \(worstTail.score)")
      #expect(disorder.isEmpty, "\(context): not increasing at \(disorder.prefix(5))")
    }
  }

  /// A fine sweep of one table: every 0.0005 of z in −3.5…3.5, against the mixture.
  @Test func aFineSweep() throws {
    let table = try ScoreTable(model: Self.model, experience: 4)
    let mixture = try Self.model.estimate(experience: 4).mixture
    for step in -7_000...7_000 {
      let z = Double(step) / 2_000
      let exact = mixture.quantile(StandardNormal.cdf(z))
      #expect(abs(table.pay(atScore: z) - exact) < 1, "z = \(z)")
    }
  }

  /// One lognormal is a straight line in z: μ + σz, to rounding.
  @Test func oneLognormalIsAStraightLine() {
    let table = ScoreTable(
      mixture: LogNormalMixture([.init(LogNormal(mu: 11.5, sigma: 0.3), weight: 1)]))
    for step in -700...700 {
      let z = Double(step) / 100
      #expect(abs(table.logPay(atScore: z) - (11.5 + 0.3 * z)) < 1e-12, "z = \(z)")
    }
  }

  /// Past ±6 the table goes on along its end slopes, still increasing.
  @Test func scoresBeyondSixContinue() throws {
    let table = try ScoreTable(model: Self.model, experience: 3)
    let mixture = try Self.model.estimate(experience: 3).mixture
    let values = [-9, -7, -6.5, -6, 6, 6.5, 7, 9].map { table.logPay(atScore: $0) }
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
    // At 6.5 the line is still within 0.1% of the mixture.
    let exact = mixture.quantile(StandardNormal.cdf(6.5))
    #expect(abs(table.pay(atScore: 6.5) / exact - 1) < 0.001)
  }

  /// The model's table is the table of the estimate's mixture.
  @Test func theModelsTableIsTheEstimatesMixture() throws {
    let factors = [QuantileTableTests.sanFrancisco]
    let fromModel = try ScoreTable(model: Self.model, experience: 30, factors: factors)
    let estimate = try Self.model.estimate(experience: 30, factors: factors)
    let fromMixture = ScoreTable(mixture: estimate.mixture)
    for step in -60...60 {
      let z = Double(step) / 10
      #expect(abs(fromModel.logPay(atScore: z) - fromMixture.logPay(atScore: z)) < 1e-9)
    }
  }

  @Test func anUnknownSourceIsAnError() {
    #expect(throws: EstimateError.self) {
      try ScoreTable(model: Self.model, experience: 3, source: "himalaya")
    }
  }
}
