import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The `salary data …` listings: what a dataset holds, each figure with where it was
/// published. Pure functions of the dataset, so they are tested without a process.
enum DataListings {
  /// Every source: publisher, title, author, dates, what it cites, how many figures.
  static func sources(_ dataset: Dataset) -> Listing {
    func count(_ id: String) -> (pay: Int, countries: Int, outlook: Int, education: Int) {
      (
        dataset.payFigures.count { $0.source == id },
        dataset.countryFigures.count { $0.source == id },
        dataset.outlook.count { $0.source == id },
        dataset.education.count { $0.source == id }
      )
    }
    return Listing(
      dataset.sources,
      fields: [
        ("id", { .text($0.id) }),
        ("publisher", { .text($0.publisher) }),
        ("title", { .text($0.title) }),
        ("author", { .optional($0.author) }),
        ("published", { .optional($0.published?.description) }),
        ("updated", { .optional($0.updated?.description) }),
        ("kind", { .text($0.kind.rawValue) }),
        ("cites", { .optional($0.cites) }),
        ("note", { .optional($0.note) }),
        ("pay_figures", { .integer(count($0.id).pay) }),
        ("country_figures", { .integer(count($0.id).countries) }),
        ("outlook_figures", { .integer(count($0.id).outlook) }),
        ("education_figures", { .integer(count($0.id).education) }),
      ],
      columns: [
        (TextTable.Column(title: "ID"), { $0.id }),
        (
          TextTable.Column(title: "Source", wraps: true, minimumWidth: 30),
          { source in
            var byline = [source.author.map { "by \($0)" } ?? "no author printed"]
            byline.append(source.published.map { "published \($0)" } ?? "no date printed")
            if let updated = source.updated { byline.append("updated \(updated)") }
            var lines = ["\(source.publisher): \(source.title)", byline.joined(separator: ", ")]
            if let cites = source.cites { lines.append("Cites: \(cites).") }
            if let note = source.note { lines.append(note) }
            return lines.joined(separator: "\n")
          }
        ),
        (
          TextTable.Column(title: "Figures", alignment: .right),
          { source in
            let counts = count(source.id)
            return String(counts.pay + counts.countries + counts.outlook + counts.education)
          }
        ),
      ],
      notes: ["Figures counts pay, country, outlook and education figures from each source."])
  }

