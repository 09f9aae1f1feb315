/// The experience of a workforce: its age groups read as years of experience, for an
/// answer about all developers rather than those with so many years.
///
/// Each year of age in a group counts its share of the group; an open group (65 and over)
/// ends `open-span-years` after it starts. A year of age a counts as the experience
/// a + ½ − the career start age (`career-start-age`), and as none before it.
///
///     ages 25–34, 31.2%, careers from 22:  3.5, 4.5, … 12.5 years, 3.12% each
public struct ExperienceMix: Sendable {
  /// One year of age: the experience it stands for and its share of the workforce.
  public struct Point: Sendable, Hashable {
    public var experience: Double
    public var share: Double
  }

  /// The points, shares summing to 1.
  public let points: [Point]
  /// The age groups they came from.
  public let groups: [WorkforceShare]
  /// The age a career starts at.
  public let startAge: Double

  /// The mix of `dataset`'s workforce.
  ///
  /// - Throws: ``MarketError/noWorkforce`` when the dataset has no age groups or no career
  ///   start age.
  public init(dataset: Dataset) throws(MarketError) {
    guard !dataset.workforce.isEmpty, let startAge = dataset.number(.careerStartAge) else {
      throw .noWorkforce
    }
    let total = dataset.workforce.reduce(0) { $0 + $1.percent }
    var points: [Point] = []
    for group in dataset.workforce {
      let last = group.ageTo ?? (group.ageFrom + Int(dataset.openSpanYears) - 1)
      let years = max(1, last - group.ageFrom + 1)
      for age in group.ageFrom...max(group.ageFrom, last) {
        points.append(
          Point(
            experience: max(0, Double(age) + 0.5 - startAge),
            share: group.percent / total / Double(years)))
      }
    }
    self.points = points
    self.groups = dataset.workforce
    self.startAge = startAge
  }

  /// The most experience any point stands for.
  public var longest: Double { points.map(\.experience).max() ?? 0 }
}

/// Pay across a workforce: a market's distributions at each experience of a mix, weighted
/// by its shares.
public struct WorkforceEstimate: Sendable {
  /// Pay at P10, P25, P50, P75 and P90 (``Estimate/probabilities``), exact.
  public var quantiles: [Double]
  /// The share of the workforce whose experience is beyond the market's range, and so
  /// answered at its edge.
  public var heldShare: Double
  /// The mix.
  public let mix: ExperienceMix
}

extension Market {
  /// Pay across the workforce of `mix`: the mixture of the market's distributions at each
  /// of its experiences, weighted by their shares.
  ///
  /// - Throws: ``MarketError/experienceRangeTooShort(covered:needed:)`` when the market's
  ///   figures stop short of the career horizon (or of the mix's longest career, if less):
  ///   a workforce of whole careers cannot be answered from a few years of them.
  public func estimate(across mix: ExperienceMix) throws(MarketError) -> WorkforceEstimate {
    let needed = min(mix.longest, dataset.number(.careerHorizon) ?? mix.longest)
    guard experienceRange.lowerBound == 0, experienceRange.upperBound >= needed else {
      throw .experienceRangeTooShort(covered: experienceRange, needed: needed)
    }
    var components: [LogNormalMixture.Component] = []
    var held = 0.0
    for point in mix.points {
      if point.experience > experienceRange.upperBound { held += point.share }
      let here = try mixture(at: point.experience)
      for component in here.components {
        components.append(
          .init(component.distribution, weight: point.share * component.weight / here.totalWeight))
      }
    }
    let all = LogNormalMixture(components)
    return WorkforceEstimate(
      quantiles: Estimate.probabilities.map(all.quantile), heldShare: held, mix: mix)
  }
}

/// The official percentiles of all developers' pay a workforce estimate is checked
/// against: the dataset's statistics without an experience span (BLS OEWS), from the series
/// with the most percentiles, in its latest period.
public struct OfficialPercentiles: Sendable {
  /// Each percentile as a probability, with its figure.
  public var figures: [(probability: Double, figure: PayFigure)]

  /// The official percentiles of `dataset`; `nil` when it has none.
  public init?(dataset: Dataset) {
    func probability(_ figure: PayFigure) -> Double? {
      guard figure.span == nil, figure.places == ["us"], figure.currency == .usd,
        dataset.source(id: figure.source)?.kind == .statistics
      else { return nil }
      switch figure.figure {
      case .percentile(_, let rank): return rank / 100
      case .median: return 0.5
      default: return nil
      }
    }
    var best: [(Double, PayFigure)] = []
    for series in dataset.series {
      let found = dataset.payFigures.filter { $0.series == series }.compactMap { figure in
        probability(figure).map { ($0, figure) }
      }
      guard found.count >= 2 else { continue }
      if found.count > best.count
        || (found.count == best.count && found[0].1.period > best[0].1.period)
      {
        best = found
      }
    }
    guard !best.isEmpty else { return nil }
    figures = best.sorted { $0.0 < $1.0 }.map { (probability: $0.0, figure: $0.1) }
  }
}

extension PayModel {
  /// The period the guides' figures on curves describe: the median of their periods' middles.
  public var curvePeriod: Double? {
    let ids = Set(observations.flatMap(\.figureIDs))
    return median(dataset.payFigures.filter { ids.contains($0.id) }.map(\.period.middle))
  }
}
