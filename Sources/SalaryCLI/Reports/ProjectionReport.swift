import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The answer of `salary project`: year by year, the totals with their bands, and how each
/// rate and assumption came about.
struct ProjectionReport {
  var request: ProjectionRequest
  var projection: Projection
  /// Whether the rows end with a total row (`--totals`): off by default, so a pivot table
  /// does not add the total to the years.
  var includesTotals = false

  /// The dataset the projection drew on.
  var dataset: Dataset { request.profile.market.dataset }

  /// Assumptions of the estimates the central path used, merged with the request's, in
  /// the dataset's order. Worked out when shown: CSV rows do not list them.
  var assumptions: [String] {
    var used = Set(request.assumptions)
    if let market = request.market {
      for experience in Set(projection.years.compactMap(\.experience)) {
        used.formUnion(market.assumptions(experience: experience))
      }
    }
    return dataset.assumptions.map(\.id).filter(used.contains)
  }

  private var currency: CurrencyCode { request.profile.rate.currency }
  private func amount(_ dollars: Double) -> Double { request.profile.rate.fromDollars(dollars) }
  private func money(_ dollars: Double) -> String { formatMoney(amount(dollars), currency) }
  private func band(_ band: Band) -> String { "\(money(band.p10))–\(money(band.p90))" }
  private var span: String {
    "\(projection.years.first!.calendarYear)–\(projection.years.last!.calendarYear)"
  }

  // MARK: Table

  var title: String {
    let count = projection.years.count
    switch request.rule {
    case .raises(let salary, let raises, _):
      // One raise: "of 3% a year"; one a year: "of 3%, 2%, then 1% a year".
      let percents = raises.map { "\(fixed($0 * 100, 2).trimmedZeros)%" }
      let list =
        percents.count == 1
        ? percents[0] : percents.dropLast().joined(separator: ", ") + ", then " + percents.last!
      return "Fixed raises of \(list) a year from \(money(salary)), "
        + "\(count) year\(count == 1 ? "" : "s"), \(span)."
    case .curve(_, _, _, let path, _):
      var parts = [
        request.education.map { "\(count) years, starting with \($0.path)" }
          ?? "\(count) years from \(request.profile.experienceText)",
        request.profile.placeText,
      ]
      if let area = request.profile.specialization { parts.append(area.name) }
      parts.append(path.track == .ic ? "individual-contributor track" : "management track")
      return "Projection: \(parts.joined(separator: ", ")), \(span)."
    }
  }

  /// The answer for people, fitted to `width` columns.
  func table(width: Int, chart: Bool, colour: Bool) -> String {
    var out = wrapped(title, width)
    let curve = !request.isRaiseMode
    var explanation = currencyLine
    if curve {
      explanation +=
        " Pay is the central path: \(positionText) with average drift and \(careerText); "
        + (projection.paths == 0
          ? "P10–P90 is the market's own spread at each year's experience (nothing simulated)."
          : "P10–P90 is the range of \(groupThousands(UInt64(projection.paths))) simulated "
            + "careers (seed \(request.settings.seed)).")
    }
    out += wrapped(explanation, width)
    if let warning = salaryWarning { out += wrapped(warning, width) }
    out += "\n"

    var columns = [TextTable.Column(title: "Year")]
    if curve {
      columns += [
        TextTable.Column(title: "Exp.", alignment: .right),
        TextTable.Column(title: "Level", wraps: true, minimumWidth: 6),
      ]
    }
    columns.append(TextTable.Column(title: "Pay", alignment: .right))
    if curve { columns.append(TextTable.Column(title: "P10–P90")) }
    columns += [
      TextTable.Column(title: "Cumulative", alignment: .right),
      TextTable.Column(title: "Real pay", alignment: .right),
    ]
    let rows = projection.years.map { year -> [String] in
      var row = [String(year.calendarYear)]
      if curve {
        row.append(year.experience.map { fixed($0, 1).trimmedZeros } ?? "—")
        row.append(
          year.studyShare >= 1
            ? request.education?.path ?? "study"
            : (year.level?.key ?? "—") + (year.studyShare > 0 ? "*" : ""))
      }
      row.append(money(year.pay))
      if curve { row.append(band(year.band)) }
      row += [money(year.cumulative), money(year.realPay)]
      return row
    }
    out += TextTable(columns: columns, rows: rows).rendered(width: width)

    let first = projection.years.first!.calendarYear
    out += "\n"
    out += TextTable(
      columns: [
        TextTable.Column(title: "Totals, \(span)", wraps: true, minimumWidth: 12),
        TextTable.Column(title: curve ? "Central" : "Total", alignment: .right),
      ] + (curve ? [TextTable.Column(title: "P10–P90")] : []),
      rows: [
        ("Nominal", projection.nominal),
        ("Real, in \(first) money", projection.real),
        (
          "Present value at \(fixed(request.settings.discount * 100, 2).trimmedZeros)%",
          projection.presentValue
        ),
      ].map { label, total in
        [label, money(total.central)] + (curve ? [band(total.band)] : [])
      }
    ).rendered(width: width)

    if chart && curve, let drawing = chartText(width: width, colour: colour) {
      out += "\n" + drawing
    }
    out += "\n"
    for note in notes { out += wrapped(note, width) }
    return out
  }

