import SalaryData
import Testing

@testable import SalaryCore

/// Projection arithmetic against hand-computed values (money to half a cent).
@Suite struct ProjectionTests {
  static let model = ReproductionTests.model
  static let ladder = model.dataset.ladder

  func settings(
    years: Int = 10, drift: Double = 0, inflation: Double = 0, discount: Double = 0,
    paths: Int = 0
  ) -> ProjectionSettings {
    ProjectionSettings(
      years: years, startYear: 2027, drift: drift, inflation: inflation, discount: discount,
      paths: paths)
  }

  func raises(_ salary: Double, _ raise: Double, _ promotions: [(Int, Double)] = [], years: Int)
    throws -> Projection
  {
    try Projection.make(
      startExperience: 0,
      rule: .raises(
        salary: salary, raises: [raise],
        promotions: promotions.map { (afterYear: $0.0, percent: $0.1) }),
      education: nil, settings: settings(years: years))
  }

  @Test func theClassicRaiseCalculator() throws {
    let projection = try raises(50_000, 0.03, years: 40)
    #expect(abs(projection.nominal.central - 3_770_062.99) < 0.005)
    #expect(projection.years[0].pay == 50_000 && projection.years[1].pay == 51_500)
  }

  @Test func aRaiseForEachYearInTurnAsRaiseCalculatorsPayThem() throws {
    // 100,000 with raises of 3%, 2% and 1%: 103,000, then 105,060, then 106,110.60; the
    // last raise holds for the year after.
    let projection = try Projection.make(
      startExperience: 0,
      rule: .raises(salary: 100_000, raises: [0.03, 0.02, 0.01], promotions: []),
      education: nil, settings: settings(years: 5))
    let expected = [100_000, 103_000, 105_060, 106_110.60, 107_171.706]
    #expect(projection.years.count == expected.count)
    for (year, pay) in zip(projection.years, expected) { #expect(abs(year.pay - pay) < 0.005) }
  }

  @Test func smallRaiseCasesByHand() throws {
    let three = try raises(100_000, 0.03, years: 3)
    #expect(
      three.years.map(\.pay) == [100_000, 103_000, 106_090.00000000001]
        || abs(three.years[2].pay - 106_090) < 0.005)
    #expect(abs(three.nominal.central - 309_090) < 0.005)
    let promoted = try raises(100_000, 0.03, [(3, 15)], years: 5)
    let expected = [100_000, 103_000, 106_090, 125_663.605, 129_433.51315]
    for (year, pay) in zip(promoted.years, expected) { #expect(abs(year.pay - pay) < 0.005) }
    #expect(abs(promoted.nominal.central - 564_187.11815) < 0.005)
  }

  @Test func cumulativeIsTheRunningSumRealAndPresentValueByHand() throws {
    let projection = try Projection.make(
      startExperience: 0, rule: .raises(salary: 100_000, raises: [0.03], promotions: []),
      education: nil, settings: settings(years: 3, inflation: 0.02, discount: 0.0506))
    var running = 0.0
    for year in projection.years {
      running += year.pay
      #expect(year.cumulative == running)
      #expect(abs(year.realPay - year.pay / pow(1.02, year.index - 1)) < 1e-9)
    }
    #expect(abs(projection.real.central - 302_950.7881584006) < 0.005)
    #expect(abs(projection.presentValue.central - 294_156.0938100731) < 0.005)
    #expect(projection.years.map(\.calendarYear) == [2027, 2028, 2029])
  }

  @Test func aPathHoldsAndStallsExperienceAsTheDesignSays() throws {
    let path = try CareerPath.checked(
      promotions: [
        .init(level: Self.ladder.level(key: "mid")!, afterYear: 2),
        .init(level: Self.ladder.level(key: "senior")!, afterYear: 5),
      ], track: nil, start: 1, years: 10, ladder: Self.ladder)
    let steps = path.schedule(from: 1, years: 10, ladder: Self.ladder, openSpanYears: 5)
    #expect(steps.map(\.experience) == [1, 2, 3, 4, 5, 6, 7, 8, 8, 8])
    #expect(
      steps.map(\.level.key) == ["junior", "junior"] + Array(repeating: "mid", count: 3)
        + Array(repeating: "senior", count: 5))
  }

