import Testing

@testable import SalaryCLI

/// Exact JSON and CSV of a compact profile: one guide, a place known only relative to
/// another. P25 and P75 are CBT Nuggets' entry range times Nome's factor, 0.95 × 1.2773:
/// $60,000 × 1.21342 = $72,805 and $85,000 × 1.21342 = $103,141.
@Suite struct MachineOutputGoldenTests {
  @Test func estimateAsJSON() {
    let run = salary(
      "estimate", "-e", "1", "--source", "cbt-nuggets", "--location", "nome", "--format", "json")
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        {
          "schema": "salary.estimate/1",
          "profile": {
            "experience": 1,
            "experience_used": 1,
            "level": null,
            "location": "nome",
            "remote": false,
            "specialization": null,
            "source": "cbt-nuggets",
            "currency": "USD"
          },
          "quantiles": {
            "p10": 62243,
            "p25": 72805,
            "p50": 86655,
            "p75": 103141,
            "p90": 120643
          },
          "series": [
            {
              "series": "cbt-nuggets/salary-table",
              "weight": 1,
              "median": 86655,
              "p25": 72805,
              "p75": 103141
            }
          ],
          "spread_between_series": 1,
          "level_mix": [],
          "factors": [
            {
              "kind": "location",
              "label": "Nome, AK",
              "value": 1.213418,
              "low": 1.213418,
              "high": 1.213418,
              "sigma": 0,
              "evidence": [
                {
                  "series": "noble-desktop/salary-text",
                  "figure": "nd-tier-bay-area",
                  "baseline": "nd-us-range",
                  "ratio": 1.250778
                },
                {
                  "series": "noble-desktop/location-table",
                  "figure": "nd-location-sf",
                  "baseline": "nd-location-national",
                  "ratio": 1.304348
                }
              ],
              "relative_to": "San Francisco, CA",
              "relative_percent": -5,
              "assumptions": []
            }
          ],
          "exchange_rate": {
            "currency": "USD",
            "dollars_per_unit": 1,
            "origin": "base currency"
          },
          "assumptions": [
            "range-coverage",
            "open-span-years"
          ],
          "notes": [],
          "warnings": []
        }

        """)
  }

  @Test func estimateAsCSV() {
    let run = salary(
      "estimate", "-e", "1", "--source", "cbt-nuggets", "--location", "nome", "--format", "csv")
    let header =
      #""experience","experience_used","level","location","specialization","source","currency","p10","p25","p50","p75","p90","spread_between_series","factor_low","factor_high","assumptions","warnings","level_mix""#
    let row =
      #"1,1,,"nome",,"cbt-nuggets","USD",62243,72805,86655,103141,120643,1,1.2134,1.2134,"range-coverage; open-span-years",,"#
    #expect(run.stdout == header + "\r\n" + row + "\r\n")
  }

  @Test func offerAsCSV() {
    let run = salary("offer", "90000", "-e", "1", "--source", "cbt-nuggets", "--format", "csv")
    let header =
      #""base","location","experience","level","specialization","currency","percentile","p25","p50","p75","ask_low","ask_high","bonus_per_year","equity_per_year","signing_per_year","total_per_year","assumptions""#
    let row =
      #"90000,,1,,,"USD",81.48,60000,71414,85000,71414,85000,0,0,0,90000,"range-coverage; open-span-years""#
    #expect(run.stdout == header + "\r\n" + row + "\r\n")
  }
}
