/// Quantiles across simulated paths of figures that each path gives as a function of one
/// standard normal ξ, integrated over ξ exactly: conditional Monte Carlo.
///
/// Each path records, for each figure, a value x(ξ) that does not fall as ξ rises, and its
/// slope dx/dξ, at the nodes ``nodes`` (ξ from −4.5 to 4.5 in steps of 1.125): pay itself,
/// or its logarithm where pay is positive (nearly a straight line in ξ). Between the nodes
/// a path's ξ at a value x is the cubic Hermite interpolant of ξ in x, whose slopes are
/// 1/(dx/dξ); beyond them, the line of the end slope. Path i, of weight wᵢ (1, or its
/// post-stratification weight), is then at or below q with probability Φ(ξᵢ*(q)), and
///
/// ```
/// F(q) = Σᵢ wᵢ Φ(ξᵢ*(q)) / Σᵢ wᵢ,    F′(q) = Σᵢ wᵢ φ(ξᵢ*) dξᵢ*/dq / Σᵢ wᵢ
/// ```
///
/// is smooth in q. The p-quantile solves F(q) = p by Newton's method from a guess (the
/// percentile of the paths' own draws), safeguarded by bisection within a bracket that
/// holds it (every path is below its first node, and above its last, with probability
/// Φ(−4.5) < 10⁻⁵), to 10⁻¹⁰ of q. Averaging Φ rather than counting the paths below q
/// removes all of the variance that ξ causes; what remains comes from the paths' other
/// draws, which a Sobol' sequence spreads evenly.
///
/// **Accuracy of the interpolation.** With nodes every 0.75 of ξ instead, the bands of the
/// `monte-carlo-error` bench's profiles at 4,096 paths move by less than 0.01%; with nodes
/// every 2.25, by 0.5%.
///
/// - Complexity: O(paths × figures × nodes) memory; a quantile takes a few passes over the
///   paths.
struct SmoothedQuantiles {
  /// The values of ξ at which each path records its figures.
  static let nodes: [Double] = (0..<9).map { -4.5 + 1.125 * Double($0) }
  /// Nodes every 1.5 of ξ, for figures that bend less, such as totals over years.
  static let fewerNodes: [Double] = (0..<7).map { -4.5 + 1.5 * Double($0) }

  /// The nodes of this table.
  let nodes: [Double]
  /// The most paths × figures smoothed: 147 MB of nodes.
  static let limit = 1 << 20

  let paths: Int
  let figures: Int
  /// For path i and figure f, at `((f × paths + i) × nodes + j)`: x and dx/dξ at node j,
  /// each figure's paths side by side, as ``distribution(figure:at:)`` reads them.
  private var xs: [Double]
  private var slopes: [Double]
  /// dξ/dx at each node, 1/slope (0 where the slope is).
  private var inverseSlopes: [Double]
  /// For path i and figure f, at `f × paths + i`: whether x is the logarithm of the value.
  private var logarithmic: [Bool]
  /// For path i and figure f, at `f × paths + i`: the path's weight.
  var weights: [Double]
  /// For each figure, the least value at the first node and the greatest at the last, as
  /// values and as logarithms: the bracket of its quantiles.
  private var lowest: [(value: Double, logarithm: Double)]
  private var highest: [(value: Double, logarithm: Double)]

  /// Room for `paths` paths of `figures` figures, each of weight 1.
  ///
  /// - Precondition: `paths × figures` is from 1 to ``limit``.
  init(paths: Int, figures: Int, nodes: [Double] = Self.nodes) {
    precondition(paths > 0 && figures > 0 && paths * figures <= Self.limit, "room to smooth")
    precondition(nodes.count >= 2, "nodes to interpolate between, evenly spaced")
    self.paths = paths
    self.figures = figures
    self.nodes = nodes
    let count = paths * figures * nodes.count
    xs = [Double](repeating: 0, count: count)
    slopes = [Double](repeating: 0, count: count)
    inverseSlopes = [Double](repeating: 0, count: count)
    logarithmic = [Bool](repeating: false, count: paths * figures)
    weights = [Double](repeating: 1, count: paths * figures)
    lowest = [(Double, Double)](repeating: (.infinity, .infinity), count: figures)
    highest = [(Double, Double)](repeating: (-.infinity, -.infinity), count: figures)
  }

