/// A pay estimate at one experience in one market: the consensus quantiles, each series'
/// own view, the factors applied and the assumptions used. Money is in US dollars; the
/// market's ``Market/rate`` converts it.
public struct Estimate: Sendable {
  /// The probabilities of the quantiles reported: P10, P25, P50, P75, P90.
  public static let probabilities: [Double] = [0.10, 0.25, 0.50, 0.75, 0.90]

  /// One series' own view at the same experience, after the same factors.
  public struct SeriesView: Sendable {
    public var series: SeriesID
    /// Its share of the consensus, from 0 to 1 (the weights sum to 1).
    public var weight: Double
    /// How loudly it speaks here, from 0 to 1 (``SeriesCurve/voice(at:)``).
    public var voice: Double
    public var median: Double
    public var p25: Double
    public var p75: Double
  }

  /// The experience asked about.
  public var requestedExperience: Double
  /// The experience estimated: the request, held to the market's range.
  public var experience: Double
  /// Pay at ``probabilities``, from the market's table (``Market/quantiles(at:)``).
  public var quantiles: [Double]
  /// The series that speak at this experience, loudest first.
  public var series: [SeriesView]
  /// The mix of levels people with this experience hold, when the ladder speaks as one
  /// (the promotion model's, ``LevelMix``); empty otherwise.
  public var levelMix: [LevelShare]
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

  /// How far the series disagree: the highest series median over the lowest when every
  /// series speaks with a full voice; 1 when one series speaks.
  ///
  /// Each series' distance from the consensus's centre counts as far as its voice does, so
  /// that a guide fading out of its range takes its disagreement with it gradually, not in
  /// one step when it falls silent. With xᵢ the log of series i's median, wᵢ its share and
  /// τᵢ its voice:
  ///
  /// ```
  /// x̄ = Σ wᵢ xᵢ,   spread = exp(max τᵢ(xᵢ − x̄) − min τᵢ(xᵢ − x̄))
  /// ```
  public var spreadBetweenSeries: Double {
    let logs = series.map { Math.log($0.median) }
    let centre = zip(series, logs).reduce(0) { $0 + $1.0.weight * $1.1 }
    let distances = zip(series, logs).map { $0.voice * ($1 - centre) }
    return Math.exp(distances.max()! - distances.min()!)
  }

  /// The fraction of pay, in this market, at or below `pay`.
  public func percentile(of pay: Double) -> Double {
    mixture.cdf(pay)
  }

  /// Pay at any probability strictly between 0 and 1: one of ``quantiles`` for P10 to
  /// P90, the exact mixture's otherwise (as ``Market/pay(percentile:experience:)``).
  public func quantile(_ probability: Double) -> Double {
    if let index = Self.probabilities.firstIndex(of: probability) { return quantiles[index] }
    return mixture.quantile(probability)
  }
}

extension Market {
  /// Estimates pay at `experience` years.
  ///
  /// Experience outside ``experienceRange`` is held at its nearer edge
  /// (``Estimate/isHeld``). Point factors multiply every quantile by exactly their value;
  /// uncertain ones also widen the band.
  ///
  /// - Precondition: `experience` is finite and non-negative.
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where no series speaks (possible
  ///   only with a narrow selection).
  /// - Complexity: O(*s*) curve evaluations over *s* series, and the part of the market's
  ///   table that covers the experience when the table is not built yet.
  public func estimate(experience requested: Double) throws(MarketError) -> Estimate {
    let experience = heldExperience(requested)
    let weights = consensus.weights(at: experience)
    let total = weights.reduce(0, +)
    let mixture = try mixture(at: experience)
    let views = zip(curves, weights).filter { $0.1 > 0 }.map { curve, weight in
      let own = seriesQuantiles(curve, at: experience, [0.5, 0.25, 0.75])
      return Estimate.SeriesView(
        series: curve.series, weight: weight / total, voice: curve.voice(at: experience),
        median: own[0], p25: own[1], p75: own[2])
    }.sorted { $0.weight > $1.weight }
    return Estimate(
      requestedExperience: requested, experience: experience,
      quantiles: try quantiles(at: requested), series: views,
      levelMix: zip(curves, weights).lazy.filter { $0.1 > 0 }.compactMap {
        $0.0.levelMix(at: experience)
      }.first ?? [], factors: factors,
      assumptions: assumptions(experience: experience), mixture: mixture)
  }
}
