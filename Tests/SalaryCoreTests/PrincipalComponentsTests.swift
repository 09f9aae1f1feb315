import Testing
import _TestSupport

@testable import SalaryCore

/// Principal components against what they must be: AAᵀ is the covariance, the variances
/// are the eigenvalues in decreasing order, and the signs are fixed.
@Suite struct PrincipalComponentsTests {
  /// AAᵀ for a size × size row-major A.
  static func product(_ a: [Double], size: Int) -> [[Double]] {
    (0..<size).map { i in
      (0..<size).map { j in (0..<size).reduce(0) { $0 + a[i * size + $1] * a[j * size + $1] } }
    }
  }

  @Test func aTwoByTwo() {
    // [[1, 1], [1, 2]]: eigenvalues (3 ± √5)/2.
    let pca = PrincipalComponents(covariance: [[1, 1], [1, 2]])
    #expect(abs(pca.variances[0] - (3 + 5.0.squareRoot()) / 2) < 1e-14)
    #expect(abs(pca.variances[1] - (3 - 5.0.squareRoot()) / 2) < 1e-14)
    let back = Self.product(pca.matrix, size: 2)
    #expect(abs(back[0][0] - 1) < 1e-14 && abs(back[0][1] - 1) < 1e-14)
    #expect(abs(back[1][1] - 2) < 1e-14)
    // Each column's largest component is positive.
    #expect(pca.matrix[2] > 0 && pca.matrix[0] > 0)
  }

  /// Seeded random covariances BBᵀ of sizes 1 to 12, some of lower rank.
  @Test func randomCovariancesAreRebuilt() {
    var random = SplitMix64(seed: 3)
    for size in 1...12 {
      let rank = max(1, size - Int(random.next() % 3))
      let b = (0..<size * rank).map { _ in Double(Int(random.next() % 2001) - 1000) / 500 }
      let covariance = (0..<size).map { i in
        (0..<size).map { j in (0..<rank).reduce(0.0) { $0 + b[i * rank + $1] * b[j * rank + $1] } }
      }
      let pca = PrincipalComponents(covariance: covariance)
      let back = Self.product(pca.matrix, size: size)
      var scale = 1.0
      for i in 0..<size { scale = max(scale, covariance[i][i]) }
      for i in 0..<size {
        for j in 0..<size {
          #expect(abs(back[i][j] - covariance[i][j]) < 1e-11 * scale, "size \(size) [\(i)][\(j)]")
        }
      }
      #expect(zip(pca.variances, pca.variances.dropFirst()).allSatisfy { $0 >= $1 })
      #expect(pca.variances.allSatisfy { $0 >= 0 })
      var trace = 0.0
      for i in 0..<size { trace += covariance[i][i] }
      #expect(abs(pca.variances.reduce(0, +) - trace) < 1e-11 * scale * Double(size))
    }
  }

  /// A random walk's running sums: the first component carries most of the variance
  /// (about 81% over nine steps, 8/π² in the limit).
  @Test func aRandomWalksFirstComponentCarriesMost() {
    let n = 9
    let covariance = (0..<n).map { i in (0..<n).map { j in Double(min(i, j) + 1) } }
    let pca = PrincipalComponents(covariance: covariance)
    let share = pca.variances[0] / pca.variances.reduce(0, +)
    #expect(share > 0.8 && share < 0.85)
    // Every running sum rises with the first component.
    #expect((0..<n).allSatisfy { pca.matrix[$0 * n] > 0 })
  }

  @Test func edgeSizes() {
    #expect(PrincipalComponents(covariance: []).matrix.isEmpty)
    let zero = PrincipalComponents(covariance: [[0, 0], [0, 0]])
    #expect(zero.variances == [0, 0] && zero.matrix.allSatisfy { $0 == 0 })
    let one = PrincipalComponents(covariance: [[4]])
    #expect(one.variances == [4] && one.matrix == [2])
  }
}
