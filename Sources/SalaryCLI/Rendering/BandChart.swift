import ArgumentParsing

// A terminal chart of a projection: per year, a shaded band from P10 to P90 and a dot at
// the median, over a y-axis of round money amounts and an x-axis of years.

/// A chart of a band (P10 to P90) and a median (P50) per year, for a terminal: a column,
/// or a group of columns, per year; the band shaded `░` from its low row to its high row
/// and the median a `●` in its row.
///
///     let chart = BandChart(
///       labels: (2027...2036).map(String.init),
///       low: [80_000, 86_000, 92_000, 98_000, 104_000, 112_000, …, 140_000],
///       median: [100_000, 110_000, 120_000, 130_000, 140_000, …, 190_000],
///       high: [130_000, 145_000, 160_000, 175_000, 190_000, …, 260_000],
///       formatAxis: { compactMoney($0, symbol: "$") })
///     print(chart.rendered(width: 80, colour: false), terminator: "")
///
///     $300k ┤
///           │                                                                ░░░░░
///           │                                           ░░░░░  ░░░░░  ░░░░░  ░░░░░
///     $200k ┤                             ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░●░░
///           │               ░░░░░  ░░░░░  ░░░░░  ░░●░░  ░░●░░  ░░●░░  ░░●░░  ░░░░░
///           │ ░░░░░  ░░░░░  ░░●░░  ░░●░░  ░░●░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░
///     $100k ┤ ░░●░░  ░░●░░  ░░░░░  ░░░░░  ░░░░░  ░░░░░
///           │ ░░░░░
///           │
///        $0 ┤
///           └───┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬──────┬───
///              2027   2028   2029   2030   2031   2032   2033   2034   2035   2036
///            ● median (P50)   ░ 80% of outcomes (P10–P90)
///
/// The values are checked when the chart is rendered (see `rendered(width:height:colour:)`).
struct BandChart {
  /// The x-axis labels, one per year, in order: calendar years such as `"2027"`.
  var labels: [String]
  /// The low end of the band (P10) per year: money, at least 0.
  var low: [Double]
  /// The median (P50) per year, between `low` and `high`.
  var median: [Double]
  /// The high end of the band (P90) per year.
  var high: [Double]
  /// Writes a gridline's amount for the y-axis, compactly: `{ compactMoney($0, symbol: "$") }`
  /// writes 120,000 as `$120k`.
  var formatAxis: (Double) -> String

  /// The narrowest chart drawn: narrower widths render nothing (the empty string).
  static let minimumWidth = 20

  /// The largest amount a chart takes, a trillion: larger values are a caller's mistake.
  static let largestAmount: Double = 1_000_000_000_000

  /// The chart as lines of at most `width` terminal columns, each ending in a line break:
  /// the plot (at most `height` rows: the most that put every gridline on a row), the
  /// x-axis, its labels and a one-line legend. With `colour`, the band is wrapped in
  /// cyan and the median in bold ANSI SGR sequences; without, the text has no escape
  /// characters at all. Trailing spaces are trimmed.
  ///
  ///     BandChart(
  ///       labels: ["2027", "2028"], low: [50_000, 100_000], median: [150_000, 100_000],
  ///       high: [200_000, 100_000], formatAxis: { compactMoney($0, symbol: "$") }
  ///     ).rendered(width: 24, height: 5, colour: false)
  ///
  ///     $200k ┤ ░░░░░░░
  ///     $150k ┤ ░░░●░░░
  ///     $100k ┤ ░░░░░░░ ░░░●░░░
  ///      $50k ┤ ░░░░░░░
  ///           └────┬───────┬───
  ///               2027    2028
  ///            ● P50   ░ P10–P90
  ///
  /// When there are more years than columns, consecutive years share a column: its band
  /// runs from the lowest low to the highest high of those years, its median is that of
  /// their middle year (the earlier of two), it is labelled with its first year (the last
  /// column with the chart's last year) and the legend says how many years a column holds.
  /// Labels that would overlap are thinned to every k-th, keeping the first and the last.
  ///
  /// Stops the program if the values are not a chart's (as many of each as there are
  /// labels, at least one; finite, from 0 to `largestAmount`; `low ≤ median ≤ high` each
  /// year) or `height` is below 5. Returns the empty string when `width` is below
  /// `minimumWidth` or the y-axis labels leave no room for the plot.
  func rendered(width: Int, height: Int = 12, colour: Bool) -> String {
    checkValues()
    precondition(height >= 5, "a chart is at least five rows high")
    guard width >= Self.minimumWidth else { return "" }

    let scale = Scale(covering: low.min()!, high.max()!, height: height)
    let gridlineLabels = (0...scale.intervals).map { formatAxis(scale.value(atGridline: $0)) }
    let labelWidth = gridlineLabels.map { displayWidth($0) }.max()!
    let plotLeft = labelWidth + 2  // the labels, a space and the axis line
    guard width - plotLeft >= 1 else { return "" }
    let layout = Layout(years: labels.count, plotWidth: width - plotLeft)
    let columns = (0..<layout.columnCount).map { group($0, layout: layout) }

    var output = ""
    for level in stride(from: scale.rows - 1, through: 0, by: -1) {
      let onGridline = level % scale.rowsPerInterval == 0
      let label = onGridline ? gridlineLabels[level / scale.rowsPerInterval] : ""
      output += String(repeating: " ", count: labelWidth - displayWidth(label)) + label
      output += onGridline ? " ┤" : " │"
      output += paint(cells(atLevel: level, of: columns, scale: scale, layout: layout), colour)
      output += "\n"
    }

    let placed = placedLabels(of: columns, layout: layout, plotLeft: plotLeft, width: width)
    output += xAxis(layout: layout, ticked: placed.map(\.column), labelWidth: labelWidth)
    var position = 0
    for label in placed {
      output += String(repeating: " ", count: label.start - position) + label.text
      position = label.start + displayWidth(label.text)
    }
    output += "\n"
    output += legend(
      yearsPerColumn: layout.yearsPerColumn, plotLeft: plotLeft, width: width, colour: colour)
    return output
  }

