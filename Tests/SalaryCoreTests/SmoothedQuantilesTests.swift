import Testing

@testable import SalaryCore

/// The conditional Monte Carlo's quantiles against mixtures whose quantiles are known.
@Suite struct SmoothedQuantilesTests {
  /// Paths that are each a lognormal in ξ, e^(μᵢ + σᵢξ): the quantile of their mixture,
  /// Σ Φ((ln q − μᵢ)/σᵢ)/n = p, solved by bisection.
  static func lognormalMixtureQuantile(_ p: Double, _ paths: [(mu: Double, sigma: Double)])
    -> Double
  {
    var low = -50.0
    var high = 50.0
    for _ in 0..<200 {
      let middle = (low + high) / 2
      let share =
        paths.reduce(0) { $0 + StandardNormal.cdf((middle - $1.mu) / $1.sigma) }
        / Double(paths.count)
      if share < p { low = middle } else { high = middle }
    }
    return Math.exp((low + high) / 2)
  }

  @Test func oneLognormalPathIsExact() {
    var smoothing = SmoothedQuantiles(paths: 1, figures: 1)
    for (node, xi) in SmoothedQuantiles.nodes.enumerated() {
      let pay = Math.exp(11 + 0.3 * xi)
      smoothing.record(path: 0, figure: 0, node: node, x: pay, slope: 0.3 * pay)
    }
    smoothing.finish(path: 0)
    for p in [0.1, 0.5, 0.9] {
      let exact = Math.exp(11 + 0.3 * StandardNormal.quantile(p))
      let found = smoothing.quantile(p, figure: 0, guess: exact * 1.02)
      #expect(abs(found / exact - 1) < 2e-6, "p = \(p)")
    }
    #expect(abs(smoothing.value(path: 0, figure: 0, at: 0.7) / Math.exp(11.21) - 1) < 1e-12)
  }

  /// A mixture of lognormals, recorded in pay (logarithms taken by `finish`) and, for the
  /// same paths, as logarithms directly; both give the mixture's quantiles.
  @Test(arguments: [false, true])
  func aMixtureOfLognormals(_ asLogarithms: Bool) {
    var paths: [(mu: Double, sigma: Double)] = []
    for i in 0..<40 {
      let mu: Double = 11 + 0.02 * Double(i % 7) - 0.1 * Double(i % 3)
      let sigma: Double = 0.2 + 0.01 * Double(i % 5)
      paths.append((mu, sigma))
    }
    var smoothing = SmoothedQuantiles(paths: paths.count, figures: 2)
    for (index, path) in paths.enumerated() {
      for (node, xi) in SmoothedQuantiles.nodes.enumerated() {
        let logPay = path.mu + path.sigma * xi
        let pay = Math.exp(logPay)
        if asLogarithms {
          smoothing.record(
            path: index, figure: 1, node: node, x: logPay, slope: path.sigma, isLogarithm: true)
        } else {
          smoothing.record(path: index, figure: 1, node: node, x: pay, slope: pay * path.sigma)
        }
        // Figure 0 does not move with ξ.
        smoothing.record(path: index, figure: 0, node: node, x: Double(index), slope: 0)
      }
      smoothing.finish(path: index)
    }
    #expect(smoothing.isFlat(figure: 0) && !smoothing.isFlat(figure: 1))
    for p in [0.1, 0.5, 0.9] {
      let exact = Self.lognormalMixtureQuantile(p, paths)
      let found = smoothing.quantile(p, figure: 1, guess: exact * 0.97)
      #expect(abs(found / exact - 1) < 2e-6, "p = \(p)")
    }
  }

  /// Weights move the mixture: a weight of 0 leaves a path out.
  @Test func weightsCount() {
    var smoothing = SmoothedQuantiles(paths: 2, figures: 1)
    for (node, xi) in SmoothedQuantiles.nodes.enumerated() {
      for (path, mu) in [10.0, 12.0].enumerated() {
        let pay = Math.exp(mu + 0.25 * xi)
        smoothing.record(path: path, figure: 0, node: node, x: pay, slope: 0.25 * pay)
      }
    }
    smoothing.finish(path: 0)
    smoothing.finish(path: 1)
    smoothing.weights[1] = 0
    let exact = Math.exp(10 + 0.25 * StandardNormal.quantile(0.9))
    #expect(abs(smoothing.quantile(0.9, figure: 0, guess: exact) / exact - 1) < 2e-6)
  }

  /// Totals may be negative (study costs more than pay): they are interpolated as values.
  @Test func negativeValuesAreInterpolatedAsValues() {
    var smoothing = SmoothedQuantiles(paths: 1, figures: 1)
    for (node, xi) in SmoothedQuantiles.nodes.enumerated() {
      smoothing.record(path: 0, figure: 0, node: node, x: -1000 + 100 * xi, slope: 100)
    }
    smoothing.finish(path: 0)
    let exact = -1000 + 100 * StandardNormal.quantile(0.1)
    #expect(abs(smoothing.quantile(0.1, figure: 0, guess: -1100) / exact - 1) < 2e-6)
  }

  /// A year of one group and one growth: pay is the table's at base + σZ, scaled.
  @Test func aYearOfOneGroupIsTheTablesQuantile() throws {
    let market = try ReproductionTests.model.market()
    let table = try market.scoreTable(experience: 4)
    let year = YearQuantiles(
      groups: [YearQuantiles.Group(table: table, logScale: 0.1, weight: 3)],
      logGrowths: [0.05], base: 0.2, deviation: 0.9)
    for p in [0.1, 0.5, 0.9] {
      let exact = Math.exp(
        table.logPay(atScore: 0.2 + 0.9 * StandardNormal.quantile(p)) + 0.1 + 0.05)
      let found = year.quantile(p, guess: exact * 1.01)
      #expect(abs(found / exact - 1) < 2e-6, "p = \(p)")
    }
  }

  /// Growth samples average: two growths ±g are the mixture of the two scaled tables.
  @Test func growthSamplesAverage() throws {
    let market = try ReproductionTests.model.market()
    let table = try market.scoreTable(experience: 4)
    let year = YearQuantiles(
      groups: [YearQuantiles.Group(table: table, logScale: 0, weight: 1)],
      logGrowths: [-0.1, 0.1], base: 0, deviation: 1)
    let q = year.quantile(0.5, guess: 100_000)
    var hint = 0
    let below = table.scoreAndSlope(atLogPay: Math.log(q) + 0.1, hint: &hint).score
    let above = table.scoreAndSlope(atLogPay: Math.log(q) - 0.1, hint: &hint).score
    #expect(abs((StandardNormal.cdf(below) + StandardNormal.cdf(above)) / 2 - 0.5) < 1e-6)
  }

  @Test func shareMeansAreAQuadrature() {
    let values = (0..<100).map { Double($0) }
    let means = ProjectionEngine.shareMeans(values.shuffled()[...], into: 4)
    for (mean, expected) in zip(means, [12.0, 37, 62, 87]) { #expect(abs(mean - expected) < 1e-12) }
    // Shares that split a value between them.
    let split = ProjectionEngine.shareMeans([2.0, 0, 1][...], into: 2)
    #expect(abs(split[0] - 0.5 / 1.5) < 1e-15 && abs(split[1] - 2.5 / 1.5) < 1e-15)
    #expect(ProjectionEngine.shareMeans([5.0][...], into: 1) == [5])
  }
}