  /// Records figure `figure` of `path` at node `node`: x (the value, or with
  /// `isLogarithm` its logarithm) and dx/dξ (a negative slope, from rounding, counts as 0).
  /// A path's figure is recorded the same way at every node.
  mutating func record(
    path: Int, figure: Int, node: Int, x: Double, slope: Double, isLogarithm: Bool = false
  ) {
    let index = (figure * paths + path) * nodes.count + node
    xs[index] = x
    slopes[index] = max(0, slope)
    logarithmic[figure * paths + path] = isLogarithm
  }

  /// Once every figure of `path` is recorded at every node: takes the logarithm of the
  /// values that are positive at every node, and widens the brackets.
  mutating func finish(path: Int) {
    let m = nodes.count
    for figure in 0..<figures {
      let row = (figure * paths + path) * m
      if !logarithmic[figure * paths + path] {
        var positive = true
        for j in 0..<m where !(xs[row + j] > 0) { positive = false }
        if positive {
          logarithmic[figure * paths + path] = true
          for j in 0..<m {
            slopes[row + j] /= xs[row + j]
            xs[row + j] = Math.log(xs[row + j])
          }
        }
      }
      for j in 0..<m { inverseSlopes[row + j] = slopes[row + j] > 0 ? 1 / slopes[row + j] : 0 }
      if logarithmic[figure * paths + path] {
        lowest[figure].logarithm = min(lowest[figure].logarithm, xs[row])
        highest[figure].logarithm = max(highest[figure].logarithm, xs[row + m - 1])
      } else {
        lowest[figure].value = min(lowest[figure].value, xs[row])
        highest[figure].value = max(highest[figure].value, xs[row + m - 1])
      }
    }
  }

  /// Figure `figure` of `path` at ξ: what the path's own draw of ξ gives.
  func value(path: Int, figure: Int, at xi: Double) -> Double {
    let m = nodes.count
    let row = (figure * paths + path) * m
    let step = nodes[1] - nodes[0]
    let x: Double
    if xi <= nodes[0] {
      x = xs[row] + slopes[row] * (xi - nodes[0])
    } else if xi >= nodes[m - 1] {
      x = xs[row + m - 1] + slopes[row + m - 1] * (xi - nodes[m - 1])
    } else {
      let j = min(Int((xi - nodes[0]) / step), m - 2)
      let s = xi - nodes[j]
      let (c0, c1, c2, c3) = hermiteCoefficients(
        xs[row + j], slopes[row + j], xs[row + j + 1], slopes[row + j + 1], step)
      x = c0 + s * (c1 + s * (c2 + s * c3))
    }
    return logarithmic[figure * paths + path] ? Math.exp(x) : x
  }

  /// Whether no path's figure moves with ξ: its quantiles are then the paths' own values'.
  func isFlat(figure: Int) -> Bool {
    let m = nodes.count
    for path in 0..<paths {
      let row = (figure * paths + path) * m
      for j in 0..<m where slopes[row + j] > 0 { return false }
    }
    return true
  }

