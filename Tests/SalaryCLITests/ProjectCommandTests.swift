import Foundation
import SalaryCSV
import Testing

@testable import SalaryCLI

private func json(_ run: Run) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
}

@Suite struct ProjectCommandTests {
  /// Raises by hand: 100,000 × 1.03^(t−1), times 1.15 from year 4.
  @Test func fixedRaisesWithAPromotionAsATable() {
    let run = salary(
      "project", "--salary", "100000", "--raise", "3%", "--promotion", "15%@3", "--years", "5",
      "--start-year", "2027")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        Fixed raises of 3% a year from $100,000, 5 years, 2027–2031.
        In US dollars.

        Year       Pay  Cumulative  Real pay
        ----  --------  ----------  --------
        2027  $100,000    $100,000  $100,000
        2028  $103,000    $203,000  $100,980
        2029  $106,090    $309,090  $101,970
        2030  $125,664    $434,754  $118,416
        2031  $129,434    $564,187  $119,577

        Totals, 2027–2031          Total
        ----------------------  --------
        Nominal                 $564,187
        Real, in 2027 money     $540,943
        Present value at 5.06%  $508,765

        Inflation 2% a year: Federal Reserve, Statement on Longer-Run Goals and Monetary
        Policy Strategy.
        Discount rate 5.06% a year: (1 + inflation)(1 + 3%) − 1, the real rate from U.S.
        Office of Management and Budget, Circular A-4 (2003): discount rates.
        Assumptions used: inflation, discount-rate. See 'salary data assumptions'.

        """)
  }

  @Test func theGuidesCurvesWithABandAndAChart() {
    let run = salary(
      "project", "-e", "1", "--location", "seattle", "--paths", "200", "--start-year", "2027",
      "--years", "5", "--chart")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        Projection: 5 years from 1 year of experience, Seattle, WA,
        individual-contributor track, 2027–2031.
        In US dollars. Pay is the central path: the market's median with average drift
        and the median level of the people with each year's experience; P10–P90 is the
        range of 200 simulated careers (seed 1).

        Year  Exp.  Level           Pay  P10–P90            Cumulative  Real pay
        ----  ----  ---------  --------  -----------------  ----------  --------
        2027     1  junior      $87,536  $59,432–$122,496      $87,536   $87,536
        2028     2  developer  $101,244  $68,626–$148,050     $188,780   $99,259
        2029     3  developer  $117,812  $80,235–$173,149     $306,592  $113,237
        2030     4  mid        $134,925  $94,219–$200,113     $441,517  $127,142
        2031     5  mid        $149,302  $103,182–$222,897    $590,818  $137,932

        Totals, 2027–2031        Central  P10–P90
        ----------------------  --------  -----------------
        Nominal                 $590,818  $408,190–$862,996
        Real, in 2027 money     $565,106  $390,338–$825,009
        Present value at 5.06%  $529,545  $365,649–$772,484

        $250k ┤
              │                                                            ░░░░░░░
        $200k ┤                                              ░░░░░░░       ░░░░░░░
              │                                ░░░░░░░       ░░░░░░░       ░░░░░░░
        $150k ┤                  ░░░░░░░       ░░░░░░░       ░░░░░░░       ░░░●░░░
              │    ░░░░░░░       ░░░░░░░       ░░░●░░░       ░░░●░░░       ░░░░░░░
        $100k ┤    ░░░●░░░       ░░░●░░░       ░░░░░░░       ░░░░░░░       ░░░░░░░
              │    ░░░░░░░       ░░░░░░░       ░░░░░░░
         $50k ┤    ░░░░░░░
              └───────┬─────────────┬─────────────┬─────────────┬─────────────┬──────
                     2027          2028          2029          2030          2031
               ● median (P50)   ░ 80% of outcomes (P10–P90)

        Market drift 3.7% a year: the median of U.S. Bureau of Labor Statistics 2023-12
        4.3%, U.S. Bureau of Labor Statistics 2024-12 3.7% and U.S. Bureau of Labor
        Statistics 2025-12 3.3%.
        Drift volatility 0.88 points a year: the standard deviation of WorldatWork 2023
        4.4% (mean), Mercer 2025 3.6%, WorldatWork 2008 3.9% (mean), WorldatWork 2009
        2.2% (mean) and WorldatWork 2011 2.8% (mean).
        Inflation 2% a year: Federal Reserve, Statement on Longer-Run Goals and Monetary
        Policy Strategy.
        Discount rate 5.06% a year: (1 + inflation)(1 + 3%) − 1, the real rate from U.S.
        Office of Management and Budget, Circular A-4 (2003): discount rates.
        Simulation: each year keeps 0.8 of the last year's departure from your usual
        place in the band and adds a shift of 0.2 sd; each career is promoted by the
        promotion model's odds (see 'salary data levels').
        Assumptions used: range-coverage, open-span-years, span-entry, span-senior,
        typical-as-median, market-drift, drift-volatility, inflation, discount-rate,
        band-persistence, band-volatility, unknown-position, career-horizon,
        level-mix-window. See 'salary data assumptions'.

        """)
  }

  @Test func noChartUnlessAskedWhenNotATerminal() {
    let run = salary("project", "-e", "1", "--paths", "50", "--years", "3")
    #expect(!run.stdout.contains("┤"))
    #expect(salary("project", "-e", "1", "--paths", "50", "--years", "3", "--no-chart") == run)
  }

  @Test func aTerminalGetsAChartInColourUnlessNoColourIsSet() {
    let arguments = ["project", "-e", "1", "--paths", "50", "--years", "3"]
    var terminal = CommandContext.fixed(width: 80)
    terminal.outputIsTerminal = true
    terminal.colour = true
    let coloured = salary(arguments, context: terminal)
    #expect(coloured.stdout.contains("┤") && coloured.stdout.contains("\u{1B}["))
    terminal.colour = false  // what NO_COLOR gives on a terminal
    let plain = salary(arguments, context: terminal)
    #expect(plain.stdout.contains("┤") && !plain.stdout.contains("\u{1B}"))
    #expect(salary(arguments + ["--no-chart"], context: terminal).stdout.contains("┤") == false)
  }

  @Test func theClassicRaiseCalculatorTotal() throws {
    let answer = try json(
      salary("project", "--salary", "50000", "--raise", "3%", "--years", "40", "--format", "json"))
    let totals = try #require(answer["totals"] as? [String: Any])
    #expect((totals["nominal"] as? [String: Any])?["central"] as? Double == 3_770_063)
  }

  @Test func theSameSeedGivesByteIdenticalOutput() {
    let arguments = [
      "project", "-e", "2", "--path", "senior@4", "--paths", "300", "--format", "json",
    ]
    let first = salary(arguments + ["--seed", "7"])
    #expect(first.status == 0)
    #expect(salary(arguments + ["--seed", "7"]) == first)
    #expect(salary(arguments + ["--seed", "8"]).stdout != first.stdout)
  }

  @Test func bandsAreOrderedAndASalaryFixesThePercentile() throws {
    let answer = try json(
      salary(
        "project", "-e", "3", "--salary", "95000", "--location", "austin", "--paths", "300",
        "--format", "json"))
    let percentile = try #require(answer["percentile"] as? Double)
    #expect(percentile > 0 && percentile < 50)
    for year in try #require(answer["years"] as? [[String: Any]]) {
      let band = try ["p10", "p50", "p90"].map { try #require(year[$0] as? Double) }
      #expect(band[0] <= band[1] && band[1] <= band[2])
    }
    #expect(
      (answer["notes"] as? [String])?.contains { $0.hasPrefix("Your salary is at the") } == true)
  }

  @Test func csvIsOneRowAYear() throws {
    let run = salary(
      "project", "-e", "1", "--paths", "100", "--years", "4", "--format", "csv", "--totals")
    let records = try CSVReader.readRecords(from: Array(run.stdout.utf8))
    #expect(records.count == 6)
    #expect(records[0].fields == ProjectionReport.csvHeader)
    // Every row names its profile: location (national: empty), start experience, track.
    #expect(records.dropFirst().allSatisfy { Array($0.fields[0...2]) == ["", "1", "ic"] })
    #expect(records.dropFirst().map { $0.fields[3] } == ["year", "year", "year", "year", "total"])
    #expect(records.dropFirst().map { $0.fields[4] } == ["1", "2", "3", "4", ""])
    // The total row's cumulative is the last year's.
    let cumulative = try #require(ProjectionReport.csvHeader.firstIndex(of: "cumulative"))
    #expect(records[5].fields[cumulative] == records[4].fields[cumulative])
    // Without --totals, the years only: a pivot table's sum is the total.
    let plain = salary("project", "-e", "1", "--paths", "100", "--years", "4", "--format", "csv")
    let plainRecords = try CSVReader.readRecords(from: Array(plain.stdout.utf8))
    #expect(plainRecords.map(\.fields) == records.dropLast().map(\.fields))
  }

  @Test func aBootcampStartsWithStudy() throws {
    let answer = try json(
      salary(
        "project", "--education", "bootcamp", "--location", "denver", "--paths", "100", "--format",
        "json"))
    let first = try #require((answer["years"] as? [[String: Any]])?.first)
    #expect(first["cost"] as? Double == 15_000)
    #expect((first["study_share"] as? Double).map { $0 > 0.35 && $0 < 0.37 } == true)
    #expect(first["experience"] as? Double == 0)
    let table = salary(
      "project", "--education", "bootcamp", "--location", "denver", "--paths", "100")
    #expect(
      table.stdout.contains("bootcamp: 0.36 years of study before the first job, costing $15,000"))
  }

  struct Bad: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var error: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// The error of a raise outside its bounds.
  static func raiseOutOfBounds(_ value: String) -> String {
    "Error: The value '\(value)' is invalid for '--raise <percent,...>': write a raise a year "
      + "from -50% to 100%, such as 3%, or one for each year in turn, such as 3%,2%,1% (the last "
      + "holds for the years after)"
  }

  static let bad: [Bad] = [
    Bad(
      arguments: ["-e", "1", "--years", "0"],
      error:
        "Error: The value '0' is invalid for '--years <years>': a projection runs from 1 to 60 years"
    ),
    Bad(
      arguments: ["-e", "1", "--years", "61"],
      error:
        "Error: The value '61' is invalid for '--years <years>': a projection runs from 1 to 60 years"
    ),
    Bad(
      arguments: ["-e", "1", "--years", "2.5"],
      error: "Error: The value '2.5' is invalid for '--years <years>'"),
    Bad(arguments: ["--salary", "50000", "--raise=-100%"], error: raiseOutOfBounds("-100%")),
    Bad(arguments: ["--salary", "50000", "--raise", "3%,,1%"], error: raiseOutOfBounds("3%,,1%")),
    Bad(
      arguments: ["--salary", "50000", "--raise", "3%,200%"], error: raiseOutOfBounds("3%,200%")),
    // The last of several once won without a word.
    Bad(
      arguments: ["--salary", "50000", "--raise", "3%", "--raise", "2%", "--raise", "1%"],
      error: "Error: --raise was given twice, as '3%' and '2%': give it once.\n"),
    Bad(
      arguments: ["--salary", "50000", "--raise", "-5%"],
      error:
        "Error: Missing value for '--raise <percent,...>'. A value starting with '-' reads as an option: write --raise=-5%\n"
    ),
    Bad(
      arguments: ["--salary", "100m", "--raise", "100%", "--years", "60"],
      error:
        "Error: The projection pays more than $1,000,000,000,000 in year 15: its raises or rates compound beyond any career. Give fewer --years or smaller rates.\n"
    ),
    Bad(
      arguments: ["-e", "3", "--salary", "0.001"],
      error:
        "Error: The value '0.001' is invalid for '--salary <amount>': a salary is a yearly amount from $1,000 to $100,000,000, such as 95000 or 95k"
    ),
    Bad(
      arguments: ["-e", "3", "--drift", "60%"],
      error:
        "Error: The value '60%' is invalid for '--drift <percent>': a drift is a percent from -20% to 50%\n"
    ),
    Bad(
      arguments: ["-e", "3", "--inflation=-30%"],
      error:
        "Error: The value '-30%' is invalid for '--inflation <percent>': inflation is a percent from -20% to 50%\n"
    ),
    Bad(
      arguments: ["-e", "3", "--drift-volatility=-5"],
      error:
        "Error: The value '-5' is invalid for '--drift-volatility <points>': the drift's yearly spread is from 0 to 20 percentage points, such as 1.5\n"
    ),
    Bad(
      arguments: ["--raise", "3%"],
      error: "Error: --raise needs --salary, the pay the raises start from."),
    Bad(
      arguments: ["--salary", "50000", "--raise", "3%", "--location", "austin"],
      error: "Error: --location has no effect with --raise: fixed raises start from your --salary."),
    Bad(
      arguments: ["-e", "1", "--promotion", "15%@3"],
      error: "Error: --promotion goes with --raise; on the ladder, use --path."),
    Bad(
      arguments: ["--salary", "50000", "--raise", "3%", "--promotion", "15%@10"],
      error:
        "Error: The value '15%@10' is invalid for '--promotion <percent@year>': write a raise from -90% to 300% and a year from 1 to 9, such as 15%@3"
    ),
    Bad(
      arguments: ["-e", "1", "--path", "midd@2"],
      error:
        "Error: The value 'midd@2' is invalid for '--path <level@year,...>': unknown level 'midd'. Did you mean 'Mid-level Back-End Developer'?"
    ),
    Bad(
      arguments: ["-e", "1", "--path", "senior@2,mid@4"],
      error:
        "Error: The value 'senior@2,mid@4' is invalid for '--path <level@year,...>': 'mid' comes before 'senior' on the ladder: list promotions in ladder order"
    ),
    Bad(
      arguments: ["-e", "6", "--path", "mid@2"],
      error:
        "Error: The value 'mid@2' is invalid for '--path <level@year,...>': 'mid' is not a promotion: at 6 years of experience the ladder puts you at 'senior'"
    ),
    Bad(
      arguments: ["-e", "1", "--path", "senior@12"],
      error:
        "Error: The value 'senior@12' is invalid for '--path <level@year,...>': senior@12 is at or beyond the last year of a 10-year projection"
    ),
    Bad(
      arguments: ["-e", "1", "--path", "senior"],
      error:
        "Error: The value 'senior' is invalid for '--path <level@year,...>': write promotions as level@year, such as mid@2,senior@5"
    ),
    Bad(
      arguments: ["-e", "1", "--seed", "abc"],
      error: "Error: The value 'abc' is invalid for '--seed <integer>': a seed is a whole number"),
    Bad(
      arguments: ["-e", "1", "--seed=-1"],
      error: "Error: The value '-1' is invalid for '--seed <integer>': a seed is a whole number"),
    Bad(
      arguments: ["--education", "astronaut"],
      error:
        "Error: The value 'astronaut' is invalid for '--education <path>': no guide gives the time this path takes."
    ),
    Bad(
      arguments: ["--education", "bootcamp", "-e", "2"],
      error:
        "Error: --experience does not go with --education: study starts from no experience and no pay."
    ),
    Bad(
      arguments: ["-e", "1", "--track", "ceo"],
      error:
        "Error: The value 'ceo' is invalid for '--track <track>'. Please provide one of 'ic' and 'management'."
    ),
  ]

  /// Raise calculators' vectors: 100,000 with 3%, 2% and 1% pays 103,000, 105,060 and
  /// 106,110.60 (106,111 in whole dollars); the last raise then holds.
  @Test func aRaiseForEachYearInTurn() {
    let run = salary(
      "project", "--salary", "100000", "--raise", "3%,2%,1%", "--years", "5", "--start-year",
      "2027", "--format", "csv")
    #expect(run.status == 0, "\(run)")
    let pay = run.stdout.split(whereSeparator: \.isNewline).dropFirst().prefix(5).map {
      $0.split(separator: ",")[6]
    }
    #expect(pay == ["100000", "103000", "105060", "106111", "107172"])
    let table = salary("project", "--salary", "100000", "--raise", "3%,2%,1%", "--years", "5")
    #expect(table.stdout.hasPrefix("Fixed raises of 3%, 2%, then 1% a year from $100,000, 5 years"))
  }

  @Test func withoutExperienceACareerStartsFromNone() {
    let run = salary("project", "--location", "seattle", "--years", "2", "--format", "csv")
    let given = salary(
      "project", "--location", "seattle", "--years", "2", "--format", "csv", "--experience", "0")
    #expect(run.status == 0 && run.stdout == given.stdout, "\(run)")
    #expect(run.stdout.contains(#""year",1,"#) && run.stdout.contains(",0,\"junior\","))
  }

  @Test(arguments: bad)
  func badInputIsAUsageError(_ bad: Bad) {
    let run = salary(["project"] + bad.arguments)
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    #expect(run.stderr.hasPrefix(bad.error), "\(run.stderr)")
  }
}

