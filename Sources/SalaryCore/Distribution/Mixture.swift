/// A weighted mixture of lognormals: the consensus of several sources' pay curves at one
/// experience.
///
/// Its distribution function is the weighted average of the components':
///
/// ```
/// F(y) = Σ wᵢ Φ((ln y − μᵢ)/σᵢ) / Σ wᵢ
/// ```
///
/// and a quantile solves F(y) = q in log space (``MixtureSolver``), to 10⁻¹¹ in log-pay.
public struct LogNormalMixture: Sendable {
  /// A component and its weight.
  public struct Component: Sendable, Hashable {
    public var distribution: LogNormal
    public var weight: Double

    public init(_ distribution: LogNormal, weight: Double) {
      precondition(weight.isFinite && weight >= 0, "a weight is finite and non-negative")
      self.distribution = distribution
      self.weight = weight
    }
  }

  /// The components with positive weight.
  public let components: [Component]
  /// The sum of the weights, above zero.
  public let totalWeight: Double
  /// The components as the solver reads them, weights normalized to sum to 1.
  let parts: MixtureParts

  /// Creates a mixture; components of zero weight are dropped.
  ///
  /// - Precondition: at least one component has a positive weight.
  public init(_ components: [Component]) {
    self.components = components.filter { $0.weight > 0 }
    self.totalWeight = self.components.reduce(0) { $0 + $1.weight }
    precondition(totalWeight > 0, "a mixture needs a component of positive weight")
    self.parts = MixtureParts(
      weights: self.components.map(\.weight), distributions: self.components.map(\.distribution))
  }

  /// The fraction of pay at or below `y`.
  public func cdf(_ y: Double) -> Double {
    guard y > 0 else { return 0 }
    return cdf(logPay: Math.log(y))
  }

  /// The fraction of pay whose logarithm is at or below `u`.
  public func cdf(logPay u: Double) -> Double {
    var sum = 0.0
    for component in components {
      sum += component.weight * component.distribution.cdf(logPay: u)
    }
    return min(1, max(0, sum / totalWeight))
  }

  /// The value below which a fraction `p` of pay lies.
  ///
  /// - Precondition: `0 < p < 1`.
  /// - Complexity: O(*k* × *n*) for *k* components and *n* ≤ 200 iterations (usually under 10).
  public func quantile(_ p: Double) -> Double {
    Math.exp(logQuantile(p))
  }

  /// The logarithm of ``quantile(_:)``.
  ///
  /// - Precondition: `0 < p < 1`.
  public func logQuantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a quantile's probability is strictly between 0 and 1")
    return parts.logQuantile(probability: p, from: .nan)
  }
}

/// A mixture of lognormals as plain arrays of its components' normalized weights, μ and σ:
/// what ``MixtureSolver`` reads. Components of weight 0 may be kept (a slope over
/// experience needs them) but take no part in a solve.
struct MixtureParts: Sendable {
  /// The weights, summing to 1.
  var weights: [Double]
  /// Each component's μ.
  var mus: [Double]
  /// Each component's σ.
  var sigmas: [Double]

  /// The parts of `distributions` weighted by `weights` (not all zero).
  init(weights: [Double], distributions: [LogNormal]) {
    self.init(
      weights: weights, mus: distributions.map(\.mu), sigmas: distributions.map(\.sigma))
  }

  /// The parts of lognormals of `mus` and `sigmas` weighted by `weights` (not all zero),
  /// one each a component.
  init(weights: [Double], mus: [Double], sigmas: [Double]) {
    precondition(weights.count == mus.count && mus.count == sigmas.count, "one each a part")
    let total = weights.reduce(0, +)
    precondition(total > 0, "a mixture needs a component of positive weight")
    var weights = weights
    for index in weights.indices { weights[index] /= total }
    self.weights = weights
    self.mus = mus
    self.sigmas = sigmas
  }

