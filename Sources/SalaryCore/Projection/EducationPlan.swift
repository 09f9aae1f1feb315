/// A path to a first job: how long it takes and what it costs, from the guides' figures.
///
/// Its time is the mean of the midpoints of the guides' duration figures for it (a bound
/// alone is not used, nor a time to a first job, which is not the course's length); its cost the mean of its cost figures' midpoints, or the bound
/// where a guide gives only that. A path named like `degree-public` without durations of
/// its own takes those of `degree` (the `education-figures` assumption).
///
///     bootcamp: 3–6 months and 12–24 weeks → 0.360 years; $10,000–$20,000 → $15,000
public struct EducationPlan: Sendable, Hashable {
  public var path: String
  /// Years before the first job.
  public var years: Double
  /// The cost in US dollars, spread evenly over those years.
  public var cost: Double
  /// Whether the cost is only a lower bound ("over $200,000").
  public var costIsLowerBound: Bool
  /// The figures the time and cost came from.
  public var durationFigures: [String]
  public var costFigures: [String]

  public init(
    path: String, years: Double, cost: Double, costIsLowerBound: Bool = false,
    durationFigures: [String] = [], costFigures: [String] = []
  ) {
    precondition(years >= 0 && years.isFinite && cost >= 0 && cost.isFinite)
    self.path = path
    self.years = years
    self.cost = cost
    self.costIsLowerBound = costIsLowerBound
    self.durationFigures = durationFigures
    self.costFigures = costFigures
  }
}

extension Dataset {
  /// The paths a plan can be made for: those with a duration of their own or of their base.
  public var educationPaths: [String] {
    uniqueInOrder(education.map(\.path)).filter { educationPlan(for: $0) != nil }
  }

  /// The plan for a path, or `nil` when no guide says how long it takes.
  public func educationPlan(for path: String) -> EducationPlan? {
    func durations(_ path: String) -> [(String, Double)] {
      education.compactMap { figure in
        guard figure.path == path, figure.measure == .duration, let years = figure.unit.years
        else { return nil }
        switch figure.figure {
        case .range(let low, let high, _): return (figure.id, (low + high) / 2 * years)
        case .value(let value): return (figure.id, value * years)
        default: return nil
        }
      }
    }
    var found = durations(path)
    if found.isEmpty, let dash = path.lastIndex(of: "-") {
      found = durations(String(path[..<dash]))
    }
    guard !found.isEmpty else { return nil }
    let costs = education.filter {
      $0.path == path && $0.measure == .cost && $0.unit == .money(.usd)
    }
    let amounts = costs.compactMap { figure -> Double? in
      switch figure.figure {
      case .range(let low, let high, _): (low + high) / 2
      case .value(let value), .lowerBound(let value): value
      default: nil
      }
    }
    return EducationPlan(
      path: path, years: found.map(\.1).reduce(0, +) / Double(found.count),
      cost: amounts.isEmpty ? 0 : amounts.reduce(0, +) / Double(amounts.count),
      costIsLowerBound: costs.contains { $0.figure.statistic == .lowerBound },
      durationFigures: found.map(\.0), costFigures: costs.map(\.id))
  }
}
