import Foundation
import SalaryCSV
import SalaryCore
import Testing

@testable import SalaryCLI

private func json(_ run: Run) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
}

@Suite struct EstimateCommandTests {
  @Test func theReadmeExampleAsATable() {
    let run = salary("estimate", "--experience", "4", "--location", "austin")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        Base pay per year for 4 years of experience, Austin, TX.
        In US dollars. Middle half: P25–P75; most: P10–P90.

            P10      P25       P50       P75       P90
        -------  -------  --------  --------  --------
        $84,742  $99,817  $120,991  $148,400  $176,597

        What each guide says at 4 years, after the same factors:
        Guide, series               Share    Median  Middle half
        --------------------------  -----  --------  -----------------
        CBT Nuggets, salary table     33%  $105,137  $92,421–$119,603
        Noble Desktop, salary text    33%  $150,661  $130,476–$173,968
        Himalayas, levels             17%  $109,763  $87,671–$136,617
        Himalayas, faq                17%  $117,610  $97,857–$141,349
        The guides' medians differ by ×1.43 from the lowest to the highest.
        Himalayas' levels count as the mix people with 4 years hold, by the promotion
        model: junior 1%, developer 43%, mid 56%. See 'salary data levels'.

        Factors:
          ×1.087  Austin, TX: Noble Desktop, salary text: $140,000–$190,000 against
                  $125,000–$180,000 nationally (×1.0873)

        Assumptions used: range-coverage, open-span-years, span-entry, span-senior,
        career-horizon, level-mix-window. See 'salary data assumptions'.

        """)
  }

  @Test func jsonCarriesQuantilesSeriesFactorsAndAssumptions() throws {
    let run = salary(
      "estimate", "--experience", "4", "--location", "austin", "--specialization",
      "distributed-systems", "--format", "json")
    #expect(run.status == 0)
    let answer = try json(run)
    let quantiles = try #require(answer["quantiles"] as? [String: Double])
    let ordered = ["p10", "p25", "p50", "p75", "p90"].compactMap { quantiles[$0] }
    #expect(ordered.count == 5 && ordered == ordered.sorted())
    let series = try #require(answer["series"] as? [[String: Any]])
    let weights = series.compactMap { $0["weight"] as? Double }
    #expect(abs(weights.reduce(0, +) - 1) < 1e-3)
    let factors = try #require(answer["factors"] as? [[String: Any]])
    #expect(factors.map { $0["kind"] as? String } == ["location", "specialization"])
    #expect(factors[0]["value"] as? Double == 1.0873)
    #expect(factors[1]["low"] as? Double == 1 && factors[1]["high"] as? Double == 1.111)
    #expect((answer["assumptions"] as? [String])?.contains("premium-without-figure") == true)
  }

  @Test func csvIsOneRowWithTheSameNumbers() throws {
    let arguments = ["estimate", "--experience", "4", "--location", "austin"]
    let csv = salary(arguments + ["--format", "csv"])
    let records = try CSVReader.readRecords(from: Array(csv.stdout.utf8))
    #expect(records.count == 2)
    #expect(records[0].fields == EstimateReport.csvHeader)
    let row = Dictionary(uniqueKeysWithValues: zip(records[0].fields, records[1].fields))
    let quantiles = try #require(
      try json(salary(arguments + ["--format", "json"]))["quantiles"] as? [String: Double])
    for key in ["p10", "p25", "p50", "p75", "p90"] {
      #expect(Double(row[key]!) == quantiles[key], "\(key)")
    }
    #expect(row["location"] == "austin" && row["currency"] == "USD")
  }

  @Test func oneGuideAtItsOwnFigureGivesItBack() throws {
    let answer = try json(
      salary("estimate", "-e", "1", "--source", "cbt-nuggets", "--format", "json"))
    let quantiles = try #require(answer["quantiles"] as? [String: Double])
    #expect(quantiles["p25"] == 60_000 && quantiles["p75"] == 85_000)
  }

  @Test func experienceBeyondTheGuidesIsHeldWithAWarning() throws {
    let run = salary("estimate", "--experience", "40")
    #expect(run.status == 0)
    #expect(
      run.stdout.replacingOccurrences(of: "\n", with: " ").contains(
        "No guide speaks with a full voice beyond 30 years, so this is the estimate at 30 years."
      ))
    let answer = try json(salary("estimate", "--experience", "40", "--format", "json"))
    #expect((answer["profile"] as? [String: Any])?["experience_used"] as? Double == 30)
  }

  @Test func germanyInEurosAtTheGuidesRateOrYourOwn() throws {
    let dollars = try json(
      salary("estimate", "-e", "6", "--location", "germany", "--format", "json"))
    let euros = try json(
      salary(
        "estimate", "-e", "6", "--location", "germany", "--currency", "EUR", "--format", "json"))
    let rate = try #require(euros["exchange_rate"] as? [String: Any])
    #expect(rate["dollars_per_unit"] as? Double == 1.094844)
    let usd = try #require((dollars["quantiles"] as? [String: Double])?["p50"])
    let eur = try #require((euros["quantiles"] as? [String: Double])?["p50"])
    #expect(abs(eur - usd / 1.0948440475055978) <= 1)
    let given = try json(
      salary(
        "estimate", "-e", "6", "--location", "germany", "--currency", "eur", "--fx", "EUR=1.25",
        "--format", "json"))
    #expect((given["exchange_rate"] as? [String: Any])?["origin"] as? String == "--fx")
    #expect(abs(((given["quantiles"] as? [String: Double])?["p50"] ?? 0) - usd / 1.25) <= 1)
  }

  @Test func aLevelIsItsSpansMidpoint() throws {
    let answer = try json(salary("estimate", "--level", "Senior", "--format", "json"))
    let profile = try #require(answer["profile"] as? [String: Any])
    #expect(profile["experience"] as? Double == 6.5 && profile["level"] as? String == "senior")
  }

  struct BadInput: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var error: String
    var testDescription: String { arguments.joined(separator: " ").echoed }
  }

  /// The error of a premium outside its bounds.
  static func premiumOutOfBounds(_ value: String) -> String {
    "Error: The value '\(value)' is invalid for '--premium <percent>': a premium is a percent "
      + "from -90% to 300% of the market's pay"
  }

  static let badInputs: [BadInput] = [
    BadInput(
      arguments: ["--experience=-2"],
      error:
        "Error: The value '-2' is invalid for '--experience <years>': experience is a number of years from 0 to 60"
    ),
    BadInput(
      arguments: ["--experience", "nan"],
      error:
        "Error: The value 'nan' is invalid for '--experience <years>': experience is a number of years from 0 to 60"
    ),
    BadInput(
      arguments: ["--experience", "inf"],
      error:
        "Error: The value 'inf' is invalid for '--experience <years>': experience is a number of years from 0 to 60"
    ),
    BadInput(
      arguments: ["--experience", "61"],
      error:
        "Error: The value '61' is invalid for '--experience <years>': experience is a number of years from 0 to 60"
    ),
    BadInput(
      arguments: ["-e", "four"],
      error:
        "Error: The value 'four' is invalid for '-e <years>': experience is a number of years from 0 to 60"
    ),
    BadInput(
      arguments: ["--level", "seniro"],
      error:
        "Error: The value 'seniro' is invalid for '--level <level>': unknown level. Did you mean 'Senior Back-End Developer'? Levels: junior, developer, mid, senior, lead, principal, staff, architect."
    ),
    BadInput(
      arguments: ["-e", "4", "--location", "austn"],
      error:
        "Error: The value 'austn' is invalid for '--location <place>': unknown place. Did you mean 'Austin, TX'? Places with figures:"
    ),
    BadInput(
      arguments: ["-e", "4", "--location", "raleigh"],
      error:
        "Error: The value 'raleigh' is invalid for '--location <place>': no source gives pay for Raleigh, NC. Places with figures:"
    ),
    BadInput(
      arguments: ["-e", "4", "--location", "london"],
      error:
        "Error: The value 'london' is invalid for '--location <place>': no source gives pay for London, UK. Use its country instead: --location united-kingdom."
    ),
    BadInput(
      arguments: ["-e", "4", "--specialization", "distribute-systems"],
      error:
        "Error: The value 'distribute-systems' is invalid for '--specialization <area>': unknown specialization. Did you mean 'Distributed systems'?"
    ),
    BadInput(
      arguments: ["-e", "4", "--source", "cbt"],
      error:
        "Error: The value 'cbt' is invalid for '--source <id>': no such guide or series. Did you mean 'cbt-nuggets' or 'cbt-nuggets/salary-table'?"
    ),
    BadInput(
      arguments: ["-e", "4", "--currency", "BRL"],
      error:
        "Error: The value 'BRL' is invalid for '--currency <code>': no source converts BRL to dollars; give a rate with --fx BRL=<US dollars per BRL>."
    ),
    BadInput(
      arguments: ["-e", "4", "--currency", "EURO"],
      error:
        "Error: The value 'EURO' is invalid for '--currency <code>': not an ISO 4217 currency code such as EUR or GBP"
    ),
    BadInput(arguments: ["-e", "4", "--premium=-100%"], error: premiumOutOfBounds("-100%")),
    // A premium of 1e17% once stopped the program; -99.99% gave a median of $11.
    BadInput(arguments: ["-e", "4", "--premium", "1e17%"], error: premiumOutOfBounds("1e17%")),
    BadInput(arguments: ["-e", "4", "--premium=-99.99%"], error: premiumOutOfBounds("-99.99%")),
    BadInput(
      arguments: ["-e", "4", "--premium", "5%..400%"], error: premiumOutOfBounds("5%..400%")),
    BadInput(
      arguments: ["-e", "4", "--currency", "EUR", "--fx", "EUR=1e308"],
      error:
        "Error: The value 'EUR=1e308' is invalid for '--fx <code=rate>': a rate for EUR is from 0.001095 to 1095 US dollars a unit, within a factor of 1,000 of the guides' 1.095"
    ),
    BadInput(
      arguments: ["-e", "4", "--currency", "CHF", "--fx", "CHF=1e7"],
      error:
        "Error: The value 'CHF=1e7' is invalid for '--fx <code=rate>': a rate for CHF is from 0.000001 to 1000000 US dollars a unit\n"
    ),
    BadInput(
      arguments: ["-e", "4", "-e", "5"],
      error: "Error: -e was given twice, as '4' and '5': give it once.\n"),
    BadInput(
      arguments: ["-e", "4", "--location", "austin", "--location", "seattle"],
      error: "Error: --location was given twice, as 'austin' and 'seattle': give it once.\n"),
    BadInput(
      arguments: ["-e", "4", "--location", String(repeating: "x", count: 800_000)],
      error:
        "Error: The value '\(String(repeating: "x", count: 60))…' is invalid for '--location <place>': unknown place."
    ),
    BadInput(
      arguments: ["-e", "-4"],
      error:
        "Error: Missing value for '-e <years>'. A value starting with '-' reads as an option: write --experience=-4\n"
    ),
    BadInput(
      arguments: ["-e", "4", "--premium", "lots"],
      error:
        "Error: The value 'lots' is invalid for '--premium <percent>': write a percent such as 12% or a range such as 5%..15%"
    ),
    BadInput(
      arguments: ["-e", "3", "--level", "senior"],
      error: "Error: Give --experience or --level, not both."),
    BadInput(
      arguments: ["--experience", "4", "--level", "senior"],
      error: "Error: Give --experience or --level, not both."),
    BadInput(
      arguments: ["-e", "4", "--fx", "EUR"],
      error:
        "Error: The value 'EUR' is invalid for '--fx <code=rate>': write the US dollars one unit buys, such as EUR=1.08"
    ),
    BadInput(
      arguments: ["-e", "4", "--formt", "json"],
      error: "Error: Unknown option '--formt'. Did you mean '--format'?"),
  ]

  @Test(arguments: badInputs)
  func badInputIsAUsageErrorWithNothingOnStandardOutput(_ bad: BadInput) {
    let run = salary(["estimate"] + bad.arguments)
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    #expect(run.stderr.hasPrefix(bad.error), "\(run.stderr)")
    #expect(run.stderr.contains("Usage: salary estimate"))
  }
}

@Suite struct OfferCommandTests {
  @Test func oneOfferAsATable() {
    let run = salary(
      "offer", "128000", "--experience", "4", "--location", "austin", "--bonus", "10%",
      "--equity", "20000", "--signing", "10000")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        An offer for 4 years of experience.
        In US dollars.

                               Offer
        ---------------------  -----------------
        Market                 Austin, TX
        Base                   $128,000
        Percentile             57th
        Market median          $120,991
        Middle half (P25–P75)  $99,817–$148,400
        Ask (P50–P75)          $120,991–$148,400
        Bonus per year         $12,800
        Equity per year        $5,000
        Signing per year       $2,500
        Total per year         $148,300

        The offer is in the middle half of its market (Austin, TX), at or above the
        median.
        Assumptions used: range-coverage, open-span-years, span-entry, span-senior,
        career-horizon, level-mix-window. 'salary estimate' with the same options shows
        each guide and factor.

        """)
  }

  @Test func theOffersPercentileIsTheMarketsDistributionAtIt() throws {
    let run = salary("offer", "120991", "-e", "4", "--location", "austin", "--format", "json")
    let offer = try #require((try json(run)["offers"] as? [[String: Any]])?.first)
    let percentile = try #require(offer["percentile"] as? Double)
    #expect(abs(percentile - 50) < 0.01)
    #expect(offer["total_per_year"] as? Double == 120_991)
  }

  @Test func twoOffersInTwoMarketsSideBySide() throws {
    let run = salary(
      "offer", "128k", "$150,000", "-e", "4", "--location", "cincinnati", "--location", "seattle",
      "--format", "csv")
    let records = try CSVReader.readRecords(from: Array(run.stdout.utf8))
    #expect(records.count == 3)
    #expect(records[1].fields[0] == "128000" && records[1].fields[1] == "cincinnati")
    #expect(records[2].fields[0] == "150000" && records[2].fields[1] == "seattle")
    let table = salary(
      "offer", "128000", "150000", "-e", "4", "--location", "cincinnati", "--location", "seattle")
    let header = table.stdout.split(separator: "\n", omittingEmptySubsequences: false)[3]
    #expect(header.contains("Offer 1") && header.contains("Offer 2"))
  }

  @Test(arguments: [
    (
      ["0", "-e", "4"],
      "Error: The value '0' is invalid for '<offer>': an offer's base is a yearly amount from $1,000 to $100,000,000, such as 95000 or 95k"
    ),
    // "$0, 0th" once.
    (
      ["0.001", "-e", "4"],
      "Error: The value '0.001' is invalid for '<offer>': an offer's base is a yearly amount from $1,000 to $100,000,000, such as 95000 or 95k"
    ),
    (
      ["200m", "-e", "4"],
      "Error: The value '200m' is invalid for '<offer>': an offer's base is a yearly amount from $1,000 to $100,000,000, such as 95000 or 95k"
    ),
    (
      ["500", "-e", "4", "--currency", "EUR"],
      "Error: The value '500' is invalid for '<offer>': an offer's base is a yearly amount from $1,000 to $100,000,000 (€913 to €91,337,209 at the rate used), such as 95000 or 95k"
    ),
    (
      ["100k", "-e", "4", "--equity", "5000000000"],
      "Error: The value '5000000000' is invalid for '--equity <amount>': an amount from $0 to $1,000,000,000, such as 95000 or 95k"
    ),
    (
      ["100k", "-e", "4", "--bonus", "2000%"],
      "Error: The value '2000%' is invalid for '--bonus <amount>': a share of base is a percent from 0% to 1000%"
    ),
    (["abc", "-e", "4"], "Error: The value 'abc' is invalid for '<offer>'"),
    (
      [
        "100000", "90000", "-e", "4", "--location", "austin", "--location", "seattle", "--location",
        "denver",
      ],
      "Error: Give one --location for all offers or one per offer (2 offers, 3 locations)."
    ),
    (
      ["100000", "-e", "4", "--location", "atlantis"],
      "Error: The value 'atlantis' is invalid for '--location <place>': unknown place."
    ),
    (
      ["100000", "-e", "4", "--ask", "75-50"],
      "Error: The value '75-50' is invalid for '--ask <percentiles>'"
    ),
    (["100000", "-e", "4", "--bonus", "-5%"], "Error: Missing value for '--bonus <amount>'"),
    (
      ["100000", "-e", "4", "--bonus=-5%"],
      "Error: The value '-5%' is invalid for '--bonus <amount>'"
    ),
  ])
  func badOffersAreUsageErrors(_ arguments: [String], _ error: String) {
    let run = salary(["offer"] + arguments)
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    #expect(run.stderr.hasPrefix(error), "\(run.stderr)")
  }

  @Test func moneyAsPeopleTypeIt() {
    #expect(ValueReading.money("128000") == 128_000 && ValueReading.money("128,000") == 128_000)
    #expect(ValueReading.money("$128,000") == 128_000 && ValueReading.money("128k") == 128_000)
    #expect(ValueReading.money("1.5m") == 1_500_000 && ValueReading.money("€95000") == 95_000)
    #expect(
      ValueReading.money("") == nil && ValueReading.money("12x") == nil
        && ValueReading.money("nan") == nil)
    #expect(ValueReading.money("-5") == nil && ValueReading.money("1e30") == nil)
  }
}

@Suite struct GrowthCommandTests {
  @Test func himalayasJuniorToDeveloper() throws {
    let run = salary("data", "growth", "--format", "csv")
    let records = try CSVReader.readRecords(from: Array(run.stdout.utf8))
    let row = try #require(records.first { $0.fields[0] == "himalayas/levels" })
    #expect(row.fields[5] == "70000" && row.fields[6] == "90000" && row.fields[7] == "13.39")
    let table = salary("data", "growth")
    #expect(table.stdout.contains("never applied to pay"))
  }
}
