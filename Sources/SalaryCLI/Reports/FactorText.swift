import ArgumentParsing
import SalaryCore

/// Factors in words: how much, and which published figures it came from.
enum FactorText {
  /// `×1.087` for a point factor, `×1.000–1.111` for a range.
  static func value(_ factor: Factor) -> String {
    factor.isUncertain
      ? "×\(fixed(factor.low, 3))–\(fixed(factor.high, 3))" : "×\(fixed(factor.value, 3))"
  }

  /// Where the factor came from, in one sentence per ratio of figures.
  static func derivation(_ factor: Factor, _ dataset: Dataset) -> String {
    func figure(_ id: String?) -> String {
      guard let id else { return "" }
      if let pay = dataset.payFigures.first(where: { $0.id == id }) {
        return FigureText.money(pay.figure, pay.currency, dataset: dataset)
      }
      if let row = dataset.countryFigures.first(where: { $0.id == id }) {
        let dollars = row.currency == .usd ? row.figure : row.usd!
        return "\(row.label) \(FigureText.money(dollars, .usd))"
      }
      return id
    }
    func series(_ id: SeriesID?) -> String {
      guard let id else { return "" }
      let publisher = dataset.source(id: id.source)?.publisher ?? id.source
      return "\(publisher), \(id.name.replacingDashes)"
    }
    var parts: [String] = []
    if let relative = factor.relative {
      let figureSource = dataset.payFigures.first { $0.id == relative.figureID }.map {
        dataset.source(id: $0.source)?.publisher ?? $0.source
      }
      parts.append(
        "\(abs(relative.percent).compactNumber)% \(relative.percent < 0 ? "below" : "above") "
          + "\(relative.baseLabel) (\(figureSource ?? relative.figureID)), which is "
          + "×\(fixed(relative.base, 3)):")
    }
    switch factor.kind {
    case .location:
      parts += factor.evidence.map {
        "\(series($0.series)): \(figure($0.figureID)) against \(figure($0.baselineID)) nationally"
          + " (×\(fixed($0.ratio, 4)))"
      }
    case .country:
      parts += factor.evidence.map {
        "\(series($0.series)): \(figure($0.figureID)) against \(figure($0.baselineID))"
          + " (×\(fixed($0.ratio, 4)))"
      }
    case .specialization:
      if factor.evidence.isEmpty,
        let area = dataset.specializations.first(where: { $0.name == factor.label })
      {
        let names = area.premiumNamedBy.map { dataset.source(id: $0)?.publisher ?? $0 }
        var text =
          "\(list(names)) say\(names.count == 1 ? "s" : "") it pays more but give no figure"
        if let largest = dataset.premiums.max(by: {
          ($0.percents.max() ?? 0) < ($1.percents.max() ?? 0)
        }),
          let percent = largest.percents.max()
        {
          let publisher = dataset.source(id: largest.source)?.publisher ?? largest.source
          text +=
            "; from none up to the largest cited premium, \(publisher)'s "
            + "\(percent.compactNumber)% for \(largest.label)"
        }
        parts.append(text)
      } else {
        parts += factor.evidence.map { evidence in
          let premium = dataset.premiums.first { $0.id == evidence.figureID }
          let publisher = premium.flatMap { dataset.source(id: $0.source)?.publisher } ?? ""
          return "\(publisher): \(premium?.label ?? evidence.figureID), "
            + "\(fixed((evidence.ratio - 1) * 100, 1))% more"
        }
      }
    case .premium:
      parts.append("set with --premium")
    }
    if !factor.assumptions.isEmpty {
      parts.append(
        "assumption\(factor.assumptions.count == 1 ? "" : "s") \(factor.assumptions.joined(separator: ", "))"
      )
    }
    return "\(factor.label): " + parts.joined(separator: "; ")
  }

  /// `a`, `a and b`, `a, b and c`.
  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }
}

extension String {
  /// `salary-text` as `salary text`.
  var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
