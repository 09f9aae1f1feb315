import Testing
import _TestSupport

@testable import SalaryCore

/// Reference values from SciPy 1.17 (`scipy.stats.norm.ppf`), compared to 1e-15 relative.
@Suite struct StandardNormalTests {
  @Test(arguments: [
    (1e-300, -37.0470962993612), (1e-20, -9.262340089798409), (1e-10, -6.361340902404056),
    (0.001, -3.090232306167813), (0.02425, -1.972961051311885), (0.1, -1.2815515655446004),
    (0.25, -0.6744897501960817), (0.5, 0.0), (0.75, 0.6744897501960817),
    (0.9, 1.2815515655446004), (0.975, 1.959963984540054), (0.999, 3.090232306167813),
    (1 - 1e-10, 6.361340889697422),
  ])
  func quantilesMatchSciPy(_ p: Double, _ expected: Double) {
    let z = StandardNormal.quantile(p)
    #expect(abs(z - expected) <= 1e-14 * max(1, abs(expected)), "Φ⁻¹(\(p)) = \(z)")
  }

  @Test func theEndsAreInfinite() {
    #expect(StandardNormal.quantile(0) == -.infinity)
    #expect(StandardNormal.quantile(1) == .infinity)
  }

  @Test func quantilesAreSymmetric() {
    var rng = SplitMix64(seed: 7)
    for _ in 0..<1_000 {
      let p = Double.random(in: 1e-12..<0.5, using: &rng)
      let sum = StandardNormal.quantile(p) + StandardNormal.quantile(1 - p)
      #expect(abs(sum) < 1e-9, "p = \(p)")
    }
  }
}

@Suite struct LogNormalSpreadTests {
  @Test func aMedianAndAMeanFixTheSpread() {
    #expect(abs(LogNormalSpread.fromMedian(70_000, mean: 75_000) - 0.3714643226124184) < 1e-15)
    #expect(abs(LogNormalSpread.fromMedian(235_000, mean: 240_000) - 0.2051994600277119) < 1e-15)
  }

  @Test func aRangeReadAsTheMiddleHalf() {
    #expect(
      abs(LogNormalSpread.fromRange(60_000, 85_000, coverage: 0.5) - 0.25820013882120424) < 1e-15)
    #expect(
      abs(LogNormalSpread.fromRange(110_000, 140_000, coverage: 0.5) - 0.17877370022804623) < 1e-15)
  }

  @Test func aWiderReadingOfTheSameRangeMeansLessSpread() {
    let half = LogNormalSpread.fromRange(90_000, 130_000, coverage: 0.5)
    let most = LogNormalSpread.fromRange(90_000, 130_000, coverage: 0.8)
    #expect(abs(half / most - 1.2815515655446004 / 0.6744897501960817) < 1e-12)
  }
}