  /// The career ladder: each level's years, with the ladder source's median and mean pay.
  static func levels(_ dataset: Dataset) -> Listing {
    let ladder = dataset.ladder
    func pay(_ level: Level, _ statistic: Statistic) -> PayFigure? {
      dataset.payFigures.first {
        $0.source == level.source && $0.level == level.key && $0.figure.statistic == statistic
          && $0.places == ["us"]
      }
    }
    func amount(_ level: Level, _ statistic: Statistic) -> String {
      guard let figure = pay(level, statistic), let value = figure.figure.singleValue else {
        return "—"
      }
      return formatMoney(value, figure.currency)
    }
    let publisher = dataset.source(id: ladder.source)?.publisher ?? ladder.source
    var notes = [
      "Source: \(publisher). Pay from its '\(pay(ladder.levels[0], .median)?.section ?? "pay")' "
        + "table; years from its '\(ladder.levels[0].section)' section."
    ]
    if ladder.levels.contains(where: \.years.isOpen) {
      notes.append(
        "An open span such as \(ladder.levels.first(where: \.years.isOpen)!.years) ends "
          + "\(dataset.openSpanYears.compactNumber) years after it starts "
          + "(assumption open-span-years).")
    }
    let others = dataset.levels.filter { $0.source != ladder.source }
    /// What another source says of the years of `level`: `research-com 1–2 years in the level`.
    func otherYears(_ level: Level) -> [String] {
      others.filter { $0.key == level.key }.map {
        "\($0.source) \($0.years) "
          + ($0.yearsKind == .duration ? "years in the level" : "years of experience")
      }
    }
    // The promotion model's reach of each level, on the track it is reached on.
    let horizon = dataset.number(.careerHorizon) ?? 30
    let models = Track.allCases.compactMap { track in
      PromotionModel.covers(track, ladder: ladder, steps: dataset.promotions)
        ? PromotionModel(ladder: ladder, steps: dataset.promotions, track: track) : nil
    }
    var reaches: [String: PromotionModel.Reach] = [:]
    for model in models {
      for reach in model.reach(within: horizon) where reaches[reach.level.key] == nil {
        reaches[reach.level.key] = reach
      }
    }
    func reachYears(_ level: Level) -> String {
      guard let reach = reaches[level.key] else { return "—" }
      return reach.medianYears.map { $0.compactNumber } ?? ">\(horizon.compactNumber)"
    }
    func reachShare(_ level: Level) -> String {
      reaches[level.key].map { "\(fixed($0.share * 100, 0))%" } ?? "—"
    }
    if !reaches.isEmpty {
      notes.append(
        "Reached: the years of experience by which half of those who start at the first level "
          + "hold the level or a higher one, by the promotion model (data/promotions.csv; the "
          + "management track's for its own levels). By \(horizon.compactNumber): the share who "
          + "do after \(horizon.compactNumber) years (assumption career-horizon).")
    }
    for source in Set(others.map(\.source)).sorted() {
      let names = others.filter { $0.source == source }.map { level in
        "\(level.title.lowercased()) \(level.years)"
          + (level.yearsKind == .duration ? " years in the level" : " years of experience")
      }
      let name = dataset.source(id: source)?.publisher ?? source
      notes.append("\(name) gives: \(names.joined(separator: "; ")).")
    }
    return Listing(
      ladder.levels,
      fields: [
        ("level", { .text($0.key) }),
        ("title", { .text($0.title) }),
        ("years_from", { .years($0.years.from) }),
        ("years_to", { .years($0.years.to) }),
        ("tracks", { .list($0.tracks.map(\.rawValue).sorted()) }),
        ("median", { .money(pay($0, .median)?.figure.singleValue) }),
        ("mean", { .money(pay($0, .mean)?.figure.singleValue) }),
        ("currency", { .optional(pay($0, .median)?.currency.code) }),
        ("source", { .text($0.source) }),
        ("section", { .text($0.section) }),
        ("aliases", { .list($0.aliases) }),
        ("reached_by_half_years", { .years(reaches[$0.key]?.medianYears) }),
        (
          "share_reaching",
          { reaches[$0.key].map { .number($0.share, fractionDigits: 4) } ?? .none }
        ),
        ("other_sources_years", { .list(otherYears($0)) }),
      ],
      columns: [
        (TextTable.Column(title: "Level", wraps: true, minimumWidth: 12), { $0.title }),
        (TextTable.Column(title: "Years"), { $0.years.description }),
        (TextTable.Column(title: "US median", alignment: .right), { amount($0, .median) }),
        (TextTable.Column(title: "US average", alignment: .right), { amount($0, .mean) }),
        (TextTable.Column(title: "Track"), { trackText($0.tracks) }),
        (TextTable.Column(title: "Reached", alignment: .right), reachYears),
        (TextTable.Column(title: "By \(horizon.compactNumber)", alignment: .right), reachShare),
      ],
      notes: notes)
  }

