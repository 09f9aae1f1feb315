import SalaryData
import Testing

@testable import SalaryCore

/// Factors derived from pairs of published figures; reference values computed by hand
/// (Python) from the guides' numbers.
@Suite struct FactorTests {
  static let dataset = ReproductionTests.model.dataset

  private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * abs(b)
  }

  @Test func sanFranciscoFromTwoNobleDesktopSeries() throws {
    let factor = try #require(Self.dataset.locationFactor(for: "san-francisco"))
    #expect(factor.evidence.map(\.figureID).sorted() == ["nd-location-sf", "nd-tier-bay-area"])
    let ratios = Dictionary(uniqueKeysWithValues: factor.evidence.map { ($0.figureID, $0.ratio) })
    #expect(close(ratios["nd-location-sf"], 1.3043478260869565))
    #expect(close(ratios["nd-tier-bay-area"], 1.2507775359529147))
    #expect(close(factor.value, 1.2772818639355155))
    #expect(!factor.isUncertain && factor.sigma == 0)
  }

  @Test func nomeIsFivePercentBelowSanFrancisco() throws {
    let nome = try #require(Self.dataset.locationFactor(for: "nome"))
    #expect(close(nome.value, 1.2134177707387397))
    #expect(nome.relative?.percent == -5 && nome.relative?.baseLabel == "San Francisco, CA")
  }

  @Test func metroTiersAndTheLocationTable() {
    #expect(close(Self.dataset.locationFactor(for: "austin")?.value, 1.0873004286866725))
    #expect(close(Self.dataset.locationFactor(for: "seattle")?.value, 1.0873004286866725))
    #expect(close(Self.dataset.locationFactor(for: "cincinnati")?.value, 0.7900565089032336))
    #expect(Self.dataset.locationFactor(for: "us")?.value == 1)
  }

  @Test func aPlaceNamedWithoutFiguresHasNoFactor() {
    #expect(Self.dataset.locationFactor(for: "raleigh") == nil)
    #expect(Self.dataset.locationFactor(for: "nebraska") == nil)
    #expect(Self.dataset.locationFactor(for: "atlantis") == nil)
  }

  @Test func germanyAgainstTheUSRowOfTheSameTable() throws {
    let germany = try #require(Self.dataset.countryFactor(for: "germany"))
    #expect(close(germany.value, 0.6884463184107628))
    #expect(germany.assumptions == ["country-seniority"])
    #expect(Self.dataset.countryFactor(for: "netherlands")?.value == germany.value)
    #expect(Self.dataset.countryFactor(for: "portugal") == nil)
    #expect(Self.dataset.countryFactor(for: "san-francisco") == nil)
  }

  @Test func theEuroRateIsImpliedByTheGuidesOwnConversions() throws {
    let euro = try #require(Self.dataset.exchangeRate(for: CurrencyCode("EUR")!))
    #expect(close(euro.dollarsPerUnit, 1.0948440475055978))
    guard case .implied(let pairs) = euro.origin else {
      Issue.record("not implied")
      return
    }
    #expect(pairs.count == 4)
    #expect(Self.dataset.exchangeRate(for: CurrencyCode("BRL")!) == nil)
    #expect(Self.dataset.exchangeRate(for: .usd)?.dollarsPerUnit == 1)
    #expect(
      Self.dataset.convertedCurrencies.map(\.code) == ["CAD", "EUR", "GBP", "AUD", "SGD", "JPY"])
  }

  @Test func premiumsCitedAssumedOrNone() throws {
    let ai = try #require(Self.dataset.specializationFactor(for: "ai-ml-backend"))
    #expect(close(ai.low, 1.086) && close(ai.high, 1.111))
    #expect(close(ai.sigma, (1.111 / 1.086).logarithm / (2 * 0.6744897501960817)))
    #expect(ai.assumptions == ["range-coverage"])
    let distributed = try #require(Self.dataset.specializationFactor(for: "distributed-systems"))
    #expect(distributed.low == 1 && close(distributed.high, 1.111))
    #expect(distributed.assumptions == ["premium-without-figure"])
    #expect(Self.dataset.specializationFactor(for: "php") == nil)
  }

  @Test func aPointFactorMovesTheMedianAndAnUncertainOneWidensTheBand() {
    let pay = LogNormal(mu: 11.5, sigma: 0.2)
    let point = Factor(kind: .premium, label: "12%", value: 1.12)
    #expect(close(pay.applying([point]).median, pay.median * 1.12, 1e-14))
    #expect(pay.applying([point]).sigma == 0.2)
    let range = Factor(kind: .premium, label: "x", low: 1, high: 1.21, coverage: 0.5)
    #expect(close(range.value, 1.1))
    let widened = pay.applying([range])
    #expect(close(widened.sigma, (0.04 + range.sigma * range.sigma).squareRoot()))
  }

  @Test func namesResolveWithAliasesCaseAndPunctuation() {
    let places = Self.dataset.placeNames
    for name in ["sf", "San Francisco, CA", "bay area", "SAN FRANCISCO", "san francisco ca"] {
      #expect(places.resolve(name) == "san-francisco", "\(name)")
    }
    #expect(places.resolve("Austin") == "austin" && places.resolve("austin, tx") == "austin")
    #expect(places.resolve("NYC") == "new-york" && places.resolve("uk") == "united-kingdom")
    #expect(places.resolve("austn") == nil)
    #expect(Self.dataset.levelNames.resolve("Sr") == "senior")
    #expect(Self.dataset.levelNames.resolve("Senior Back-End Developer") == "senior")
    #expect(Self.dataset.specializationNames.resolve("golang") == "go")
  }
}

extension Double {
  fileprivate var logarithm: Double { Math.log(self) }
}

@Suite struct GrowthRateTests {
  @Test func himalayasJuniorToDeveloperIsThirteenPointFourPercent() throws {
    let steps = ReproductionTests.model.growthSteps.filter {
      $0.series.description == "himalayas/levels"
    }
    #expect(steps.count == 7)
    #expect(abs(steps[0].annualRate - 0.1338934190276817) < 1e-12)
    #expect(steps[0].years == 2 && abs(steps[0].fromMedian - 70_000) < 1e-6)
  }

  @Test func singleFigureSeriesHaveNoSteps() {
    let steps = ReproductionTests.model.growthSteps
    #expect(!steps.contains { $0.series.description == "research-com/earnings" })
    #expect(!steps.contains { $0.series.description == "noble-desktop/overview" })
  }
}
