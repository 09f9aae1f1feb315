import SalaryData
import Testing
import _TestSupport

@testable import SalaryCore

/// The promotion model and the mix of levels it gives: levels are reached, not assumed.
@Suite struct LevelMixTests {
  static let model = ReproductionTests.model
  static let dataset = model.dataset

  /// The model of `track` with every step's chance and share staying replaced.
  static func model(chance: Double, stays: Double, track: Track = .ic) -> PromotionModel {
    let steps = dataset.promotions.map {
      PromotionStep(level: $0.level, next: $0.next, tracks: $0.tracks, chance: chance, stays: stays)
    }
    return PromotionModel(ladder: dataset.ladder, steps: steps, track: track)
  }

  /// The level of `track` the ladder's years give at `experience`.
  static func onTime(_ experience: Double, _ levels: [Level]) -> Int {
    levels.lastIndex { $0.years.from <= experience } ?? 0
  }

  @Test func theMixSumsToOneAndMovesUpTheLadder() throws {
    let mix = try #require(Self.model.levelMix)
    var previous: [Double]?
    for step in 0...300 {
      let shares = mix.shares(at: Double(step) / 10)
      #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
      #expect(shares.allSatisfy { $0 >= 0 })
      // The share at each level or above never falls: the mix moves up as a whole.
      let above = shares.indices.map { shares[$0...].reduce(0, +) }
      if let previous {
        for (now, before) in zip(above, previous) { #expect(now >= before - 1e-12) }
      }
      previous = above
    }
    // Everyone starts at the first level; after 15 years most are senior or above.
    #expect(mix.shares(at: 0)[0] == 1)
    let fifteen = mix.shares(at: 15)
    #expect(fifteen[3...].reduce(0, +) > 0.95)
  }

  /// With a chance of 1 and nobody staying, everyone is promoted on the ladder's years.
  @Test(arguments: Track.allCases)
  func certainPromotionsCollapseOntoTheOnTimeLadder(_ track: Track) {
    let model = Self.model(chance: 1, stays: 0, track: track)
    for step in 0...120 {
      let experience = Double(step) * PromotionModel.step
      let shares = model.shares(model.distribution(at: experience))
      let expected = Self.onTime(experience, model.levels)
      #expect(shares[expected] == 1, "\(track) at \(experience): \(shares)")
    }
    let unaveraged = LevelMix(model: model, horizon: 30)
    for step in 0...120 where step % 4 == 0 {
      let experience = Double(step) * PromotionModel.step
      #expect(unaveraged.shares(at: experience)[Self.onTime(experience, model.levels)] == 1)
    }
    // The median career and every drawn career are the on-time ladder too.
    let start = model.distribution(at: 1)
    let onTime = (1...12).map { Self.onTime(Double($0) - 0.5 + 1, model.levels) }
    #expect(model.medianCareer(from: start, years: 12) == onTime)
    var random = SeededRandom(seed: 7)
    for _ in 0..<50 {
      #expect(model.sampleCareer(from: start, years: 12, random: &random) == onTime)
    }
  }

  /// Drawn careers follow the model: the share of them at each level matches its mix.
  @Test func drawnCareersMatchTheModelsShares() throws {
    let model = try #require(Self.model.promotionModel(on: .ic))
    let start = model.distribution(at: 2)
    var random = SeededRandom(seed: 11)
    let count = 20_000
    var tally = [[Int]](repeating: [Int](repeating: 0, count: model.levels.count), count: 10)
    for _ in 0..<count {
      let career = model.sampleCareer(from: start, years: 10, random: &random)
      for (year, level) in career.enumerated() { tally[year][level] += 1 }
    }
    for year in 0..<10 {
      // The middle of career year t is 2 + t − ½ years of experience.
      let exact = model.shares(model.distribution(at: 2 + Double(year) + 0.5))
      for level in exact.indices {
        let drawn = Double(tally[year][level]) / Double(count)
        #expect(abs(drawn - exact[level]) < 0.015, "year \(year + 1), \(model.levels[level].key)")
      }
    }
  }

  /// The exact shares of the levels held each year, by the level of year 1, against
  /// careers drawn: what the simulation post-stratifies to.
  @Test func levelSharesMatchDrawnCareers() throws {
    let model = try #require(Self.model.promotionModel(on: .ic))
    let start = model.distribution(at: 2)
    let levels = model.levels.count
    let shares = model.levelShares(from: start, years: 10)
    var random = SeededRandom(seed: 5)
    let count = 40_000
    var tally = [Double](repeating: 0, count: shares.count)
    for _ in 0..<count {
      let career = model.sampleCareer(from: start, years: 10, random: &random)
      for (year, level) in career.enumerated() {
        tally[(year * levels + career[0]) * levels + level] += 1 / Double(count)
      }
    }
    for year in 0..<10 {
      var total = 0.0
      for index in (year * levels * levels)..<((year + 1) * levels * levels) {
        total += shares[index]
        #expect(abs(shares[index] - tally[index]) < 0.01, "year \(year + 1), cell \(index)")
      }
      #expect(abs(total - 1) < 1e-12)
    }
  }

  /// The model's reach: Himalayas' ladder, promoted by data/promotions.csv, has half of
  /// its people senior by 6¾ years, and half never reach principal.
  @Test func theTimeToEachLevel() throws {
    let model = try #require(Self.model.promotionModel(on: .ic))
    let reach = Dictionary(
      uniqueKeysWithValues: model.reach(within: 30).map { ($0.level.key, $0) })
    #expect(reach["junior"]?.medianYears == 0)
    #expect(reach["developer"]?.medianYears == 2.5)
    #expect(reach["mid"]?.medianYears == 4)
    #expect(reach["senior"]?.medianYears == 6.75)
    #expect(reach["principal"]?.medianYears == nil)
    // Half stay senior for good: at most half ever move on.
    #expect(reach["principal"].map { $0.share > 0.49 && $0.share <= 0.5 } == true)
  }

  /// No steps where a guide falls silent: with no drift, the median's growth over a year
  /// never differs from the average of the years either side by more than 3 points (from
  /// each whole year of experience), and the spread between the guides changes by less
  /// than 0.05 over any 0.1 years.
  @Test(arguments: [nil, "seattle", "austin", "germany", "nome"])
  func estimatesHaveNoSteps(_ place: String?) throws {
    let market = try Self.model.market(place: place)
    let medians = try (0...31).map { try market.estimate(experience: Double($0)).median }
    let growth = zip(medians, medians.dropFirst()).map { $1 / $0 - 1 }
    for year in 1..<(growth.count - 1) {
      let neighbours = (growth[year - 1] + growth[year + 1]) / 2
      #expect(abs(growth[year] - neighbours) <= 0.03, "\(place ?? "us") at \(year) years")
    }
    let spreads = try (0...300).map {
      try market.estimate(experience: Double($0) / 10).spreadBetweenSeries
    }
    for (index, (before, after)) in zip(spreads, spreads.dropFirst()).enumerated() {
      #expect(abs(after - before) < 0.05, "\(place ?? "us") at \(Double(index + 1) / 10) years")
    }
  }

  /// Himalayas' FAQ 'senior roles often exceed $150,000' is its own senior level (5–8
  /// years, from its ladder); Noble Desktop's $127,000 'senior developer salary' has no
  /// ladder behind it and takes the span-senior assumption (5+), read as a median.
  @Test func aGuidesOwnLevelTakesItsLaddersYears() throws {
    let figures = Dictionary(uniqueKeysWithValues: Self.dataset.payFigures.map { ($0.id, $0) })
    let himalayas = try #require(figures["hm-faq-senior"])
    #expect(himalayas.spanOrigin == .ladder)
    #expect(himalayas.span == ExperienceSpan(from: 5, to: 8))
    let noble = try #require(figures["nd-overview-senior"])
    #expect(noble.spanOrigin == .assumption("span-senior"))
    #expect(noble.span == ExperienceSpan(from: 5, to: nil))
    #expect(noble.figure == .typical(127_000))
    #expect(noble.assumptions.contains("typical-as-median"))
  }
}
