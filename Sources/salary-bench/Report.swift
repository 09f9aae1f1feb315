// The results as a Markdown table (aligned, to read in a terminal and paste into the
// README), as CSV or as JSON. Numbers are formatted here by hand: the bench, like `salary`,
// does without Foundation.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the report says about the run as a whole.
struct RunInfo: Sendable {
  var cores: Int
  var salary: String
  var quick: Bool
  /// The one-minute load average before and after the cases: on a shared machine, how much
  /// else was running (a load above the cores means runs waited for a core).
  var loadBefore: Double
  var loadAfter: Double
}

/// The one-minute load average, or 0 where the system does not say.
func loadAverage() -> Double {
  var loads = [0.0]
  return getloadavg(&loads, 1) == 1 ? loads[0] : 0
}

/// Formats numbers with units, three significant digits.
enum Units {
  /// Seconds in s, ms or µs without trailing zeros, for targets: `5 ms`, `1.5 s`.
  static func seconds(_ value: Double) -> String {
    let (scale, unit) = secondsUnit(value)
    var text = fixed(value * scale, significant: 3)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text + " " + unit
  }

  /// The scale and unit that show `value` seconds best.
  static func secondsUnit(_ value: Double) -> (Double, String) {
    value >= 1 ? (1, "s") : value >= 1e-3 ? (1e3, "ms") : (1e6, "µs")
  }

  /// Bytes in decimal megabytes: `13.1 MB`.
  static func megabytes(_ bytes: Double, digits: Int = 1) -> String {
    fixed(bytes / 1e6, digits: digits) + " MB"
  }

  /// A count with thousands separators: `2,000,000`.
  static func grouped(_ value: Double) -> String {
    var digits = String(Int(value.rounded()))
    var result = ""
    while digits.count > 3 {
      result = "," + digits.suffix(3) + result
      digits.removeLast(3)
    }
    return digits + result
  }

  /// A rate with a k or M suffix: `323k`, `2.15M`.
  static func rate(_ value: Double) -> String {
    value >= 1e6
      ? fixed(value / 1e6, significant: 3) + "M"
      : value >= 1e3 ? fixed(value / 1e3, significant: 3) + "k" : fixed(value, significant: 3)
  }

  /// `value` with as many decimals as three significant digits need (none from 100 up).
  static func fixed(_ value: Double, significant: Int) -> String {
    var digits = significant - 1
    var magnitude = 10.0
    while digits > 0 && abs(value) >= magnitude {
      digits -= 1
      magnitude *= 10
    }
    return fixed(value, digits: digits)
  }

  /// `value` rounded to `digits` decimals, without exponent: `fixed(3.14159, digits: 2)` is
  /// `3.14`.
  static func fixed(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = (scaled / scale).rounded(.down)
    let fraction = Int(scaled - whole * scale)
    let sign = value < 0 && scaled > 0 ? "-" : ""
    guard digits > 0 else { return sign + String(Int(whole)) }
    let fractionText = String(fraction)
    return sign + String(Int(whole)) + "."
      + String(repeating: "0", count: digits - fractionText.count) + fractionText
  }
}

/// Renders results in a format.
struct Report {
  var info: RunInfo
  var results: [CaseResult]

  /// The report in `format`, ending with a line feed.
  func rendered(as format: OutputFormat) -> String {
    switch format {
    case .table: table()
    case .csv: csv()
    case .json: json()
    }
  }

