/// A published pay figure read as a lognormal distribution of pay at the middle of its
/// experience span: a point of a series' curve.
///
/// How each statistic is read (method, section 1):
///
/// ```
/// range low–high (the central c of pay, c = range-coverage):
///     μ = (ln low + ln high)/2,   σ = (ln high − ln low) / (2·Φ⁻¹(½ + c/2))
/// median m with a mean a > m for the same span and series:
///     μ = ln m,                   σ = √(2·ln(a/m))
/// median m, or a typical figure read as a median:
///     μ = ln m,                   σ = the default σ
/// mean a alone:
///     μ = ln a − σ²/2,            σ = the default σ
/// value v at percentile rank r:
///     μ = ln v − σ·Φ⁻¹(r/100),    σ = the default σ
/// ```
///
/// The default σ is the median σ of the observations that fix their own (ranges and
/// median–mean pairs). Lower bounds and loose figures are not observations.
public struct Observation: Sendable, Hashable {
  /// How σ was found.
  public enum SpreadOrigin: String, Sendable, Hashable {
    /// From a range and the range-coverage assumption.
    case range
    /// From a median and a mean of the same pay.
    case medianAndMean = "median-and-mean"
    /// The dataset's default σ.
    case `default`
  }

  /// The pay figures read (one, or a median and its mean).
  public var figureIDs: [String]
  /// The series the figure belongs to.
  public var series: SeriesID
  /// The level the figure is for, by key, if it names one.
  public var level: String?
  /// The experience span, closed (an open span closed by open-span-years).
  public var span: ExperienceSpan
  /// Where on the experience axis the observation sits: the span's midpoint.
  public var midpoint: Double { span.midpoint! }
  /// Pay at that experience.
  public var distribution: LogNormal
  /// How σ was found.
  public var spreadOrigin: SpreadOrigin
  /// The assumptions the reading used, in the order they apply.
  public var assumptions: [String]
}

extension Observation {
  /// The figures of `dataset` that sit on experience curves, read as observations.
  ///
  /// A figure is on a curve when it is national (`us`), in US dollars, has an experience
  /// span and a fittable statistic. Returns the observations and the default σ.
  static func read(from dataset: Dataset) -> (observations: [Observation], defaultSigma: Double) {
    let candidates = dataset.payFigures.filter {
      $0.span != nil && $0.places == ["us"] && $0.currency == .usd
        && [.range, .median, .mean, .typical, .percentile].contains($0.figure.statistic)
    }
    let coverage = dataset.rangeCoverage
    let openYears = dataset.openSpanYears
    let zCoverage = StandardNormal.quantile(0.5 + coverage / 2)

    func sameSpot(_ a: PayFigure, _ b: PayFigure) -> Bool {
      a.series == b.series && a.span == b.span && a.level == b.level
    }
    // First the observations that fix their own σ.
    var own: [Observation] = []
    var pairedMeans = Set<String>()
    for figure in candidates {
      let span = figure.span!.closed(openSpanYears: openYears)
      switch figure.figure {
      case .range(let low, let high, _):
        own.append(
          Observation(
            figureIDs: [figure.id], series: figure.series, level: figure.level, span: span,
            distribution: LogNormal(
              mu: (Math.log(low) + Math.log(high)) / 2,
              sigma: (Math.log(high) - Math.log(low)) / (2 * zCoverage)),
            spreadOrigin: .range, assumptions: figure.assumptions))
      case .median(let median):
        if let mean = candidates.first(where: {
          sameSpot($0, figure) && $0.figure.statistic == .mean
        }),
          case .mean(let average) = mean.figure, average > median
        {
          pairedMeans.insert(mean.id)
          own.append(
            Observation(
              figureIDs: [figure.id, mean.id], series: figure.series, level: figure.level,
              span: span,
              distribution: LogNormal(
                mu: Math.log(median), sigma: LogNormalSpread.fromMedian(median, mean: average)),
              spreadOrigin: .medianAndMean,
              assumptions: uniqueInOrder(figure.assumptions + mean.assumptions)))
        }
      default:
        break
      }
    }
    let defaultSigma = median(own.map(\.distribution.sigma)) ?? 0.25

    // Then the rest, with the default σ.
    let used = Set(own.flatMap(\.figureIDs)).union(pairedMeans)
    var rest: [Observation] = []
    for figure in candidates where !used.contains(figure.id) {
      let span = figure.span!.closed(openSpanYears: openYears)
      let mu: Double
      switch figure.figure {
      case .median(let value), .typical(let value): mu = Math.log(value)
      case .mean(let value): mu = Math.log(value) - defaultSigma * defaultSigma / 2
      case .percentile(let value, let rank):
        mu = Math.log(value) - defaultSigma * StandardNormal.quantile(rank / 100)
      default: continue
      }
      rest.append(
        Observation(
          figureIDs: [figure.id], series: figure.series, level: figure.level, span: span,
          distribution: LogNormal(mu: mu, sigma: defaultSigma), spreadOrigin: .default,
          assumptions: figure.assumptions))
    }
    // Keep the dataset's order.
    let order = Dictionary(
      uniqueKeysWithValues: dataset.payFigures.enumerated().map { ($1.id, $0) })
    let all = (own + rest).sorted { order[$0.figureIDs[0]]! < order[$1.figureIDs[0]]! }
    return (all, defaultSigma)
  }
}

/// The median of `values`, or `nil` when there are none.
func median(_ values: [Double]) -> Double? {
  guard !values.isEmpty else { return nil }
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
