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
/// on a grid of scores from −6 to 6, interpolated between grid points by the cubic Hermite
/// interpolant of the values and slopes at both ends (as ``QuantileTable`` does in
/// experience). Each grid value is solved exactly, in the upper tail for positive scores so
/// that it keeps full precision there. Each half unit of z, from −6 to 6, is halved on its
/// own until the cubics predict every new midpoint in it within $0.25 of the exact quantile
/// for |z| ≤ 3.5, and within 10⁻⁴ of pay beyond; the midpoints are then kept, so the final
/// cubics are typically 16 times more accurate. (Halving where the pay bends, and only
/// there, solves about half the points that halving everywhere would.) Past ±6 the table
/// continues along its end slope: u(z) is close to a straight line there, of slope the
/// widest component's σ.
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
final class ScoreTable: Sendable {
  /// The scores the grid spans; outside them the table is extrapolated along its end slopes.
  static let scores: ClosedRange<Double> = -6...6

  /// The half units of z, from −6, each divided into equal intervals of its own.
  struct Span: Sendable {
    /// The index of its first interval.
    var first: Int
    /// Its intervals, a power of 2.
    var count: Int
    /// Their width, and its inverse.
    var step: Double
    var inverseStep: Double
  }

  /// The width of a half unit.
  static let spanWidth = 0.5
  let spans: [Span]
  /// For interval k, the cubic's coefficients c₀…c₃ of log-pay in t = z − `starts[k]`, at
  /// `4k`; ln of a point factor is in c₀.
  let coefficients: [Double]
  /// Where each interval starts, and (last) where the grid ends.
  let starts: [Double]
  /// For interval k, the cubic Hermite interpolant of pay itself (not its logarithm) in t,
  /// from the same values and slopes, times the point factor: what a sum of pay over years
  /// reads without an exponential (``payAndSlope(atScore:)``).
  let payCoefficients: [Double]
  /// For interval k, the cubic Hermite interpolant of the score in log-pay, in powers of
  /// u − c₀ (the interval's log-pay at its start), with the same values at both ends and
  /// slopes 1/(du/dz): the table read backwards (``scoreAndSlope(atLogPay:hint:)``).
  let inverseCoefficients: [Double]
  /// Log-pay and its slope at −6 and at 6.
  let ends: (lowerValue: Double, lowerSlope: Double, upperValue: Double, upperSlope: Double)

