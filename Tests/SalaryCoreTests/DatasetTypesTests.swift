import Testing

@testable import SalaryCore

@Suite struct CalendarDateTests {
  @Test(arguments: ["2025-02-11", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
  func validDatesRoundTrip(_ text: String) throws {
    let date = try #require(CalendarDate(parsing: text))
    #expect(date.description == text)
  }

  @Test(arguments: [
    "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-2",
    "25-01-02", "2025/01/02", "2025-01-02T00", "", "abcd-ef-gh", "2025-+1-02", "0000-01-01",
  ])
  func invalidDatesAreRefused(_ text: String) {
    #expect(CalendarDate(parsing: text) == nil)
  }

  @Test func datesOrderByDay() {
    #expect(CalendarDate(parsing: "2024-12-31")! < CalendarDate(parsing: "2025-01-01")!)
  }
}

@Suite struct PeriodTests {
  @Test(arguments: ["2025", "2024-12", "2023-05"])
  func validPeriodsRoundTrip(_ text: String) {
    #expect(Period(parsing: text)?.description == text)
  }

  @Test(arguments: ["2024-13", "2024-00", "24", "2024-1", "2024-12-01", "", "-2024", "2024-"])
  func invalidPeriodsAreRefused(_ text: String) {
    #expect(Period(parsing: text) == nil)
  }

  @Test func aYearSortsBeforeItsMonths() {
    #expect(Period(year: 2024) < Period(year: 2024, month: 1))
    #expect(Period(year: 2024, month: 12) < Period(year: 2025))
  }
}

@Suite struct ExperienceSpanTests {
  @Test func closedAndOpenSpans() throws {
    let entry = try #require(ExperienceSpan(parsing: "0 to 2"))
    #expect(entry == ExperienceSpan(from: 0, to: 2))
    #expect(entry.midpoint == 1)
    #expect(entry.description == "0–2")
    let senior = try #require(ExperienceSpan(parsing: "5+"))
    #expect(senior.isOpen && senior.midpoint == nil)
    #expect(senior.description == "5+")
    #expect(senior.closed(openSpanYears: 5) == ExperienceSpan(from: 5, to: 10))
    #expect(senior.closed(openSpanYears: 5).midpoint == 7.5)
    #expect(entry.closed(openSpanYears: 5) == entry)
    #expect(ExperienceSpan(parsing: "2.5-4")?.description == "2.5–4")
  }

  @Test(arguments: [
    "", "5", "2 to 2", "3 to 1", "-1 to 2", "a to b", "+", "nan to 3", "0 to inf", "1 to 2 to 3",
  ])
  func malformedSpansAreRefused(_ text: String) {
    #expect(ExperienceSpan(parsing: text) == nil)
  }

  @Test func containmentIncludesBothEnds() {
    let span = ExperienceSpan(from: 3, to: 5)
    #expect(span.contains(3) && span.contains(5) && span.contains(4.2))
    #expect(!span.contains(2.999) && !span.contains(5.001))
    #expect(ExperienceSpan(from: 15, to: nil).contains(60))
  }
}

@Suite struct NameKeyTests {
  @Test func nameKeysIgnoreCasePunctuationAndSpacing() {
    #expect(nameKey("San Francisco, CA") == "san francisco ca")
    #expect(nameKey("  NEW_york ") == "new york")
    #expect(nameKey("U.S.") == "u s")
    #expect(nameKey("Zürich") == "zürich")
  }
}

@Suite struct CurrencyCodeTests {
  @Test func onlyActiveISOCodesInUpperCase() {
    #expect(CurrencyCode("EUR")?.code == "EUR")
    #expect(CurrencyCode("JPY") != nil)
    #expect(CurrencyCode("eur") == nil)
    #expect(CurrencyCode("ABC") == nil)
    #expect(CurrencyCode("") == nil)
    #expect(CurrencyCode("USDX") == nil)
    #expect(CurrencyCode.usd == CurrencyCode("USD"))
  }

  /// The codes are looked up by binary search, so they must stay in order: every one is
  /// found, and nothing between or around them is.
  @Test func everyActiveCodeIsFoundAndNothingElse() {
    #expect(CurrencyCode.active == CurrencyCode.active.sorted())
    #expect(Set(CurrencyCode.active).count == CurrencyCode.active.count)
    for code in CurrencyCode.active { #expect(CurrencyCode(code)?.code == code) }
    let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
    var found = 0
    for a in letters {
      for b in letters {
        for c in letters where CurrencyCode(a + b + c) != nil { found += 1 }
      }
    }
    #expect(found == CurrencyCode.active.count)
    for odd in ["AAA", "ZZZ", "AE", "AEDD", "aed", " AED", "AED ", "ÅED"] {
      #expect(CurrencyCode(odd) == nil, "\(odd)")
    }
  }
}
