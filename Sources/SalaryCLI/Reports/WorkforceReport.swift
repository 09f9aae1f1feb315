import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The answer of `salary estimate` without an experience: pay across all developers, the
/// estimates by experience weighted by the workforce's experience (``ExperienceMix``).
struct WorkforceReport {
  var profile: Profile
  var estimate: WorkforceEstimate

  var dataset: Dataset { profile.market.dataset }
  private func amount(_ dollars: Double) -> Double { profile.rate.fromDollars(dollars) }
  private func money(_ dollars: Double) -> String {
    formatMoney(amount(dollars), profile.rate.currency)
  }

  /// The assumptions of every experience the mix weighs, the reading of ages as
  /// experience, and the market's own, in the dataset's order.
  var assumptions: [String] {
    var used = Set(profile.assumptions + [Assumption.Known.careerStartAge.rawValue])
    if estimate.mix.groups.contains(where: { $0.ageTo == nil }) {
      used.insert(Assumption.Known.openSpanYears.rawValue)
    }
    for experience in Set(estimate.mix.points.map(\.experience)) {
      used.formUnion(profile.market.assumptions(experience: experience))
    }
    return dataset.assumptions.map(\.id).filter(used.contains)
  }

  /// Where the ages come from: `BLS Current Population Survey, 2010`.
  private var workforceSource: String {
    let sources = uniqueInOrder(estimate.mix.groups.map(\.source))
    return sources.map { id in
      let name = dataset.source(id: id)?.publisher ?? id
      let periods = uniqueInOrder(
        estimate.mix.groups.filter { $0.source == id }.map {
          $0.period.description
        })
      return "\(name), \(periods.joined(separator: ", "))"
    }.joined(separator: "; ")
  }

  /// The notes under the figures: how the mix was read and what it holds.
  var notes: [String] {
    var notes = [
      "Every experience weighted by its share of employed developers, by age (\(workforceSource)), "
        + "with a career starting at \(estimate.mix.startAge.compactNumber). 'salary data "
        + "calibration' compares these figures with the official ones."
    ]
    if estimate.heldShare > 0 {
      notes.append(
        "\(fixed(estimate.heldShare * 100, 1).trimmedZeros)% of them have more experience than "
          + "the guides reach; they are counted at the longest experience the guides answer for.")
    }
    return notes + profile.notes
  }
  /// The answer for people, fitted to `width` columns.
  func table(width: Int) -> String {
    var subject = ["all experience", profile.placeText]
    if let area = profile.specialization { subject.append(area.name) }
    var out = wrapped(
      "Base pay per year for developers of \(subject.joined(separator: ", ")).", width)
    out += wrapped(
      EstimateReport.currencyText(profile.rate) + " Middle half: P25–P75; most: P10–P90.", width)
    out += "\n"
    out += TextTable(
      columns: ["P10", "P25", "P50", "P75", "P90"].map {
        TextTable.Column(title: $0, alignment: .right)
      },
      rows: [estimate.quantiles.map(money)]
    ).rendered(width: width)
    for note in notes { out += "\n" + wrapped(note, width) }
    if !assumptions.isEmpty {
      out +=
        "\n"
        + wrapped(
          "Assumptions used: \(assumptions.joined(separator: ", ")). See 'salary data assumptions'.",
          width)
    }
    return out
  }

  private func number(_ value: Double, _ digits: Int) throws -> JSONValue {
    .number(Double(try formatDecimal(value, maxFractionDigits: digits))!)
  }

  func json() throws -> JSONValue {
    var quantiles: [(String, JSONValue)] = []
    for (name, value) in zip(["p10", "p25", "p50", "p75", "p90"], estimate.quantiles) {
      quantiles.append((name, try number(amount(value), 0)))
    }
    let members: [(String, JSONValue)] = [
      ("profile", ProfileBlock.json(profile, experience: .string("all"), used: .null)),
      ("quantiles", .object(quantiles)),
      ("held_share", try number(estimate.heldShare, 4)),
      ("workforce", .array(estimate.mix.groups.map { .string($0.id) })),
      ("career_start_age", try number(estimate.mix.startAge, 2)),
      ("assumptions", .array(assumptions.map(JSONValue.string))),
      ("notes", .array(notes.map(JSONValue.string))),
    ]
    return .object(members)
  }

  static let csvHeader = [
    "experience", "location", "specialization", "source", "currency", "p10", "p25", "p50",
    "p75", "p90", "held_share", "assumptions",
  ]

  /// The estimate as one record.
  func records() throws -> RecordTable {
    var table = RecordTable(header: Self.csvHeader)
    try table.append { fields in
      fields.appendText("all")
      fields.appendText(profile.isRemote ? "remote" : profile.place?.id)
      fields.appendText(profile.specialization?.id)
      fields.appendText(profile.source)
      fields.appendText(profile.rate.currency.code)
      for quantile in estimate.quantiles { try fields.appendMoney(amount(quantile)) }
      try fields.appendNumber(estimate.heldShare, fractionDigits: 4)
      fields.appendText(assumptions.joined(separator: "; "))
    }
    return table
  }
}

extension WorkforceReport: MachineReadable {
  var schema: String { "salary.estimate.workforce/1" }

  /// Every source (the answer weighs the guides at every experience) and the assumptions
  /// used.
  func workbookExtras() -> WorkbookExtras {
    WorkbookExtras(dataset: dataset, assumptions: assumptions)
  }
}