  /// Builds the table of a mixture.
  ///
  /// - Precondition: every component has σ > 0.
  /// - Complexity: O(*g* × *k*) for *g* grid points and *k* components: for the embedded
  ///   dataset 49 to 193 grid points (a step of ¼ to 1/16), built in 0.3 ms at most in a
  ///   release build.
  convenience init(mixture: LogNormalMixture) {
    self.init(parts: mixture.parts, offset: 0)
  }

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
        parts, score: z, target: StandardNormal.cdf(-abs(z)), upper: z > 0, from: start,
        acceptingNewtonSteps: 1e-5)
      let density = parts.density(at: u)
      return (u, density > 0 ? StandardNormal.density(z) / density : 0)
    }

    let width = Self.spanWidth
    let spanCount = Int(((upper - lower) / width).rounded())
    // The half units' ends, each solved from the line of the one before.
    var values: [Double] = []
    var slopes: [Double] = []
    for k in 0...spanCount {
      let z = lower + Double(k) * width
      let start = k > 0 ? values[k - 1] + slopes[k - 1] * width : .nan
      let (value, slope) = solve(z, from: start)
      values.append(value)
      slopes.append(slope)
    }
    var spans: [Span] = []
    var coefficients: [Double] = []
    var starts: [Double] = []
    for k in 0..<spanCount {
      let from = lower + Double(k) * width
      var step = width
      var count = 1
      var spanValues = [values[k], values[k + 1]]
      var spanSlopes = [slopes[k], slopes[k + 1]]
      while true {
        // Solve every midpoint from the cubic's prediction, and check the prediction.
        var accurate = true
        var finerValues: [Double] = [spanValues[0]]
        var finerSlopes: [Double] = [spanSlopes[0]]
        finerValues.reserveCapacity(2 * count + 1)
        finerSlopes.reserveCapacity(2 * count + 1)
        for j in 0..<count {
          let z = from + (Double(j) + 0.5) * step
          let predicted = hermiteMidpoint(
            spanValues[j], spanSlopes[j], spanValues[j + 1], spanSlopes[j + 1], step)
          let (value, slope) = solve(z, from: predicted)
          let pay = Math.exp(value + offset)
          let error = abs(Math.exp(predicted + offset) - pay)
          if error > (abs(z) <= 3.5 ? Self.tolerance : Self.tailTolerance * pay) {
            accurate = false
          }
          finerValues.append(value)
          finerValues.append(spanValues[j + 1])
          finerSlopes.append(slope)
          finerSlopes.append(spanSlopes[j + 1])
        }
        spanValues = finerValues
        spanSlopes = finerSlopes
        step /= 2
        count *= 2
        if accurate || step <= Self.finestStep { break }
      }
      spans.append(Span(first: starts.count, count: count, step: step, inverseStep: 1 / step))
      for j in 0..<count {
        let (c0, c1, c2, c3) = hermiteCoefficients(
          spanValues[j], spanSlopes[j], spanValues[j + 1], spanSlopes[j + 1], step)
        coefficients.append(c0 + offset)
        coefficients.append(c1)
        coefficients.append(c2)
        coefficients.append(c3)
        starts.append(from + Double(j) * step)
      }
    }
    starts.append(upper)
    let upperValue = values[spanCount] + offset
    var inverseCoefficients: [Double] = []
    inverseCoefficients.reserveCapacity(coefficients.count)
    let intervals = coefficients.count / 4
    for k in 0..<intervals {
      let u0 = coefficients[4 * k]
      let u1 = k + 1 < intervals ? coefficients[4 * (k + 1)] : upperValue
      let s0 = coefficients[4 * k + 1]
      let s1 = k + 1 < intervals ? coefficients[4 * (k + 1) + 1] : slopes[spanCount]
      let width = starts[k + 1] - starts[k]
      if u1 > u0 && s0 > 0 && s1 > 0 {
        let (a0, a1, a2, a3) = hermiteCoefficients(
          starts[k], 1 / s0, starts[k + 1], 1 / s1, u1 - u0)
        inverseCoefficients.append(a0)
        inverseCoefficients.append(a1)
        inverseCoefficients.append(a2)
        inverseCoefficients.append(a3)
      } else {
        inverseCoefficients.append(starts[k])
        inverseCoefficients.append(u1 > u0 ? width / (u1 - u0) : 0)
        inverseCoefficients.append(0)
        inverseCoefficients.append(0)
      }
    }
    self.inverseCoefficients = inverseCoefficients
    var payCoefficients: [Double] = []
    payCoefficients.reserveCapacity(coefficients.count)
    for k in 0..<intervals {
      let width = starts[k + 1] - starts[k]
      let u0 = coefficients[4 * k]
      let u1 = k + 1 < intervals ? coefficients[4 * (k + 1)] : upperValue
      let s0 = coefficients[4 * k + 1]
      let s1 = k + 1 < intervals ? coefficients[4 * (k + 1) + 1] : slopes[spanCount]
      let p0 = Math.exp(u0)
      let p1 = Math.exp(u1)
      let (b0, b1, b2, b3) = hermiteCoefficients(p0, p0 * s0, p1, p1 * s1, width)
      payCoefficients.append(b0)
      payCoefficients.append(b1)
      payCoefficients.append(b2)
      payCoefficients.append(b3)
    }
    self.payCoefficients = payCoefficients
    self.spans = spans
    self.coefficients = coefficients
    self.starts = starts
    self.ends = (values[0] + offset, slopes[0], values[spanCount] + offset, slopes[spanCount])
  }

  /// The interval holding `z` (within the grid) and z's offset t into it.
  @inline(__always)
  private func interval(of z: Double) -> (index: Int, t: Double) {
    let local = z - Self.scores.lowerBound
    let k = min(Int(local * (1 / Self.spanWidth)), spans.count - 1)
    let span = spans[k]
    let offset = local - Double(k) * Self.spanWidth
    let j = min(Int(offset * span.inverseStep), span.count - 1)
    return (span.first + j, offset - Double(j) * span.step)
  }

  /// Log-pay at the score `z`: the logarithm of ``pay(atScore:)``. Allocates nothing.
  ///
  /// - Precondition: `z` is not NaN.
  /// - Complexity: O(1): an index, then a cubic.
  func logPay(atScore z: Double) -> Double {
    logPayAndSlope(atScore: z).value
  }

  /// Log-pay at the score `z` and its slope du/dz, from the same cubic (the end slope past
  /// ±6). Allocates nothing.
  ///
  /// - Precondition: `z` is not NaN.
  /// - Complexity: O(1).
  func logPayAndSlope(atScore z: Double) -> (value: Double, slope: Double) {
    precondition(!z.isNaN, "a score is a number")
    let lower = Self.scores.lowerBound
    if z <= lower { return (ends.lowerValue + ends.lowerSlope * (z - lower), ends.lowerSlope) }
    if z >= Self.scores.upperBound {
      return (ends.upperValue + ends.upperSlope * (z - Self.scores.upperBound), ends.upperSlope)
    }
    let (k, t) = interval(of: z)
    return Self.cubic(coefficients, k, at: t)
  }

  /// Pay at the score `z` and its slope d(pay)/dz, from the cubic of pay itself: within
  /// 10⁻⁵ of `exp(logPay(atScore: z))` for |z| ≤ 3.5 and 10⁻⁴ beyond, as the tests check
  /// (the cubic's error is of order (hσ)⁴/384 for intervals of width h ≤ ¼ where pay
  /// grows like e^(σz)); past ±6, that exponential. Allocates nothing.
  ///
  /// - Precondition: `z` is not NaN.
  @inline(__always)
  func payAndSlope(atScore z: Double) -> (value: Double, slope: Double) {
    precondition(!z.isNaN, "a score is a number")
    guard z > Self.scores.lowerBound && z < Self.scores.upperBound else {
      let (u, slope) = logPayAndSlope(atScore: z)
      let pay = Math.exp(u)
      return (pay, pay * slope)
    }
    let (k, t) = interval(of: z)
    return Self.cubic(payCoefficients, k, at: t)
  }

  /// The cubic of interval `k` of `coefficients` (c₀…c₃ at `4k`) at `t` into it, and its
  /// slope.
  @inline(__always)
  private static func cubic(_ coefficients: [Double], _ k: Int, at t: Double)
    -> (value: Double, slope: Double)
  {
    coefficients.withUnsafeBufferPointer { c in
      let base = 4 * k
      let c1 = c[base + 1]
      let c2 = c[base + 2]
      let c3 = c[base + 3]
      return (c[base] + t * (c1 + t * (c2 + t * c3)), c1 + t * (2 * c2 + t * 3 * c3))
    }
  }

  /// The score at which log-pay is `u`, and dz/du there: the table read backwards, from
  /// the inverse cubic of the interval that holds `u` (found from `hint`, an interval to
  /// look from, and written back), which agrees with the inverse of
  /// ``logPayAndSlope(atScore:)`` within 10⁻⁵ of a score for |z| ≤ 3.5 and 10⁻⁴ beyond,
  /// as the tests check. Allocates nothing.
  ///
  /// - Precondition: `u` is not NaN.
  /// - Complexity: O(1) from a hint within a few intervals; O(log intervals) at worst.
  func scoreAndSlope(atLogPay u: Double, hint: inout Int) -> (score: Double, slope: Double) {
    precondition(!u.isNaN, "a log-pay is a number")
    if u <= ends.lowerValue {
      return (Self.scores.lowerBound + (u - ends.lowerValue) / ends.lowerSlope, 1 / ends.lowerSlope)
    }
    if u >= ends.upperValue {
      return (Self.scores.upperBound + (u - ends.upperValue) / ends.upperSlope, 1 / ends.upperSlope)
    }
    return coefficients.withUnsafeBufferPointer { c in
      let intervals = c.count / 4
      // The last interval starting at or below u (the first starts at the lower end, below
      // u): a few steps from the hint, else a bisection.
      var k = min(max(hint, 0), intervals - 1)
      var steps = 0
      while c[4 * k] > u && steps < 4 {
        k -= 1
        steps += 1
      }
      while k + 1 < intervals && c[4 * (k + 1)] <= u && steps < 4 {
        k += 1
        steps += 1
      }
      if c[4 * k] > u || (k + 1 < intervals && c[4 * (k + 1)] <= u) {
        var low = 0
        var high = intervals
        while high - low > 1 {
          let middle = (low + high) >> 1
          if c[4 * middle] <= u { low = middle } else { high = middle }
        }
        k = low
      }
      hint = k
      return inverseCoefficients.withUnsafeBufferPointer { a in
        let t = u - c[4 * k]
        let a1 = a[4 * k + 1]
        let a2 = a[4 * k + 2]
        let a3 = a[4 * k + 3]
        return (a[4 * k] + t * (a1 + t * (a2 + t * a3)), a1 + t * (2 * a2 + t * 3 * a3))
      }
    }
  }

  /// Pay at the score `z`: the quantile of probability Φ(z). Allocates nothing.
  ///
  /// - Precondition: `z` is not NaN.
  /// - Complexity: O(1): an index, a cubic and an exponential; about 9 ns in a release build.
  func pay(atScore z: Double) -> Double {
    Math.exp(logPay(atScore: z))
  }
}