  /// Stops the program if the values are not a chart's: one of each per label, at least
  /// one year, finite, from 0 to `largestAmount`, and ordered low, median, high each year.
  private func checkValues() {
    precondition(!labels.isEmpty, "a chart has at least one year")
    precondition(
      low.count == labels.count && median.count == labels.count && high.count == labels.count,
      "one low, median and high per label")
    for year in labels.indices {
      for value in [low[year], median[year], high[year]] {
        precondition(
          value.isFinite && value >= 0 && value <= Self.largestAmount,
          "a chart's values are finite amounts from 0 to a trillion")
      }
      precondition(
        low[year] <= median[year] && median[year] <= high[year],
        "each year's low, median and high are in order")
    }
  }

  /// The years in the `index`th column, as one band, median and label: with 5 years two
  /// to a column, column 1 is years 2 and 3 (median of year 2, label of year 2) and
  /// column 2 is year 4 (the last label).
  private func group(_ index: Int, layout: Layout) -> Column {
    let first = index * layout.yearsPerColumn
    let last = min(first + layout.yearsPerColumn, labels.count) - 1
    let isLastColumn = index == layout.columnCount - 1
    return Column(
      low: low[first...last].min()!, median: median[(first + last) / 2],
      high: high[first...last].max()!,
      label: isLastColumn ? labels[labels.count - 1] : labels[first])
  }

  /// The plot's cells in the row at `level` (0 is the bottom row): each column's bar where
  /// the row is within its band, its median's dot at the bar's centre in the median's row.
  /// Trailing blank cells are left out.
  ///
  ///     // a 3-wide bar whose band covers the row and whose median is in it: ░●░
  private func cells(atLevel level: Int, of columns: [Column], scale: Scale, layout: Layout)
    -> [Cell]
  {
    var cells = [Cell](repeating: .blank, count: layout.columnCount * layout.columnWidth)
    for (index, column) in columns.enumerated() {
      guard scale.level(of: column.low) <= level && level <= scale.level(of: column.high)
      else { continue }
      let centre = index * layout.columnWidth + layout.centre
      for x in (centre - layout.barWidth / 2)...(centre + layout.barWidth / 2) {
        cells[x] = .band
      }
      if scale.level(of: column.median) == level { cells[centre] = .median }
    }
    while cells.last == .blank { cells.removeLast() }
    return cells
  }

  /// The x-axis line: a corner under the y-axis, then a rule with a tick under the centre
  /// of each column when columns are wider than one cell, else only under labelled ones.
  ///
  ///     "      └────┬───────┬───\n"
  private func xAxis(layout: Layout, ticked labelledColumns: [Int], labelWidth: Int) -> String {
    let ticked = layout.columnWidth > 1 ? Set(0..<layout.columnCount) : Set(labelledColumns)
    var line = String(repeating: " ", count: labelWidth + 1) + "└"
    for x in 0..<(layout.columnCount * layout.columnWidth) {
      let isTick =
        x % layout.columnWidth == layout.centre && ticked.contains(x / layout.columnWidth)
      line += isTick ? "┬" : "─"
    }
    return line + "\n"
  }

