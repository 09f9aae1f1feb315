import Testing

@testable import SalaryCore

/// The public numeric entry points of the core at the edges: 0, negative, NaN, ±∞, huge
/// and tiny. Each gives a finite answer or a typed error, never a NaN or a trap.
@Suite struct EdgeValueTests {
  static let model = ReproductionTests.model
  static let edges: [Double] = [
    0, -0.0, -1, .nan, .infinity, -.infinity, 1e308, -1e308, .leastNonzeroMagnitude, 1e-300,
  ]

  @Test(arguments: edges)
  func aSalaryAnywhereHasAPercentileFrom0To1(_ salary: Double) throws {
    let market = try Self.model.market()
    let share = try market.percentile(of: salary, experience: 4)
    #expect(share >= 0 && share <= 1)
    // Nothing at or below nothing; everything at or below infinity.
    if !(salary > 0) { #expect(share == 0) }
    if salary == .infinity || salary == 1e308 { #expect(share == 1) }
    let position = try market.position(ofSalary: salary, experience: 4)
    #expect(position.percentile >= 0.01 && position.percentile <= 0.99)
    #expect(position.percentilePay.isFinite && position.percentilePay > 0)
  }

  @Test(arguments: [0, .leastNonzeroMagnitude, 1e-300, 30, 60, 1e308])
  func anyFiniteExperienceIsHeldToTheFigures(_ experience: Double) throws {
    let estimate = try Self.model.estimate(experience: experience)
    #expect(estimate.quantiles.allSatisfy { $0.isFinite && $0 > 0 })
    #expect(estimate.quantiles == estimate.quantiles.sorted())
  }

  @Test(arguments: [Double.nan, .infinity, 1e300, 1e13, -1e13])
  func aFixedRaiseProjectionBeyondAnySalaryIsATypedError(_ salary: Double) {
    #expect(throws: ProjectionError.amountOutOfRange(year: 1)) {
      try Projection.make(
        startExperience: 0, rule: .raises(salary: salary, raises: [0.03], promotions: []),
        education: nil,
        settings: ProjectionSettings(
          years: 3, startYear: 2027, drift: 0, inflation: 0, discount: 0, paths: 0))
    }
  }

  @Test(arguments: [0.0, 1, 1e6, 1e12])
  func aFixedRaiseProjectionWithinRangeIsFinite(_ salary: Double) throws {
    let projection = try Projection.make(
      startExperience: 0, rule: .raises(salary: salary, raises: [-0.5, 1], promotions: []),
      education: nil,
      settings: ProjectionSettings(
        years: 2, startYear: 2027, drift: 0, inflation: 0, discount: 0, paths: 0))
    #expect(projection.years.map(\.pay) == [salary, salary * 0.5])
  }

  @Test func raisesThatCompoundPastATrillionStopAtTheYearTheyGetThere() {
    // $100,000,000 doubling: $1.6 trillion in year 15.
    #expect(throws: ProjectionError.amountOutOfRange(year: 15)) {
      try Projection.make(
        startExperience: 0, rule: .raises(salary: 1e8, raises: [1], promotions: []),
        education: nil,
        settings: ProjectionSettings(
          years: 60, startYear: 2027, drift: 0, inflation: 0, discount: 0, paths: 0))
    }
  }

  @Test func plausibleRatesAreAFactorOf1000AroundTheGuides() throws {
    let dataset = Self.model.dataset
    let euro = try #require(dataset.exchangeRate(for: CurrencyCode("EUR")!))
    let range = dataset.plausibleRates(for: CurrencyCode("EUR")!)
    #expect(abs(range.lowerBound - euro.dollarsPerUnit / 1_000) < 1e-15)
    #expect(abs(range.upperBound - euro.dollarsPerUnit * 1_000) < 1e-9)
    #expect(dataset.plausibleRates(for: CurrencyCode("CHF")!) == 1e-6...1e6)
    #expect(dataset.plausibleRates(for: .usd) == 0.001...1_000)
  }
}
