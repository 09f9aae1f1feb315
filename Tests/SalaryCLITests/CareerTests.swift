import Foundation
import SalaryCSV
import SalaryCore
import SalaryData
import Testing

@testable import SalaryCLI

private func json(_ run: Run) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
}

/// Careers promoted by the promotion model's odds, a salary kept as given, and the
/// estimates across all developers checked against the official figures.
@Suite struct CareerTests {
  @Test func aModelledCareersBandHoldsItsMedianEveryYear() throws {
    let arguments = [
      "project", "-e", "2", "--location", "austin", "--years", "15", "--paths", "2000",
      "--format", "json",
    ]
    let run = salary(arguments)
    #expect(run.status == 0, "\(run)")
    let answer = try json(run)
    #expect(answer["career"] as? String == "modelled")
    let years = try #require(answer["years"] as? [[String: Any]])
    #expect(years.count == 15)
    for year in years {
      let band = try #require(
        year.filter { ["p10", "p50", "p90"].contains($0.key) } as? [String: Double])
      try #require(band.count == 3)
      #expect(band["p10"]! <= band["p50"]! && band["p50"]! <= band["p90"]!)
      #expect(band["p10"]! < band["p90"]!)
    }
    // Promotions late or never widen the band: year 15's is wider than year 1's.
    func width(_ year: [String: Any]) -> Double {
      let band = year.filter { ["p10", "p50", "p90"].contains($0.key) } as! [String: Double]
      return band["p90"]! / band["p10"]!
    }
    #expect(width(years[14]) > width(years[0]))
    // The same seed gives the same bytes; another seed other bands.
    #expect(salary(arguments).stdout == run.stdout)
    let other = salary(arguments + ["--seed", "2"])
    #expect(other.status == 0 && other.stdout != run.stdout)
  }

  /// Year 1 of a modelled career from everyone with the experience pays the market's
  /// median, as `estimate` shows it; the level column is the median level.
  @Test func theCentralPathIsEveryonesMedian() throws {
    let estimate = try json(
      salary("estimate", "-e", "6", "--location", "denver", "--format", "json"))
    let median = try #require((estimate["quantiles"] as? [String: Double])?["p50"])
    let project = try json(
      salary("project", "-e", "6", "--location", "denver", "--paths", "0", "--format", "json"))
    let first = try #require((project["years"] as? [[String: Any]])?.first)
    #expect(first["pay"] as? Double == median)
    #expect(first["level"] as? String == "mid")
  }

  /// An explicit plan stays a plan, and promotions on the ladder's own years are one
  /// choice away.
  @Test func plannedAndOnTimePathsAreKept() throws {
    func levels(_ path: String) throws -> [String] {
      let answer = try json(
        salary(
          "project", "-e", "1", "--years", "8", "--paths", "0", "--path", path, "--format", "json"))
      #expect(answer["career"] as? String == (path == "on-time" ? "on-time" : "planned"))
      return try #require(answer["years"] as? [[String: Any]]).map { $0["level"] as! String }
    }
    #expect(
      try levels("mid@2,senior@5")
        == ["junior", "junior", "mid", "mid", "mid", "senior", "senior", "senior"])
    #expect(
      try levels("on-time")
        == ["junior", "developer", "mid", "mid", "senior", "senior", "senior", "senior"])
  }

  @Test func aLevelStartsTheCareerThereOnItsTrack() throws {
    let lead = try json(
      salary("project", "--level", "lead", "--years", "3", "--paths", "0", "--format", "json"))
    let years = try #require(lead["years"] as? [[String: Any]])
    #expect(years.allSatisfy { $0["level"] as? String == "lead" })
    let estimate = try json(salary("estimate", "--level", "lead", "--format", "json"))
    #expect(
      years[0]["pay"] as? Double == (estimate["quantiles"] as? [String: Double])?["p50"])
    let offTrack = salary("project", "--level", "staff", "--track", "management")
    #expect(offTrack.status == 64)
    #expect(
      offTrack.stderr.hasPrefix(
        "Error: --level staff is not on the management track; give a level of that track or --track ic."
      ))
  }

  /// A salary outside P1–P99 is paid in year 1 as given, and every format says it lies
  /// outside the band.
  @Test(arguments: [("40000", "below P1", "below"), ("10000000", "above P99", "above")])
  func aSalaryOutsideTheBandIsKeptAndFlagged(
    _ salaryText: String, _ flag: String, _ side: String
  ) throws {
    let base = ["project", "--salary", salaryText, "-e", "3", "--paths", "500"]
    let answer = try json(salary(base + ["--format", "json"]))
    let first = try #require((answer["years"] as? [[String: Any]])?.first)
    #expect(first["pay"] as? Double == Double(salaryText))
    let band = try #require(
      first.filter { ["p10", "p50", "p90"].contains($0.key) } as? [String: Double])
    try #require(band.count == 3)
    #expect(band["p10"] == Double(salaryText) && band["p90"] == Double(salaryText))
    let position = try #require(answer["salary"] as? [String: Any])
    #expect(position["outside_band"] as? String == flag)
    #expect(position["amount"] as? Double == Double(salaryText))

    let table = salary(base)
    #expect(table.status == 0)
    let text = table.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("Warning: your salary of $"))
    #expect(text.contains("is \(side) the"))
    #expect(text.contains("Year 1 pays it; later years grow as that percentile's pay does."))

    let csv = try CSVReader.readRecords(
      from: Array(salary(base + ["--format", "csv"]).stdout.utf8))
    let column = try #require(csv[0].fields.firstIndex(of: "salary_outside_band"))
    #expect(csv.dropFirst().allSatisfy { $0.fields[column] == flag })
    #expect(csv[1].fields[csv[0].fields.firstIndex(of: "pay")!] == salaryText)
  }

  @Test func aSalaryWithinTheBandIsNotFlagged() throws {
    let answer = try json(
      salary("project", "--salary", "100000", "-e", "3", "--paths", "100", "--format", "json"))
    let position = try #require(answer["salary"] as? [String: Any])
    #expect(position["outside_band"] is NSNull)
    #expect((answer["years"] as? [[String: Any]])?.first?["pay"] as? Double == 100_000)
    let table = salary("project", "--salary", "100000", "-e", "3", "--paths", "100")
    #expect(!table.stdout.contains("Warning"))
  }

  @Test func theCalibrationAgainstBLS() {
    let run = salary("data", "calibration")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout.hasPrefix(
        """
        Percentile  Guides, all developers  At the survey's date  BLS, 2024-05   Ratio
        ----------  ----------------------  --------------------  ------------  ------
        P10                        $94,694               $90,902       $79,850  ×1.138
        P25                       $118,397              $113,655      $103,050  ×1.103
        P50                       $151,119              $145,067      $133,080  ×1.090
        P75                       $192,589              $184,876      $169,000  ×1.094
        P90                       $234,541              $225,148      $211,450  ×1.065

        """))
    #expect(run.stdout.contains("Outside ±12%: P10."))
  }

  /// The calibration's figures come from the cited inputs: the workforce's ages read as
  /// experience, the market of every guide, the official figures of pay.csv and the
  /// market drift over the years between their periods.
  @Test func theCalibrationComesFromItsInputs() throws {
    let dataset = try EmbeddedDataset.load()
    let model = PayModel(dataset: dataset)
    let mix = try ExperienceMix(dataset: dataset)
    // Ages 25–34 (31.2%) with careers from 22: ten points of 3.12%, from 3.5 years.
    let group = mix.points.filter { $0.experience >= 3.5 && $0.experience <= 12.5 }
    #expect(group.count == 10 && group.allSatisfy { abs($0.share - 0.0312 / 1.0) < 1e-12 })
    #expect(abs(mix.points.reduce(0) { $0 + $1.share } - 1) < 1e-12)
    let across = try Market(model: model).estimate(across: mix)

    let rows = try CSVReader.readRecords(
      from: Array(salary("data", "calibration", "--format", "csv").stdout.utf8))
    let official = [
      "bls-2024-p10", "bls-2024-p25", "bls-2024-median", "bls-2024-p75", "bls-2024-p90",
    ]
    let guides = try #require(model.curvePeriod)
    let survey = try #require(dataset.payFigures.first { $0.id == "bls-2024-median" })
    let shift = Math.pow(1.037, survey.period.middle - guides)
    for (index, row) in rows.dropFirst().enumerated() {
      let figure = try #require(dataset.payFigures.first { $0.id == official[index] })
      let value = try #require(figure.figure.singleValue)
      #expect(row.fields[1] == String(Int(across.quantiles[index].rounded())))
      #expect(row.fields[3] == String(Int(value)))
      #expect(row.fields[4] == official[index])
      let ratio = across.quantiles[index] * shift / value
      #expect(abs(Double(row.fields[5])! - ratio) < 0.000_05)
    }
  }

  @Test func allExperienceIsTheCalibrationsEstimate() throws {
    let answer = try json(salary("estimate", "--format", "json"))
    let quantiles = try #require(answer["quantiles"] as? [String: Double])
    #expect(quantiles["p50"] == 151_119)
    #expect((answer["profile"] as? [String: Any])?["experience"] as? String == "all")
    let short = salary("estimate", "--source", "cbt-nuggets")
    #expect(short.status != 0 && short.stdout == "")
    #expect(
      short.stderr.hasPrefix(
        "Error: Cannot estimate pay across all experience: this selection's figures reach 0 to 7.5 years of experience"
      ))
  }
}