  @Test func aTrackWithoutPromotionsFollowsExperienceToItsTop() {
    let management = CareerPath(track: .management)
    let steps = management.schedule(from: 5, years: 10, ladder: Self.ladder, openSpanYears: 5)
    #expect(steps.map(\.experience) == [5, 6, 7, 8, 9, 10, 10, 10, 10, 10])
    #expect(steps.last?.level.key == "lead")
    let ic = CareerPath().schedule(from: 5, years: 10, ladder: Self.ladder, openSpanYears: 5)
    #expect(ic.map(\.experience) == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    #expect(ic.last?.level.key == "staff")
  }

  @Test(arguments: [
    (["junior@2"], CareerPathError.stepDown(level: "junior", current: "junior")),
    (["senior@2", "mid@4"], .outOfOrder(level: "mid", after: "senior")),
    (["mid@4", "senior@3"], .yearsNotRising(level: "senior", year: 3, previous: 4)),
    (["senior@10"], .beyondHorizon(level: "senior", year: 10, years: 10)),
    (["mid@0"], .yearTooEarly(level: "mid", year: 0)),
    (["lead@3", "principal@6"], .offTrack(level: "principal", track: .management)),
  ])
  func badPathsAreRefused(_ path: [String], _ error: CareerPathError) {
    let promotions = path.map { item -> CareerPath.Promotion in
      let parts = item.split(separator: "@")
      return .init(level: Self.ladder.level(key: String(parts[0]))!, afterYear: Int(parts[1])!)
    }
    #expect(throws: error) {
      try CareerPath.checked(
        promotions: promotions, track: nil, start: 1, years: 10, ladder: Self.ladder)
    }
  }

  func curve(
    path: CareerPath = CareerPath(), percentile: Double = 0.5, known: Bool = true,
    start: Double = 1, education: EducationPlan? = nil, settings: ProjectionSettings
  ) throws -> Projection {
    try Projection.make(
      startExperience: start,
      rule: .curve(
        market: try! Self.model.market(), percentile: percentile, positionKnown: known,
        path: path),
      education: education, settings: settings)
  }

  /// Each year pays the median of the people at its experience who hold its level.
  @Test func theCentralPathIsTheConsensusAtTheLevelTimesDrift() throws {
    let projection = try curve(settings: settings(years: 5, drift: 0.035))
    let market = try Self.model.market()
    #expect(
      projection.years.map { $0.level?.key } == ["junior", "developer", "mid", "mid", "senior"])
    for year in projection.years {
      let experience = 1 + Double(year.index - 1)
      let median = try market.atLevel(year.level!).estimate(experience: experience).median
      #expect(abs(year.pay - median * pow(1.035, year.index - 1)) < 0.005)
      #expect(year.experience == experience)
    }
  }

  @Test func aLatePromotionPaysLessThanAnEarlyOne() throws {
    func path(_ after: Int) throws -> CareerPath {
      try CareerPath.checked(
        promotions: [.init(level: Self.ladder.level(key: "senior")!, afterYear: after)],
        track: nil, start: 3, years: 10, ladder: Self.ladder)
    }
    let early = try curve(path: try path(2), start: 3, settings: settings())
    let late = try curve(path: try path(6), start: 3, settings: settings())
    #expect(early.nominal.central > late.nominal.central)
  }

  @Test func aBootcampCostsItsFeeAndTheMonthsItLosesAtTheEnd() throws {
    let bootcamp = try #require(Self.model.dataset.educationPlan(for: "bootcamp"))
    // 3–6 months and 12–24 weeks: midpoints 4.5 months and 18 weeks (Himalayas' 6–9 months
    // is the time to a first job, not the course).
    #expect(abs(bootcamp.years - (4.5 / 12 + 18 * 7 / 365.25) / 2) < 1e-12)
    #expect(bootcamp.cost == 15_000)
    let plain = try curve(start: 0, settings: settings())
    let studied = try curve(start: 0, education: bootcamp, settings: settings())
    #expect(studied.years[0].pay < plain.years[0].pay)
    #expect(studied.nominal.central < plain.nominal.central)
    // Without drift, the later start loses exactly the last months of the plain career
    // plus the fee: the no-education rate of career year 10 (9 years, senior on the
    // ladder's years) over the bootcamp's length.
    let senior = try #require(Self.ladder.level(key: "senior"))
    let lastRate = try Self.model.market().atLevel(senior).estimate(experience: 9).median
    let lost = lastRate * bootcamp.years + bootcamp.cost
    #expect(abs(plain.nominal.central - studied.nominal.central - lost) < 0.005)
    #expect(studied.years[0].experience == 0)
    #expect(abs(studied.years[0].studyShare - bootcamp.years) < 1e-12)
  }

  @Test func theGuidesEducationFigures() throws {
    let dataset = Self.model.dataset
    #expect(dataset.educationPlan(for: "degree-public")?.years == 4)
    #expect(dataset.educationPlan(for: "degree-public")?.cost == 70_000)
    let privateDegree = try #require(dataset.educationPlan(for: "degree-private"))
    #expect(privateDegree.cost == 200_000 && privateDegree.costIsLowerBound)
    #expect(dataset.educationPlan(for: "self-study")?.years == (0.75 + 1.0) / 2)
    #expect(dataset.educationPlan(for: "self-study")?.cost == 0)
    #expect(dataset.educationPlan(for: "astronaut") == nil)
  }
}

