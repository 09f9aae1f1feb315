import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The answer of `salary estimate`: the consensus range, what each guide says, the
/// factors and their sources, the assumptions, and any warning.
struct EstimateReport {
  var profile: Profile
  var estimate: Estimate

  var dataset: Dataset { profile.market.dataset }

  /// The consensus quantiles shown: the market's table's, as every command shows them.
  var quantiles: [Double] { estimate.quantiles }

  /// Money in the profile's currency.
  func amount(_ dollars: Double) -> Double { profile.rate.fromDollars(dollars) }

  func money(_ dollars: Double) -> String { formatMoney(amount(dollars), profile.rate.currency) }

  /// Every assumption the estimate used, the profile's own included, in the dataset's order.
  var assumptions: [String] { estimate.assumptions }

  var warnings: [String] {
    var warnings: [String] = []
    if estimate.isHeld {
      let edge = estimate.experience.compactNumber
      warnings.append(
        estimate.requestedExperience > estimate.experience
          ? "No guide speaks with a full voice beyond \(edge) years, so this is the estimate at \(edge) years."
          : "The selected guide speaks only from \(edge) years, so this is the estimate at \(edge) years."
      )
    }
    return warnings
  }

  // MARK: Table

  /// The answer for people, fitted to `width` columns.
  func table(width: Int) -> String {
    var subject = [profile.experienceText, profile.placeText]
    if let area = profile.specialization { subject.append(area.name) }
    var out = wrapped("Base pay per year for \(subject.joined(separator: ", ")).", width)
    out += wrapped(currencyLine + " Middle half: P25–P75; most: P10–P90.", width) + "\n"
    out += TextTable(
      columns: ["P10", "P25", "P50", "P75", "P90"].map {
        TextTable.Column(title: $0, alignment: .right)
      },
      rows: [quantiles.map(money)]
    ).rendered(width: width)

    let years = "\(estimate.experience.compactNumber) year\(estimate.experience == 1 ? "" : "s")"
    out += "\n" + wrapped("What each guide says at \(years), after the same factors:", width)
    out += TextTable(
      columns: [
        TextTable.Column(title: "Guide, series", wraps: true, minimumWidth: 16),
        TextTable.Column(title: "Share", alignment: .right),
        TextTable.Column(title: "Median", alignment: .right),
        TextTable.Column(title: "Middle half"),
      ],
      rows: estimate.series.map { view in
        [
          seriesName(view.series), "\(fixed(view.weight * 100, 0))%", money(view.median),
          "\(money(view.p25))–\(money(view.p75))",
        ]
      }
    ).rendered(width: width)
    if estimate.series.count > 1 {
      out += wrapped(
        "The guides' medians differ by ×\(fixed(estimate.spreadBetweenSeries, 2)) from the "
          + "lowest to the highest.", width)
    }
    if let mix = levelMixText {
      let publisher = dataset.source(id: dataset.ladder.source)?.publisher ?? dataset.ladder.source
      out += wrapped(
        "\(publisher)\(publisher.hasSuffix("s") ? "'" : "'s") levels count as the mix people "
          + "with \(years) hold, by the promotion model: \(mix). See 'salary data levels'.",
        width)
    }
    if !profile.factors.isEmpty {
      out += "\nFactors:\n"
      let labels = profile.factors.map(FactorText.value)
      let column = 2 + (labels.map(displayWidth).max() ?? 0) + 2
      for (factor, label) in zip(profile.factors, labels) {
        out += hanging(label, FactorText.derivation(factor, dataset), width, column: column)
      }
    }
    for note in profile.notes + warnings { out += "\n" + wrapped(note, width) }
    if !assumptions.isEmpty {
      out +=
        "\n"
        + wrapped(
          "Assumptions used: \(assumptions.joined(separator: ", ")). See 'salary data assumptions'.",
          width)
    }
    return out
  }

  var currencyLine: String { Self.currencyText(profile.rate) }