  /// The band and median over the years, or `nil` when the terminal is too narrow for one.
  func chartText(width: Int, colour: Bool) -> String? {
    let symbol = currencySymbol(currency)
    // The central path sits inside the simulated band; rounding in the simulation's lookups
    // may put it a hair outside when the band has no width, which the chart must not see.
    let medians = projection.years.map { amount($0.pay) }
    let chart = BandChart(
      labels: projection.years.map { String($0.calendarYear) },
      low: zip(projection.years, medians).map { min(amount($0.band.p10), $1) },
      median: medians,
      high: zip(projection.years, medians).map { max(amount($0.band.p90), $1) },
      formatAxis: { compactMoney($0, symbol: symbol) })
    let drawing = chart.rendered(width: width, colour: colour)
    return drawing.isEmpty ? nil : drawing
  }

  var currencyLine: String {
    guard currency != .usd else { return "In US dollars." }
    return "In \(currency) at \(fixed(request.profile.rate.dollarsPerUnit, 4)) US dollars each."
  }

  private var positionText: String {
    if let position = request.position {
      return "your salary in year 1, then growing as the market's "
        + "\(ordinal(position.percentile * 100)) percentile does"
    }
    guard let p = projection.percentile, p != 0.5 else { return "the market's median" }
    return "your \(ordinal(p * 100)) percentile of the market"
  }

  /// How the central path is promoted.
  private var careerText: String {
    guard let path = request.path else { return "" }
    if path.isModelled {
      return path.initial == nil
        ? "the median level of the people with each year's experience"
        : "the median career of the promotion model from \(path.initial!.key)"
    }
    return path.promotions.isEmpty ? "promotions on the ladder's years" : "your promotions"
  }

  /// `modelled`, `on-time` or `planned`: how a career on the curves is promoted.
  private var careerKind: String? {
    guard let path = request.path else { return nil }
    return path.isModelled ? "modelled" : path.promotions.isEmpty ? "on-time" : "planned"
  }

  /// `below P1` or `above P99` for a salary outside the band the guides support.
  var outsideBand: String? {
    guard let position = request.position, position.isHeld else { return nil }
    return position.found < position.percentile ? "below P1" : "above P99"
  }

  /// The warning under the title for a salary outside P1–P99.
  var salaryWarning: String? {
    guard let position = request.position, position.isHeld else { return nil }
    let side = position.found < position.percentile ? "below" : "above"
    return
      "Warning: your salary of \(money(position.salary)) is \(side) the "
      + "\(ordinal(position.percentile * 100)) percentile of this market at "
      + "\(request.profile.experienceText) (\(money(position.percentilePay))), beyond the pay "
      + "the guides describe. Year 1 pays it; later years grow as that percentile's pay does."
  }

