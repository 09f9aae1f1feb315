// The terminal chart of a projection's band and median, and the compact money on its axis.

import Testing

@testable import SalaryCLI

/// Layout, scale, aggregation and colour of `BandChart`, and `compactMoney`.
@Suite("Band chart")
struct BandChartTests {
  @Test("a ten-year rising band at 80 columns, exactly")
  func golden80() {
    let golden = """
      $300k ┤
            │                                                                ░░░░░
            │                                           ░░░░░  ░░░░░  ░░░░░  ░░░░░
      $200k ┤                             ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░●░░
            │               ░░░░░  ░░░░░  ░░░░░  ░░●░░  ░░●░░  ░░●░░  ░░●░░  ░░░░░
            │ ░░░░░  ░░░░░  ░░●░░  ░░●░░  ░░●░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░
      $100k ┤ ░░●░░  ░░●░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░
            │ ░░░░░
            │
         $0 ┤
            └───┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬───
               2027   2028   2029   2030   2031   2032   2033   2034   2035   2036
             ● median (P50)   ░ 80% of outcomes (P10–P90)
      """
    #expect(risingBand.rendered(width: 80, colour: false) == golden + "\n")
  }

  @Test("the example in the documentation, exactly")
  func documentedExample() {
    let chart = BandChart(
      labels: ["2027", "2028"], low: [50_000, 100_000], median: [150_000, 100_000],
      high: [200_000, 100_000], formatAxis: { compactMoney($0, symbol: "$") })
    let golden = """
      $200k ┤ ░░░░░░░
      $150k ┤ ░░░●░░░
      $100k ┤ ░░░░░░░ ░░░●░░░
       $50k ┤ ░░░░░░░
            └────┬───────┬───
                2027    2028
             ● P50   ░ P10–P90
      """
    #expect(chart.rendered(width: 24, height: 5, colour: false) == golden + "\n")
  }

  @Test("ten years at 40 columns: within the width, labels thinned, first and last kept")
  func tenYearsAt40() {
    let output = risingBand.rendered(width: 40, colour: false)
    #expect(lines(output).allSatisfy { displayWidth($0) <= 40 })
    #expect(xLabels(output) == ["2027", "2029", "2031", "2033", "2036"])
    #expect(lines(output).last == "       ● P50   ░ P10–P90")
  }

  @Test(
    "more years than columns share columns, within the width, labelled first to last",
    arguments: [(40, 2), (60, 2)])
  func aggregated(years: Int, yearsPerColumn: Int) {
    let chart = linearChart(years: years)
    let output = chart.rendered(width: 40, colour: false)
    #expect(lines(output).allSatisfy { displayWidth($0) <= 40 })
    let shown = xLabels(output)
    #expect(shown.first == "2027")
    #expect(shown.last == String(2027 + years - 1))
    #expect(shown.count >= 3)
    #expect(lines(output).last!.hasSuffix("\(yearsPerColumn) years/column"))
  }

  @Test("at the narrowest width the note on shared columns takes a line of its own")
  func aggregatedNarrowest() {
    let output = linearChart(years: 60).rendered(width: 20, colour: false)
    let all = lines(output)
    #expect(all.allSatisfy { displayWidth($0) <= 20 })
    #expect(Array(all.suffix(2)) == ["● P50   ░ P10–P90", "5 years/column"])
    let shown = all[all.count - 3].split(separator: " ")
    #expect(shown.first == "2027")
    #expect(shown.last == "2086")
  }

  @Test("a shared column spans its years' band and shows its middle year's median")
  func aggregatedColumn() {
    // 40 years in 33 cells: two a column. Year 1 alone reaches $400k, with a median of
    // $300k; its column (years 0 and 1) shows the band up to the top gridline and the
    // median of year 0, $100k.
    var chart = linearChart(years: 40)
    chart.median[1] = 300_000
    chart.high[1] = 400_000
    let output = chart.rendered(width: 40, colour: false)
    let rows = lines(output).dropLast(3)
    #expect(rows.first!.hasPrefix("$400k ┤░"))
    let firstColumn = rows.map { plotCells($0).first ?? " " }
    #expect(firstColumn.filter { $0 == "●" }.count == 1)
    let medianRow = rows[rows.firstIndex { plotCells($0).first == "●" }!]
    #expect(medianRow.hasPrefix("$100k ┤●"))
  }