  /// F(q) for `figure`, and F′(q) with `density`. `hints` holds, for each path, the node
  /// to look from (the one found the last time, so that nearby values of q find theirs in
  /// a step or two).
  func distribution(figure: Int, at q: Double, density wantsDensity: Bool, hints: inout [Int])
    -> (share: Double, density: Double)
  {
    let m = nodes.count
    let logQ = q > 0 ? Math.log(q) : -Double.infinity
    var share = 0.0
    var density = 0.0
    var total = 0.0
    let inverseQ = 1 / q
    StandardNormalTable.withLookup { normal in
      xs.withUnsafeBufferPointer { xs in
        inverseSlopes.withUnsafeBufferPointer { inverses in
          weights.withUnsafeBufferPointer { weights in
            logarithmic.withUnsafeBufferPointer { logarithmic in
              hints.withUnsafeMutableBufferPointer { hints in
                let first = figure * paths
                for path in 0..<paths {
                  let weight = weights[first + path]
                  total += weight
                  let isLogarithm = logarithmic[first + path]
                  let x = isLogarithm ? logQ : q
                  let row = (first + path) * m
                  // ξ at x, and dξ/dx.
                  var xi: Double
                  var dxi = 0.0
                  if x < xs[row] {
                    let inverse = inverses[row]
                    guard inverse > 0 else { continue }
                    xi = nodes[0] - (xs[row] - x) * inverse
                    dxi = inverse
                  } else if x >= xs[row + m - 1] {
                    let inverse = inverses[row + m - 1]
                    guard inverse > 0 else {
                      share += weight
                      continue
                    }
                    xi = nodes[m - 1] + (x - xs[row + m - 1]) * inverse
                    dxi = inverse
                  } else {
                    // The last node at or below x (the next is above it), from the hint.
                    var low = min(hints[path], m - 2)
                    while xs[row + low] > x { low -= 1 }
                    while xs[row + low + 1] <= x { low += 1 }
                    hints[path] = low
                    let x0 = xs[row + low]
                    let width = xs[row + low + 1] - x0
                    let t = (x - x0) / width
                    let xi0 = nodes[low]
                    let xi1 = nodes[low + 1]
                    let i0 = inverses[row + low]
                    let i1 = inverses[row + low + 1]
                    if i0 > 0 && i1 > 0 {
                      let m0 = width * i0
                      let m1 = width * i1
                      let t2 = t * t
                      let t3 = t2 * t
                      xi =
                        (2 * t3 - 3 * t2 + 1) * xi0 + (t3 - 2 * t2 + t) * m0
                        + (3 * t2 - 2 * t3) * xi1 + (t3 - t2) * m1
                      xi = min(max(xi, xi0), xi1)
                      if wantsDensity {
                        dxi = max(
                          0,
                          ((6 * t2 - 6 * t) * (xi0 - xi1) + (3 * t2 - 4 * t + 1) * m0
                            + (3 * t2 - 2 * t) * m1) / width)
                      }
                    } else {
                      xi = xi0 + (xi1 - xi0) * t
                      dxi = (xi1 - xi0) / width
                    }
                  }
                  let (cdf, pdf) = normal.cdfAndDensity(xi)
                  share += weight * cdf
                  if wantsDensity { density += weight * pdf * dxi * (isLogarithm ? inverseQ : 1) }
                }
              }
            }
          }
        }
      }
    }
    return total > 0 ? (share / total, density / total) : (0, 0)
  }

  /// The `p`-quantile of `figure`, from `guess` (``solve(_:low:high:guess:distribution:)``).
  ///
  /// - Precondition: `p` is strictly between 0 and 1.
  func quantile(_ p: Double, figure: Int, guess: Double) -> Double {
    var hints = [Int](repeating: nodes.count / 2, count: paths)
    return Self.solve(
      p, low: min(lowest[figure].value, Math.exp(lowest[figure].logarithm)),
      high: max(highest[figure].value, Math.exp(highest[figure].logarithm)), guess: guess
    ) { q in distribution(figure: figure, at: q, density: true, hints: &hints) }
  }

  /// The q with F(q) = p, for a distribution F that is smooth and rises from at most p at
  /// `low` to at least p at `high`, by Newton's method from `guess`, safeguarded by
  /// bisection. A Newton step under 10⁻³ of q, from a guess already that close, leaves an
  /// error of the order of its square: the step is taken and the search ends there, within
  /// about 10⁻⁶ of q (two or three evaluations of F from a guess a percent or two off).
  ///
  /// - Precondition: `p` is strictly between 0 and 1.
  static func solve(
    _ p: Double, low: Double, high: Double, guess: Double,
    distribution: (Double) -> (share: Double, density: Double)
  ) -> Double {
    precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
    var low = low
    var high = high
    var q = min(max(guess, low), high)
    for _ in 0..<200 {
      guard high - low > 1e-10 * max(abs(low), abs(high)) else { break }
      let (share, density) = distribution(q)
      if share < p { low = q } else { high = q }
      let newton = density > 0 ? q - (share - p) / density : .nan
      if newton > low && newton < high {
        let change = abs(newton - q)
        q = newton
        if change <= 1e-3 * abs(q) { break }
      } else {
        q = (low + high) / 2
      }
    }
    return q
  }
}
