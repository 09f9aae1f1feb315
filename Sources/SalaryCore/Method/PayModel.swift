/// Everything an estimate needs from a dataset, prepared once: the observations, the
/// default σ, and one curve per series. Building it is the only costly step; an
/// estimate after that is arithmetic.
public final class PayModel: Sendable {
  /// The dataset the model was built from.
  public let dataset: Dataset
  /// Every figure on an experience curve, read as a lognormal.
  public let observations: [Observation]
  /// The median σ of the observations that fix their own; used where a figure does not.
  public let defaultSigma: Double
  /// One curve per series with observations, in the dataset's order.
  public let curves: [SeriesCurve]
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
    curves = order.map { SeriesCurve(series: $0, observations: bySeries[$0]!) }
    projectionDefaults = ProjectionDefaults(dataset: dataset)
  }
}
