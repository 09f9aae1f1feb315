import SalaryCore
import Testing

@testable import SalaryData

/// Every pay figure the guides publish, typed from the guides themselves, must be in the
/// embedded dataset with its source, statistic, numbers and experience span; and the
/// dataset must hold no guide figure that is not listed here.
@Suite struct PublishedFiguresTests {
  struct Expected: CustomTestStringConvertible, Sendable {
    var source: String
    var label: String
    var figure: Figure
    /// The span as `0–2`, `5+`, or `nil` for a figure without experience span.
    var span: String?
    var places: [String] = ["us"]

    var testDescription: String { "\(source): \(label) \(figure.statistic.rawValue)" }
  }

  static func range(_ low: Double, _ high: Double, plus: Bool = false) -> Figure {
    .range(low: low, high: high, openTop: plus)
  }

  static let expected: [Expected] = [
    // research.com, "How much can you earn" and the benefits list (2025).
    Expected(source: "research-com", label: "Average salaries", figure: range(75_000, 120_000)),
    Expected(source: "research-com", label: "Average pay", figure: range(115_000, 154_000)),
    Expected(
      source: "research-com", label: "Entry-level roles", figure: .typical(81_000), span: "0–2"),
    Expected(
      source: "research-com", label: "Experienced developers", figure: .lowerBound(120_000)),
    Expected(
      source: "research-com", label: "Top performers and leading tech companies",
      figure: .approximate(200_000)),

    // CBT Nuggets, citing Glassdoor, December 2024.
    Expected(
      source: "cbt-nuggets", label: "Entry-Level", figure: range(60_000, 85_000), span: "0–2"),
    Expected(
      source: "cbt-nuggets", label: "Mid-Level", figure: range(85_000, 110_000), span: "3–5"),
    Expected(
      source: "cbt-nuggets", label: "Senior-Level", figure: range(110_000, 140_000, plus: true),
      span: "5+"),
    Expected(
      source: "cbt-nuggets", label: "Nome, Alaska",
      figure: .relative(percent: -5, to: "san-francisco"),
      places: ["nome"]),

    // Himalayas: key facts, the level table with the career path's years, the FAQ.
    Expected(source: "himalayas", label: "Median salary", figure: .median(133_080)),
    Expected(
      source: "himalayas", label: "Entry-level to Senior",
      figure: range(70_000, 180_000, plus: true)),
    Expected(
      source: "himalayas", label: "Junior Back-End Developer", figure: .median(70_000), span: "0–2"),
    Expected(
      source: "himalayas", label: "Junior Back-End Developer", figure: .mean(75_000), span: "0–2"),
    Expected(
      source: "himalayas", label: "Back-End Developer", figure: .median(90_000), span: "2–4"),
    Expected(source: "himalayas", label: "Back-End Developer", figure: .mean(95_000), span: "2–4"),
    Expected(
      source: "himalayas", label: "Mid-level Back-End Developer", figure: .median(110_000),
      span: "3–6"),
    Expected(
      source: "himalayas", label: "Mid-level Back-End Developer", figure: .mean(115_000),
      span: "3–6"),
    Expected(
      source: "himalayas", label: "Senior Back-End Developer", figure: .median(140_000), span: "5–8"
    ),
    Expected(
      source: "himalayas", label: "Senior Back-End Developer", figure: .mean(145_000), span: "5–8"),
    Expected(
      source: "himalayas", label: "Lead Back-End Developer", figure: .median(165_000), span: "7–10"),
    Expected(
      source: "himalayas", label: "Lead Back-End Developer", figure: .mean(170_000), span: "7–10"),
    Expected(
      source: "himalayas", label: "Principal Back-End Engineer", figure: .median(195_000),
      span: "10–15"),
    Expected(
      source: "himalayas", label: "Principal Back-End Engineer", figure: .mean(200_000),
      span: "10–15"),
    Expected(
      source: "himalayas", label: "Staff Back-End Engineer", figure: .median(220_000), span: "12–18"
    ),
    Expected(
      source: "himalayas", label: "Staff Back-End Engineer", figure: .mean(225_000), span: "12–18"),
    Expected(
      source: "himalayas", label: "Back-End Architect", figure: .median(235_000), span: "15+"),
    Expected(source: "himalayas", label: "Back-End Architect", figure: .mean(240_000), span: "15+"),
    Expected(source: "himalayas", label: "Entry-level", figure: range(60_000, 85_000), span: "0–2"),
    Expected(
      source: "himalayas", label: "With 3-5 years of experience", figure: range(90_000, 130_000),
      span: "3–5"),
    Expected(source: "himalayas", label: "Senior roles", figure: .lowerBound(150_000), span: "5–8"),

    // Noble Desktop: the salary text, its overview and its location table.
    Expected(source: "noble-desktop", label: "United States", figure: range(125_000, 180_000)),
    Expected(
      source: "noble-desktop", label: "San Francisco Bay Area", figure: range(160_000, 220_000),
      places: ["san-francisco"]),
    Expected(
      source: "noble-desktop", label: "Seattle, New York and Austin",
      figure: range(140_000, 190_000), places: ["seattle", "new-york", "austin"]),
    Expected(
      source: "noble-desktop", label: "Cincinnati, Denver and Atlanta",
      figure: range(100_000, 140_000), places: ["cincinnati", "denver", "atlanta"]),
    Expected(
      source: "noble-desktop", label: "Entry-level developers", figure: range(85_000, 110_000),
      span: "0–2"),
    Expected(
      source: "noble-desktop", label: "Mid-level professionals", figure: range(120_000, 160_000),
      span: "3–5"),
    Expected(
      source: "noble-desktop", label: "Senior developers", figure: range(150_000, 200_000),
      span: "5+"),
    Expected(
      source: "noble-desktop", label: "Principal or staff-level engineers",
      figure: .lowerBound(250_000)),
    Expected(
      source: "noble-desktop", label: "Senior developer salary", figure: .typical(127_000),
      span: "5+"),
    Expected(source: "noble-desktop", label: "US average all workers", figure: .mean(56_310)),
    Expected(
      source: "noble-desktop", label: "San Francisco, CA", figure: .mean(150_000),
      places: ["san-francisco"]),
    Expected(source: "noble-desktop", label: "National Average", figure: .mean(115_000)),
    Expected(
      source: "noble-desktop", label: "Cincinnati, OH", figure: .mean(91_000),
      places: ["cincinnati"]),
  ]

