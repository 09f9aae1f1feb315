/// A pay estimate for one profile: the consensus quantiles, each series' own view, the
/// factors applied and the assumptions used.
public struct Estimate: Sendable {
  /// The probabilities of the quantiles reported: P10, P25, P50, P75, P90.
  public static let probabilities: [Double] = [0.10, 0.25, 0.50, 0.75, 0.90]

  /// One series' own view at the same experience, after the same factors.
  public struct SeriesView: Sendable {
    public var series: SeriesID
    /// Its share of the consensus, from 0 to 1 (the weights sum to 1).
    public var weight: Double
    public var median: Double
    public var p25: Double
    public var p75: Double
  }

  /// The experience asked about.
  public var requestedExperience: Double
  /// The experience estimated: the request, held to the range where some series has a
  /// full voice.
  public var experience: Double
  /// Pay at ``probabilities``.
  public var quantiles: [Double]
  /// The series that speak at this experience, loudest first.
  public var series: [SeriesView]
  /// The factors applied.
  public var factors: [Factor]
  /// Every assumption the estimate relies on, in the dataset's order.
  public var assumptions: [String]
  /// The consensus distribution, for percentiles of a given pay.
  public let mixture: LogNormalMixture

  /// Whether the experience was held at the edge of what the sources cover.
  public var isHeld: Bool { experience != requestedExperience }

  /// The median, P50.
  public var median: Double { quantiles[2] }

  /// How far the series disagree: the highest series median over the lowest; 1 when one
  /// series speaks.
  public var spreadBetweenSeries: Double {
    let medians = series.map(\.median)
    return medians.max()! / medians.min()!
  }

  /// The fraction of pay, in this market, at or below `pay`.
  public func percentile(of pay: Double) -> Double {
    mixture.cdf(pay)
  }

  /// Pay at any probability strictly between 0 and 1.
  public func quantile(_ probability: Double) -> Double {
    mixture.quantile(probability)
  }
}

/// Why an estimate cannot be made.
public enum EstimateError: Error, Sendable, Equatable {
  /// `--source` named nothing the model has; with the closest names.
  case unknownSource(String, suggestions: [String])
  /// No series speaks at this experience (possible only with a narrow `--source`).
  case noSeriesCovers(experience: Double)
}

extension PayModel {
  /// Estimates pay at `experience` years after `factors`, from every series or those of
  /// one source or series.
  ///
  /// Experience outside the range where some series speaks with a full voice is held at
  /// its nearer edge (``Estimate/isHeld``). Point factors multiply every quantile by
  /// exactly their value; uncertain ones also widen the band.
  ///
  /// - Precondition: `experience` is finite and non-negative.
  /// - Complexity: O(*s*) curve evaluations and five quantile solves over *s* series.
  public func estimate(
    experience requested: Double, factors: [Factor] = [], source: String? = nil
  ) throws(EstimateError) -> Estimate {
    precondition(requested.isFinite && requested >= 0, "experience is finite and non-negative")
    guard let curves = curves(selectedBy: source) else {
      throw .unknownSource(source!, suggestions: suggestions(for: source!, among: selectors))
    }
    let consensus = Consensus(curves: curves)
    let supported = consensus.supportedExperience
    let experience = min(max(requested, supported.lowerBound), supported.upperBound)
    let weights = consensus.weights(at: experience)
    let total = weights.reduce(0, +)
    guard total > 0, let base = consensus.mixture(at: experience) else {
      throw .noSeriesCovers(experience: experience)
    }

    let pointOnly = factors.allSatisfy { !$0.isUncertain }
    let scale = factors.combinedValue
    let mixture = pointOnly ? base : consensus.mixture(at: experience, factors: factors)!
    let quantiles = Estimate.probabilities.map { p in
      pointOnly ? base.quantile(p) * scale : mixture.quantile(p)
    }
    let views = zip(curves, weights).filter { $0.1 > 0 }.map { curve, weight in
      let own = curve.distribution(at: experience)
      let scaled = own.applying(factors)
      return Estimate.SeriesView(
        series: curve.series, weight: weight / total,
        median: pointOnly ? own.median * scale : scaled.median,
        p25: pointOnly ? own.quantile(0.25) * scale : scaled.quantile(0.25),
        p75: pointOnly ? own.quantile(0.75) * scale : scaled.quantile(0.75))
    }.sorted { $0.weight > $1.weight }

    let used = Set(
      zip(curves, weights).filter { $0.1 > 0 }.flatMap { $0.0.observations.flatMap(\.assumptions) }
        + factors.flatMap(\.assumptions))
    let assumptions = dataset.assumptions.map(\.id).filter(used.contains)

    return Estimate(
      requestedExperience: requested, experience: experience, quantiles: quantiles,
      series: views, factors: factors, assumptions: assumptions,
      mixture: pointOnly
        ? LogNormalMixture(
          base.components.map {
            LogNormalMixture.Component($0.distribution.scaled(by: scale), weight: $0.weight)
          }) : mixture)
  }
}
