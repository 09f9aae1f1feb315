/// Pay as a function of a standard normal score at one experience, precomputed so that a
/// Monte Carlo simulation can turn a simulated score into pay with a table lookup.
///
/// The score z stands for the probability Φ(z), so the table holds the log-pay at which
/// the consensus mixture F reaches it:
///
/// ```
/// u(z) = F⁻¹(Φ(z)),   du/dz = φ(z)/f(u),   f(u) = Σ wᵢ φ((u − μᵢ)/σᵢ)/σᵢ
/// ```
///
/// on a uniform grid of scores from −6 to 6, interpolated between grid points by the cubic
/// Hermite interpolant of the values and slopes at both ends (as ``QuantileTable`` does in
/// experience). Each grid value is solved exactly, in the upper tail for positive scores so
/// that it keeps full precision there. The step starts at ½ and is halved until the cubics
/// predict every new midpoint within $0.25 of the exact quantile for |z| ≤ 3.5, and within
/// 10⁻⁴ of pay beyond; the midpoints are then kept, so the final cubics are typically 16
/// times more accurate. Past ±6 the table continues along its end slope: u(z) is close to a
/// straight line there, of slope the widest component's σ.
///
/// **Accuracy.** Against `mixture.quantile(Φ(z))`, on the embedded dataset, for every
/// `--source` selector at eleven experiences from 0 to 20 years, without factors, with San
/// Francisco's point factor, with the uncertain distributed-systems premium and with both,
/// the largest error measured over every 0.001 of z was $0.02 for |z| ≤ 3.5 and, beyond,
/// to ±6, 3 × 10⁻⁷ of pay.
///
///     let table = try market.scoreTable(experience: 6.5)
///     table.pay(atScore: 0)      // the median
///     table.pay(atScore: 1.28)   // about P90
struct ScoreTable: Sendable {
  /// The scores the grid spans; outside them the table is extrapolated along its end slopes.
  static let scores: ClosedRange<Double> = -6...6

  /// The grid's step in z.
  let step: Double
  /// For interval k, the cubic's coefficients c₀…c₃ of log-pay in t = z − (−6 + k × step),
  /// at `4k`; ln of a point factor is in c₀.
  let coefficients: [Double]
  /// Log-pay and its slope at −6 and at 6.
  let ends: (lowerValue: Double, lowerSlope: Double, upperValue: Double, upperSlope: Double)

  /// Builds the table of a mixture.
  ///
  /// - Precondition: every component has σ > 0.
  /// - Complexity: O(*g* × *k*) for *g* grid points and *k* components: for the embedded
  ///   dataset 49 to 193 grid points (a step of ¼ to 1/16), built in 0.3 ms at most in a
  ///   release build.
  init(mixture: LogNormalMixture) {
    self.init(parts: mixture.parts, offset: 0)
  }

  /// The coarsest step tried.
  private static let coarsestStep = 0.5
  /// The finest step used, whatever the error.
  private static let finestStep = 1.0 / 256
  /// The largest error accepted at a midpoint for |z| ≤ 3.5, in dollars.
  private static let tolerance = 0.25
  /// The largest relative error accepted at a midpoint beyond.
  private static let tailTolerance = 1e-4

  /// Builds the table of `parts`, adding `offset` to log-pay: for a market, its parts at one
  /// experience and ln of its point factors (``Market/scoreTable(experience:)``).
  init(parts: MixtureParts, offset: Double) {
    let lower = Self.scores.lowerBound
    let upper = Self.scores.upperBound
    func solve(_ z: Double, from start: Double) -> (value: Double, slope: Double) {
      let u = MixtureSolver.logQuantile(
        parts, score: z, target: StandardNormal.cdf(-abs(z)), upper: z > 0, from: start)
      let density = parts.density(at: u)
      return (u, density > 0 ? StandardNormal.density(z) / density : 0)
    }

    var step = Self.coarsestStep
    var count = Int(((upper - lower) / step).rounded())
    var values: [Double] = []
    var slopes: [Double] = []
    for k in 0...count {
      let z = lower + Double(k) * step
      let start = k > 0 ? values[k - 1] + slopes[k - 1] * step : .nan
      let (value, slope) = solve(z, from: start)
      values.append(value)
      slopes.append(slope)
    }
    while true {
      // Solve every midpoint from the cubic's prediction, and check the prediction.
      var accurate = true
      var finerValues: [Double] = [values[0]]
      var finerSlopes: [Double] = [slopes[0]]
      finerValues.reserveCapacity(2 * count + 1)
      finerSlopes.reserveCapacity(2 * count + 1)
      for k in 0..<count {
        let z = lower + (Double(k) + 0.5) * step
        let predicted = hermiteMidpoint(values[k], slopes[k], values[k + 1], slopes[k + 1], step)
        let (value, slope) = solve(z, from: predicted)
        let pay = Math.exp(value + offset)
        let error = abs(Math.exp(predicted + offset) - pay)
        if error > (abs(z) <= 3.5 ? Self.tolerance : Self.tailTolerance * pay) { accurate = false }
        finerValues.append(value)
        finerValues.append(values[k + 1])
        finerSlopes.append(slope)
        finerSlopes.append(slopes[k + 1])
      }
      values = finerValues
      slopes = finerSlopes
      step /= 2
      count *= 2
      if accurate || step <= Self.finestStep { break }
    }

    var coefficients: [Double] = []
    coefficients.reserveCapacity(4 * count)
    for k in 0..<count {
      let (c0, c1, c2, c3) = hermiteCoefficients(
        values[k], slopes[k], values[k + 1], slopes[k + 1], step)
      coefficients.append(c0 + offset)
      coefficients.append(c1)
      coefficients.append(c2)
      coefficients.append(c3)
    }
    self.step = step
    self.coefficients = coefficients
    self.ends = (values[0] + offset, slopes[0], values[count] + offset, slopes[count])
  }

  /// Log-pay at the score `z`: the logarithm of ``pay(atScore:)``. Allocates nothing.
  ///
  /// - Precondition: `z` is not NaN.
  /// - Complexity: O(1): an index, then a cubic.
  func logPay(atScore z: Double) -> Double {
    precondition(!z.isNaN, "a score is a number")
    let lower = Self.scores.lowerBound
    if z <= lower { return ends.lowerValue + ends.lowerSlope * (z - lower) }
    if z >= Self.scores.upperBound {
      return ends.upperValue + ends.upperSlope * (z - Self.scores.upperBound)
    }
    let last = coefficients.count / 4 - 1
    let k = min(Int((z - lower) / step), last)
    let t = z - (lower + Double(k) * step)
    let base = 4 * k
    return coefficients[base] + t
      * (coefficients[base + 1] + t * (coefficients[base + 2] + t * coefficients[base + 3]))
  }

  /// Pay at the score `z`: the quantile of probability Φ(z). Allocates nothing.
  ///
  /// - Precondition: `z` is not NaN.
  /// - Complexity: O(1): an index, a cubic and an exponential; about 9 ns in a release build.
  func pay(atScore z: Double) -> Double {
    Math.exp(logPay(atScore: z))
  }
}