  /// Every pay figure, optionally of one source: label, years, amount, place, series.
  static func pay(_ dataset: Dataset, source: String? = nil) -> Listing {
    let figures = dataset.payFigures.filter { source == nil || $0.source == source }
    let used = Set(figures.flatMap(\.assumptions))
    var notes: [String] = []
    if figures.contains(where: { if case .assumption = $0.spanOrigin { true } else { false } }) {
      notes.append("* Years from an assumption: the source names the level without years.")
    }
    if !used.isEmpty {
      let ordered = dataset.assumptions.map(\.id).filter(used.contains)
      notes.append(
        "Assumptions used: \(ordered.joined(separator: ", ")). See 'salary data assumptions'.")
    }
    notes.append("Figures without years are context (overall or national): shown, never fitted.")
    return Listing(
      figures,
      fields: figureFields(dataset),
      columns: [
        (TextTable.Column(title: "Source"), { $0.source }),
        (TextTable.Column(title: "Figure", wraps: true, minimumWidth: 12), { $0.label }),
        (
          TextTable.Column(title: "Years"),
          { figure in
            guard let span = figure.span else { return "—" }
            if case .assumption = figure.spanOrigin { return "\(span)*" }
            return span.description
          }
        ),
        (
          TextTable.Column(title: "Pay", wraps: true, minimumWidth: 12),
          { FigureText.money($0.figure, $0.currency, dataset: dataset) }
        ),
        (
          TextTable.Column(title: "Place", wraps: true, minimumWidth: 8),
          { $0.places.map { dataset.place(id: $0)?.name ?? $0 }.joined(separator: "; ") }
        ),
      ],
      notes: notes)
  }

  /// Every place in the United States the sources name, with the figures behind it.
  static func locations(_ dataset: Dataset) -> Listing {
    struct Entry {
      var place: Place
      var figure: PayFigure?
      var isFirstOfPlace: Bool
    }
    let places = dataset.places.filter { $0.kind != .country || $0.id == "us" }
    // A national figure belongs here only as the baseline of a series that also has a place.
    let seriesWithPlaces = Set(
      dataset.payFigures.filter { $0.places != ["us"] }.map(\.series))
    let entries = places.flatMap { place -> [Entry] in
      let figures = dataset.payFigures.filter {
        $0.places.contains(place.id) && $0.span == nil
          && (place.id != "us" || ($0.level == nil && seriesWithPlaces.contains($0.series)))
      }
      guard !figures.isEmpty else {
        return [Entry(place: place, figure: nil, isFirstOfPlace: true)]
      }
      return figures.enumerated().map { Entry(place: place, figure: $1, isFirstOfPlace: $0 == 0) }
    }
    var fields: [(String, (Entry) -> FieldValue)] = [
      ("place", { .text($0.place.id) }),
      ("place_name", { .text($0.place.name) }),
      ("kind", { .text($0.place.kind.rawValue) }),
      ("named_by", { .list($0.place.namedBy) }),
    ]
    fields += figureFields(dataset).map { key, value in
      ("figure_" + key, { entry in entry.figure.map(value) ?? .none })
    }
    return Listing(
      entries, fields: fields,
      columns: [
        (
          TextTable.Column(title: "Place", wraps: true, minimumWidth: 10),
          { $0.isFirstOfPlace ? $0.place.name : "" }
        ),
        (
          TextTable.Column(title: "Pay", wraps: true, minimumWidth: 14),
          { entry in
            entry.figure.map { FigureText.money($0.figure, $0.currency, dataset: dataset) }
              ?? "no figure"
          }
        ),
        (
          TextTable.Column(title: "Published in", wraps: true, minimumWidth: 16),
          { entry in
            guard let figure = entry.figure else {
              return "named by "
                + entry.place.namedBy.map { publisher(dataset, $0) }
                .joined(separator: ", ")
            }
            return "\(publisher(dataset, figure.source)): \(figure.section) (\(figure.label))"
          }
        ),
      ],
      notes: [
        "A location factor is always the ratio of two figures of one series: the place's and "
          + "that series' national figure.",
        "National figures are shown where a place is measured against them; 'salary data pay' "
          + "lists the others. Countries are listed by 'salary data countries'.",
      ])
  }