  /// Everything a reader needs to trust the numbers: position, study, rates, simulation,
  /// the profile's notes and every assumption.
  var notes: [String] {
    var notes: [String] = []
    if projection.years.contains(where: { $0.studyShare > 0 && $0.studyShare < 1 }) {
      notes.append("* Part of the year is spent studying; pay is for the months worked.")
    }
    if let position = request.position {
      notes.append(
        position.isHeld
          ? "Your salary is at the \(fixed(position.found * 100, 1).trimmedZeros) percentile of "
            + "that market; after year 1 the projection follows the growth of the "
            + "\(ordinal(position.percentile * 100)), the nearest one the guides support, scaled "
            + "to your salary."
          : "Your salary is at the \(ordinal(position.percentile * 100)) percentile of that "
            + "market at \(request.profile.experienceText); year 1 pays it and later years grow "
            + "as that percentile's pay does.")
    }
    if let study = request.education {
      let cost =
        study.cost == 0
        ? "no cost published"
        : "costing \(study.costIsLowerBound ? "at least " : "")\(money(study.cost))"
      notes.append(
        "\(study.path): \(fixed(study.years, 2).trimmedZeros) years of study before the first job, "
          + "\(cost), spread over the study (from \(FactorText.list(study.durationFigures + study.costFigures))."
      )
    }
    let order = ["market-drift", "drift-volatility", "inflation", "discount-rate"]
    for rate in request.rates.sorted(by: {
      (order.firstIndex(of: $0.assumption) ?? 9) < (order.firstIndex(of: $1.assumption) ?? 9)
    }) {
      notes.append(rateText(rate))
    }
    if let path = request.path {
      var simulation =
        "Simulation: each year keeps \(fixed(request.settings.persistence, 2).trimmedZeros) of the "
        + "last year's departure from your usual place in the band and adds a shift of "
        + "\(fixed(request.settings.bandVolatility, 2).trimmedZeros) sd"
      if path.isModelled {
        simulation +=
          "; each career is promoted by the promotion model's odds (see 'salary data levels')"
      } else if !path.promotions.isEmpty {
        simulation +=
          "; promotions come up to \(request.settings.timingYears) year"
          + "\(request.settings.timingYears == 1 ? "" : "s") early or late"
      }
      notes.append(simulation + ".")
    }
    notes += request.profile.notes
    if !assumptions.isEmpty {
      notes.append(
        "Assumptions used: \(assumptions.joined(separator: ", ")). See 'salary data assumptions'.")
    }
    return notes
  }

  private func rateText(_ rate: DerivedRate) -> String {
    let names: [String: String] = [
      "market-drift": "Market drift", "drift-volatility": "Drift volatility",
      "inflation": "Inflation", "discount-rate": "Discount rate",
    ]
    let unit = rate.assumption == "drift-volatility" ? " points" : "%"
    let value = "\(fixed(rate.percent, 2).trimmedZeros)\(unit) a year"
    let how: String
    switch rate.derivation {
    case .given: how = "set on the command line"
    case .stated: how = "the dataset's assumption"
    case .median(let ids): how = "the median of \(figureList(ids))"
    case .standardDeviation(let ids): how = "the standard deviation of \(figureList(ids))"
    case .cited(let id): how = citation(id)
    case .realPlusInflation(let real):
      let percent = dataset.rates.first { $0.id == real }?.percent.compactNumber ?? "?"
      how = "(1 + inflation)(1 + \(percent)%) − 1, the real rate from \(citation(real))"
    }
    return "\(names[rate.assumption] ?? rate.assumption) \(value): \(how)."
  }

  /// `WorldatWork 2023 3.6% (mean), Mercer 2025 3.3%`: rates with their publisher and year.
  private func figureList(_ ids: [String]) -> String {
    FactorText.list(
      ids.compactMap { id in
        dataset.rates.first { $0.id == id }.map { rate in
          let statistic =
            rate.figure.statistic == .value ? "" : " (\(rate.figure.statistic.rawValue))"
          return
            "\(shortPublisher(rate.source)) \(rate.period) \(rate.percent.compactNumber)%\(statistic)"
        }
      })
  }

  /// `the Federal Reserve's Statement on Longer-Run Goals and Monetary Policy Strategy`.
  private func citation(_ id: String) -> String {
    guard let rate = dataset.rates.first(where: { $0.id == id }) else { return id }
    return "\(shortPublisher(rate.source)), \(rate.section)"
  }

  /// A publisher without its parenthesised detail: `Federal Reserve`.
  private func shortPublisher(_ source: String) -> String {
    let name = dataset.source(id: source)?.publisher ?? source
    return name.split(separator: " (").first.map(String.init) ?? name
  }

  // MARK: JSON