@Suite struct CompareCommandTests {
  @Test func twoScenariosSideBySide() {
    let run = salary(
      "compare", "--experience", "3", "--paths", "200", "--start-year", "2027", "--scenario",
      "stay: --location cincinnati", "--scenario", "move: --location seattle")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        2 scenarios, each over its own years; totals of pay less study costs.
        Differences are to 'stay'.

        Scenario  Years        Total  P10–P90            Real  Present value  Difference
        --------  ------  ----------  -----------  ----------  -------------  ----------
        stay      2027–   $1,209,889  $869,686–    $1,095,959       $951,018           —
                  2036                $1,742,974
        move      2027–   $1,665,087  $1,196,890–  $1,508,293     $1,308,821   +$455,198
                  2036                $2,398,735

        Real totals are in each scenario's first-year money; present values use its
        discount rate. 'salary project' with a scenario's options shows its years and
        sources.

        """)
  }

  @Test func aScenariosFileMatchesTheSameScenariosInline() throws {
    let folder = try temporaryFolder([
      "scenarios.csv":
        "name,experience,location,promotion\r\nstay,3,cincinnati,\r\n\"move\",3,\"Seattle, WA\",\r\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fromFile = salary("compare", folder + "/scenarios.csv", "--paths", "100", "--format", "csv")
    let inline = salary(
      "compare", "--paths", "100", "--format", "csv", "--scenario",
      "stay: -e 3 --location cincinnati",
      "--scenario", #"move: -e 3 --location "Seattle, WA""#)
    #expect(fromFile.status == 0)
    #expect(fromFile.stdout == inline.stdout)
    let records = try CSVReader.readRecords(from: Array(fromFile.stdout.utf8))
    #expect(records.map { $0.fields[0] } == ["name", "stay", "move"])
    #expect(records[1].fields.last == "0")
  }

  @Test(arguments: [
    (
      "name,experience,locaton\nx,3,austin\n",
      "scenarios.csv:1:17: unknown column 'locaton'. Did you mean 'location'?"
    ),
    (
      "name,experience,location\nx,3,austin\ny,3,seatle\n",
      "scenarios.csv:3:5 (scenario 'y'): The value 'seatle' is invalid for '--location <place>': unknown place. Did you mean 'Seattle, WA'?"
    ),
    ("name,experience\n,3\n", "scenarios.csv:2:1: a scenario needs a name."),
    ("name,experience\nx,3\nx,4\n", "scenarios.csv:3:1: the name 'x' is already used on line 2."),
    ("name,experience\nx,3,4\n", "scenarios.csv:2:5: expected 2 fields, found 3"),
    (
      "name,years\nx,abc\n",
      "scenarios.csv:2:3 (scenario 'x'): The value 'abc' is invalid for '--years <years>'"
    ),
  ])
  func aBadScenarioRowNamesItsLine(_ file: String, _ error: String) throws {
    let folder = try temporaryFolder(["scenarios.csv": file])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = salary("compare", folder + "/scenarios.csv", "--paths", "10")
    #expect(run.status == 64 && run.stdout == "", "\(run)")
    #expect(run.stderr.hasPrefix("Error: " + folder + "/" + error), "\(run.stderr)")
  }

  @Test func anInlineScenarioNeedsANameAndAColon() {
    let run = salary("compare", "--scenario", "move --location seattle")
    #expect(run.status == 64)
    #expect(
      run.stderr.hasPrefix(
        "Error: The value 'move --location seattle' is invalid for '--scenario <name: options>': write a name, a colon and the options"
      ))
    #expect(
      salary("compare").stderr.hasPrefix("Error: Give a scenarios file or at least one --scenario.")
    )
  }

  @Test func splittingOptionsLikeAShell() throws {
    #expect(
      try shellWords(#"--location "San Francisco" --salary 95k"#) == [
        "--location", "San Francisco", "--salary", "95k",
      ])
    #expect(try shellWords(#"--a 'x y' --b x\ y"#) == ["--a", "x y", "--b", "x y"])
    #expect(try shellWords("  ") == [])
    #expect(throws: ShellWordsError.self) { try shellWords(#"--a "x"#) }
  }
}
