import Foundation
import SalaryCSV
import Testing

@testable import SalaryCLI

@Suite struct DataCommandTests {
  static let topics = [
    "sources", "levels", "pay", "locations", "countries", "outlook", "education",
    "specializations", "assumptions",
  ]

  @Test func theLadderAsATable() {
    let run = salary("data", "levels")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        Level                    Years  US median  US average  Track      Reached  By 30
        -----------------------  -----  ---------  ----------  ---------  -------  -----
        Junior Back-End          0–2      $70,000     $75,000  IC + mgmt        0   100%
        Developer
        Back-End Developer       2–4      $90,000     $95,000  IC + mgmt      2.5   100%
        Mid-level Back-End       3–6     $110,000    $115,000  IC + mgmt        4   100%
        Developer
        Senior Back-End          5–8     $140,000    $145,000  IC + mgmt     6.75   100%
        Developer
        Lead Back-End Developer  7–10    $165,000    $170,000  mgmt            11    70%
        Principal Back-End       10–15   $195,000    $200,000  IC             >30    50%
        Engineer
        Staff Back-End Engineer  12–18   $220,000    $225,000  IC             >30    25%
        Back-End Architect       15+     $235,000    $240,000  IC             >30     8%

        Source: Himalayas. Pay from its 'Salary by Experience Level' table; years from
        its 'Back-End Developer / Engineer Career Path' section.
        An open span such as 15+ ends 5 years after it starts (assumption
        open-span-years).
        Reached: the years of experience by which half of those who start at the first
        level hold the level or a higher one, by the promotion model
        (data/promotions.csv; the management track's for its own levels). By 30: the
        share who do after 30 years (assumption career-horizon).
        research.com gives: junior back-end developer 1–2 years in the level; mid-level
        back-end developer 2–4 years in the level; senior back-end developer 5+ years of
        experience.

        """)
  }

  @Test func theLadderAsJSONCarriesPlainNumbers() throws {
    let run = salary("data", "levels", "--format", "json")
    #expect(run.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(document["schema"] as? String == "salary.data.levels/1")
    let rows = try #require(document["rows"] as? [[String: Any]])
    #expect(rows.count == 8)
    #expect(rows[0]["title"] as? String == "Junior Back-End Developer")
    #expect(rows[0]["median"] as? Int == 70_000)
    #expect(rows[0]["mean"] as? Int == 75_000)
    #expect(rows[7]["years_from"] as? Int == 15)
    #expect(rows[7]["years_to"] is NSNull)
    #expect(rows[4]["tracks"] as? [String] == ["management"])
    // research.com's years in each level ride along with the ladder's own.
    #expect(rows[0]["other_sources_years"] as? [String] == ["research-com 1–2 years in the level"])
    #expect(rows[2]["other_sources_years"] as? [String] == ["research-com 2–4 years in the level"])
    #expect(rows[3]["other_sources_years"] as? [String] == ["research-com 5+ years of experience"])
    // The promotion model's time to each level: half are senior by 6.75 years.
    #expect(rows[3]["reached_by_half_years"] as? Double == 6.75)
    #expect(rows[5]["reached_by_half_years"] is NSNull)
  }

  @Test func oneSourcesPayAsCSV() {
    let run = salary("data", "pay", "--source", "cbt-nuggets", "--format", "csv")
    #expect(run.status == 0)
    let lines = run.stdout.components(separatedBy: "\r\n")
    #expect(lines.count == 6 && lines[5] == "")
    #expect(
      lines[0]
        == #""id","source","series","section","period","places","occupation","level","label","years_from","years_to","years_origin","statistic","percentile","value","low","high","plus","relative_to","currency","assumptions","note""#
    )
    #expect(
      lines[3]
        == #""cbt-senior","cbt-nuggets","salary-table","How Much Does a Back-End Developer Make?","2024-12","us","back-end developers","senior","Senior-Level",5,,"stated","range",,,110000,140000,"yes",,"USD","open-span-years; range-coverage","#
    )
    #expect(lines[4].hasPrefix(#""cbt-nome","cbt-nuggets","locations","#))
    #expect(lines[4].contains(#","relative",,-5,,,"no","san-francisco","USD","#))
  }

  @Test(arguments: topics)
  func everyTableFitsEightyColumns(_ topic: String) {
    let run = salary("data", topic)
    #expect(run.status == 0 && run.stderr == "")
    for line in run.stdout.split(separator: "\n") {
      #expect(displayWidth(line) <= 80, "\(topic): \(line)")
    }
  }

  @Test(arguments: topics)
  func jsonAndCSVCarryTheSameRecords(_ topic: String) throws {
    let json = salary("data", topic, "--format", "json")
    let csv = salary("data", topic, "--format", "csv")
    #expect(json.status == 0 && csv.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(document["schema"] as? String == "salary.data.\(topic)/1")
    let objects = try #require(document["rows"] as? [[String: Any]])
    let records = try CSVReader.readRecords(from: Array(csv.stdout.utf8))
    #expect(records.count == objects.count + 1)
    let header = records[0].fields
    for (object, record) in zip(objects, records.dropFirst()) {
      #expect(Set(object.keys) == Set(header))
      for (key, field) in zip(header, record.fields) {
        switch object[key] {
        case let number as NSNumber where !(object[key] is Bool):
          #expect(Double(field) == number.doubleValue, "\(topic).\(key)")
        case let text as String:
          #expect(field == text || field == "'" + text, "\(topic).\(key)")
        case is NSNull:
          #expect(field == "", "\(topic).\(key)")
        default:
          break
        }
      }
    }
  }

  @Test func theOutlookSaysWhichFiguresDisagree() {
    let run = salary("data", "outlook")
    #expect(
      run.stdout.contains(
        """
        Himalayas gives 17% growth and 25% growth for software developers over the same
        period (2022–2032); both are kept.
        """))
    #expect(run.stdout.contains("never applied"))
  }

  @Test func anUnknownSourceListsTheKnownOnes() {
    let run = salary("data", "pay", "--source", "cbt")
    #expect(run.status == 64 && run.stdout == "")
    #expect(
      run.stderr == """
        Error: The value 'cbt' is invalid for '--source <id>': no such source. Did you mean 'cbt-nuggets'? Sources: research-com, cbt-nuggets, himalayas, noble-desktop, career-guide-2026, bls-oews, levels-fyi, worldatwork, mercer, federal-reserve, omb, bls-eci, bls-cps-2010, pave.
        Help:  --source <id>  Only the figures of this source (see 'salary data sources').
        Usage: salary data pay [--source <id>] [--format <format>] [--out <file>] [--force] [--bom] [--no-bom] [--dialect <dialect>] [--quiet] [--data <dir>]
          See 'salary data pay --help' for more information.

        """)
  }

  @Test func aMistypedTopicGetsASuggestion() {
    let run = salary("data", "levl")
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("Error: Unexpected argument 'levl'. Did you mean 'levels'?\n"))
  }

  @Test func checkingTheRepositoryDataSaysOk() {
    let run = salary("data", "check", repositoryDataFolder)
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        \(repositoryDataFolder): ok
          14 sources, 51 pay figures, 11 levels, 27 places, 10 country figures, 9
          outlook figures, 14 education figures, 32 specializations, 2 premium figures,
          14 rates, 7 promotion steps, 6 age groups, 21 assumptions.

        """)
  }

