/// How widely pay spreads, as σ, the standard deviation of log-pay, read off published figures.
public enum LogNormalSpread {
  /// σ implied by a median `m` and a mean `a` of the same pay, for a lognormal:
  ///
  /// ```
  /// a = m · exp(σ²/2)   ⇒   σ = √(2 · ln(a / m))
  /// ```
  ///
  ///     LogNormalSpread.fromMedian(70_000, mean: 75_000)  // 0.3715…
  ///
  /// - Precondition: `0 < median < mean`, both finite.
  public static func fromMedian(_ median: Double, mean: Double) -> Double {
    precondition(median > 0 && mean > median && mean.isFinite, "needs 0 < median < mean")
    return (2 * Math.log(mean / median)).squareRoot()
  }

  /// σ implied by a range `low–high` read as the central `coverage` of pay (0.5: the 25th
  /// to 75th percentile):
  ///
  /// ```
  /// σ = (ln high − ln low) / (2 · Φ⁻¹(½ + coverage/2))
  /// ```
  ///
  ///     LogNormalSpread.fromRange(60_000, 85_000, coverage: 0.5)  // 0.2582…
  ///
  /// - Precondition: `0 < low < high`, finite; `0 < coverage < 1`.
  public static func fromRange(_ low: Double, _ high: Double, coverage: Double) -> Double {
    precondition(low > 0 && high > low && high.isFinite, "needs 0 < low < high")
    precondition(coverage > 0 && coverage < 1, "a coverage is strictly between 0 and 1")
    return (Math.log(high) - Math.log(low)) / (2 * StandardNormal.quantile(0.5 + coverage / 2))
  }
}