  /// `In US dollars.`, or the currency with its rate and where the rate came from.
  static func currencyText(_ rate: ExchangeRate) -> String {
    let code = rate.currency
    guard code != .usd else { return "In US dollars." }
    switch rate.origin {
    case .given:
      return "In \(code) at \(fixed(rate.dollarsPerUnit, 4)) US dollars each, from --fx."
    case .implied(let pairs):
      return "In \(code) at \(fixed(rate.dollarsPerUnit, 4)) US dollars each, implied by "
        + "the guides' own conversions of \(pairs.count) amounts."
    }
  }

  /// `senior 45%, principal 25%, …`: the levels of the mix that round to 1% or more.
  var levelMixText: String? {
    let shown = estimate.levelMix.filter { $0.share >= 0.005 }
    guard !shown.isEmpty else { return nil }
    return shown.map { "\($0.level.key) \(fixed($0.share * 100, 0))%" }.joined(separator: ", ")
  }

  private func seriesName(_ series: SeriesID) -> String {
    "\(dataset.source(id: series.source)?.publisher ?? series.source), \(series.name.replacingDashes)"
  }

  // MARK: JSON

  func json() throws -> JSONValue {
    let names = ["p10", "p25", "p50", "p75", "p90"]
    var quantiles: [(String, JSONValue)] = []
    for (name, value) in zip(names, self.quantiles) {
      quantiles.append((name, try moneyJSON(value)))
    }
    var series: [JSONValue] = []
    for view in estimate.series {
      let members: [(String, JSONValue)] = [
        ("series", .string(view.series.description)),
        ("weight", try numberJSON(view.weight, 4)),
        ("median", try moneyJSON(view.median)),
        ("p25", try moneyJSON(view.p25)),
        ("p75", try moneyJSON(view.p75)),
      ]
      series.append(.object(members))
    }
    var factors: [JSONValue] = []
    for factor in profile.factors { factors.append(try factorJSON(factor)) }
    let rate: [(String, JSONValue)] = [
      ("currency", .string(profile.rate.currency.code)),
      ("dollars_per_unit", try numberJSON(profile.rate.dollarsPerUnit, 6)),
      ("origin", .string(originText)),
    ]
    let members: [(String, JSONValue)] = [
      ("profile", try profileJSON()),
      ("quantiles", .object(quantiles)),
      ("series", .array(series)),
      ("spread_between_series", try numberJSON(estimate.spreadBetweenSeries, 4)),
      (
        "level_mix",
        .array(
          try estimate.levelMix.map { share in
            JSONValue.object([
              ("level", .string(share.level.key)), ("share", try numberJSON(share.share, 4)),
            ])
          })
      ),
      ("factors", .array(factors)),
      ("exchange_rate", .object(rate)),
      ("assumptions", .array(assumptions.map(JSONValue.string))),
      ("notes", .array(profile.notes.map(JSONValue.string))),
      ("warnings", .array(warnings.map(JSONValue.string))),
    ]
    return .object(members)
  }

  func profileJSON() throws -> JSONValue {
    ProfileBlock.json(
      profile, experience: try ProfileBlock.years(estimate.requestedExperience),
      used: try ProfileBlock.years(estimate.experience))
  }

  /// A number rounded as CSV rounds it, so both formats agree to the digit.
  func numberJSON(_ value: Double, _ digits: Int) throws -> JSONValue {
    .number(Double(try formatDecimal(value, maxFractionDigits: digits))!)
  }

  /// Money in the profile's currency, whole units.
  func moneyJSON(_ dollars: Double) throws -> JSONValue { try numberJSON(amount(dollars), 0) }

  private var originText: String {
    switch profile.rate.origin {
    case .given: profile.rate.currency == .usd ? "base currency" : "--fx"
    case .implied: "implied by the guides' conversions"
    }
  }