  /// Pay by country in local currency, with the source's own conversion to US dollars.
  static func countries(_ dataset: Dataset) -> Listing {
    Listing(
      dataset.countryFigures,
      fields: [
        ("id", { .text($0.id) }),
        ("source", { .text($0.source) }),
        ("series", { .text($0.series.name) }),
        ("section", { .text($0.section) }),
        ("period", { .text($0.period.description) }),
        ("places", { .list($0.places) }),
        ("label", { .text($0.label) }),
        ("level", { .optional($0.level) }),
        ("statistic", { .text($0.figure.statistic.rawValue) }),
        ("currency", { .text($0.currency.code) }),
        ("value", { .money($0.figure.singleValue) }),
        ("low", { .money($0.figure.bounds?.low) }),
        ("high", { .money($0.figure.bounds?.high) }),
        ("usd_value", { .money($0.usd?.singleValue) }),
        ("usd_low", { .money($0.usd?.bounds?.low) }),
        ("usd_high", { .money($0.usd?.bounds?.high) }),
        ("note", { .optional($0.note.isEmpty ? nil : $0.note) }),
      ],
      columns: [
        (TextTable.Column(title: "Country", wraps: true, minimumWidth: 10), { $0.label }),
        (TextTable.Column(title: "Local pay"), { FigureText.money($0.figure, $0.currency) }),
        (
          TextTable.Column(title: "In US dollars"),
          { row in
            row.usd.map { FigureText.money($0, .usd) } ?? (row.currency == .usd ? "(in USD)" : "—")
          }
        ),
        (TextTable.Column(title: "Level"), { $0.level ?? "—" }),
        (
          TextTable.Column(title: "Source", wraps: true, minimumWidth: 8),
          { publisher(dataset, $0.source) }
        ),
      ],
      notes: [
        "The dollar amounts are the source's own conversions; exchange rates are derived from "
          + "them, never typed in."
      ])
  }

  /// Job-market figures: employment growth and openings. They count jobs, not pay.
  static func outlook(_ dataset: Dataset) -> Listing {
    var notes = [
      "These figures count jobs, not pay: they are shown as context and never applied to pay."
    ]
    var groups: [String: [OutlookFigure]] = [:]
    for figure in dataset.outlook {
      groups[disagreementKey(figure), default: []].append(figure)
    }
    for figure in dataset.outlook {
      guard let group = groups[disagreementKey(figure)], group.count > 1, group[0].id == figure.id,
        Set(group.map(\.value)).count > 1
      else { continue }
      notes.append(
        "\(publisher(dataset, figure.source)) gives \(group.map { outlookValue($0) }.joined(separator: " and ")) "
          + "for \(figure.occupation) over the same period (\(period(figure))); both are kept.")
    }
    return Listing(
      dataset.outlook,
      fields: [
        ("id", { .text($0.id) }),
        ("source", { .text($0.source) }),
        ("section", { .text($0.section) }),
        ("occupation", { .text($0.occupation) }),
        ("area", { .text($0.area) }),
        ("measure", { .text($0.measure.rawValue) }),
        ("value", { .number($0.value, fractionDigits: 2) }),
        ("approximate", { .flag($0.isApproximate) }),
        ("plus", { .flag($0.plus) }),
        ("period_from", { $0.periodFrom.map(FieldValue.integer) ?? .none }),
        ("period_to", { $0.periodTo.map(FieldValue.integer) ?? .none }),
        ("cites", { .optional($0.cites) }),
        ("note", { .optional($0.note.isEmpty ? nil : $0.note) }),
      ],
      columns: [
        (
          TextTable.Column(title: "Source", wraps: true, minimumWidth: 8),
          { publisher(dataset, $0.source) }
        ),
        (TextTable.Column(title: "Occupation", wraps: true, minimumWidth: 10), { $0.occupation }),
        (TextTable.Column(title: "Figure", wraps: true, minimumWidth: 12), outlookValue),
        (TextTable.Column(title: "Period"), period),
        (TextTable.Column(title: "Cites", wraps: true, minimumWidth: 8), { $0.cites ?? "—" }),
      ],
      notes: notes)
  }

