import Foundation
import SalaryCore
import Testing

@testable import SalaryData

/// Each case breaks the minimal dataset in one place; the loader must refuse the whole
/// dataset and say exactly where and what, as `file:line:column: message`.
@Suite struct ValidationMatrixTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var line: Int
    var text: String
    var expected: [String]

    var testDescription: String { name }
  }

  static let payLine2 = "a-entry,guide-a,table,Pay,2025,us,devs,entry,Entry,"
  static let payLine3 = "a-junior,guide-a,table,Pay,2025,us,devs,"
  static let statistics =
    "range, median, mean, typical, lower_bound, upper_bound, approximate, percentile, relative, value"

  static let lineCases: [Case] = [
    Case(
      name: "money written with a currency sign", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,$60000,85000,,,USD,",
      expected: [
        "pay.csv:2:64: '$60000' in column 'low' is not a plain number (write 81000, not $81,000)"
      ]),
    Case(
      name: "a range upside down", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,85000,60000,,,USD,",
      expected: ["pay.csv:2:70: a range's high (60000) must be above its low (85000)"]),
    Case(
      name: "a range of one value", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,60000,60000,,,USD,",
      expected: ["pay.csv:2:70: a range's high (60000) must be above its low (60000)"]),
    Case(
      name: "a negative amount", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,-60000,85000,,,USD,",
      expected: ["pay.csv:2:64: -60000 in column 'low' must be above zero"]),
    Case(
      name: "not a number", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,nan,85000,,,USD,",
      expected: [
        "pay.csv:2:64: 'nan' in column 'low' is not a plain number (write 81000, not $81,000)"
      ]),
    Case(
      name: "an infinite amount", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,60000,inf,,,USD,",
      expected: [
        "pay.csv:2:70: 'inf' in column 'high' is not a plain number (write 81000, not $81,000)"
      ]),
    Case(
      name: "a currency in lower case", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,60000,85000,,,usd,",
      expected: [
        "pay.csv:2:78: unknown currency 'usd': use an ISO 4217 code such as USD. Did you mean 'USD'?"
      ]),
    Case(
      name: "an unknown currency", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,,60000,85000,,,XYZ,",
      expected: ["pay.csv:2:78: unknown currency 'XYZ': use an ISO 4217 code such as USD."]),
    Case(
      name: "a span that ends where it starts", file: "pay.csv", line: 2,
      text: payLine2 + "2,2,range,,,60000,85000,,,USD,",
      expected: ["pay.csv:2:54: years_to (2) must be after years_from (2)"]),
    Case(
      name: "a span without a start", file: "pay.csv", line: 2,
      text: payLine2 + ",2,range,,,60000,85000,,,USD,",
      expected: ["pay.csv:2:52: a span with years_to needs years_from too"]),
    Case(
      name: "a negative span", file: "pay.csv", line: 2,
      text: payLine2 + "-1,2,range,,,60000,85000,,,USD,",
      expected: ["pay.csv:2:52: years_from must be zero or more, not -1"]),
    Case(
      name: "a month that does not exist", file: "pay.csv", line: 2,
      text: "a-entry,guide-a,table,Pay,2025-13,us,devs,entry,Entry,0,2,range,,,60000,85000,,,USD,",
      expected: [
        "pay.csv:2:27: '2025-13' is not a period: write a year (2025) or a month (2024-12)"
      ]),
    Case(
      name: "an unknown source", file: "pay.csv", line: 2,
      text: "a-entry,guide-x,table,Pay,2025,us,devs,entry,Entry,0,2,range,,,60000,85000,,,USD,",
      expected: ["pay.csv:2:9: unknown source 'guide-x'. Did you mean 'guide-a' or 'guide-b'?"]),
    Case(
      name: "an unknown place", file: "pay.csv", line: 2,
      text:
        "a-entry,guide-a,table,Pay,2025,usa-east,devs,entry,Entry,0,2,range,,,60000,85000,,,USD,",
      expected: ["pay.csv:2:32: unknown place 'usa-east'."]),
    Case(
      name: "a mistyped statistic", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,rnage,,,60000,85000,,,USD,",
      expected: [
        "pay.csv:2:56: 'rnage' is not a valid statistic. Did you mean 'range'? Use one of: \(statistics)."
      ]),
    Case(
      name: "a statistic the file does not use", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,value,,60000,,,,,USD,",
      expected: [
        "pay.csv:2:56: statistic 'value' is not used in this file; use one of: range, median, mean, typical, lower_bound, approximate, percentile, relative"
      ]),
    Case(
      name: "a value beside a range", file: "pay.csv", line: 2,
      text: payLine2 + "0,2,range,,70000,60000,85000,,,USD,",
      expected: ["pay.csv:2:63: column 'value' must be empty for a range (it holds '70000')"]),
    Case(
      name: "a plus on a median", file: "pay.csv", line: 3,
      text: payLine3 + "junior,Junior,,,median,,70000,,,yes,,USD,",
      expected: ["pay.csv:3:73: 'plus' marks the top of a range; a median has none"]),
    Case(
      name: "a percentile of 100", file: "pay.csv", line: 3,
      text: payLine3 + "junior,Junior,,,percentile,100,70000,,,,,USD,",
      expected: ["pay.csv:3:68: a percentile rank is between 0 and 100, not 100"]),
    Case(
      name: "a median without its value", file: "pay.csv", line: 3,
      text: payLine3 + "junior,Junior,,,median,,,,,,,USD,",
      expected: ["pay.csv:3:65: missing value in column 'value'"]),
    Case(
      name: "a level nobody gives years for", file: "pay.csv", line: 3,
      text: payLine3 + "juinor,Junior,,,median,,70000,,,,,USD,",
      expected: [
        "pay.csv:3:41: level 'juinor' has no years. Did you mean 'junior'? Fill years_from and years_to, use a level that guide-a's ladder in levels.csv gives years for, or add the assumption 'span-juinor'."
      ]),
    Case(
      name: "a place paying nothing", file: "pay.csv", line: 5,
      text: "b-sf,guide-b,text,Pay,2025-03,sf,devs,,SF,,,relative,,-100,,,,us,USD,",
      expected: ["pay.csv:5:55: a relative difference is a percent above -100 and not 0, not -100"]),
    Case(
      name: "a relative figure relative to nothing", file: "pay.csv", line: 5,
      text: "b-sf,guide-b,text,Pay,2025-03,sf,devs,,SF,,,relative,,10,,,,,USD,",
      expected: ["pay.csv:5:61: missing value in column 'relative_to'"]),
    Case(
      name: "a relative figure relative to an unknown place", file: "pay.csv", line: 5,
      text: "b-sf,guide-b,text,Pay,2025-03,sf,devs,,SF,,,relative,,10,,,,la,USD,",
      expected: ["pay.csv:5:61: unknown place 'la'."]),
    Case(
      name: "a duplicate id", file: "pay.csv", line: 2,
      text: payLine3 + "junior,Junior,,,median,,70000,,,,,USD,",
      expected: ["pay.csv:3:1: duplicate id 'a-junior' (first used on line 2)"]),
    Case(
      name: "an id with spaces and capitals", file: "pay.csv", line: 2,
      text: "A Entry,guide-a,table,Pay,2025,us,devs,entry,Entry,0,2,range,,,60000,85000,,,USD,",
      expected: [
        "pay.csv:2:1: 'A Entry' is not a valid id: use lower-case letters and digits joined by hyphens"
      ]),
    Case(
      name: "a series in two currencies", file: "pay.csv", line: 3,
      text: payLine3 + "junior,Junior,,,median,,70000,,,,,EUR,",
      expected: [
        "pay.csv:3:75: series 'guide-a/table' is in USD (line 2); one series has one currency"
      ]),
    Case(
      name: "a date that does not exist", file: "sources.csv", line: 2,
      text: "guide-a,Publisher A,Guide A,,2025-02-30,,guide,,",
      expected: [
        "sources.csv:2:30: '2025-02-30' is not a date: write YYYY-MM-DD, such as 2025-02-11"
      ]),
    Case(
      name: "an update before publication", file: "sources.csv", line: 2,
      text: "guide-a,Publisher A,Guide A,,2025-01-02,2024-12-31,guide,,",
      expected: ["sources.csv:2:41: updated (2024-12-31) is before published (2025-01-02)"]),
    Case(
      name: "an unknown kind of source", file: "sources.csv", line: 2,
      text: "guide-a,Publisher A,Guide A,,2025-01-02,,blog,,",
      expected: [
        "sources.csv:2:42: 'blog' is not a valid kind. Use one of: guide, statistics, report, official."
      ]),
    Case(
      name: "one alias for two places", file: "places.csv", line: 3,
      text: "sf,\"San Francisco, CA\",metro,us,usa,guide-b",
      expected: [
        "places.csv:3:33: 'usa' already names 'us' (line 2); a name must lead to one entry"
      ]),
    Case(
      name: "a place named by an unknown source", file: "places.csv", line: 3,
      text: "sf,\"San Francisco, CA\",metro,us,bay area,guide-c",
      expected: ["places.csv:3:42: unknown source 'guide-c'. Did you mean 'guide-a' or 'guide-b'?"]),
    Case(
      name: "an unknown track", file: "levels.csv", line: 3,
      text: "guide-a,ladder,Career,senior,Senior,5,,experience,ic;board,sr",
      expected: [
        "levels.csv:3:51: unknown track 'board': use ic, management or both as 'ic;management'"
      ]),
    Case(
      name: "a promotion chance above 1", file: "promotions.csv", line: 2,
      text: "junior,senior,ic;management,1.5,0.2,Most move up.",
      expected: ["promotions.csv:2:29: 1.5 in column 'chance' is a probability: from 0 to 1"]),
    Case(
      name: "a negative share staying", file: "promotions.csv", line: 2,
      text: "junior,senior,ic;management,0.9,-0.1,Most move up.",
      expected: ["promotions.csv:2:33: -0.1 in column 'stays' is a probability: from 0 to 1"]),
    Case(
      name: "a promotion to a level not on the ladder", file: "promotions.csv", line: 2,
      text: "junior,seinor,ic;management,0.9,0.2,Most move up.",
      expected: [
        "promotions.csv:2:8: 'seinor' is not a level of the ladder: junior, senior"
      ]),
    Case(
      name: "a track without its step", file: "promotions.csv", line: 2,
      text: "junior,senior,ic,0.9,0.2,Most move up.",
      expected: ["promotions.csv: no step from 'junior' to 'senior' on the management track"]),
    Case(
      name: "a coverage above 100 percent", file: "assumptions.csv", line: 2,
      text: "range-coverage,150,percent,,Ranges are the middle half.",
      expected: ["assumptions.csv:2:16: a coverage is a percent between 0 and 100, not 150"]),
    Case(
      name: "an assumption in the wrong unit", file: "assumptions.csv", line: 2,
      text: "range-coverage,50,years,,Ranges are the middle half.",
      expected: ["assumptions.csv:2:19: the unit of this assumption is 'percent', not 'years'"]),
    Case(
      name: "a span assumption in words", file: "assumptions.csv", line: 6,
      text: "span-entry,two years,years,,Entry level is the first two years.",
      expected: ["assumptions.csv:6:12: 'two years' is not a span of years: write '0 to 2' or '5+'"]
    ),
    Case(
      name: "a ladder without levels", file: "assumptions.csv", line: 5,
      text: "ladder,guide-b,source,,Guide A gives years for every level.",
      expected: [
        "assumptions.csv:5:8: the ladder source 'guide-b' has no levels with years_kind 'experience' in levels.csv"
      ]),
    Case(
      name: "a mistyped assumption", file: "assumptions.csv", line: 2,
      text: "range-coverag,50,percent,,Ranges are the middle half.",
      expected: [
        "assumptions.csv: missing assumption 'range-coverage'",
        "assumptions.csv:2:1: unknown assumption 'range-coverag'. Did you mean 'range-coverage'? Known: range-coverage, open-span-years, typical-as-median, ladder, remote, country-seniority, premium-without-figure, market-drift, drift-volatility, inflation, discount-rate, band-persistence, band-volatility, promotion-timing, unknown-position, education-figures, career-horizon, career-start-age, level-mix-window, and span-<level> for a level's years.",
      ]),
    Case(
      name: "a value for a reading", file: "assumptions.csv", line: 4,
      text: "typical-as-median,yes,,,Typical figures are medians.",
      expected: ["assumptions.csv:4:19: this assumption is a reading and takes no value"]),
    Case(
      name: "a flag without dashes", file: "assumptions.csv", line: 3,
      text: "open-span-years,5,years,open-span,Open spans close after five years.",
      expected: ["assumptions.csv:3:25: a flag starts with '--', such as --coverage"]),
    Case(
      name: "a range converted as one value", file: "countries.csv", line: 2,
      text:
        "a-de,guide-a,global,World,2025,de,Germany,,range,EUR,,60000,95000,,70000,65000,105000,",
      expected: ["countries.csv:2:68: a range converts as usd_low and usd_high, not usd_value"]),
    Case(
      name: "a period that runs backwards", file: "outlook.csv", line: 2,
      text: "a-growth,guide-a,Outlook,devs,us,employment_growth_percent,17,,,2032,2022,BLS,",
      expected: ["outlook.csv:2:70: period_to (2022) must be after period_from (2032)"]),
    Case(
      name: "a yes-or-empty cell with something else", file: "outlook.csv", line: 2,
      text: "a-growth,guide-a,Outlook,devs,us,employment_growth_percent,17,maybe,,2022,2032,BLS,",
      expected: ["outlook.csv:2:63: 'maybe' in column 'approximate' must be 'yes' or empty"]),
    Case(
      name: "a duration in fortnights", file: "education.csv", line: 2,
      text: "a-bootcamp,guide-a,Education,bootcamp,duration,range,,12,24,fortnights,,",
      expected: [
        "education.csv:2:61: a duration's unit is weeks, months or years, not 'fortnights'"
      ]),
    Case(
      name: "a premium from a source that does not name the area", file: "specializations.csv",
      line: 2, text: "go,Go,language,golang,guide-a,guide-b,",
      expected: [
        "specializations.csv:2:31: 'guide-b' says it pays more, so list it in named_by too"
      ]),
    Case(
      name: "an unterminated quote", file: "pay.csv", line: 2,
      text: "a-entry,\"guide-a,table,Pay,2025,us,devs,entry,Entry,0,2,range,,,60000,85000,,,USD,",
      expected: ["pay.csv:2:9: unterminated quoted field"]),
  ]

  @Test(arguments: lineCases)
  func aBrokenLineIsReportedWhereItIs(_ testCase: Case) {
    let files = MinimalDataset.replacing(testCase.file, line: testCase.line, with: testCase.text)
    #expect(problems(files) == testCase.expected)
  }

  @Test func aRowWithAFieldMissing() {
    let files = MinimalDataset.replacing(
      "pay.csv", line: 2, with: Self.payLine2 + "0,2,range,,,60000,85000,,,USD")
    #expect(problems(files) == ["pay.csv:2:81: expected 20 fields, found 19"])
  }

  @Test func bytesThatAreNotUTF8() {
    var files = MinimalDataset.bytes()
    // Line 2 starts after the 59-character header and its line break: byte 60. Offset 18
    // of that line is column 19, inside "Publisher A".
    files["sources.csv"]!.insert(0xFF, at: 60 + 18)
    #expect(problems(files) == ["sources.csv:2:19: invalid UTF-8"])
  }

  @Test func theMinimalDatasetIsValid() {
    #expect(problems(MinimalDataset.bytes()) == [])
  }

  @Test func aMissingRequiredColumn() {
    let files = MinimalDataset.bytes {
      $0["pay.csv"] = "id,source,series,section,period,place,occupation,label,currency\n"
    }
    #expect(problems(files) == ["pay.csv:1:1: missing required column 'statistic'"])
  }

  @Test func anUnknownColumnGetsASuggestionAndTheList() {
    let header =
      "id,source,series,section,period,place,occupation,level,label,years_from,years_to,statistic,percentile,value,low,high,plus,relative_to,currency,note"
    let files = MinimalDataset.bytes { $0["pay.csv"] = header + ",notes\n" }
    #expect(
      problems(files) == [
        "pay.csv:1:149: unknown column 'notes'. Did you mean 'note'? Columns of pay.csv: "
          + header.split(separator: ",").joined(separator: ", ") + "."
      ])
  }

  @Test func aColumnTwice() {
    let header =
      "id,source,series,section,period,place,occupation,level,label,years_from,years_to,statistic,percentile,value,low,high,plus,relative_to,currency,note"
    let files = MinimalDataset.bytes { $0["pay.csv"] = header + ",label\n" }
    #expect(problems(files) == ["pay.csv:1:149: column 'label' appears twice"])
  }

  @Test func aMissingRequiredFileDoesNotCascade() {
    let files = MinimalDataset.bytes { $0["levels.csv"] = nil }
    #expect(problems(files) == ["levels.csv: missing required file"])
  }

  @Test func aMissingOptionalFileIsEmpty() throws {
    let files = MinimalDataset.bytes {
      $0["countries.csv"] = nil
      $0["outlook.csv"] = nil
    }
    let dataset = try DatasetLoader.load(files: files)
    #expect(dataset.countryFigures.isEmpty && dataset.outlook.isEmpty)
  }

  @Test func aFileThatIsNotPartOfADataset() {
    let files = MinimalDataset.bytes { $0["salaries.csv"] = "a,b\n" }
    #expect(
      problems(files) == [
        "salaries.csv: not a dataset file. A dataset has: sources.csv, places.csv, levels.csv, assumptions.csv, pay.csv, countries.csv, outlook.csv, education.csv, specializations.csv, premiums.csv, rates.csv, promotions.csv, workforce.csv."
      ])
  }

  @Test func anEmptyFile() {
    let files = MinimalDataset.bytes { $0["pay.csv"] = "" }
    #expect(problems(files) == ["pay.csv:1:1: empty file: expected a header row"])
  }

  @Test func everyProblemIsReportedInFileAndLineOrder() {
    let files = MinimalDataset.bytes { files in
      files["pay.csv"] = files["pay.csv"]!.replacingFirst("60000,85000", with: "85000,60000")
        .replacingFirst("70000", with: "-70000")
      files["sources.csv"] = files["sources.csv"]!.replacingFirst("2025-01-02", with: "2025-1-2")
    }
    #expect(
      problems(files) == [
        "sources.csv:2:30: '2025-1-2' is not a date: write YYYY-MM-DD, such as 2025-02-11",
        "pay.csv:2:70: a range's high (60000) must be above its low (85000)",
        "pay.csv:3:65: -70000 in column 'value' must be above zero",
      ])
  }

  @Test func aByteOrderMarkAndCRLFLineEndsAreFine() throws {
    let files = MinimalDataset.bytes { files in
      for (name, text) in files {
        files[name] =
          "\u{FEFF}"
          + text.split(separator: "\n", omittingEmptySubsequences: false)
          .joined(separator: "\r\n")
      }
    }
    let dataset = try DatasetLoader.load(files: files)
    #expect(dataset.sources.first?.id == "guide-a")
    #expect(dataset.payFigures.count == 4)
  }

  @Test func diagnosticsNameTheFileAsTheUserDid() {
    let files = MinimalDataset.replacing(
      "pay.csv", line: 2, with: Self.payLine2 + "0,2,range,,,85000,60000,,,USD,")
    #expect(
      problems(files, location: { "my-data/" + $0 }) == [
        "my-data/pay.csv:2:70: a range's high (60000) must be above its low (85000)"
      ])
  }

  private func problems(
    _ files: [String: [UInt8]], location: (String) -> String = { $0 }
  ) -> [String] {
    do {
      _ = try DatasetLoader.load(files: files, location: location)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