  /// The Markdown table, with a line on the machine before it and what each case ran after.
  func table() -> String {
    let header = [
      "case", "runs", "wall: median (min–max)", "rows/s: median (min–max)",
      "peak RSS: median (min–max)", "floor: median", "× floor", "one core: median",
      "one core × floor", "× one core", "error: max (median)", "target", "met",
    ]
    let rows = results.map { result -> [String] in
      [
        result.name.rawValue, String(result.wall.count), wallText(result.wall),
        result.rowsPerSecond.map(rateText) ?? "–", result.peakBytes.map(memoryText) ?? "–",
        result.floor.map { Units.seconds($0.median) } ?? "–",
        result.floorMultiple.map { Units.fixed($0, digits: 2) + "×" } ?? "–",
        result.oneCore.map { Units.seconds($0.median) } ?? "–",
        result.oneCoreFloorMultiple.map { Units.fixed($0, digits: 2) + "×" } ?? "–",
        result.coreSpeedup.map { Units.fixed($0, digits: 2) + "×" } ?? "–",
        result.relativeErrors.map(errorText) ?? "–",
        result.target.text,
        result.missed.isEmpty ? "yes" : "no (" + result.missed.joined(separator: ", ") + ")",
      ]
    }
    let numeric: Set<Int> = [1, 6, 8, 9]
    var widths = header.map(displayWidth)
    for row in rows {
      for (column, cell) in row.enumerated() {
        widths[column] = max(widths[column], displayWidth(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      "| "
        + cells.enumerated().map { column, cell in
          let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
          return numeric.contains(column) ? padding + cell : cell + padding
        }.joined(separator: " | ") + " |"
    }
    let rule =
      "|"
      + widths.enumerated().map { column, width in
        numeric.contains(column)
          ? String(repeating: "-", count: width + 1) + ":"
          : String(repeating: "-", count: width + 2)
      }.joined(separator: "|") + "|"

    var text =
      "salary-bench\(info.quick ? " --quick (a smoke run, not a measurement)" : ""): "
      + "\(info.cores) cores, load average \(Units.fixed(info.loadBefore, digits: 2)) before "
      + "and \(Units.fixed(info.loadAfter, digits: 2)) after; salary: \(info.salary)\n\n"
    text += ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n\n"
    for result in results {
      var what = "\(result.name.rawValue): \(result.what)"
      if let rows = result.rows { what += ", \(Units.grouped(Double(rows))) rows" }
      what += "; warm-up run \(Units.seconds(result.warmUp))"
      if let first = result.firstCall {
        what += "; first load in a fresh process \(wallText(first)), \(first.count) processes"
      }
      text += what + "\n"
      if result.target.minBaselineSpeedup != nil && result.baseline == nil {
        text +=
          "\(result.name.rawValue) against pandas: not measured (no python3 on PATH that "
          + "imports pandas; `pip install pandas` to measure it)\n"
      }
      if let baseline = result.baseline, let speedup = result.baselineSpeedup {
        text +=
          "\(result.name.rawValue) against \(baseline.what): \(wallText(baseline.wall)), "
          + "peak RSS \(memoryText(baseline.peakBytes)); salary is "
          + "\(Units.fixed(speedup, digits: 1))× faster in "
          + "\(Units.fixed(baseline.peakBytes.max / (result.peakBytes?.max ?? 1), digits: 1))× "
          + "less memory\n"
      }
    }
    let met = results.filter(\.missed.isEmpty).count
    text += "Targets met: \(met) of \(results.count).\n"
    return text
  }

  /// One row a case, every statistic in base units (seconds, rows a second, bytes).
  func csv() -> String {
    var lines = [
      [
        "case", "runs", "rows", "wall_median_s", "wall_min_s", "wall_p10_s", "wall_p90_s",
        "wall_max_s", "warm_up_s", "first_call_median_s", "rows_per_s_median", "rows_per_s_min",
        "rows_per_s_max",
        "peak_rss_median_bytes", "peak_rss_min_bytes", "peak_rss_max_bytes",
        "floor_median_s", "floor_multiple", "one_core_median_s", "one_core_floor_multiple",
        "one_core_multiple",
        "relative_error_max", "relative_error_median", "target",
        "met",
        "what",
      ].joined(separator: ",")
    ]
    for result in results {
      let rate = result.rowsPerSecond
      let peak = result.peakBytes
      let cells: [String] = [
        result.name.rawValue, String(result.wall.count), result.rows.map(String.init) ?? "",
        "\(result.wall.median)", "\(result.wall.min)", "\(result.wall.quantile(0.1))",
        "\(result.wall.quantile(0.9))", "\(result.wall.max)", "\(result.warmUp)",
        result.firstCall.map { "\($0.median)" } ?? "",
        rate.map { "\($0.median)" } ?? "", rate.map { "\($0.min)" } ?? "",
        rate.map { "\($0.max)" } ?? "", peak.map { "\(Int($0.median))" } ?? "",
        peak.map { "\(Int($0.min))" } ?? "", peak.map { "\(Int($0.max))" } ?? "",
        result.floor.map { "\($0.median)" } ?? "", result.floorMultiple.map { "\($0)" } ?? "",
        result.oneCore.map { "\($0.median)" } ?? "",
        result.oneCoreFloorMultiple.map { "\($0)" } ?? "",
        result.coreSpeedup.map { "\($0)" } ?? "",
        result.relativeErrors.map { "\($0.max)" } ?? "",
        result.relativeErrors.map { "\($0.median)" } ?? "", quoted(result.target.text),
        result.missed.isEmpty ? "yes" : "no", quoted(result.what),
      ]
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// An object with the run's facts and one object a case.
  func json() -> String {
    func statistics(_ samples: Samples) -> String {
      "{\"median\": \(samples.median), \"min\": \(samples.min), "
        + "\"p10\": \(samples.quantile(0.1)), \"p90\": \(samples.quantile(0.9)), "
        + "\"max\": \(samples.max)}"
    }
    let cases = results.map { result in
      var fields = [
        "\"case\": \(jsonString(result.name.rawValue))",
        "\"what\": \(jsonString(result.what))",
        "\"runs\": \(result.wall.count)",
        "\"rows\": \(result.rows.map(String.init) ?? "null")",
        "\"wall_seconds\": \(statistics(result.wall))",
        "\"warm_up_seconds\": \(result.warmUp)",
        "\"first_call_seconds\": \(result.firstCall.map(statistics) ?? "null")",
        "\"rows_per_second\": \(result.rowsPerSecond.map(statistics) ?? "null")",
        "\"peak_rss_bytes\": \(result.peakBytes.map(statistics) ?? "null")",
        "\"floor_seconds\": \(result.floor.map(statistics) ?? "null")",
        "\"floor_multiple\": \(result.floorMultiple.map { "\($0)" } ?? "null")",
        "\"one_core_seconds\": \(result.oneCore.map(statistics) ?? "null")",
        "\"one_core_floor_multiple\": \(result.oneCoreFloorMultiple.map { "\($0)" } ?? "null")",
        "\"one_core_multiple\": \(result.coreSpeedup.map { "\($0)" } ?? "null")",
        "\"relative_errors\": \(result.relativeErrors.map(statistics) ?? "null")",
      ]
      let target = result.target
      fields.append(
        "\"target\": {\"text\": \(jsonString(target.text)), "
          + "\"max_wall_seconds\": \(target.maxWall.map { "\($0)" } ?? "null"), "
          + "\"min_rows_per_second\": \(target.minRowsPerSecond.map { "\($0)" } ?? "null"), "
          + "\"max_peak_rss_bytes\": \(target.maxPeakBytes.map { "\($0)" } ?? "null"), "
          + "\"max_floor_multiple\": \(target.maxFloorMultiple.map { "\($0)" } ?? "null"), "
          + "\"max_one_core_floor_multiple\": "
          + "\(target.maxOneCoreFloorMultiple.map { "\($0)" } ?? "null"), "
          + "\"min_one_core_multiple\": \(target.minCoreSpeedup.map { "\($0)" } ?? "null"), "
          + "\"max_relative_error\": \(target.maxRelativeError.map { "\($0)" } ?? "null")}")
      fields.append("\"met\": \(result.missed.isEmpty)")
      fields.append("\"missed\": [\(result.missed.map(jsonString).joined(separator: ", "))]")
      return "    {\n      " + fields.joined(separator: ",\n      ") + "\n    }"
    }
    return """
      {
        "cores": \(info.cores),
        "load_average_before": \(info.loadBefore),
        "load_average_after": \(info.loadAfter),
        "salary": \(jsonString(info.salary)),
        "quick": \(info.quick),
        "cases": [
      \(cases.joined(separator: ",\n"))
        ]
      }

      """
  }

  private func wallText(_ samples: Samples) -> String {
    let (scale, unit) = Units.secondsUnit(samples.median)
    let median = Units.fixed(samples.median * scale, significant: 3)
    let digits = median.split(separator: ".").dropFirst().first?.count ?? 0
    return "\(median) \(unit) (\(Units.fixed(samples.min * scale, digits: digits))–"
      + "\(Units.fixed(samples.max * scale, digits: digits)))"
  }

  /// The worst and the median relative error, in percent: `0.34% (0.12%)`.
  private func errorText(_ samples: Samples) -> String {
    Units.fixed(samples.max * 100, digits: 2) + "% (" + Units.fixed(samples.median * 100, digits: 2)
      + "%)"
  }

  private func rateText(_ samples: Samples) -> String {
    "\(Units.rate(samples.median)) (\(Units.rate(samples.min))–\(Units.rate(samples.max)))"
  }

  private func memoryText(_ samples: Samples) -> String {
    "\(Units.megabytes(samples.median)) "
      + "(\(Units.fixed(samples.min / 1e6, digits: 1))–\(Units.fixed(samples.max / 1e6, digits: 1)))"
  }

  /// Columns a string takes in a terminal: one a Unicode scalar, which holds for this
  /// report's text (no wide or combining characters).
  private func displayWidth(_ text: String) -> Int { text.unicodeScalars.count }

  private func quoted(_ text: String) -> String {
    "\"" + text.replacing("\"", with: "\"\"") + "\""
  }

  private func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case _ where scalar.value < 0x20:
        result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