  /// Durations and costs of the paths to a first job.
  static func education(_ dataset: Dataset) -> Listing {
    Listing(
      dataset.education,
      fields: [
        ("id", { .text($0.id) }),
        ("source", { .text($0.source) }),
        ("section", { .text($0.section) }),
        ("path", { .text($0.path) }),
        ("measure", { .text($0.measure.rawValue) }),
        ("statistic", { .text($0.figure.statistic.rawValue) }),
        ("value", { $0.figure.singleValue.map { .number($0, fractionDigits: 2) } ?? .none }),
        ("low", { $0.figure.bounds.map { .number($0.low, fractionDigits: 2) } ?? .none }),
        ("high", { $0.figure.bounds.map { .number($0.high, fractionDigits: 2) } ?? .none }),
        ("unit", { .text($0.unit.name) }),
        (
          "plus",
          { if case .range(_, _, let plus) = $0.figure { .flag(plus) } else { .flag(false) } }
        ),
        ("note", { .optional($0.note.isEmpty ? nil : $0.note) }),
      ],
      columns: [
        (TextTable.Column(title: "Path"), { $0.path }),
        (TextTable.Column(title: "Measure"), { $0.measure.rawValue }),
        (
          TextTable.Column(title: "Figure", wraps: true, minimumWidth: 12),
          { FigureText.quantity($0.figure, unit: $0.unit) }
        ),
        (
          TextTable.Column(title: "Published in", wraps: true, minimumWidth: 16),
          { "\(publisher(dataset, $0.source)): \($0.section)" }
        ),
      ],
      notes: ["Where guides give different figures for one path, each is kept."])
  }

  /// The specializations the sources name, and which sources say they pay more.
  static func specializations(_ dataset: Dataset) -> Listing {
    Listing(
      dataset.specializations,
      fields: [
        ("id", { .text($0.id) }),
        ("name", { .text($0.name) }),
        ("kind", { .text($0.kind.rawValue) }),
        ("aliases", { .list($0.aliases) }),
        ("named_by", { .list($0.namedBy) }),
        ("premium_named_by", { .list($0.premiumNamedBy) }),
        ("note", { .optional($0.note.isEmpty ? nil : $0.note) }),
      ],
      columns: [
        (TextTable.Column(title: "ID"), { $0.id }),
        (TextTable.Column(title: "Name", wraps: true, minimumWidth: 10), { $0.name }),
        (TextTable.Column(title: "Kind"), { $0.kind.rawValue }),
        (
          TextTable.Column(title: "Said to pay more by", wraps: true, minimumWidth: 12),
          { $0.premiumNamedBy.isEmpty ? "—" : $0.premiumNamedBy.joined(separator: ", ") }
        ),
      ],
      notes: [
        "No source publishes a premium as a number. A premium enters an estimate only as a cited "
          + "figure, a labelled assumption or your own --premium."
      ])
  }

