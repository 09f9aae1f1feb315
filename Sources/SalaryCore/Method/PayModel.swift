/// Everything an estimate needs from a dataset, prepared once: the observations, the
/// default σ, one curve per series, and the promotion model's mix of levels. Building it
/// is the only costly step; an estimate after that is arithmetic.
public final class PayModel: Sendable {
  /// The dataset the model was built from.
  public let dataset: Dataset
  /// Every figure on an experience curve, read as a lognormal.
  public let observations: [Observation]
  /// The median σ of the observations that fix their own; used where a figure does not.
  public let defaultSigma: Double
  /// One curve per series with observations, in the dataset's order. The ladder's level
  /// table, when it gives a figure for every level of the individual-contributor track,
  /// speaks as the mix of levels people with each experience hold (``levelMix``).
  public let curves: [SeriesCurve]
  /// The mix of levels on the individual-contributor track by experience, from the
  /// promotion model, over the `career-horizon` years; `nil` when the dataset has no
  /// level table to weigh by it.
  public let levelMix: LevelMix?
  /// The promotion model of each track the dataset's promotion steps cover.
  public let promotionModels: [PromotionModel]
  /// What a projection assumes when the user says nothing, worked out once.
  public let projectionDefaults: ProjectionDefaults

  /// Builds the model.
  public init(dataset: Dataset) {
    self.dataset = dataset
    (observations, defaultSigma) = Observation.read(from: dataset)
    var order: [SeriesID] = []
    var bySeries: [SeriesID: [Observation]] = [:]
    for observation in observations {
      if bySeries[observation.series] == nil { order.append(observation.series) }
      bySeries[observation.series, default: []].append(observation)
    }
    let models = Track.allCases.compactMap { track in
      PromotionModel.covers(track, ladder: dataset.ladder, steps: dataset.promotions)
        ? PromotionModel(ladder: dataset.ladder, steps: dataset.promotions, track: track) : nil
    }
    promotionModels = models
    var mix: LevelMix?
    if let horizon = dataset.number(.careerHorizon), horizon > 0,
      let ic = models.first(where: { $0.track == .ic })
    {
      mix = LevelMix(
        model: ic, horizon: horizon, window: dataset.number(.levelMixWindow) ?? 0)
    }
    levelMix = mix
    curves = order.map { series in
      let figures = bySeries[series]!
      if let mix, series.source == dataset.ladder.source {
        let levels = mix.model.levels.map { level in figures.first { $0.level == level.key } }
        if levels.allSatisfy({ $0 != nil }) {
          return SeriesCurve(
            ladder: series, observations: figures, levels: levels.map { $0! }, mix: mix)
        }
      }
      return SeriesCurve(series: series, observations: figures)
    }
    projectionDefaults = ProjectionDefaults(dataset: dataset)
  }

  /// The promotion model of `track`, if the dataset's steps cover it.
  public func promotionModel(on track: Track) -> PromotionModel? {
    promotionModels.first { $0.track == track }
  }

  /// The ladder's curve, if a series speaks as the mix of levels.
  public var ladderCurve: SeriesCurve? { curves.first(where: \.isLadder) }
}