  static let dataset = try! EmbeddedDataset.load()

  @Test(arguments: expected)
  func theFigureIsPresentWithItsSource(_ expected: Expected) throws {
    let matches = Self.dataset.payFigures.filter {
      $0.source == expected.source && $0.label == expected.label
        && $0.figure.statistic == expected.figure.statistic
    }
    try #require(matches.count == 1, "expected one figure, found \(matches.count)")
    let figure = matches[0]
    #expect(figure.figure == expected.figure)
    #expect(figure.span?.description == expected.span)
    #expect(figure.places == expected.places)
    #expect(figure.currency == .usd)
    #expect(Self.dataset.source(id: figure.source) != nil)
  }

  @Test func theDatasetHoldsNoGuideFigureThatIsNotListed() {
    let guides = Set(Self.dataset.sources.filter { $0.kind == .guide }.map(\.id))
    let listed = Set(Self.expected.map { "\($0.source)|\($0.label)|\($0.figure.statistic)" })
    let unlisted = Self.dataset.payFigures.filter { guides.contains($0.source) }
      .map { "\($0.source)|\($0.label)|\($0.figure.statistic)" }
      .filter { !listed.contains($0) }
    #expect(unlisted == [])
  }

  @Test func theBLSFiguresAreContextWithoutExperienceSpans() {
    let bls = Self.dataset.payFigures.filter { $0.source == "bls-oews" }
    #expect(bls.count == 8)
    #expect(bls.allSatisfy { $0.span == nil && $0.occupation == "software developers" })
    let may2024 = bls.filter { $0.period == Period(year: 2024, month: 5) }
    #expect(
      may2024.map(\.figure) == [
        .percentile(79_850, rank: 10), .percentile(103_050, rank: 25), .median(133_080),
        .percentile(169_000, rank: 75), .percentile(211_450, rank: 90), .mean(144_570),
      ])
  }

  @Test func spansThatComeFromAssumptionsSaySo() throws {
    let entry = try #require(Self.dataset.payFigures.first { $0.id == "rc-entry" })
    #expect(entry.spanOrigin == .assumption("span-entry"))
    #expect(entry.assumptions == ["span-entry", "typical-as-median"])
    let senior = try #require(Self.dataset.payFigures.first { $0.id == "nd-senior" })
    #expect(senior.assumptions == ["span-senior", "open-span-years", "range-coverage"])
    let architect = try #require(Self.dataset.payFigures.first { $0.id == "hm-architect-median" })
    #expect(architect.spanOrigin == .ladder)
    #expect(architect.assumptions == ["open-span-years"])
    let cbtEntry = try #require(Self.dataset.payFigures.first { $0.id == "cbt-entry" })
    #expect(cbtEntry.spanOrigin == .stated)
  }
}
