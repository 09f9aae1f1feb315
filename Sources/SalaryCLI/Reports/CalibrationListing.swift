import ArgumentParsing
import SalaryCore

/// `salary data calibration`: the estimates by experience, weighted by the age mix of US
/// developers, against the official percentiles of all developers' pay. The ratios are
/// shown, never fitted away.
enum CalibrationListing {
  /// One percentile: the estimate across the workforce, the official figure, their ratio.
  struct Row {
    var probability: Double
    /// The guides' figure as published, and moved to the official figure's period.
    var estimate: Double
    var adjusted: Double
    var official: PayFigure
    var ratio: Double { adjusted / official.figure.singleValue! }
  }

  /// How the guides' pay is moved to the official figures' period: by the market's drift
  /// over the years between the middle of the guides' periods and of the official one.
  struct PeriodShift {
    var from: Double
    var to: Double
    var drift: DerivedRate
    var factor: Double { Math.pow(1 + drift.fraction, to - from) }
  }

  /// How far a ratio may be from 1 and still count as agreeing.
  static let tolerance = 0.12

  /// The comparison for the national market of every guide.
  ///
  /// - Throws: ``CommandFailure`` when the dataset has no workforce, no official
  ///   percentiles, or guides that do not reach whole careers.
  static func listing(_ model: PayModel) throws -> Listing {
    let dataset = model.dataset
    guard let official = OfficialPercentiles(dataset: dataset) else {
      throw CommandFailure("This dataset has no official percentiles of all developers' pay.")
    }
    let across: WorkforceEstimate
    do throws(MarketError) {
      across = try Market(model: model).estimate(across: try ExperienceMix(dataset: dataset))
    } catch {
      throw CommandFailure(sentence(ResolutionText.reason(error, model)))
    }
    let shift = official.figures.first.flatMap { first -> PeriodShift? in
      guard let from = model.curvePeriod, let drift = model.projectionDefaults.drift else {
        return nil
      }
      return PeriodShift(from: from, to: first.figure.period.middle, drift: drift)
    }
    let rows = official.figures.compactMap { probability, figure -> Row? in
      guard let index = Estimate.probabilities.firstIndex(of: probability) else { return nil }
      let estimate = across.quantiles[index]
      return Row(
        probability: probability, estimate: estimate,
        adjusted: estimate * (shift?.factor ?? 1), official: figure)
    }
    return Listing(
      rows,
      fields: [
        ("percentile", { .number($0.probability * 100, fractionDigits: 0) }),
        ("estimate", { .money($0.estimate) }),
        ("estimate_at_official_period", { .money($0.adjusted) }),
        ("official", { .money($0.official.figure.singleValue) }),
        ("official_figure", { .text($0.official.id) }),
        ("ratio", { .number($0.ratio, fractionDigits: 4) }),
        ("within_tolerance", { .flag(abs($0.ratio - 1) <= tolerance) }),
      ],
      columns: [
        (TextTable.Column(title: "Percentile"), { "P\(($0.probability * 100).compactNumber)" }),
        (
          TextTable.Column(title: "Guides, all developers", alignment: .right),
          { formatMoney($0.estimate, .usd) }
        ),
        (
          TextTable.Column(title: "At the survey's date", alignment: .right),
          { formatMoney($0.adjusted, .usd) }
        ),
        (
          TextTable.Column(title: official.label(dataset), alignment: .right),
          { formatMoney($0.official.figure.singleValue!, .usd) }
        ),
        (TextTable.Column(title: "Ratio", alignment: .right), { "×\(fixed($0.ratio, 3))" }),
      ],
      notes: notes(rows, across, shift, dataset))
  }

  private static func notes(
    _ rows: [Row], _ across: WorkforceEstimate, _ shift: PeriodShift?, _ dataset: Dataset
  ) -> [String] {
    let mix = across.mix
    let groups = mix.groups.map { group in
      let ages = group.ageTo.map { "\(group.ageFrom)–\($0)" } ?? "\(group.ageFrom)+"
      return "\(ages) \(group.percent.compactNumber)%"
    }
    let source = mix.groups.first.flatMap { dataset.source(id: $0.source) }
    var notes = [
      "The estimate by experience of every guide, national, weighted by the ages of employed "
        + "developers (\(source?.publisher ?? "?"), \(source?.title ?? "?"): "
        + groups.joined(separator: ", ") + "), each age read as years of experience since "
        + "\(mix.startAge.compactNumber) (career-start-age); the ladder's levels enter as the "
        + "mix the promotion model gives at each experience (see 'salary data levels')."
    ]
    if let shift {
      notes.append(
        "The guides' figures describe about \(fixed(shift.from, 1)) (the middle of their "
          + "periods' median), the survey \(fixed(shift.to, 1)): their pay is moved to the survey's "
          + "date at the market drift of \(fixed(shift.drift.percent, 2).trimmedZeros)% a year "
          + "(market-drift), ×\(fixed(shift.factor, 4)), before the ratio is taken.")
    }
    if across.heldShare > 0 {
      notes.append(
        "\(fixed(across.heldShare * 100, 1).trimmedZeros)% of the workforce has more experience "
          + "than the guides reach (career-horizon) and is answered at its edge.")
    }
    let outside = rows.filter { abs($0.ratio - 1) > tolerance }
    if outside.isEmpty {
      notes.append(
        "Every ratio is within ±\(Int(tolerance * 100))% of the official figure.")
    } else {
      notes.append(
        "Outside ±\(Int(tolerance * 100))%: "
          + outside.map { "P\(($0.probability * 100).compactNumber)" }.joined(separator: ", ")
          + ". The guides' own figures put the low end of pay above the official survey's, "
          + "which counts every developer in every industry and region, the lowest paid "
          + "included; nothing here is scaled to meet it.")
    }
    return notes
  }

  private static func sentence(_ reason: String) -> String {
    reason.prefix(1).uppercased() + reason.dropFirst() + (reason.hasSuffix(".") ? "" : ".")
  }
}

extension OfficialPercentiles {
  /// `BLS OEWS, May 2024`: the figures' publisher and period, for a column title.
  func label(_ dataset: Dataset) -> String {
    guard let first = figures.first?.figure else { return "Official" }
    let publisher = dataset.source(id: first.source)?.publisher ?? first.source
    let short = publisher == "U.S. Bureau of Labor Statistics" ? "BLS" : publisher
    return "\(short), \(first.period)"
  }
}
