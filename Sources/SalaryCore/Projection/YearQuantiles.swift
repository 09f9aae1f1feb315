/// One calendar year's pay across the simulated careers, with the place in the band
/// integrated exactly: the year's score is base + σ·Z, Z standard normal, whatever the
/// path (``DrawLayout``), so a path of score table u(z) (log-pay by score), salary scale s
/// and growth g pays at most q with probability Φ((z(ln q − ln g − ln s) − base)/σ), z the
/// table's inverse.
///
/// The paths come in groups of the same table and scale, each group of weight w (its share
/// of the paths, post-stratified); growth, which the model draws independently of the
/// career, comes from D samples of the drift shared by every group. Then
///
/// ```
/// F(q) = Σ_groups w (1/D) Σ_d Φ((z(ln q − ln g_d − ln s) − base)/σ)
/// ```
///
/// and the quantile solves F(q) = p (``SmoothedQuantiles/solve(_:low:high:guess:distribution:)``).
/// Its cost is the groups times the samples, whatever the number of paths.
struct YearQuantiles {
  /// The paths whose year shows one score table and one scale.
  struct Group {
    var table: ScoreTable
    var logScale: Double
    var weight: Double
  }

  let groups: [Group]
  /// ln g for each drift sample.
  let logGrowths: [Double]
  let base: Double
  let deviation: Double

  /// The groups (of positive total weight), the growth samples, and the year's score.
  ///
  /// - Precondition: `deviation` is positive; there is a group and a growth sample.
  init(groups: [Group], logGrowths: [Double], base: Double, deviation: Double) {
    precondition(deviation > 0 && !groups.isEmpty && !logGrowths.isEmpty, "a year to integrate")
    var total = 0.0
    for group in groups { total += group.weight }
    self.groups = groups.map {
      Group(table: $0.table, logScale: $0.logScale, weight: $0.weight / total)
    }
    self.logGrowths = logGrowths
    self.base = base
    self.deviation = deviation
  }

  /// F(q) and F′(q). `hints` holds an interval of each group's table for each sample.
  func distribution(at q: Double, hints: inout [Int]) -> (share: Double, density: Double) {
    guard q > 0 else { return (0, 0) }
    let logQ = Math.log(q)
    let samples = logGrowths.count
    let inverseSamples = 1 / Double(samples)
    let inverseDeviation = 1 / deviation
    var share = 0.0
    var density = 0.0
    StandardNormalTable.withLookup { normal in
      for index in groups.indices {
        var groupShare = 0.0
        var groupDensity = 0.0
        let at = logQ - groups[index].logScale
        for d in 0..<samples {
          let (z, dz) = groups[index].table.scoreAndSlope(
            atLogPay: at - logGrowths[d], hint: &hints[index * samples + d])
          let (cdf, pdf) = normal.cdfAndDensity((z - base) * inverseDeviation)
          groupShare += cdf
          groupDensity += pdf * dz
        }
        share += groups[index].weight * groupShare
        density += groups[index].weight * groupDensity
      }
    }
    return (share * inverseSamples, density * inverseSamples * inverseDeviation / q)
  }

  /// The `p`-quantile, from `guess`.
  ///
  /// - Precondition: `p` is strictly between 0 and 1.
  func quantile(_ p: Double, guess: Double) -> Double {
    // Below every group's pay at z = base − 6σ (and above it at base + 6σ) with
    // probability Φ(−6) at most: the bracket holds the quantile.
    var low = Double.infinity
    var high = -Double.infinity
    let lowest = logGrowths.min()!
    let highest = logGrowths.max()!
    for group in groups {
      low = min(
        low,
        group.table.logPayAndSlope(atScore: base - 6 * deviation).value + group.logScale
          + lowest)
      high = max(
        high,
        group.table.logPayAndSlope(atScore: base + 6 * deviation).value + group.logScale
          + highest)
    }
    var hints = [Int](repeating: 0, count: groups.count * logGrowths.count)
    return SmoothedQuantiles.solve(
      p, low: Math.exp(low), high: Math.exp(high), guess: guess
    ) { q in distribution(at: q, hints: &hints) }
  }
}
