import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The answer of `salary compare`: each scenario's totals and band, and its difference to
/// the first scenario.
struct CompareReport {
  var entries: [(name: String, report: ProjectionReport)]

  private func amount(_ entry: (name: String, report: ProjectionReport), _ dollars: Double)
    -> Double
  {
    entry.report.request.profile.rate.fromDollars(dollars)
  }

  private var currencies: Set<CurrencyCode> {
    Set(entries.map { $0.report.request.profile.rate.currency })
  }

  /// The answer for people, fitted to `width` columns.
  func table(width: Int) -> String {
    let first = entries[0]
    var out = wrapped(
      "\(entries.count) scenario\(entries.count == 1 ? "" : "s"), each over its own years; "
        + "totals of pay less study costs. Differences are to '\(first.name)'.", width)
    if currencies.count > 1 {
      out += wrapped("The scenarios use different currencies; compare them in one.", width)
    }
    out += "\n"
    let rows = entries.map { entry -> [String] in
      let projection = entry.report.projection
      let currency = entry.report.request.profile.rate.currency
      func money(_ dollars: Double) -> String { formatMoney(amount(entry, dollars), currency) }
      let band = projection.nominal.band
      let difference = projection.nominal.central - first.report.projection.nominal.central
      let years = projection.years
      return [
        entry.name, "\(years.first!.calendarYear)–\(years.last!.calendarYear)",
        money(projection.nominal.central),
        band.p10 == band.p90 ? "—" : "\(money(band.p10))–\(money(band.p90))",
        money(projection.real.central), money(projection.presentValue.central),
        entry.name == first.name ? "—" : (difference >= 0 ? "+" : "") + money(difference),
      ]
    }
    out += TextTable(
      columns: [
        TextTable.Column(title: "Scenario", wraps: true, minimumWidth: 8),
        TextTable.Column(title: "Years", wraps: true, minimumWidth: 5),
        TextTable.Column(title: "Total", alignment: .right),
        TextTable.Column(title: "P10–P90", wraps: true, minimumWidth: 11),
        TextTable.Column(title: "Real", alignment: .right),
        TextTable.Column(title: "Present value", alignment: .right),
        TextTable.Column(title: "Difference", alignment: .right),
      ], rows: rows
    ).rendered(width: width)
    out += "\n"
    out += wrapped(
      "Real totals are in each scenario's first-year money; present values use its discount "
        + "rate. 'salary project' with a scenario's options shows its years and sources.", width)
    return out
  }

  func json() throws -> JSONValue {
    var scenarios: [JSONValue] = []
    let firstTotal = entries[0].report.projection.nominal.central
    for entry in entries {
      let projection = entry.report.projection
      func money(_ dollars: Double) throws -> JSONValue {
        .number(Double(try formatDecimal(amount(entry, dollars), maxFractionDigits: 0))!)
      }
      func total(_ total: Projection.Total) throws -> JSONValue {
        .object([
          ("central", try money(total.central)), ("p10", try money(total.band.p10)),
          ("p50", try money(total.band.p50)), ("p90", try money(total.band.p90)),
        ])
      }
      let members: [(String, JSONValue)] = [
        ("name", .string(entry.name)),
        ("profile", try entry.report.profileJSON()),
        ("track", entry.report.track.map(JSONValue.string) ?? .null),
        ("currency", .string(entry.report.request.profile.rate.currency.code)),
        ("first_year", .number(Double(projection.years.first!.calendarYear))),
        ("last_year", .number(Double(projection.years.last!.calendarYear))),
        ("nominal", try total(projection.nominal)),
        ("real", try total(projection.real)),
        ("present_value", try total(projection.presentValue)),
        ("difference", try money(projection.nominal.central - firstTotal)),
        ("assumptions", .array(entry.report.assumptions.map(JSONValue.string))),
      ]
      scenarios.append(.object(members))
    }
    return .object([("scenarios", .array(scenarios))])
  }

  static let csvHeader = [
    "name", "location", "start_experience", "track", "first_year", "last_year", "currency",
    "total", "total_p10", "total_p50",
    "total_p90", "real_total", "present_value", "difference",
  ]

  /// One record a scenario: its profile, its years and its totals.
  func records() throws -> RecordTable {
    var table = RecordTable(header: Self.csvHeader)
    let firstTotal = entries[0].report.projection.nominal.central
    for entry in entries {
      let projection = entry.report.projection
      try table.append { fields in
        fields.appendText(entry.name)
        try entry.report.appendProfile(to: &fields)
        try fields.appendInteger(projection.years.first!.calendarYear)
        try fields.appendInteger(projection.years.last!.calendarYear)
        fields.appendText(entry.report.request.profile.rate.currency.code)
        for dollars in [
          projection.nominal.central, projection.nominal.band.p10, projection.nominal.band.p50,
          projection.nominal.band.p90, projection.real.central, projection.presentValue.central,
          projection.nominal.central - firstTotal,
        ] {
          try fields.appendMoney(amount(entry, dollars))
        }
      }
    }
    return table
  }
}

extension CompareReport: MachineReadable {
  var schema: String { "salary.compare/1" }

  /// Every source, the assumptions of every scenario, and a sheet `Years` of each
  /// scenario's years (the rows `export` writes) with a band chart for each.
  func workbookExtras() throws -> WorkbookExtras {
    let dataset = entries[0].report.dataset
    let used = Set(entries.flatMap(\.report.assumptions))
    var years = RecordTable(header: ExportColumns.header)
    for entry in entries {
      years.rows += try entry.report.records(leading: [entry.name], totals: false).rows
    }
    return WorkbookExtras(
      dataset: dataset, assumptions: dataset.assumptions.map(\.id).filter(used.contains),
      chart: .sheet(name: "Years", years))
  }
}
