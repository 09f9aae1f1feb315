import ArgumentParsing
import SalaryCore

/// Published figures in words a person reads at a glance.
enum FigureText {
  /// A money figure: `$60,000–$85,000`, `$70,000 median`, `over $150,000`,
  /// `5% below San Francisco, CA`.
  static func money(_ figure: Figure, _ currency: CurrencyCode, dataset: Dataset? = nil) -> String {
    let amount = { formatMoney($0, currency) }
    switch figure {
    case .range(let low, let high, let openTop):
      return "\(amount(low))–\(amount(high))\(openTop ? "+" : "")"
    case .median(let value): return "\(amount(value)) median"
    case .mean(let value): return "\(amount(value)) mean"
    case .typical(let value): return "\(amount(value)) typical"
    case .lowerBound(let value): return value == 0 ? "from \(amount(0))" : "over \(amount(value))"
    case .upperBound(let value): return "under \(amount(value))"
    case .approximate(let value): return "about \(amount(value))"
    case .percentile(let value, let rank): return "\(amount(value)) P\(rank.compactNumber)"
    case .value(let value): return amount(value)
    case .relative(let percent, let place):
      let name = dataset?.place(id: place)?.name ?? place
      return "\(abs(percent).compactNumber)% \(percent < 0 ? "below" : "above") \(name)"
    }
  }

  /// A quantity with a unit: `12–24 weeks`, `4 years`, `under 1 year`, `over $200,000`.
  static func quantity(_ figure: Figure, unit: EducationFigure.Unit) -> String {
    if case .money(let currency) = unit { return money(figure, currency) }
    func withUnit(_ value: Double) -> String {
      let name = unit.name
      return "\(value.compactNumber) \(value == 1 ? String(name.dropLast()) : name)"
    }
    switch figure {
    case .range(let low, let high, let openTop):
      return "\(low.compactNumber)–\(high.compactNumber)\(openTop ? "+" : "") \(unit.name)"
    case .lowerBound(let value): return "over \(withUnit(value))"
    case .upperBound(let value): return "under \(withUnit(value))"
    case .approximate(let value): return "about \(withUnit(value))"
    default: return figure.singleValue.map(withUnit) ?? ""
    }
  }

  /// A span as years of experience: `0–2`, `5+`, or `—` for none.
  static func span(_ span: ExperienceSpan?) -> String { span?.description ?? "—" }
}
