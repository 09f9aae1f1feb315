/// A weighted mixture of lognormals: the consensus of several sources' pay curves at one
/// experience.
///
/// Its distribution function is the weighted average of the components':
///
/// ```
/// F(y) = Σ wᵢ Φ((ln y − μᵢ)/σᵢ) / Σ wᵢ
/// ```
///
/// and a quantile solves F(y) = q in log space by Newton steps kept inside a bracket
/// that bisection narrows whenever a step would leave it (a safeguarded Newton method),
/// to a relative tolerance of 1e-9 or better.
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

  /// Creates a mixture; components of zero weight are dropped.
  ///
  /// - Precondition: at least one component has a positive weight.
  public init(_ components: [Component]) {
    self.components = components.filter { $0.weight > 0 }
    self.totalWeight = self.components.reduce(0) { $0 + $1.weight }
    precondition(totalWeight > 0, "a mixture needs a component of positive weight")
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

  /// The density of log-pay at `u`.
  func logDensity(_ u: Double) -> Double {
    var sum = 0.0
    for component in components where component.distribution.sigma > 0 {
      let sigma = component.distribution.sigma
      sum +=
        component.weight * StandardNormal.density((u - component.distribution.mu) / sigma)
        / sigma
    }
    return sum / totalWeight
  }

  /// The value below which a fraction `p` of pay lies.
  ///
  /// - Precondition: `0 < p < 1`.
  /// - Complexity: O(*k* × *n*) for *k* components and *n* ≤ 200 iterations (usually under 10).
  public func quantile(_ p: Double) -> Double {
    Math.exp(logQuantile(p))
  }

  /// The logarithm of ``quantile(_:)``, solved to an absolute tolerance of 1e-10 in log
  /// space (1e-10 relative in pay).
  public func logQuantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a quantile's probability is strictly between 0 and 1")
    if components.count == 1 {
      let only = components[0].distribution
      return only.mu + only.sigma * StandardNormal.quantile(p)
    }
    // Every component's own quantile at p brackets the mixture's quantile: F is an average.
    let z = StandardNormal.quantile(p)
    var low = Double.infinity
    var high = -Double.infinity
    for component in components {
      let own = component.distribution.mu + component.distribution.sigma * z
      low = min(low, own)
      high = max(high, own)
    }
    if high - low < 1e-12 { return low }
    var u = (low + high) / 2
    for _ in 0..<200 {
      let f = cdf(logPay: u) - p
      if f == 0 { return u }
      if f < 0 { low = u } else { high = u }
      let density = logDensity(u)
      var next = density > 0 ? u - f / density : .nan
      if !(next > low && next < high) { next = (low + high) / 2 }
      if abs(next - u) < 1e-10 || high - low < 1e-10 { return next }
      u = next
    }
    return u
  }
}
