import Testing

@testable import SalaryCore

/// The table of Φ and φ against its plain twins.
@Suite struct StandardNormalTableTests {
  @Test func aFineSweepAgreesWithThePlainFunctions() {
    var worst = (cdf: 0.0, density: 0.0)
    for step in -10_000...10_000 {
      let z = Double(step) / 1_000
      let (cdf, density) = StandardNormalTable.cdfAndDensity(z)
      worst.cdf = max(worst.cdf, abs(cdf - StandardNormal.cdf(z)))
      worst.density = max(worst.density, abs(density - StandardNormal.density(z)))
    }
    #expect(worst.cdf < 1e-8 && worst.density < 1e-8, "\(worst)")
  }

  @Test func gridPointsAndEnds() {
    #expect(abs(StandardNormalTable.cdfAndDensity(0).cdf - 0.5) < 1e-15)
    #expect(StandardNormalTable.cdfAndDensity(-9.5) == (0, 0))
    #expect(StandardNormalTable.cdfAndDensity(9) == (1, 0))
    #expect(StandardNormalTable.cdfAndDensity(.infinity) == (1, 0))
    #expect(StandardNormalTable.cdfAndDensity(-.infinity) == (0, 0))
    #expect(StandardNormalTable.cdfAndDensity(.nan) == (0, 0))
  }
}