  /// The x-axis labels to show, left to right, each centred under its column's tick and
  /// kept within `width`: every k-th column's, for the smallest k that leaves a space
  /// between neighbours, always with the first and the last (the label before the last is
  /// dropped if it would touch it). If even the first and the last would touch, only the
  /// first.
  private func placedLabels(of columns: [Column], layout: Layout, plotLeft: Int, width: Int)
    -> [PlacedLabel]
  {
    func placed(_ column: Int) -> PlacedLabel {
      var text = columns[column].label
      while displayWidth(text) > width { text.removeLast() }
      let textWidth = displayWidth(text)
      let centre = plotLeft + column * layout.columnWidth + layout.centre
      let start = min(max(0, centre - (textWidth - 1) / 2), width - textWidth)
      return PlacedLabel(column: column, start: start, text: text)
    }
    func touch(_ left: PlacedLabel, _ right: PlacedLabel) -> Bool {
      left.start + displayWidth(left.text) + 1 > right.start
    }
    let lastColumn = layout.columnCount - 1
    for every in 1...layout.columnCount {
      var shown = Array(stride(from: 0, through: lastColumn, by: every)).map(placed)
      if shown.last!.column != lastColumn { shown.append(placed(lastColumn)) }
      if shown.count > 2 && touch(shown[shown.count - 2], shown[shown.count - 1]) {
        shown.remove(at: shown.count - 2)
      }
      if zip(shown, shown.dropFirst()).allSatisfy({ !touch($0, $1) }) { return shown }
    }
    return [placed(0)]
  }

  /// The legend, on one line, as long as fits: indented to the plot if it fits, else from
  /// the left; in short words if the long do not fit. When a column holds several years,
  /// the legend says how many, on a line of its own if the chart is too narrow for one.
  ///
  ///     "       ● median (P50)   ░ 80% of outcomes (P10–P90)\n"
  ///     "● P50   ░ P10–P90   2 years/column\n"
  ///     "● P50   ░ P10–P90\n2 years/column\n"
  private func legend(yearsPerColumn: Int, plotLeft: Int, width: Int, colour: Bool) -> String {
    let long = [
      LegendEntry(symbol: .median, text: "median (P50)"),
      LegendEntry(symbol: .band, text: "80% of outcomes (P10–P90)"),
    ]
    let short = [
      LegendEntry(symbol: .median, text: "P50"), LegendEntry(symbol: .band, text: "P10–P90"),
    ]
    let note = yearsPerColumn > 1 ? [LegendEntry(text: "\(yearsPerColumn) years/column")] : []
    let choices = [[long + note], [short + note], [short, note].filter { !$0.isEmpty }]
    func text(_ lines: [[LegendEntry]], indent: Int) -> String {
      lines.map { entries in
        String(repeating: " ", count: indent)
          + entries.map { $0.rendered(colour: colour) }.joined(separator: "   ") + "\n"
      }.joined()
    }
    for lines in choices {
      let widest = lines.map { entries in
        entries.map(\.width).reduce(0, +) + 3 * (entries.count - 1)
      }.max()!
      for indent in [plotLeft, 0] where indent + widest <= width {
        return text(lines, indent: indent)
      }
    }
    return text(choices[choices.count - 1], indent: 0)  // fits any width from minimumWidth
  }
}

/// What a cell of the plot shows.
private enum Cell {
  /// Nothing: a space.
  case blank
  /// The band: `░`.
  case band
  /// The median: `●`.
  case median

  /// The cell's character.
  var character: String {
    switch self {
    case .blank: " "
    case .band: "░"
    case .median: "●"
    }
  }

  /// The ANSI SGR sequence that starts the cell's style when colour is on: cyan for the
  /// band, bold for the median.
  var style: String? {
    switch self {
    case .blank: nil
    case .band: "\u{1B}[36m"
    case .median: "\u{1B}[1m"
    }
  }
}

/// Cells as text: each run of one kind of cell wrapped, with `colour`, in its style and a
/// reset; without, plain characters.
///
///     paint([.band, .median, .band], true)  // "\u{1B}[36m░\u{1B}[0m\u{1B}[1m●\u{1B}[0m…"
private func paint(_ cells: [Cell], _ colour: Bool) -> String {
  var text = ""
  var start = cells.startIndex
  while start < cells.endIndex {
    var end = start
    while end < cells.endIndex && cells[end] == cells[start] { end += 1 }
    let run = String(repeating: cells[start].character, count: end - start)
    if colour, let style = cells[start].style {
      text += style + run + "\u{1B}[0m"
    } else {
      text += run
    }
    start = end
  }
  return text
}