  @Test func checkingABrokenFolderListsEveryProblemAndFails() throws {
    var files = try FileManager.default.contentsOfDirectory(atPath: repositoryDataFolder)
      .reduce(into: [String: String]()) { files, name in
        files[name] = try String(contentsOfFile: repositoryDataFolder + "/" + name, encoding: .utf8)
      }
    files["pay.csv"] = files["pay.csv"]!.replacingOccurrences(
      of: "cbt-entry,cbt-nuggets,", with: "cbt-entry,cbt,")
    files["sources.csv"] = files["sources.csv"]!.replacingOccurrences(
      of: "2025-02-11", with: "11/02/2025")
    let folder = try temporaryFolder(files)
    defer { try? FileManager.default.removeItem(atPath: folder) }

    let run = salary("data", "check", folder)
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.prefix(2) == [
        "\(folder)/sources.csv:3:76: '11/02/2025' is not a date: write YYYY-MM-DD, such as 2025-02-11",
        "\(folder)/pay.csv:7:11: unknown source 'cbt'. Did you mean 'cbt-nuggets'?",
      ])
    // The summary wraps at 80 columns, where depends on the folder's name.
    #expect(
      lines.dropFirst(2).joined(separator: " ")
        == "\(folder): 2 problems. A dataset with any problem is not used; fix them and check again. "
    )

    let json = salary("data", "check", folder, "--format", "json")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(report["ok"] as? Bool == false)
    #expect((report["problems"] as? [[String: Any]])?.map { $0["line"] as? Int } == [3, 7])

    let refused = salary("data", "levels", "--data", folder)
    #expect(refused.status == 1 && refused.stdout == "")
    #expect(
      refused.stderr.hasPrefix(
        "Error: The dataset in '\(folder)' cannot be used (2 problems); nothing was computed.\n"))
    #expect(refused.stderr.contains("\(folder)/pay.csv:7:11: unknown source 'cbt'."))
  }

  @Test func aFolderThatDoesNotExist() {
    let run = salary("data", "check", "/nonexistent/my-data")
    #expect(run.status == 1)
    #expect(
      run.stdout.hasPrefix(
        "/nonexistent/my-data: cannot open the folder: No such file or directory\n"))
  }
}