  /// The density of log-pay at `u`: f(u) = Σ wᵢ φ((u − μᵢ)/σᵢ)/σᵢ, over components with σ > 0.
  func density(at u: Double) -> Double {
    var sum = 0.0
    for i in weights.indices where weights[i] > 0 && sigmas[i] > 0 {
      sum += weights[i] * StandardNormal.density((u - mus[i]) / sigmas[i]) / sigmas[i]
    }
    return sum
  }

  /// The log-pay with a share `p` of the mixture below it, solved from `start` (NaN for
  /// none): in the upper tail when p > ½, where 1 − p is exact and small.
  func logQuantile(probability p: Double, from start: Double) -> Double {
    let upper = p > 0.5
    return MixtureSolver.logQuantile(
      self, score: StandardNormal.quantile(p), target: upper ? 1 - p : p, upper: upper,
      from: start)
  }
}

/// The one solver of the method: the log-pay at which a mixture reaches a share of pay.
///
/// Every quantile of the consensus comes from here: an estimate's exact quantiles, and each
/// grid point of the tables that stand in for them (``QuantileTable``, ``ScoreTable``).
enum MixtureSolver {
  /// The log-pay u with a share `target` of the mixture below it (above it when `upper`),
  /// where `score` is the standard normal score of the lower share, Φ⁻¹.
  ///
  /// Newton steps from `start` (the middle of the bracket when it is not finite), kept
  /// inside the bracket of the components' own quantiles at `score` (which holds the root,
  /// since F is their average) and bisected whenever a step would leave it, until a step is
  /// under 10⁻¹¹. Solving in the upper tail keeps full precision when the upper share is
  /// small. A single component, or components that agree, give their common quantile.
  ///
  /// A Newton step under 10⁻¹¹ that rounds onto the bracket's edge is bisected like any
  /// step that leaves it, which costs some 30 more iterations to land within 10⁻¹¹ of the
  /// same root. With `acceptingNewtonSteps` set to a size h, a Newton step under h ends
  /// the solve at its result instead, in or out of the bracket: Newton's method converges
  /// quadratically, so the result is within about h²·|F″/2F′| of the root, and the steps
  /// that would only confirm it are saved. The ``ScoreTable`` does so with h = 10⁻⁵ (for
  /// one component |F″/F′| = |z|/σ, at most 60 out to z = ±6 when σ ≥ 0.1: within about
  /// 3 × 10⁻⁹ of log-pay, a thousandth of a cent on $100,000), which only the simulation
  /// reads; every other caller keeps the figures it has always had, bit for bit.
  ///
  /// - Complexity: O(*k* × *n*) for *k* components and *n* ≤ 200 iterations (usually under 10).
  static func logQuantile(
    _ parts: MixtureParts, score: Double, target: Double, upper: Bool, from start: Double,
    acceptingNewtonSteps: Double = 0
  ) -> Double {
    let weights = parts.weights
    let mus = parts.mus
    let sigmas = parts.sigmas
    var low = Double.infinity
    var high = -Double.infinity
    for i in weights.indices where weights[i] > 0 {
      let own = mus[i] + sigmas[i] * score
      low = min(low, own)
      high = max(high, own)
    }
    if high - low < 1e-12 { return low }
    var u = start.isFinite ? min(max(start, low), high) : (low + high) / 2
    for _ in 0..<200 {
      var share = 0.0
      var density = 0.0
      for i in weights.indices where weights[i] > 0 {
        let z = (u - mus[i]) / sigmas[i]
        share += weights[i] * StandardNormal.cdf(upper ? -z : z)
        density += weights[i] * StandardNormal.density(z) / sigmas[i]
      }
      // Above the root when positive.
      let excess = upper ? target - share : share - target
      if excess == 0 { return u }
      if excess > 0 { high = u } else { low = u }
      var next = density > 0 ? u - excess / density : .nan
      if abs(next - u) < acceptingNewtonSteps { return next }
      if !(next > low && next < high) { next = (low + high) / 2 }
      if abs(next - u) < 1e-11 || high - low < 1e-11 { return next }
      u = next
    }
    return u
  }
}