/// The Monte Carlo: reproducible, ordered, and the central path when nothing is random.
@Suite struct MonteCarloTests {
  static let model = ReproductionTests.model

  func run(seed: UInt64, known: Bool, volatility: Double, drift: Double, timing: Int)
    throws -> Projection
  {
    let ladder = Self.model.dataset.ladder
    let path = try CareerPath.checked(
      promotions: [.init(level: ladder.level(key: "senior")!, afterYear: 4)], track: nil,
      start: 2, years: 10, ladder: ladder)
    return try Projection.make(
      startExperience: 2,
      rule: .curve(
        market: try Self.model.market(), percentile: 0.7, positionKnown: known, path: path),
      education: nil,
      settings: ProjectionSettings(
        years: 10, startYear: 2027, drift: 0.035, inflation: 0.02, discount: 0.0506, paths: 400,
        seed: seed, driftVolatility: drift, persistence: 0.8, bandVolatility: volatility,
        timingYears: timing))
  }

  @Test func theSameSeedGivesTheSameBands() throws {
    let a = try run(seed: 42, known: false, volatility: 0.2, drift: 0.0088, timing: 1)
    let b = try run(seed: 42, known: false, volatility: 0.2, drift: 0.0088, timing: 1)
    #expect(a.years.map(\.band) == b.years.map(\.band))
    #expect(a.nominal.band == b.nominal.band)
    let c = try run(seed: 43, known: false, volatility: 0.2, drift: 0.0088, timing: 1)
    #expect(a.nominal.band != c.nominal.band)
  }

  @Test func bandsAreOrderedEveryYearAndForEveryTotal() throws {
    let projection = try run(seed: 7, known: false, volatility: 0.2, drift: 0.0088, timing: 1)
    for band in projection.years.map(\.band) + [
      projection.nominal.band, projection.real.band, projection.presentValue.band,
    ] {
      #expect(band.p10 <= band.p50 && band.p50 <= band.p90)
      #expect(band.p10 < band.p90)
    }
  }

  /// A projection of `paths` paths on the default settings (`salary project -e 1`).
  func modelled(
    paths: Int, seed: UInt64 = 1, years: Int = 10, salary: Double? = nil,
    sampling: MonteCarloSampling = .sobol
  ) throws -> Projection {
    var choices = ProjectionChoices(years: years, startYear: 2027, paths: paths, seed: seed)
    choices.sampling = sampling
    return try Self.model.market().projection(
      from: 1, salary: salary, path: .modelled(), choices: choices
    ).projection
  }