  private func factorJSON(_ factor: Factor) throws -> JSONValue {
    func number(_ value: Double) throws -> JSONValue { try numberJSON(value, 6) }
    var evidence: [JSONValue] = []
    for item in factor.evidence {
      let members: [(String, JSONValue)] = [
        ("series", item.series.map { .string($0.description) } ?? .null),
        ("figure", .string(item.figureID)),
        ("baseline", item.baselineID.map(JSONValue.string) ?? .null),
        ("ratio", try number(item.ratio)),
      ]
      evidence.append(.object(members))
    }
    let members: [(String, JSONValue)] = [
      ("kind", .string(factor.kind.rawValue)),
      ("label", .string(factor.label)),
      ("value", try number(factor.value)),
      ("low", try number(factor.low)),
      ("high", try number(factor.high)),
      ("sigma", try number(factor.sigma)),
      ("evidence", .array(evidence)),
      ("relative_to", factor.relative.map { .string($0.baseLabel) } ?? .null),
      ("relative_percent", try factor.relative.map { try number($0.percent) } ?? .null),
      ("assumptions", .array(factor.assumptions.map(JSONValue.string))),
    ]
    return .object(members)
  }

  // MARK: CSV

  /// The CSV columns of an estimate: one profile a row.
  static let csvHeader = [
    "experience", "experience_used", "level", "location", "specialization", "source",
    "currency", "p10", "p25", "p50", "p75", "p90", "spread_between_series", "factor_low",
    "factor_high", "assumptions", "warnings", "level_mix",
  ]

  /// The estimate as one record: its profile, quantiles and what qualifies them.
  func records() throws -> RecordTable {
    var table = RecordTable(header: Self.csvHeader)
    try table.append { fields in
      // The columns a batch row has too, written by the same code.
      try EstimateRow.append(profile: profile, quantiles: quantiles, to: &fields)
      try fields.appendNumber(estimate.spreadBetweenSeries, fractionDigits: 4)
      try fields.appendNumber(profile.factors.reduce(1) { $0 * $1.low }, fractionDigits: 4)
      try fields.appendNumber(profile.factors.reduce(1) { $0 * $1.high }, fractionDigits: 4)
      fields.appendText(assumptions.joined(separator: "; "))
      fields.appendText(warnings.isEmpty ? nil : warnings.joined(separator: " "))
      // `senior:0.4512; principal:0.2501`: each level's share, to four places.
      var mix: [String] = []
      for share in estimate.levelMix where share.share >= 0.00005 {
        mix.append("\(share.level.key):\(try formatDecimal(share.share, maxFractionDigits: 4))")
      }
      fields.appendText(mix.isEmpty ? nil : mix.joined(separator: "; "))
    }
    return table
  }
}

extension EstimateReport: MachineReadable {
  var schema: String { "salary.estimate/1" }

  /// The guides the consensus heard, the sources of its factors' figures and of the level
  /// ladder, and the assumptions used.
  func workbookExtras() -> WorkbookExtras {
    WorkbookExtras(dataset: dataset, sources: sources, assumptions: assumptions)
  }

  /// The ids of the sources the estimate drew on.
  var sources: [String] {
    var used = Set(estimate.series.map(\.series.source))
    for factor in estimate.factors {
      for evidence in factor.evidence {
        if let series = evidence.series { used.insert(series.source) }
      }
    }
    if !estimate.levelMix.isEmpty { used.insert(dataset.ladder.source) }
    return dataset.sources.map(\.id).filter(used.contains)
  }
}

/// Text wrapped to `width`, each line ending in a line break.
func wrapped(_ text: String, _ width: Int) -> String {
  var result = ""
  for line in wrap(text, width: width) {
    result += line
    result += "\n"
  }
  return result
}

/// `label` then `text` wrapped beside it, every line of `text` starting at `column`.
func hanging(_ label: String, _ text: String, _ width: Int, column: Int, indent: Int = 2) -> String
{
  let lines = wrap(text, width: max(20, width - column))
  return lines.enumerated().map { index, line in
    let lead =
      index == 0
      ? String(repeating: " ", count: indent) + label
        + String(repeating: " ", count: column - indent - displayWidth(label))
      : String(repeating: " ", count: column)
    return lead + line + "\n"
  }.joined()
}
