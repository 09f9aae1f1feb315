/// The principal components of a Gaussian vector: a matrix A with AAᵀ = C for a covariance
/// C, whose columns are C's eigenvectors scaled by the square roots of their eigenvalues, in
/// decreasing order of eigenvalue.
///
/// Then x = Aξ, with ξ independent standard normals, has covariance C, and the first
/// coordinates of ξ carry as much of x's variance as any coordinates can: what a
/// quasi-random sequence, whose first dimensions are its best spread, should be spent on
/// (the principal-component construction of Acworth, Broadie and Glasserman, 1998).
///
/// The eigenvectors come from the cyclic Jacobi method: rotations that zero each
/// off-diagonal entry in turn, row by row, until every one is below 10⁻¹⁵ of the trace (at
/// most 64 sweeps). Each eigenvector's largest component, the first of equal ones, is made
/// positive, so the result is the same on every run.
///
///     let pca = PrincipalComponents(covariance: [[1, 1], [1, 2]])
///     pca.variances  // [2.618…, 0.381…]
///     pca.matrix     // 2 × 2, row-major: x = Aξ
///
/// - Complexity: O(n³) a sweep for an n × n covariance; a few sweeps suffice.
public struct PrincipalComponents: Sendable {
  /// The size n of the vector.
  public let size: Int
  /// The variances of the components (C's eigenvalues, negative rounding set to 0), in
  /// decreasing order.
  public let variances: [Double]
  /// A, n × n, row-major: A[i][j] at `i * size + j`, column j being component j's
  /// eigenvector times its standard deviation.
  public let matrix: [Double]

  /// The components of `covariance`.
  ///
  /// - Precondition: `covariance` is square, symmetric and finite.
  public init(covariance: [[Double]]) {
    let n = covariance.count
    precondition(covariance.allSatisfy { $0.count == n }, "a square matrix")
    for i in 0..<n {
      for j in 0..<n {
        precondition(covariance[i][j].isFinite, "finite covariances")
        precondition(covariance[i][j] == covariance[j][i], "a symmetric matrix")
      }
    }
    size = n
    var a = covariance.flatMap { $0 }
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    var trace = 0.0
    for i in 0..<n { trace += abs(a[i * n + i]) }
    let tolerance = 1e-15 * max(trace, .leastNormalMagnitude)
    for _ in 0..<64 {
      var off = 0.0
      for p in 0..<n {
        for q in (p + 1)..<max(n, p + 1) { off = max(off, abs(a[p * n + q])) }
      }
      if off <= tolerance { break }
      for p in 0..<n {
        for q in (p + 1)..<max(n, p + 1) where abs(a[p * n + q]) > tolerance {
          // The rotation by θ that zeroes a[p][q]: t = tan θ, the smaller root.
          let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let akp = a[k * n + p]
            let akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p * n + k]
            let aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
          }
          for k in 0..<n {
            let vkp = v[k * n + p]
            let vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
          }
        }
      }
    }
    // Decreasing variance; a stable order for equal ones.
    let order = (0..<n).sorted { i, j in
      a[i * n + i] != a[j * n + j] ? a[i * n + i] > a[j * n + j] : i < j
    }
    var matrix = [Double](repeating: 0, count: n * n)
    var variances: [Double] = []
    for (column, component) in order.enumerated() {
      let variance = max(0, a[component * n + component])
      variances.append(variance)
      var largest = 0
      for k in 0..<n where abs(v[k * n + component]) > abs(v[largest * n + component]) {
        largest = k
      }
      let sign: Double = v[largest * n + component] < 0 ? -1 : 1
      let deviation = variance.squareRoot()
      for k in 0..<n { matrix[k * n + column] = sign * deviation * v[k * n + component] }
    }
    self.variances = variances
    self.matrix = matrix
  }
}