  @Test("flat amounts sit in the middle of a round axis")
  func flat() {
    let chart = BandChart(
      labels: ["2027", "2028", "2029"], low: [90_000, 90_000, 90_000],
      median: [90_000, 90_000, 90_000], high: [90_000, 90_000, 90_000],
      formatAxis: { compactMoney($0, symbol: "$") })
    let golden = """
      $110k ┤
            │
      $100k ┤
            │
       $90k ┤  ░░░●░░░    ░░░●░░░    ░░░●░░░
            │
       $80k ┤
            │
       $70k ┤
            └─────┬──────────┬──────────┬─────
                 2027       2028       2029
             ● P50   ░ P10–P90
      """
    #expect(chart.rendered(width: 40, height: 9, colour: false) == golden + "\n")
  }

  @Test("zero everywhere is drawn on a small axis from $0")
  func zero() {
    let chart = BandChart(
      labels: ["2027", "2028"], low: [0, 0], median: [0, 0], high: [0, 0],
      formatAxis: { compactMoney($0, symbol: "$") })
    let output = chart.rendered(width: 30, height: 5, colour: false)
    #expect(
      lines(output).map { String($0.prefix(4)) } == [
        "$4 ┤", "$3 ┤", "$2 ┤", "$1 ┤", "$0 ┤", "   └", "    ", "    ",
      ])
    #expect(!output.contains("nan"))
  }

  @Test("a single year takes the middle of the width")
  func singleYear() {
    let chart = BandChart(
      labels: ["2027"], low: [80_000], median: [100_000], high: [130_000],
      formatAxis: { compactMoney($0, symbol: "€") })
    let output = chart.rendered(width: 40, height: 9, colour: false)
    let golden = """
      €140k ┤
            │             ░░░░░░░
      €120k ┤             ░░░░░░░
            │             ░░░░░░░
      €100k ┤             ░░░●░░░
            │             ░░░░░░░
       €80k ┤             ░░░░░░░
            └────────────────┬────────────────
                            2027
             ● P50   ░ P10–P90
      """
    #expect(output == golden + "\n")
  }

  @Test("a band that is a point shows its median's dot")
  func pointBand() {
    let chart = BandChart(
      labels: ["2027", "2028", "2029"], low: [100_000, 120_000, 150_000],
      median: [100_000, 120_000, 150_000], high: [100_000, 120_000, 150_000],
      formatAxis: { compactMoney($0, symbol: "$") })
    for width in [20, 40, 80] {
      let output = chart.rendered(width: width, colour: false)
      let plot = lines(output).dropLast(3)
      #expect(plot.filter { $0.contains("●") }.count == 3)
      #expect(plot.allSatisfy { $0.filter { $0 == "●" }.count <= 1 })
    }
  }

  @Test("the median's dot is in the row nearest its amount, halves rounding up")
  func medianRow() {
    // Gridlines 100, 200, 300, 400 (steps of 100 cover 100…400 in 3), 3 rows apart: 10
    // rows, row 9 at the top. 150 is 1.5 rows up, so row 2, the 8th line; 300 is row 6,
    // the 4th line. Columns are 7 cells from cell 5; the dots are at their centres, cells 8 and 15.
    let chart = BandChart(
      labels: ["A", "B"], low: [100, 100], median: [150, 300], high: [200, 400],
      formatAxis: { String(Int($0)) })
    let plot = Array(lines(chart.rendered(width: 20, colour: false)).dropLast(3))
    var dots: [[Int]] = []
    for (index, line) in plot.enumerated() {
      for (offset, character) in line.enumerated() where character == "●" {
        dots.append([index, offset])
      }
    }
    #expect(dots == [[3, 15], [7, 8]])
    #expect(
      plot.map { String($0.prefix(5)) } == [
        "400 ┤", "    │", "    │", "300 ┤", "    │", "    │", "200 ┤", "    │", "    │", "100 ┤",
      ])
  }

  @Test("no colour means no escape characters; colour wraps band and median in SGR")
  func colour() {
    for (chart, width) in [(risingBand, 80), (risingBand, 40), (linearChart(years: 60), 40)] {
      let plain = chart.rendered(width: width, colour: false)
      let coloured = chart.rendered(width: width, colour: true)
      #expect(!plain.contains("\u{1B}"))
      #expect(coloured.contains("\u{1B}[36m░"))
      #expect(coloured.contains("\u{1B}[1m●\u{1B}[0m"))
      #expect(strippingEscapes(coloured) == plain)
    }
  }

  @Test("values that are not a chart's stop the program")
  func preconditions() async {
    await #expect(processExitsWith: .failure) {
      _ = BandChart(labels: ["2027"], low: [1], median: [2], high: [], formatAxis: { "\($0)" })
        .rendered(width: 40, colour: false)
    }
    await #expect(processExitsWith: .failure) {
      _ = BandChart(labels: [], low: [], median: [], high: [], formatAxis: { "\($0)" })
        .rendered(width: 40, colour: false)
    }
    await #expect(processExitsWith: .failure) {
      _ = BandChart(labels: ["2027"], low: [3], median: [2], high: [4], formatAxis: { "\($0)" })
        .rendered(width: 40, colour: false)
    }
    await #expect(processExitsWith: .failure) {
      _ = BandChart(
        labels: ["2027"], low: [-1], median: [2], high: [4], formatAxis: { "\($0)" }
      ).rendered(width: 40, colour: false)
    }
    await #expect(processExitsWith: .failure) {
      _ = BandChart(
        labels: ["2027"], low: [1], median: [2], high: [.infinity], formatAxis: { "\($0)" }
      ).rendered(width: 40, colour: false)
    }
  }

  @Test("too narrow a width draws nothing")
  func tooNarrow() {
    #expect(risingBand.rendered(width: 19, colour: false) == "")
    #expect(risingBand.rendered(width: 20, colour: false) != "")
  }

  @Test(
    "compact money: three significant figures, trailing zeros dropped",
    arguments: [
      (0, "$", "$0"), (950, "$", "$950"), (999.4, "$", "$999"), (999.5, "$", "$1k"),
      (1_234, "$", "$1.23k"), (9_500, "$", "$9.5k"), (95_000, "$", "$95k"),
      (120_000, "$", "$120k"), (99_950, "$", "$100k"), (999_999, "$", "$1M"),
      (1_250_000, "$", "$1.25M"), (12_345_678, "$", "$12.3M"), (2_500_000_000, "$", "$2.5B"),
      (-1_500, "$", "-$1.5k"), (-0.4, "$", "$0"), (120_000, "€", "€120k"),
      (1_250_000, "CA$", "CA$1.25M"), (950, "£", "£950"),
    ] as [(Double, String, String)])
  func compact(amount: Double, symbol: String, expected: String) {
    #expect(compactMoney(amount, symbol: symbol) == expected)
  }
}