  func json() throws -> JSONValue {
    func number(_ value: Double, _ digits: Int) throws -> JSONValue {
      .number(Double(try formatDecimal(value, maxFractionDigits: digits))!)
    }
    func money(_ dollars: Double) throws -> JSONValue { try number(amount(dollars), 0) }
    // The band's members sit beside the figure they belong to, as in CSV and `compare`.
    func bandMembers(_ band: Band) throws -> [(String, JSONValue)] {
      [("p10", try money(band.p10)), ("p50", try money(band.p50)), ("p90", try money(band.p90))]
    }
    var years: [JSONValue] = []
    for year in projection.years {
      let members: [(String, JSONValue)] =
        [
          ("year", .number(Double(year.index))),
          ("calendar_year", .number(Double(year.calendarYear))),
          ("experience", try year.experience.map { try number($0, 2) } ?? .null),
          ("level", year.level.map { .string($0.key) } ?? .null),
          ("study_share", try number(year.studyShare, 2)),
          ("pay", try money(year.pay)),
        ] + (try bandMembers(year.band))
        + [
          ("cost", try money(year.cost)),
          ("cumulative", try money(year.cumulative)),
          ("real_pay", try money(year.realPay)),
          ("present_value", try money(year.presentValue)),
        ]
      years.append(.object(members))
    }
    func total(_ total: Projection.Total) throws -> JSONValue {
      .object([("central", try money(total.central))] + (try bandMembers(total.band)))
    }
    var rates: [JSONValue] = []
    for rate in request.rates {
      rates.append(
        .object([
          ("assumption", .string(rate.assumption)), ("percent", try number(rate.percent, 4)),
        ]))
    }
    let members: [(String, JSONValue)] = [
      ("mode", .string(request.isRaiseMode ? "raises" : "curve")),
      ("profile", try profileJSON()),
      ("track", track.map(JSONValue.string) ?? .null),
      ("currency", .string(currency.code)),
      ("percentile", try projection.percentile.map { try number($0 * 100, 2) } ?? .null),
      ("career", careerKind.map(JSONValue.string) ?? .null),
      (
        "salary",
        try request.position.map { position in
          JSONValue.object([
            ("amount", try money(position.salary)),
            ("percentile", try number(position.found * 100, 2)),
            ("followed", try number(position.percentile * 100, 2)),
            ("outside_band", outsideBand.map(JSONValue.string) ?? .null),
          ])
        } ?? .null
      ),
      ("paths", .number(Double(projection.paths))),
      ("seed", .string(String(request.settings.seed))),
      ("years", .array(years)),
      (
        "totals",
        .object([
          ("nominal", try total(projection.nominal)), ("real", try total(projection.real)),
          ("present_value", try total(projection.presentValue)),
        ])
      ),
      ("rates", .array(rates)),
      ("assumptions", .array(assumptions.map(JSONValue.string))),
      ("notes", .array(notes.map(JSONValue.string))),
    ]
    return .object(members)
  }

  // MARK: Records

  /// The long format, one row a year (and a total row with `totals`), so a pivot table or
  /// chart works at once; every row names its profile, and `export` puts the scenario's
  /// name in front.
  static let csvHeader = [
    "location", "start_experience", "track", "kind", "year", "calendar_year", "experience",
    "level", "study_share", "pay", "p10", "p50", "p90", "cost", "cumulative", "real_pay",
    "present_value", "currency", "salary_percentile", "salary_outside_band",
  ]

  /// The ladder climbed on the curves; nil with fixed raises.
  var track: String? { request.path?.track.rawValue }

  /// The profile's block, for JSON.
  func profileJSON() throws -> JSONValue {
    ProfileBlock.json(
      request.profile, experience: try ProfileBlock.years(request.profile.experience), used: .null)
  }

  /// The profile columns every row starts with: location, starting experience, track.
  func appendProfile<Fields: RecordFields & ~Copyable>(to fields: inout Fields)
    throws(CSVNumberError)
  {
    let profile = request.profile
    fields.appendText(profile.isRemote ? "remote" : profile.place?.id)
    try fields.appendNumber(profile.experience, fractionDigits: 2)
    fields.appendText(track)
  }

  /// The rows as values, after `leading` text fields (a scenario's name: `export`'s rows).
  func records(leading: [String] = [], totals: Bool) throws -> RecordTable {
    let rows = ProjectionRows(self)
    var table = RecordTable(header: leading.isEmpty ? Self.csvHeader : ExportColumns.header)
    for index in rows.years.indices {
      try table.append { fields in try rows.year(index, leading: leading, into: &fields) }
    }
    if totals {
      try table.append { fields in try rows.total(leading: leading, into: &fields) }
    }
    return table
  }