  /// The pay growth with experience that each series implies between consecutive levels,
  /// and, apart, the job-market growth figures (employment, never applied to pay).
  static func growth(_ model: PayModel) -> Listing {
    let dataset = model.dataset
    func label(_ observation: Observation) -> String {
      let figure = dataset.payFigures.first { $0.id == observation.figureIDs[0] }
      return "\(figure?.label ?? observation.figureIDs[0]) (\(observation.midpoint.compactNumber))"
    }
    let employment = dataset.outlook.filter { $0.measure == .employmentGrowthPercent }.map {
      "\(publisher(dataset, $0.source)) \($0.value.compactNumber)% for \($0.occupation) (\(period($0)))"
    }
    var notes = [
      "Pay growth with experience, read off each guide's own figures: (m₂/m₁)^(1/(x₂ − x₁)) − 1 "
        + "on the medians m at the midpoints x of their spans (in years, in brackets)."
    ]
    if !employment.isEmpty {
      notes.append(
        "Job-market growth is employment, not pay, and is never applied to pay: "
          + employment.joined(separator: "; ") + ". See 'salary data outlook'.")
    }
    let steps = model.growthSteps
    let rows = steps.indices.map { index in
      (step: steps[index], isFirst: index == 0 || steps[index - 1].series != steps[index].series)
    }
    return Listing(
      rows,
      fields: [
        ("series", { .text($0.step.series.description) }),
        ("from_figures", { .list($0.step.from.figureIDs) }),
        ("to_figures", { .list($0.step.to.figureIDs) }),
        ("from_years", { .years($0.step.from.midpoint) }),
        ("to_years", { .years($0.step.to.midpoint) }),
        ("from_median", { .money($0.step.fromMedian) }),
        ("to_median", { .money($0.step.toMedian) }),
        ("annual_growth_percent", { .number($0.step.annualRate * 100, fractionDigits: 2) }),
      ],
      columns: [
        (
          TextTable.Column(title: "Guide, series", wraps: true, minimumWidth: 10),
          { row in
            let series = row.step.series
            return row.isFirst
              ? "\(publisher(dataset, series.source)), \(series.name.replacingDashes)" : ""
          }
        ),
        (TextTable.Column(title: "From", wraps: true, minimumWidth: 10), { label($0.step.from) }),
        (TextTable.Column(title: "To", wraps: true, minimumWidth: 10), { label($0.step.to) }),
        (
          TextTable.Column(title: "Median from → to", wraps: true, minimumWidth: 10),
          { "\(formatMoney($0.step.fromMedian, .usd)) → \(formatMoney($0.step.toMedian, .usd))" }
        ),
        (
          TextTable.Column(title: "A year", alignment: .right),
          { "\(fixed($0.step.annualRate * 100, 1))%" }
        ),
      ],
      notes: notes)
  }

  /// Every assumption, its value and why.
  static func assumptions(_ dataset: Dataset) -> Listing {
    Listing(
      dataset.assumptions,
      fields: [
        ("id", { .text($0.id) }),
        ("value", { .text(valueText($0)) }),
        ("unit", { .optional($0.unit.isEmpty ? nil : $0.unit) }),
        ("flag", { .optional($0.flag) }),
        ("reason", { .text($0.reason) }),
      ],
      columns: [
        (TextTable.Column(title: "Assumption"), { $0.id }),
        (TextTable.Column(title: "Value", wraps: true, minimumWidth: 8), { $0.valueDescription }),
        (TextTable.Column(title: "Why", wraps: true, minimumWidth: 30), { $0.reason }),
      ],
      notes: ["Every answer that uses an assumption lists it."] + spreadEvidence(dataset))
  }

  /// The check behind `range-coverage`, computed from the dataset's own figures.
  private static func spreadEvidence(_ dataset: Dataset) -> [String] {
    let evidence = SpreadEvidence(dataset: dataset)
    guard let pairs = evidence.fromMedianMeanPairs,
      let assumed = evidence.fromRanges(coverage: dataset.rangeCoverage)
    else { return [] }
    func sigma(_ summary: SpreadEvidence.Summary) -> String {
      "\(decimal(summary.minimum))–\(decimal(summary.maximum)) (median \(decimal(summary.median)))"
    }
    func reading(_ coverage: Double) -> String {
      let low = 50 - coverage * 50
      return "\(low.compactNumber)th to \((100 - low).compactNumber)th percentiles"
    }
    var text =
      "Evidence for range-coverage: the \(pairs.count) median–mean pairs imply a spread of "
      + "log-pay (σ) of \(sigma(pairs)). The \(assumed.count) ranges with experience spans imply "
      + "\(sigma(assumed)) read as \(reading(dataset.rangeCoverage))"
    let alternative = dataset.rangeCoverage < 0.8 ? 0.8 : 0.5
    if let other = evidence.fromRanges(coverage: alternative) {
      text += ", and \(sigma(other)) read as \(reading(alternative))"
    }
    return [text + "."]
  }

  /// Two decimals, as σ is shown.
  private static func decimal(_ value: Double) -> String {
    (try? formatDecimal(value, maxFractionDigits: 2, minFractionDigits: 2)) ?? "—"
  }