/// Ten years rising: low $80k to $140k, median $100k to $190k, high $130k to $260k.
private var risingBand: BandChart {
  BandChart(
    labels: (2027...2036).map(String.init),
    low: [80_000, 86_000, 92_000, 98_000, 104_000, 112_000, 119_000, 126_000, 133_000, 140_000],
    median: [
      100_000, 110_000, 120_000, 130_000, 140_000, 150_000, 160_000, 170_000, 180_000, 190_000,
    ],
    high: [
      130_000, 145_000, 160_000, 175_000, 190_000, 205_000, 220_000, 235_000, 247_000, 260_000,
    ],
    formatAxis: { compactMoney($0, symbol: "$") })
}

/// `years` years from 2027, rising by $2k, $3k and $5k a year from $80k, $100k, $130k.
private func linearChart(years: Int) -> BandChart {
  BandChart(
    labels: (0..<years).map { String(2027 + $0) },
    low: (0..<years).map { 80_000 + Double($0) * 2_000 },
    median: (0..<years).map { 100_000 + Double($0) * 3_000 },
    high: (0..<years).map { 130_000 + Double($0) * 5_000 },
    formatAxis: { compactMoney($0, symbol: "$") })
}

/// The lines of a rendering, without their line breaks.
private func lines(_ output: String) -> [String] {
  var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  #expect(lines.last == "", "every line ends in a line break")
  lines.removeLast()
  return lines
}

/// The x-axis labels shown, left to right (the line before the legend).
private func xLabels(_ output: String) -> [String] {
  let all = lines(output)
  return all[all.count - 2].split(separator: " ").map(String.init)
}

/// A plot line's cells, after the y-axis line.
private func plotCells(_ line: String) -> [Character] {
  guard let axis = line.firstIndex(where: { $0 == "┤" || $0 == "│" }) else { return [] }
  return Array(line[line.index(after: axis)...])
}

/// Text without its ANSI SGR sequences (`ESC [ … m`).
private func strippingEscapes(_ text: String) -> String {
  var result = ""
  var inEscape = false
  for scalar in text.unicodeScalars {
    if inEscape {
      if scalar == "m" { inEscape = false }
    } else if scalar == "\u{1B}" {
      inEscape = true
    } else {
      result.unicodeScalars.append(scalar)
    }
  }
  return result
}
