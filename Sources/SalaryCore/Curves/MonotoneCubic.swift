/// The monotone piecewise-cubic Hermite interpolant (PCHIP) through points (xᵢ, yᵢ), flat
/// outside them.
///
/// The slopes are those of SciPy's `PchipInterpolator` and MATLAB's `pchip`
/// (Fritsch and Carlson 1980; Fritsch and Butland 1984), so values can be checked against
/// either. With hₖ = xₖ₊₁ − xₖ and δₖ = (yₖ₊₁ − yₖ)/hₖ:
///
/// ```
/// interior slope dₖ = 0 where δₖ₋₁ and δₖ differ in sign or either is 0, otherwise
///   (w₁ + w₂)/dₖ = w₁/δₖ₋₁ + w₂/δₖ,  w₁ = 2hₖ + hₖ₋₁,  w₂ = hₖ + 2hₖ₋₁
/// end slope d₀ = ((2h₀ + h₁)δ₀ − h₀δ₁)/(h₀ + h₁), set to 0 if its sign differs from δ₀,
///   and to 3δ₀ if δ₀ and δ₁ differ in sign and |d₀| > 3|δ₀| (likewise at the last point)
/// ```
///
/// Two points give the straight line through them and one point a constant. The curve
/// never overshoots the data: between two points it stays between their values.
///
///     let curve = MonotoneCubic(x: [1, 3, 4.5], y: [70, 90, 110])
///     curve.value(at: 3)    // 90
///     curve.value(at: 10)   // 110: flat past the last point
public struct MonotoneCubic: Sendable, Hashable {
  /// The points' abscissae, strictly increasing.
  public let x: [Double]
  /// The points' values.
  public let y: [Double]
  /// The slope at each point.
  public let slopes: [Double]

  /// Creates the interpolant.
  ///
  /// - Precondition: at least one point; `x` strictly increasing; all values finite.
  public init(x: [Double], y: [Double]) {
    checkPoints(x: x, y: y)
    self.x = x
    self.y = y
    self.slopes = MonotoneCubic.slopes(x: x, y: y)
  }

  /// The interpolated value at `t`; the first or last value outside the points.
  public func value(at t: Double) -> Double {
    guard let low = interval(holding: t, in: x) else { return t <= x[0] ? y[0] : y[y.count - 1] }
    let h = x[low + 1] - x[low]
    let s = (t - x[low]) / h
    let s2 = s * s
    let s3 = s2 * s
    return (2 * s3 - 3 * s2 + 1) * y[low] + (s3 - 2 * s2 + s) * h * slopes[low]
      + (-2 * s3 + 3 * s2) * y[low + 1] + (s3 - s2) * h * slopes[low + 1]
  }

  private static func slopes(x: [Double], y: [Double]) -> [Double] {
    let n = x.count
    if n == 1 { return [0] }
    let h = (0..<n - 1).map { x[$0 + 1] - x[$0] }
    let delta = (0..<n - 1).map { (y[$0 + 1] - y[$0]) / h[$0] }
    if n == 2 { return [delta[0], delta[0]] }
    var d = [Double](repeating: 0, count: n)
    for k in 1..<n - 1 {
      let (before, after) = (delta[k - 1], delta[k])
      if before == 0 || after == 0 || (before < 0) != (after < 0) { continue }
      let w1 = 2 * h[k] + h[k - 1]
      let w2 = h[k] + 2 * h[k - 1]
      d[k] = (w1 + w2) / (w1 / before + w2 / after)
    }
    d[0] = endSlope(h[0], h[1], delta[0], delta[1])
    d[n - 1] = endSlope(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3])
    return d
  }

  /// SciPy's `_edge_case`: the three-point end slope, kept shape-preserving. `sign` is
  /// numpy's, 0 for 0.
  private static func endSlope(_ h0: Double, _ h1: Double, _ m0: Double, _ m1: Double) -> Double {
    let d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1)
    if sign(d) != sign(m0) { return 0 }
    if sign(m0) != sign(m1) && abs(d) > 3 * abs(m0) { return 3 * m0 }
    return d
  }

  private static func sign(_ value: Double) -> Int { value > 0 ? 1 : value < 0 ? -1 : 0 }
}

/// The piecewise-linear interpolant through points, flat outside them.
///
///     LinearInterpolant(x: [1, 3], y: [0.2, 0.3]).value(at: 2)  // 0.25
public struct LinearInterpolant: Sendable, Hashable {
  public let x: [Double]
  public let y: [Double]

  /// - Precondition: at least one point; `x` strictly increasing; all values finite.
  public init(x: [Double], y: [Double]) {
    checkPoints(x: x, y: y)
    self.x = x
    self.y = y
  }

  /// The interpolated value at `t`; the first or last value outside the points.
  public func value(at t: Double) -> Double {
    guard let low = interval(holding: t, in: x) else { return t <= x[0] ? y[0] : y[y.count - 1] }
    let s = (t - x[low]) / (x[low + 1] - x[low])
    return y[low] + s * (y[low + 1] - y[low])
  }
}

/// The preconditions of an interpolant's points.
private func checkPoints(x: [Double], y: [Double]) {
  precondition(!x.isEmpty && x.count == y.count, "one value for each of at least one point")
  precondition(zip(x, x.dropFirst()).allSatisfy { $0 < $1 }, "x is strictly increasing")
  precondition((x + y).allSatisfy(\.isFinite), "points are finite")
}

/// The k with xₖ ≤ t < xₖ₊₁, by bisection; `nil` when t is at or outside the outer points.
private func interval(holding t: Double, in x: [Double]) -> Int? {
  let last = x.count - 1
  guard t > x[0], t < x[last] else { return nil }
  var low = 0
  var high = last
  while high - low > 1 {
    let middle = (low + high) / 2
    if x[middle] <= t { low = middle } else { high = middle }
  }
  return low
}