/// One entry of the legend: an optional symbol and its words, such as `● median (P50)`.
private struct LegendEntry {
  /// The cell the entry explains, drawn before the words, if any.
  var symbol: Cell?
  /// The words.
  var text: String

  /// The entry's terminal width without colour.
  var width: Int { displayWidth(text) + (symbol == nil ? 0 : 2) }

  /// The entry as text: `● median (P50)`, the symbol in its style with `colour`.
  func rendered(colour: Bool) -> String {
    guard let symbol else { return text }
    return paint([symbol], colour) + " " + text
  }
}

/// A column of the plot: the band, median and label of the years it holds.
private struct Column {
  /// The lowest low of its years.
  var low: Double
  /// The median of its middle year.
  var median: Double
  /// The highest high of its years.
  var high: Double
  /// The label under it: its first year's, or the chart's last for the last column.
  var label: String
}

/// An x-axis label and where it starts, in columns from the left edge.
private struct PlacedLabel {
  /// The plot column it names.
  var column: Int
  /// The terminal column of its first character.
  var start: Int
  /// The label, cut to the chart's width if it was wider.
  var text: String
}

/// How the plot's width is shared among the years: how many years a column holds, how
/// many columns there are, how wide each is (in cells), and the bar drawn in it.
///
///     Layout(years: 10, plotWidth: 73)  // 1 year a column, 10 columns of 7, bars of 5
///     Layout(years: 60, plotWidth: 34)  // 2 years a column, 30 columns of 1, bars of 1
private struct Layout {
  /// Consecutive years drawn as one column: 1 unless there are more years than cells.
  var yearsPerColumn: Int
  /// The number of columns.
  var columnCount: Int
  /// The cells each column takes: the plot's width shared equally, at least 1.
  var columnWidth: Int
  /// The cells a bar takes: odd, so it has a centre, one less than the column (or fewer)
  /// so neighbours stand apart, at most `widestBar`, at least 1.
  var barWidth: Int

  /// The widest a bar is drawn, however much room there is.
  static let widestBar = 7

  /// The layout of `years` years in `plotWidth` cells (at least 1).
  init(years: Int, plotWidth: Int) {
    yearsPerColumn = (years + plotWidth - 1) / plotWidth
    columnCount = (years + yearsPerColumn - 1) / yearsPerColumn
    columnWidth = plotWidth / columnCount
    let room = columnWidth - 1
    barWidth = max(1, min(Self.widestBar, room % 2 == 0 ? room - 1 : room))
  }

  /// The cell of a column, from its left, where its tick, median and bar's centre are:
  /// the middle, or right of the middle, so a bar never touches the y-axis.
  var centre: Int { columnWidth / 2 }
}

/// The y-axis: its round-number gridlines and how amounts map to rows.
///
///     Scale(covering: 80_000, 260_000, height: 12)
///     // gridlines $0, $100k, $200k, $300k; 3 rows an interval; 10 rows
private struct Scale {
  /// The lowest gridline: a multiple of `step` at or below the smallest amount.
  var start: Double
  /// The amount between gridlines: 1, 2, 2.5 or 5 times a power of ten, at least 1 (and
  /// 2.5 only from 25 up), so gridlines are whole amounts.
  var step: Double
  /// The number of steps from the lowest gridline to the highest: 3 or 4, so 4 or 5
  /// gridlines.
  var intervals: Int
  /// The rows from one gridline to the next.
  var rowsPerInterval: Int

  /// The rows of the plot, gridline rows included.
  var rows: Int { intervals * rowsPerInterval + 1 }

  /// The axis covering `minimum` to `maximum` in at most `height` rows (at least 5).
  ///
  /// The step is the smallest nice one that covers the amounts, from a multiple of it at
  /// or below the minimum, in at most 4 steps, and no smaller than a hundredth of the
  /// maximum (so compact labels such as `$101k` stay distinct). Fewer than 3 steps are
  /// padded to 3, a step below then a step above in turn (never below 0). Flat amounts
  /// (all equal) get steps of about a tenth of the amount, padded to 4 around it.
  init(covering minimum: Double, _ maximum: Double, height: Int) {
    let isFlat = minimum == maximum
    let rough = max(1, isFlat ? minimum / 10 : max((maximum - minimum) / 4, maximum / 100))
    (start, step, intervals) = Self.cover(minimum, maximum, stepAtLeast: rough)
    var padBelow = true
    while intervals < (isFlat ? 4 : 3) {
      if padBelow && start >= step { start -= step }
      intervals += 1
      padBelow.toggle()
    }
    rowsPerInterval = (height - 1) / intervals
  }