  /// Every band ordered and about its central path; the same seed, the same bands.
  static func expectSound(_ projection: Projection, _ context: String) {
    for band in projection.years.map(\.band) + [
      projection.nominal.band, projection.real.band, projection.presentValue.band,
    ] {
      #expect(band.p10 <= band.p50 && band.p50 <= band.p90, "\(context): \(band)")
      #expect(band.p10.isFinite && band.p90.isFinite, "\(context): \(band)")
    }
    #expect(projection.nominal.band.p10 < projection.nominal.central, "\(context)")
    #expect(projection.nominal.band.p90 > projection.nominal.central, "\(context)")
  }

  /// Counts of paths that are not powers of two, and the fewest that simulate: exactly
  /// that many paths, sound bands, reproducible.
  @Test(arguments: [2, 3, 7, 100, 257, 1_000])
  func anyCountOfPaths(_ paths: Int) throws {
    let projection = try modelled(paths: paths)
    #expect(projection.paths == paths)
    Self.expectSound(projection, "\(paths) paths")
    let again = try modelled(paths: paths)
    #expect(again.years.map(\.band) == projection.years.map(\.band))
    #expect(again.nominal.band == projection.nominal.band)
  }

  /// One path simulates nothing: the band is the central path.
  @Test func onePathIsTheCentralPath() throws {
    let projection = try modelled(paths: 1)
    #expect(projection.paths == 1)
    for year in projection.years {
      #expect(year.band == Band.point(year.pay))
    }
  }

  /// Sixty years: the bands stay sound.
  @Test func sixtyYears() throws {
    Self.expectSound(try modelled(paths: 64, years: 60), "60 years")
  }

  /// Past the Sobol' sequence's 129 dimensions, a path's draws are independent ones, from
  /// the generator that scrambled it; the first 129 are the sequence's.
  @Test func drawsPastTheSequence() {
    var draws = PathDraws(.sobol, count: 200, seed: 3)
    var again = PathDraws(.sobol, count: 200, seed: 3)
    var random = SeededRandom(seed: 3)
    var points = SobolSequence(
      dimensions: SobolSequence.dimensionLimit, scrambling: &random
    ).makeGenerator()
    var u = [Double](repeating: 0, count: 200)
    var v = u
    var point = [Double](repeating: 0, count: SobolSequence.dimensionLimit)
    for _ in 0..<64 {
      draws.next(into: &u)
      again.next(into: &v)
      points.next(into: &point)
      #expect(u == v)
      #expect(Array(u.prefix(SobolSequence.dimensionLimit)) == point)
      #expect(u.allSatisfy { $0 > 0 && $0 < 1 })
    }
  }

  /// A salary fixes year 1 to it, and the smoothed bands follow a reference's shape.
  @Test func aSalaryFixesYearOne() throws {
    let projection = try modelled(paths: 256, salary: 90_000)
    #expect(abs(projection.years[0].band.p10 - 90_000) < 1e-6)
    #expect(abs(projection.years[0].band.p90 - 90_000) < 1e-6)
    Self.expectSound(projection, "salary")
  }

  /// Independent draws and the smoothed default estimate the same bands: within a few
  /// percent at these counts.
  @Test func independentDrawsAgree() throws {
    let smoothed = try modelled(paths: 256)
    let independent = try modelled(paths: 20_000, sampling: .independent)
    for (a, b) in zip(smoothed.years.map(\.band), independent.years.map(\.band)) {
      #expect(abs(a.p50 / b.p50 - 1) < 0.03 && abs(a.p90 / b.p90 - 1) < 0.03, "\(a) \(b)")
    }
  }

  @Test func withNothingRandomTheMonteCarloIsTheCentralPath() throws {
    let projection = try run(seed: 7, known: true, volatility: 0, drift: 0, timing: 0)
    #expect(projection.paths == 400)
    func same(_ band: Band, _ value: Double) -> Bool {
      [band.p10, band.p50, band.p90].allSatisfy { abs($0 - value) <= 1e-6 * value }
    }
    for year in projection.years { #expect(same(year.band, year.pay), "year \(year.index)") }
    #expect(same(projection.nominal.band, projection.nominal.central))
  }
}
