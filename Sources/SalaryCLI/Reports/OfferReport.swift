import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The answer of `salary offer`: each offer against the estimate of its market.
///
/// Offers are in the profile's currency; the estimate is converted to it.
struct OfferReport {
  struct Row {
    var offer: Offer
    var report: EstimateReport

    var currency: CurrencyCode { report.profile.rate.currency }
    /// The share of the market paid at or below the offer's base.
    var percentile: Double {
      report.estimate.percentile(of: offer.base * report.profile.rate.dollarsPerUnit)
    }
    /// Market pay at a percentile (0–100), in the offer's currency.
    func market(_ percentile: Double) -> Double {
      report.amount(report.estimate.quantile(percentile / 100))
    }
  }

  var rows: [Row]
  var ask: (low: Double, high: Double)

  private func money(_ amount: Double, _ row: Row) -> String { formatMoney(amount, row.currency) }

  private var askLabel: String { "P\(ask.low.compactNumber)–P\(ask.high.compactNumber)" }

  /// The answer for people, fitted to `width` columns.
  func table(width: Int) -> String {
    let first = rows[0].report
    var out = wrapped(
      "\(rows.count == 1 ? "An offer" : "\(rows.count) offers") for "
        + "\(first.profile.experienceText)\(first.profile.specialization.map { ", \($0.name)" } ?? "").",
      width)
    out += wrapped(first.currencyLine, width) + "\n"
    let labels = [
      "Market", "Base", "Percentile", "Market median", "Middle half (P25–P75)",
      "Ask (\(askLabel))", "Bonus per year", "Equity per year", "Signing per year",
      "Total per year",
    ]
    var columns = [TextTable.Column(title: "", wraps: true, minimumWidth: 12)]
    var cells: [[String]] = labels.map { [$0] }
    for (index, row) in rows.enumerated() {
      columns.append(
        TextTable.Column(
          title: rows.count == 1 ? "Offer" : "Offer \(index + 1)", wraps: true, minimumWidth: 10))
      let values = [
        row.report.profile.placeText, money(row.offer.base, row),
        ordinal(row.percentile * 100), money(row.market(50), row),
        "\(money(row.market(25), row))–\(money(row.market(75), row))",
        "\(money(row.market(ask.low), row))–\(money(row.market(ask.high), row))",
        money(row.offer.bonusPerYear, row), money(row.offer.equityPerYear, row),
        money(row.offer.signingPerYear, row), money(row.offer.totalPerYear, row),
      ]
      for (line, value) in values.enumerated() { cells[line].append(value) }
    }
    out += TextTable(columns: columns, rows: cells).rendered(width: width)
    out += "\n"
    for (index, row) in rows.enumerated() {
      let name = rows.count == 1 ? "The offer" : "Offer \(index + 1)"
      out += wrapped("\(name) \(verdict(row)).", width)
    }
    let assumptions = uniqueInOrder(rows.flatMap(\.report.assumptions))
    let notes = uniqueInOrder(rows.flatMap { $0.report.profile.notes + $0.report.warnings })
    for note in notes { out += wrapped(note, width) }
    if !assumptions.isEmpty {
      out += wrapped(
        "Assumptions used: \(assumptions.joined(separator: ", ")). 'salary estimate' with the "
          + "same options shows each guide and factor.", width)
    }
    return out
  }

  /// Where the base sits, in words.
  private func verdict(_ row: Row) -> String {
    let p = row.percentile * 100
    let place = "its market (\(row.report.profile.placeText))"
    switch p {
    case ..<10: return "is below the 10th percentile of \(place): well under the market"
    case ..<25: return "is below the middle half of \(place)"
    case ..<50: return "is in the middle half of \(place), below the median"
    case ..<75: return "is in the middle half of \(place), at or above the median"
    case ..<90: return "is above the middle half of \(place)"
    default: return "is above the 90th percentile of \(place)"
    }
  }

  func json() throws -> JSONValue {
    var offers: [JSONValue] = []
    for row in rows {
      func amount(_ value: Double) throws -> JSONValue {
        .number(Double(try formatDecimal(value, maxFractionDigits: 0))!)
      }
      let members: [(String, JSONValue)] = [
        ("base", try amount(row.offer.base)),
        ("location", row.report.profile.place.map { .string($0.id) } ?? .null),
        (
          "percentile",
          .number(Double(try formatDecimal(row.percentile * 100, maxFractionDigits: 2))!)
        ),
        ("p25", try amount(row.market(25))),
        ("p50", try amount(row.market(50))),
        ("p75", try amount(row.market(75))),
        ("ask_low", try amount(row.market(ask.low))),
        ("ask_high", try amount(row.market(ask.high))),
        ("bonus_per_year", try amount(row.offer.bonusPerYear)),
        ("equity_per_year", try amount(row.offer.equityPerYear)),
        ("signing_per_year", try amount(row.offer.signingPerYear)),
        ("total_per_year", try amount(row.offer.totalPerYear)),
        ("currency", .string(row.currency.code)),
        ("estimate", try row.report.json()),
      ]
      offers.append(.object(members))
    }
    return .object([
      ("ask_percentiles", .array([.number(ask.low), .number(ask.high)])),
      ("offers", .array(offers)),
    ])
  }

  static let csvHeader = [
    "base", "location", "experience", "level", "specialization", "currency", "percentile",
    "p25", "p50", "p75", "ask_low", "ask_high", "bonus_per_year",
    "equity_per_year", "signing_per_year", "total_per_year", "assumptions",
  ]

  /// One record an offer: its place in the market and its pay a year.
  func records() throws -> RecordTable {
    var table = RecordTable(header: Self.csvHeader)
    for row in rows {
      let profile = row.report.profile
      try table.append { fields in
        try fields.appendMoney(row.offer.base)
        fields.appendText(profile.isRemote ? "remote" : profile.place?.id)
        try fields.appendNumber(row.report.estimate.requestedExperience, fractionDigits: 2)
        fields.appendText(profile.level?.key)
        fields.appendText(profile.specialization?.id)
        fields.appendText(row.currency.code)
        try fields.appendPercent(row.percentile * 100, fractionDigits: 2)
        for value in [
          row.market(25), row.market(50), row.market(75), row.market(ask.low),
          row.market(ask.high), row.offer.bonusPerYear, row.offer.equityPerYear,
          row.offer.signingPerYear, row.offer.totalPerYear,
        ] {
          try fields.appendMoney(value)
        }
        fields.appendText(row.report.assumptions.joined(separator: "; "))
      }
    }
    return table
  }
}

extension OfferReport: MachineReadable {
  var schema: String { "salary.offer/1" }

  /// The sources and assumptions of every offer's estimate.
  func workbookExtras() -> WorkbookExtras {
    let reports = rows.map(\.report)
    let sources = Set(reports.flatMap(\.sources))
    let assumptions = Set(reports.flatMap(\.assumptions))
    let dataset = reports[0].dataset
    return WorkbookExtras(
      dataset: dataset, sources: dataset.sources.map(\.id).filter(sources.contains),
      assumptions: dataset.assumptions.map(\.id).filter(assumptions.contains))
  }
}

/// `56th`, `1st`, `22nd`, `13th`: a percentile as people say it, rounded to a whole one.
func ordinal(_ value: Double) -> String {
  let whole = Int(value.rounded())
  let suffix: String
  switch (whole % 10, whole % 100) {
  case (_, 11...13): suffix = "th"
  case (1, _): suffix = "st"
  case (2, _): suffix = "nd"
  case (3, _): suffix = "rd"
  default: suffix = "th"
  }
  return "\(whole)\(suffix)"
}
