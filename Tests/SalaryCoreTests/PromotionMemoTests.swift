import SalaryData
import Testing
import _TestSupport

@testable import SalaryCore

/// The promotion model's memo of everyone's distributions: what it hands out is, bit for
/// bit, what a walk from the start gives, whatever order and threads ask.
@Suite struct PromotionMemoTests {
  /// Grid steps from the start walked one at a time, without the memo (a narrowed copy of
  /// the start has no place on the memo's walk).
  static func walked(_ model: PromotionModel, steps: Int) -> PromotionModel.Distribution {
    var current = PromotionModel.Distribution(shares: model.start.shares)
    for _ in 0..<steps { current = model.advance(current) }
    return current
  }

  /// The median career from a distribution, worked out step by step without the memo.
  static func walkedMedianCareer(
    _ model: PromotionModel, from start: PromotionModel.Distribution, years: Int
  ) -> [Int] {
    var current = PromotionModel.Distribution(shares: start.shares)
    var done = 0
    return (1...years).map { t in
      for _ in done..<(4 * t - 2) { current = model.advance(current) }
      done = 4 * t - 2
      return model.medianLevel(current)
    }
  }

  @Test(arguments: Track.allCases) func theMemoGivesTheWalkedDistributions(track: Track) throws {
    let model = try #require(LevelMixTests.model.promotionModel(on: track))
    var rng = SplitMix64(seed: 14)
    // Out of order, so that the memo is read both where it is known and where it grows.
    for _ in 0..<60 {
      let experience = Double(Int.random(in: 0...600, using: &rng)) / 10
      let fromMemo = model.distribution(at: experience)
      let walked = Self.walked(model, steps: PromotionModel.gridSteps(experience))
      #expect(fromMemo.shares == walked.shares, "at \(experience) years")
      let years = Int.random(in: 1...60, using: &rng)
      #expect(
        model.medianCareer(from: fromMemo, years: years)
          == Self.walkedMedianCareer(model, from: walked, years: years),
        "from \(experience) years for \(years) years")
    }
  }

  @Test func aDistributionNarrowedToALevelIsWalkedItself() throws {
    let model = try #require(LevelMixTests.model.promotionModel(on: .ic))
    let senior = try #require(model.levels.first { $0.key == "senior" })
    let narrowed = model.distribution(at: 7, level: senior)
    #expect(narrowed.stepsFromStart == nil)
    #expect(
      model.medianCareer(from: narrowed, years: 20)
        == Self.walkedMedianCareer(model, from: narrowed, years: 20))
  }

  @Test func threadsAskingAtOnceGetTheSameAnswers() async throws {
    let model = try #require(LevelMixTests.model.promotionModel(on: .ic))
    var current = Self.walked(model, steps: 0)
    let expected = (0...200).map { step in
      if step > 0 { current = model.advance(current) }
      return current.shares
    }
    let fresh = PromotionModel(
      ladder: LevelMixTests.dataset.ladder, steps: LevelMixTests.dataset.promotions, track: .ic)
    let answers = await withTaskGroup(of: (Int, [[Double]]).self) { group in
      for offset in 0..<4 {
        group.addTask {
          let steps = (0...200).map { (offset * 53 + $0) % 201 }
          return (offset, steps.map { fresh.distribution(at: Double($0) / 4).shares })
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(answers.count == 4)
    for (offset, answer) in answers {
      for index in 0...200 {
        #expect(answer[index] == expected[(offset * 53 + index) % 201], "step \(index)")
      }
    }
  }
}