  /// The year rows and, with `totals`, the total row, after `leading` text fields (a
  /// scenario's name).
  ///
  /// The rows are encoded straight into `bytes`, in room made for all of them at once:
  /// `export` writes eleven a scenario for up to millions of scenarios. If a number cannot
  /// be written, nothing is appended and the writer is unchanged.
  func appendCSVRows(
    to writer: inout CSVWriter, _ bytes: inout [UInt8], leading: [String] = [],
    totals: Bool = false
  ) throws {
    // Locals only below: a closure that reads `self` gets a copy of the whole report.
    let rows = ProjectionRows(self)
    let recordRoom = rows.recordRoom(leading: leading)
    let start = bytes.count
    let room = (rows.years.count + 1) * recordRoom
    bytes.append(contentsOf: repeatElement(0, count: room))
    let saved = writer
    do {
      let used = try bytes.withUnsafeMutableBytes { output throws(CSVNumberError) in
        var used = start
        func record(_ body: (inout CSVRecordEncoder) throws(CSVNumberError) -> Void)
          throws(CSVNumberError)
        {
          used += try writer.encodeRecord(
            into: UnsafeMutableRawBufferPointer(rebasing: output[used...]), body)
        }
        for index in rows.years.indices {
          try record { row throws(CSVNumberError) in
            try rows.year(index, leading: leading, into: &row)
          }
        }
        if totals {
          try record { row throws(CSVNumberError) in try rows.total(leading: leading, into: &row) }
        }
        return used
      }
      bytes.removeSubrange(used...)
    } catch {
      bytes.removeSubrange(start...)
      writer = saved
      throw error
    }
  }

  /// Each row's fields (the years, then the total with `totals`) encoded once for a writer
  /// of `configuration`, as ``appendCSVRows(to:_:leading:totals:)`` writes them after the
  /// leading fields: what `export` copies after each name of a scenario it has met before.
  func encodedRows(configuration: CSVWriter.Configuration, totals: Bool)
    throws(CSVNumberError) -> [CSVEncodedFields]
  {
    let rows = ProjectionRows(self)
    let room = rows.recordRoom(leading: [])
    var encoded: [CSVEncodedFields] = []
    encoded.reserveCapacity(rows.years.count + 1)
    for index in rows.years.indices {
      encoded.append(
        try CSVEncodedFields(configuration: configuration, room: room) {
          row throws(CSVNumberError) in try rows.year(index, leading: [], into: &row)
        })
    }
    if totals {
      encoded.append(
        try CSVEncodedFields(configuration: configuration, room: room) {
          row throws(CSVNumberError) in try rows.total(leading: [], into: &row)
        })
    }
    return encoded
  }
}

/// A projection's rows, defined once for every machine format: the same fields whether
/// encoded straight into CSV bytes or collected for JSON lines and workbooks.
struct ProjectionRows {
  let years: [Projection.Year]
  let nominal: Projection.Total
  let real: Double
  let presentValue: Double
  let rate: ExchangeRate
  let currency: String
  let location: String?
  let startExperience: Double
  let track: String?
  let salaryPercentile: Double?
  let outsideBand: String?

  init(_ report: ProjectionReport) {
    let projection = report.projection
    let profile = report.request.profile
    years = projection.years
    nominal = projection.nominal
    real = projection.real.central
    presentValue = projection.presentValue.central
    rate = profile.rate
    currency = profile.rate.currency.code
    location = profile.isRemote ? "remote" : profile.place?.id
    startExperience = profile.experience
    track = report.track
    salaryPercentile = report.request.position.map { $0.found * 100 }
    outsideBand = report.outsideBand
  }

  /// The most bytes one record takes after `leading` text fields: the location, track,
  /// kind, level, currency and the salary's place, fourteen numbers, and the line end with
  /// a byte order mark before it, should one be due.
  func recordRoom(leading: [String]) -> Int {
    let longestLevel = years.reduce(0) { max($0, $1.level?.key.utf8.count ?? 0) }
    return leading.reduce(0) { $0 + CSVRecordEncoder.maxTextFieldLength($1.utf8.count) }
      + CSVRecordEncoder.maxTextFieldLength(location?.utf8.count ?? 0)
      + CSVRecordEncoder.maxTextFieldLength(track?.utf8.count ?? 0)
      + CSVRecordEncoder.maxTextFieldLength("total".utf8.count)
      + CSVRecordEncoder.maxTextFieldLength(longestLevel)
      + CSVRecordEncoder.maxTextFieldLength(currency.utf8.count)
      + CSVRecordEncoder.maxTextFieldLength(outsideBand?.utf8.count ?? 0)
      + 14 * CSVRecordEncoder.maxNumberFieldLength + 8
  }

