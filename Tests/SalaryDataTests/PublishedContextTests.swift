import SalaryCore
import Testing

@testable import SalaryData

/// The guides' figures beyond US pay: countries, outlook, education, levels and places.
@Suite struct PublishedContextTests {
  static let dataset = PublishedFiguresTests.dataset

  @Test func himalayasGlobalSalariesWithTheirDollarConversions() {
    let rows = Self.dataset.countryFigures.map { row -> String in
      let local = row.figure.bounds.map { "\(Int($0.low))-\(Int($0.high))" } ?? "\(row.figure)"
      let usd = row.usd?.bounds.map { " = USD \(Int($0.low))-\(Int($0.high))" } ?? ""
      return "\(row.places.joined(separator: "+")) \(row.currency) \(local)\(usd)"
    }
    #expect(
      rows == [
        "us USD 90000-160000",
        "us USD lowerBound(200000.0)",
        "canada CAD 70000-120000 = USD 50000-90000",
        "germany+netherlands EUR 60000-95000 = USD 65000-105000",
        "united-kingdom GBP 55000-85000 = USD 70000-110000",
        "poland+romania EUR 30000-55000 = USD 33000-60000",
        "australia AUD 90000-140000 = USD 60000-95000",
        "singapore SGD 80000-130000 = USD 60000-97000",
        "japan JPY 6000000-10000000 = USD 40000-67000",
        "brazil+mexico USD 25000-50000",
      ])
    #expect(Self.dataset.countryFigures.allSatisfy { $0.source == "himalayas" })
  }

  @Test func jobOutlookFiguresKeepTheirPeriodsAndDisagreements() {
    let rows = Self.dataset.outlook.map {
      "\($0.source) \($0.measure.rawValue) \(Int($0.value)) \($0.periodFrom.map(String.init) ?? "?")-\($0.periodTo.map(String.init) ?? "?")"
    }
    #expect(
      rows == [
        "research-com employment_growth_percent 15 ?-2025",
        "cbt-nuggets employment_growth_percent 17 ?-2033",
        "himalayas employment_growth_percent 17 2022-2032",
        "himalayas annual_openings 140000 2022-2032",
        "himalayas employment_growth_percent 25 2022-2032",
        "himalayas annual_new_jobs 45000 2022-2032",
        "noble-desktop employment_growth_percent 13 ?-2030",
        "noble-desktop annual_openings 17900 ?-2030",
        "noble-desktop employment_growth_percent 8 ?-2030",
      ])
  }

  @Test func educationDurationsAndCosts() {
    let rows = Self.dataset.education.map { row -> String in
      let figure: String
      switch row.figure {
      case .range(let low, let high, let plus):
        figure = "\(Int(low))-\(Int(high))\(plus ? "+" : "")"
      case .value(let v): figure = "\(Int(v))"
      case .lowerBound(let v): figure = ">\(Int(v))"
      case .upperBound(let v): figure = "<\(Int(v))"
      default: figure = "?"
      }
      return "\(row.source) \(row.path) \(row.measure.rawValue) \(figure) \(row.unit.name)"
    }
    #expect(
      rows == [
        "himalayas degree duration 4 years",
        "himalayas bootcamp duration 3-6 months",
        "himalayas self-study duration 6-12 months",
        "himalayas degree-public cost 40000-100000+ USD",
        "himalayas degree-private cost >200000 USD",
        "himalayas bootcamp duration 12-24 weeks",
        "himalayas bootcamp cost 10000-20000 USD",
        "himalayas self-study cost >0 USD",
        "himalayas self-study duration 6-18 months",
        "himalayas from-scratch time_to_job 9-18 months",
        "himalayas bootcamp time_to_job 6-9 months",
        "noble-desktop bootcamp duration <1 years",
        "noble-desktop traditional duration 2-4 years",
        "research-com certificate duration 6 months",
      ])
  }

  /// Himalayas' FAQ says a bootcamp makes one job-ready in 6–9 months: the time to a first
  /// job, not the length of the course, so it is not averaged with the courses' lengths.
  @Test func himalayasJobReadyMonthsAreTimeToAJob() {
    let faq = Self.dataset.education.filter { $0.section.contains("becoming job-ready") }
    #expect(faq.map(\.measure) == [.timeToJob, .timeToJob])
    #expect(faq.map(\.path) == ["from-scratch", "bootcamp"])
  }

  /// research.com: accelerated online certificate programmes take about six months.
  @Test func researchComsSixMonthCertificate() {
    let certificate = Self.dataset.education.first { $0.id == "rc-certificate-months" }
    #expect(certificate?.figure == .value(6))
    #expect(certificate?.unit.name == "months")
    #expect(certificate?.path == "certificate")
    #expect(certificate?.measure == .duration)
  }

  @Test func theHimalayasLadderWithYearsAndTracks() {
    let rungs = Self.dataset.ladder.levels.map {
      "\($0.title) \($0.years) \($0.tracks.map(\.rawValue).sorted().joined(separator: "+"))"
    }
    #expect(
      rungs == [
        "Junior Back-End Developer 0–2 ic+management",
        "Back-End Developer 2–4 ic+management",
        "Mid-level Back-End Developer 3–6 ic+management",
        "Senior Back-End Developer 5–8 ic+management",
        "Lead Back-End Developer 7–10 management",
        "Principal Back-End Engineer 10–15 ic",
        "Staff Back-End Engineer 12–18 ic",
        "Back-End Architect 15+ ic",
      ])
    let researchCom = Self.dataset.levels.filter { $0.source == "research-com" }
      .map { "\($0.key) \($0.years) \($0.yearsKind.rawValue)" }
    #expect(researchCom == ["junior 1–2 duration", "mid 2–4 duration", "senior 5+ experience"])
  }

  @Test func everyPlaceWithAFigureIsAPlace() {
    let named = Set(Self.dataset.places.map(\.id))
    for figure in Self.dataset.payFigures {
      #expect(figure.places.allSatisfy(named.contains), "\(figure.id)")
    }
    for place in [
      "san-francisco", "seattle", "new-york", "austin", "cincinnati", "denver", "atlanta", "nome",
    ] {
      #expect(named.contains(place))
    }
  }

  @Test func theUntitledGuideContributesNamesOnly() {
    #expect(!Self.dataset.payFigures.contains { $0.source == "career-guide-2026" })
    #expect(!Self.dataset.outlook.contains { $0.source == "career-guide-2026" })
    #expect(Self.dataset.specializations.contains { $0.namedBy.contains("career-guide-2026") })
  }

  @Test func thePremiumAreasTheGuidesNameArePresentWithoutPercentages() {
    let premium = Set(
      Self.dataset.specializations.filter { !$0.premiumNamedBy.isEmpty }.map(\.id))
    for id in [
      "go", "rust", "kotlin", "distributed-systems", "ml-infrastructure", "security", "cloud",
      "ai-ml-backend",
    ] {
      #expect(premium.contains(id), "\(id)")
    }
  }

  @Test func theOnlyCitedSpecializationPremiumIsLevelsFyis() {
    let premiums = Self.dataset.premiums.map {
      "\($0.source) \($0.level ?? "-") \($0.percents) \($0.specializations.joined(separator: "+"))"
    }
    #expect(
      premiums == [
        "levels-fyi entry [8.6] ai-ml-backend+ml-infrastructure",
        "levels-fyi staff [11.1] ai-ml-backend+ml-infrastructure",
      ])
  }

  @Test func theKnownAssumptionsAreThereWithReasons() {
    #expect(Self.dataset.rangeCoverage == 0.5)
    #expect(Self.dataset.openSpanYears == 5)
    for known in Assumption.Known.allCases {
      let assumption = Self.dataset.assumption(id: known.rawValue)
      #expect(assumption != nil && !assumption!.reason.isEmpty, "\(known.rawValue)")
    }
    #expect(
      Self.dataset.assumption(id: "span-entry")?.value == .span(ExperienceSpan(from: 0, to: 2)))
    #expect(
      Self.dataset.assumption(id: "span-senior")?.value == .span(ExperienceSpan(from: 5, to: nil)))
  }
}