  /// The first nice step of at least `rough` whose multiples cover `minimum` to `maximum`
  /// in at most 4 steps, with the multiple at or below `minimum` and the number of steps.
  private static func cover(_ minimum: Double, _ maximum: Double, stepAtLeast rough: Double)
    -> (start: Double, step: Double, intervals: Int)
  {
    var power = 1.0
    while power * 10 <= rough { power *= 10 }
    while true {
      for multiple in [1, 2, 2.5, 5] where multiple * power >= rough {
        if multiple == 2.5 && power < 10 { continue }
        let step = multiple * power
        let start = (minimum / step).rounded(.down) * step
        let intervals = Int(((maximum - start) / step).rounded(.up))
        if intervals <= 4 { return (start, step, intervals) }
      }
      power *= 10
    }
  }

  /// The amount at the `index`th gridline from the bottom.
  func value(atGridline index: Int) -> Double { start + Double(index) * step }

  /// The row of an amount, 0 at the bottom, rounded to the nearest (halves upward).
  ///
  ///     // gridlines 100…400 in 10 rows: 150 is 1.5 rows up, so row 2
  func level(of amount: Double) -> Int {
    let top = value(atGridline: intervals)
    let exact = (amount - start) / (top - start) * Double(rows - 1)
    return Int(exact.rounded(.toNearestOrAwayFromZero))
  }
}

/// Money in at most three significant figures, for an axis: whole units below a thousand,
/// else thousands (`k`), millions (`M`), billions (`B`) or trillions (`T`) with up to two
/// decimals, trailing zeros dropped; rounded half away from zero; `symbol` in front, and a
/// minus sign before it for a negative amount that does not round to 0.
///
///     compactMoney(0, symbol: "$")            // "$0"
///     compactMoney(950, symbol: "$")          // "$950"
///     compactMoney(95_000, symbol: "$")       // "$95k"
///     compactMoney(1_250_000, symbol: "$")    // "$1.25M"
///     compactMoney(1_234, symbol: "€")        // "€1.23k"
///     compactMoney(999_999, symbol: "CA$")    // "CA$1M"
///
/// At most five characters after the symbol. Stops the program for an amount that is not
/// finite or is a quadrillion or more.
func compactMoney(_ amount: Double, symbol: String) -> String {
  precondition(
    amount.isFinite && abs(amount) < 1_000_000_000_000_000, "money is finite, below 10^15")
  let magnitude = abs(amount)
  let units = magnitude.rounded(.toNearestOrAwayFromZero)
  if units < 1_000 {
    return (amount < 0 && units > 0 ? "-" : "") + symbol + String(Int(units))
  }
  let suffixes = ["k", "M", "B", "T"]
  var suffix = 0
  var value = magnitude / 1_000
  while true {
    var decimals = value < 10 ? 2 : value < 100 ? 1 : 0
    var scaled = scaledToDecimals(value, decimals)
    while scaled >= 1_000 && decimals > 0 {
      decimals -= 1
      scaled = scaledToDecimals(value, decimals)
    }
    if scaled >= 1_000 && suffix < suffixes.count - 1 {
      suffix += 1
      value /= 1_000
      continue
    }
    return (amount < 0 ? "-" : "") + symbol + decimalText(scaled, decimals) + suffixes[suffix]
  }
}

/// `value` times 10^`decimals`, rounded half away from zero to a whole number.
///
///     scaledToDecimals(1.25, 2)  // 125
private func scaledToDecimals(_ value: Double, _ decimals: Int) -> Int {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  return Int((value * scale).rounded(.toNearestOrAwayFromZero))
}

/// A whole number of hundredths (or tenths, or units) as a decimal without trailing zeros.
///
///     decimalText(125, 2)  // "1.25"
///     decimalText(950, 1)  // "95"
private func decimalText(_ scaled: Int, _ decimals: Int) -> String {
  var digits = String(scaled)
  if digits.count <= decimals {
    digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
  }
  var fraction = digits.suffix(decimals)
  while fraction.last == "0" { fraction = fraction.dropLast() }
  let whole = digits.dropLast(decimals)
  return fraction.isEmpty ? String(whole) : whole + "." + fraction
}
