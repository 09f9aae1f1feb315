import SalaryData
import Testing
import _TestSupport

@testable import SalaryCore

/// The score table against `mixture.quantile(Φ(z))`.
@Suite struct ScoreTableTests {
  static let model = ReproductionTests.model

  static let cases: [QuantileTableTests.Case] = ([nil] + model.selectorNames).flatMap { source in
    [FactorSet.none, .point, .uncertain].map {
      QuantileTableTests.Case(source: source, factors: $0, seed: 0)
    }
  }

  /// Within $1 for |z| ≤ 3.5 and 0.1% beyond, increasing in z, at several experiences.
  @Test(arguments: cases)
  func theTableAgreesWithTheMixture(_ testCase: QuantileTableTests.Case) throws {
    for experience in [0, 1, 2.5, 5.09, 6.5, 12, 20] {
      let market = testCase.market
      let table = try market.scoreTable(experience: experience)
      let mixture = try market.mixture(at: experience)
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
    let market = try Self.model.market()
    let table = try market.scoreTable(experience: 4)
    let mixture = try market.mixture(at: 4)
    for step in -7_000...7_000 {
      let z = Double(step) / 2_000
      let exact = mixture.quantile(StandardNormal.cdf(z))
      #expect(abs(table.pay(atScore: z) - exact) < 1, "z = \(z)")
    }
  }

  /// Pay read from its own cubic, and the table read backwards, agree with the table:
  /// within 10⁻⁵ (of pay, of a score) for |z| ≤ 3.5, where the bands are, and 10⁻⁴ beyond.
  @Test(arguments: [0, 2.5, 6.5, 20])
  func payAndTheInverseAgreeWithTheTable(_ experience: Double) throws {
    let market = try Self.model.market(source: nil, .point)
    let table = try market.scoreTable(experience: experience)
    var hint = 0
    for step in -800...800 {
      let z = Double(step) / 100
      let bound = abs(z) <= 3.5 ? 1e-5 : 1e-4
      let (logPay, slope) = table.logPayAndSlope(atScore: z)
      let (pay, paySlope) = table.payAndSlope(atScore: z)
      #expect(abs(pay / Math.exp(logPay) - 1) < bound, "z = \(z)")
      #expect(abs(paySlope / (Math.exp(logPay) * slope) - 1) < 100 * bound, "z = \(z)")
      let (score, scoreSlope) = table.scoreAndSlope(atLogPay: logPay, hint: &hint)
      #expect(abs(score - z) < bound, "z = \(z)")
      #expect(abs(scoreSlope * slope - 1) < 100 * bound, "z = \(z)")
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
    let market = try Self.model.market()
    let table = try market.scoreTable(experience: 3)
    let mixture = try market.mixture(at: 3)
    let values = [-9, -7, -6.5, -6, 6, 6.5, 7, 9].map { table.logPay(atScore: $0) }
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
    // At 6.5 the line is still within 0.1% of the mixture.
    let exact = mixture.quantile(StandardNormal.cdf(6.5))
    #expect(abs(table.pay(atScore: 6.5) / exact - 1) < 0.001)
  }

  /// The market's table is the table of its estimate's mixture, held at the edge.
  @Test func theMarketsTableIsTheEstimatesMixture() throws {
    let market = try Self.model.market(source: nil, .point)
    let fromModel = try market.scoreTable(experience: 30)
    let estimate = try market.estimate(experience: 30)
    let fromMixture = ScoreTable(mixture: estimate.mixture)
    for step in -60...60 {
      let z = Double(step) / 10
      #expect(abs(fromModel.logPay(atScore: z) - fromMixture.logPay(atScore: z)) < 1e-9)
    }
  }

}
