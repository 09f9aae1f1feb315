/// Which of a simulated path's uniform draws (``PathDraws``) feeds what, and how the normal
/// ones become the place in the band and the drift.
///
/// The draws come most important first, so that the Sobol' sequence's best-spread
/// dimensions go to what moves pay most: the career (a modelled career's draws, or each
/// planned promotion's shift), the leading component of the place in the band, its other
/// components, then the drift's components. A draw that would change nothing (a known
/// place, a volatility of 0, no promotion to shift) has no dimension.
///
/// **The place in the band.** Career year k's score is the place z (a standard normal, or
/// Φ⁻¹(p) when a salary fixed it) plus a departure u, with u₁ = 0 and
/// uₖ = ρuₖ₋₁ + s·εₖ: a Gaussian vector w = b + Mg, with g the independent normals
/// (z, ε₂, …, ε_K) that vary. It is drawn by its principal components
/// (``PrincipalComponents``), w = b + Aξ, so that the first normal ξ₁ carries most of its
/// variance. Every column of M is non-negative, so is every covariance, and so is A's first
/// column (Perron–Frobenius): pay rises with ξ₁ in every year, which lets the simulation
/// integrate over ξ₁ exactly (``SmoothedQuantiles``).
///
/// **The drift.** The shocks η₁ … η_(T−1) of the drift gₜ = g + σ_g·ηₜ of calendar years
/// 1 … T − 1 (year T's drift moves nothing) are drawn through the principal components of
/// their running sums S = Lη, the logarithm of growth to first order, and then
/// η = L⁻¹S: the same independent normals, with the first components carrying most of
/// the growth's variance.
struct DrawLayout {
  /// Career years K.
  let careerYears: Int
  /// The score of each career year, b + Aξ: A as K × m, row-major (column 0 is the leading
  /// component), for the m normals that vary.
  let scores: [Double]
  let scoreComponents: Int
  /// Each drift shock as components of independent normals, n × n, row-major.
  let shocks: [Double]
  let shockComponents: Int

  /// The career's draws.
  let career: Range<Int>
  /// The leading score component's draw.
  let leadingScore: Int?
  /// The other score components' draws, in order.
  let otherScores: Range<Int>
  /// The drift components' draws, in order.
  let drift: Range<Int>

  /// Every draw of a path.
  var count: Int { drift.upperBound }

  /// The layout of `careerDraws` career draws for `careerYears` career years and
  /// `settings.years` calendar years, with the place in the band known or drawn.
  ///
  /// - Precondition: `careerYears` and `careerDraws` are not negative.
  init(careerDraws: Int, careerYears: Int, positionKnown: Bool, settings: ProjectionSettings) {
    precondition(careerDraws >= 0 && careerYears >= 0, "counts of draws and years")
    self.careerYears = careerYears
    // The score: w = b + Mg; a column of M per normal, the place's and each shock's.
    var columns: [[Double]] = []
    if !positionKnown { columns.append([Double](repeating: 1, count: careerYears)) }
    if settings.bandVolatility > 0 {
      for i in 1..<max(1, careerYears) {
        var column = [Double](repeating: 0, count: careerYears)
        var weight = settings.bandVolatility
        for k in i..<careerYears {
          column[k] = weight
          weight *= settings.persistence
        }
        columns.append(column)
      }
    }
    scoreComponents = columns.count
    var scores = Self.components(of: columns, size: careerYears)
    // Rounding can leave −10⁻¹⁷ where the leading component is 0 (a known place in year 1).
    for k in 0..<careerYears where scoreComponents > 0 {
      scores[k * scoreComponents] = max(0, scores[k * scoreComponents])
    }
    self.scores = scores

    // The drift: the running sums S = Lη, L lower-triangular ones, then η = L⁻¹S.
    let n = settings.driftVolatility > 0 ? max(0, settings.years - 1) : 0
    let sums = Self.components(
      of: (0..<n).map { i in (0..<n).map { k in k >= i ? 1 : 0 } }, size: n)
    var shocks = sums
    for k in stride(from: n - 1, to: 0, by: -1) {
      for j in 0..<n { shocks[k * n + j] -= sums[(k - 1) * n + j] }
    }
    self.shocks = shocks
    shockComponents = n

    career = 0..<careerDraws
    leadingScore = scoreComponents > 0 ? careerDraws : nil
    let firstOther = career.upperBound + (scoreComponents > 0 ? 1 : 0)
    otherScores = firstOther..<career.upperBound + scoreComponents
    drift = otherScores.upperBound..<otherScores.upperBound + n
  }

  /// The principal components, as a size × columns.count row-major matrix A, of the vector
  /// Σⱼ gⱼcⱼ over the columns cⱼ, for independent standard normals gⱼ: AAᵀ = Σⱼ cⱼcⱼᵀ.
  static func components(of columns: [[Double]], size: Int) -> [Double] {
    guard !columns.isEmpty, size > 0 else { return [] }
    var covariance = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
    for i in 0..<size {
      for j in 0...i {
        var sum = 0.0
        for column in columns { sum += column[i] * column[j] }
        covariance[i][j] = sum
        covariance[j][i] = sum
      }
    }
    let pca = PrincipalComponents(covariance: covariance)
    let count = columns.count
    var matrix = [Double](repeating: 0, count: size * count)
    for i in 0..<size {
      for j in 0..<min(count, size) { matrix[i * count + j] = pca.matrix[i * size + j] }
    }
    return matrix
  }
}