  // MARK: - Shared pieces

  /// The record fields of a pay figure, shared by `pay` and `locations`.
  private static func figureFields(_ dataset: Dataset) -> [(String, (PayFigure) -> FieldValue)] {
    [
      ("id", { .text($0.id) }),
      ("source", { .text($0.source) }),
      ("series", { .text($0.series.name) }),
      ("section", { .text($0.section) }),
      ("period", { .text($0.period.description) }),
      ("places", { .list($0.places) }),
      ("occupation", { .text($0.occupation) }),
      ("level", { .optional($0.level) }),
      ("label", { .text($0.label) }),
      ("years_from", { .years($0.span?.from) }),
      ("years_to", { .years($0.span?.to) }),
      ("years_origin", { .optional(spanOriginText($0.spanOrigin)) }),
      ("statistic", { .text($0.figure.statistic.rawValue) }),
      (
        "percentile",
        { if case .percentile(_, let rank) = $0.figure { .years(rank) } else { .none } }
      ),
      (
        "value",
        { figure in
          if case .relative(let percent, _) = figure.figure {
            return .number(percent, fractionDigits: 2)
          }
          return .money(figure.figure.singleValue)
        }
      ),
      ("low", { .money($0.figure.bounds?.low) }),
      ("high", { .money($0.figure.bounds?.high) }),
      (
        "plus", { if case .range(_, _, let plus) = $0.figure { .flag(plus) } else { .flag(false) } }
      ),
      (
        "relative_to",
        { if case .relative(_, let place) = $0.figure { .text(place) } else { .none } }
      ),
      ("currency", { .text($0.currency.code) }),
      ("assumptions", { .list($0.assumptions) }),
      ("note", { .optional($0.note.isEmpty ? nil : $0.note) }),
    ]
  }

  private static func spanOriginText(_ origin: SpanOrigin?) -> String? {
    switch origin {
    case nil: nil
    case .stated: "stated"
    case .ladder: "ladder"
    case .assumption(let id): id
    }
  }

  private static func publisher(_ dataset: Dataset, _ id: String) -> String {
    dataset.source(id: id)?.publisher ?? id
  }

  private static func trackText(_ tracks: Set<Track>) -> String {
    switch (tracks.contains(.ic), tracks.contains(.management)) {
    case (true, true): "IC + mgmt"
    case (true, false): "IC"
    case (false, true): "mgmt"
    case (false, false): "—"
    }
  }

  private static func valueText(_ assumption: Assumption) -> String {
    switch assumption.value {
    case .none: ""
    case .number(let number): number.compactNumber
    case .span(let span): span.description
    case .name(let name): name
    }
  }

  private static func outlookValue(_ figure: OutlookFigure) -> String {
    let approximate = figure.isApproximate ? "≈" : ""
    let plus = figure.plus ? "+" : ""
    switch figure.measure {
    case .employmentGrowthPercent:
      return "\(approximate)\(figure.value.compactNumber)%\(plus) growth"
    case .annualOpenings:
      return "\(approximate)\(groupThousands(UInt64(figure.value)))\(plus) openings a year"
    case .annualNewJobs:
      return "\(approximate)\(groupThousands(UInt64(figure.value)))\(plus) new jobs a year"
    }
  }

  /// Figures with the same key say the same thing and should agree.
  private static func disagreementKey(_ figure: OutlookFigure) -> String {
    [
      figure.source, figure.occupation, figure.area, figure.measure.rawValue,
      figure.periodFrom.map(String.init) ?? "", figure.periodTo.map(String.init) ?? "",
    ].joined(separator: "|")
  }

  private static func period(_ figure: OutlookFigure) -> String {
    switch (figure.periodFrom, figure.periodTo) {
    case (let from?, let to?): "\(from)–\(to)"
    case (nil, let to?): "to \(to)"
    default: "—"
    }
  }
}