  /// The leading fields, then the profile's: location, starting experience and track.
  private func start<Fields: RecordFields & ~Copyable>(
    _ leading: [String], _ kind: String, into fields: inout Fields
  ) throws(CSVNumberError) {
    for field in leading { fields.appendText(field) }
    fields.appendText(location)
    try fields.appendNumber(startExperience, fractionDigits: 2)
    fields.appendText(track)
    fields.appendText(kind)
  }

  /// The salary's percentile and whether it lies outside P1–P99, or empty fields.
  private func salaryPlace<Fields: RecordFields & ~Copyable>(into fields: inout Fields)
    throws(CSVNumberError)
  {
    if let salaryPercentile {
      try fields.appendPercent(salaryPercentile, fractionDigits: 2)
    } else {
      fields.appendEmpty()
    }
    fields.appendText(outsideBand)
  }

  /// The row of the year at `index` (read in place, not copied).
  func year<Fields: RecordFields & ~Copyable>(
    _ index: Int, leading: [String], into fields: inout Fields
  ) throws(CSVNumberError) {
    try start(leading, "year", into: &fields)
    try fields.appendInteger(years[index].index)
    try fields.appendInteger(years[index].calendarYear)
    if let experience = years[index].experience {
      try fields.appendNumber(experience, fractionDigits: 2)
    } else {
      fields.appendEmpty()
    }
    fields.appendText(years[index].level?.key)
    try fields.appendNumber(years[index].studyShare, fractionDigits: 2)
    try fields.appendMoney(rate.fromDollars(years[index].pay))
    try fields.appendMoney(rate.fromDollars(years[index].band.p10))
    try fields.appendMoney(rate.fromDollars(years[index].band.p50))
    try fields.appendMoney(rate.fromDollars(years[index].band.p90))
    try fields.appendMoney(rate.fromDollars(years[index].cost))
    try fields.appendMoney(rate.fromDollars(years[index].cumulative))
    try fields.appendMoney(rate.fromDollars(years[index].realPay))
    try fields.appendMoney(rate.fromDollars(years[index].presentValue))
    fields.appendText(currency)
    try salaryPlace(into: &fields)
  }

  /// The total row: the years' sums, with the band of the total.
  func total<Fields: RecordFields & ~Copyable>(leading: [String], into fields: inout Fields)
    throws(CSVNumberError)
  {
    try start(leading, "total", into: &fields)
    for _ in 0..<5 { fields.appendEmpty() }
    let cost = years.reduce(0) { $0 + $1.cost }
    try fields.appendMoney(rate.fromDollars(nominal.central))
    try fields.appendMoney(rate.fromDollars(nominal.band.p10))
    try fields.appendMoney(rate.fromDollars(nominal.band.p50))
    try fields.appendMoney(rate.fromDollars(nominal.band.p90))
    try fields.appendMoney(rate.fromDollars(cost))
    try fields.appendMoney(rate.fromDollars(nominal.central))
    try fields.appendMoney(rate.fromDollars(real))
    try fields.appendMoney(rate.fromDollars(presentValue))
    fields.appendText(currency)
    try salaryPlace(into: &fields)
  }
}

extension ProjectionReport: MachineReadable {
  var schema: String { "salary.project/1" }
  func records() throws -> RecordTable { try records(totals: includesTotals) }

  /// Every source (a projection climbs the curves of every guide), the assumptions used,
  /// and the band's chart over the rows.
  func workbookExtras() -> WorkbookExtras {
    WorkbookExtras(dataset: dataset, assumptions: assumptions, chart: .rows)
  }
}

extension String {
  /// `3.50` as `3.5`, `4.00` as `4`.
  var trimmedZeros: String {
    guard contains(".") else { return self }
    var text = Substring(self)
    while text.last == "0" { text = text.dropLast() }
    if text.last == "." { text = text.dropLast() }
    return String(text)
  }
}
