/// A lognormal distribution of pay: ln(pay) is normal with mean ``mu`` and standard
/// deviation ``sigma``.
///
///     let pay = LogNormal(mu: Math.log(100_000), sigma: 0.25)
///     pay.median          // 100000
///     pay.quantile(0.75)  // 118_381…
public struct LogNormal: Sendable, Hashable {
  /// The mean of log-pay; the median is exp(μ).
  public var mu: Double
  /// The standard deviation of log-pay, zero or more. Zero is a point mass at exp(μ).
  public var sigma: Double

  /// Creates the distribution. `mu` must be finite, `sigma` finite and non-negative.
  public init(mu: Double, sigma: Double) {
    precondition(mu.isFinite, "μ is finite")
    precondition(sigma.isFinite && sigma >= 0, "σ is finite and non-negative")
    self.mu = mu
    self.sigma = sigma
  }

  /// The median, exp(μ).
  public var median: Double { Math.exp(mu) }

  /// The mean, exp(μ + σ²/2).
  public var mean: Double { Math.exp(mu + sigma * sigma / 2) }

  /// The value below which a fraction `p` of pay lies: exp(μ + σ·Φ⁻¹(p)).
  ///
  /// - Precondition: `0 < p < 1`.
  public func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a quantile's probability is strictly between 0 and 1")
    return Math.exp(mu + sigma * StandardNormal.quantile(p))
  }

  /// The fraction of pay at or below `y`: Φ((ln y − μ)/σ); 0 for `y` ≤ 0.
  public func cdf(_ y: Double) -> Double {
    guard y > 0 else { return 0 }
    return cdf(logPay: Math.log(y))
  }

  /// The fraction of pay whose logarithm is at or below `u`.
  public func cdf(logPay u: Double) -> Double {
    guard sigma > 0 else { return u >= mu ? 1 : 0 }
    return StandardNormal.cdf((u - mu) / sigma)
  }

  /// The same distribution scaled by a factor: every quantile multiplied by `factor`.
  public func scaled(by factor: Double) -> LogNormal {
    precondition(factor > 0 && factor.isFinite, "a factor is positive and finite")
    return LogNormal(mu: mu + Math.log(factor), sigma: sigma)
  }
}
