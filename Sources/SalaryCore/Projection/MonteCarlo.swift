extension ProjectionEngine {
  /// The bands of the simulated careers: each calendar year's and each total's.
  struct Simulated {
    var years: [Band]
    var nominal: Band
    var real: Band
    var presentValue: Band
  }

  /// Pay and its slope in the leading normal of the place in the band, added up and grown
  /// as pay is (``calendarPay(rates:drift:into:)``).
  struct PayAndSlope: PayAmount {
    var pay: Double
    var slope: Double

    static var zero: PayAndSlope { PayAndSlope(pay: 0, slope: 0) }

    static func + (a: PayAndSlope, b: PayAndSlope) -> PayAndSlope {
      PayAndSlope(pay: a.pay + b.pay, slope: a.slope + b.slope)
    }

    static func - (a: PayAndSlope, b: PayAndSlope) -> PayAndSlope {
      PayAndSlope(pay: a.pay - b.pay, slope: a.slope - b.slope)
    }

    static func * (amount: PayAndSlope, factor: Double) -> PayAndSlope {
      PayAndSlope(pay: amount.pay * factor, slope: amount.slope * factor)
    }
  }

  /// How the bands are found from the paths.
  enum Estimator {
    /// Each path's figures at its own draws; the bands are percentiles across paths.
    case plain
    /// Every figure integrated over the leading normal ξ₁ of the place in the band, path
    /// by path (``SmoothedQuantiles``).
    case smoothed
    /// Each year's pay integrated over its whole place in the band (``YearQuantiles``),
    /// and the totals over ξ₁ path by path: when calendar year t is career year t.
    case yearByYear
  }

  /// The most points a year's quantiles integrate growth over (``YearQuantiles``): the
  /// means of as many equal shares of the paths' growth, in order.
  static let growthSamples = 16

  /// Simulates `settings.paths` careers and summarises them.
  ///
  /// Each path turns its uniform draws (``DrawLayout``, ``PathDraws``) into a career by
  /// inverting each one's distribution: a modelled career's levels (``PromotionModel/
  /// sampleCareer(from:years:draws:into:)``) or a shift of each planned promotion, each
  /// career year's place in the band, and each calendar year's drift. Schedules and score
  /// tables depend only on the levels or the shifts, so each distinct career is scheduled
  /// once. With a salary, each path's rates are scaled so that its year 1 pays the salary.
  ///
  /// By default the draws are a scrambled Sobol' sequence and the place in the band is
  /// integrated exactly rather than drawn (conditional Monte Carlo), where the model allows:
  ///
  /// - **Year by year**, when calendar years are career years (no study): year t's score
  ///   is base + σₜZ on every path, so its pay is a mixture, over the paths' score tables
  ///   and scales and the first ``growthSamples`` paths' growth, of known transforms of Z
  ///   (``YearQuantiles``). A modelled career's paths are post-stratified: the paths
  ///   holding each level in year t (and, with a salary, each level in year 1, which sets
  ///   the scale) together weigh the model's exact share of careers holding it
  ///   (``PromotionModel/levelShares(from:years:)``), each path of the level alike. The
  ///   totals are integrated over the leading normal ξ₁ path by path.
  /// - **Smoothed** otherwise: every figure is integrated over ξ₁ path by path
  ///   (``SmoothedQuantiles``), the years post-stratified by the career year they show.
  ///
  /// **Plain**: with independent draws, without a normal to integrate (a known place and no
  /// band volatility), with a salary whose place is not known (its scale moves with ξ₁), or
  /// with more than ``SmoothedQuantiles/limit`` paths × figures, each path's figures are
  /// worked out at its own draw and the bands are the 10th, 50th and 90th percentiles
  /// across paths, found by selection.
  func simulation(costs: [Double], weights: (real: [Double], present: [Double]))
    throws(MarketError) -> Simulated
  {
    guard case .curve(let curve) = rule else {
      preconditionFailure("only the curves are simulated")
    }
    let years = settings.years
    let count = settings.paths
    let timing = settings.timingYears
    let modelled = curve.promotions
    let layout = DrawLayout(
      careerDraws: modelled?.model.careerDraws
        ?? (timing > 0 ? curve.path.promotions.count : 0),
      careerYears: careerYears, positionKnown: curve.positionKnown, settings: settings)
    let components = layout.scoreComponents
    let figures = years + 3
    let estimator: Estimator =
      settings.sampling != .sobol || components == 0
        || (curve.salary != nil && !curve.positionKnown)
        || count * figures > SmoothedQuantiles.limit
      ? .plain : studyYears == 0 && careerYears == years ? .yearByYear : .smoothed
    var draws = PathDraws(settings.sampling, count: layout.count, seed: settings.seed)
    var u = [Double](repeating: 0.5, count: layout.count)

    // The score tables of each career year, by the career (a modelled career's levels, or
    // the shifts of planned promotions), as indices into `scoreTables`.
    var scoreTables: [ScoreTable] = []
    var tableIndex: [ScoreTableKey: Int] = [:]
    var tablesByCareer: [[Int]: [Int]] = [:]
    func tables(for career: [Int]) throws(MarketError) -> [Int] {
      if let known = tablesByCareer[career] { return known }
      let steps =
        modelled == nil ? schedule(curve, shifts: career) : self.steps(holding: career, curve)
      var found: [Int] = []
      found.reserveCapacity(steps.count)
      for step in steps {
        let market = curve.market.atLevel(step.level)
        let key = ScoreTableKey(
          level: step.level.key, experience: market.heldExperience(step.experience))
        if let index = tableIndex[key] {
          found.append(index)
        } else {
          scoreTables.append(try market.scoreTable(experience: step.experience))
          tableIndex[key] = scoreTables.count - 1
          found.append(scoreTables.count - 1)
        }
      }
      tablesByCareer[career] = found
      return found
    }

    let base = curve.positionKnown ? StandardNormal.quantile(curve.percentile) : 0
    // Year by year, the totals alone are smoothed path by path, on fewer nodes (a sum over
    // the years bends less than a year's pay).
    let smoothedFigures = estimator == .yearByYear ? 3 : figures
    var smoothing = SmoothedQuantiles(
      paths: estimator == .plain ? 1 : count, figures: estimator == .plain ? 1 : smoothedFigures,
      nodes: estimator == .yearByYear ? SmoothedQuantiles.fewerNodes : SmoothedQuantiles.nodes)
    let nodes = SmoothedQuantiles.nodes
    let totalNodes = SmoothedQuantiles.fewerNodes
    var career = [Int](repeating: 0, count: modelled == nil ? curve.path.promotions.count : 0)
    var normals = [Double](repeating: 0, count: max(components, layout.shockComponents))
    var rest = [Double](repeating: 0, count: careerYears)
    var rates = [PayAndSlope](repeating: .zero, count: careerYears)
    var drift = [Double](repeating: driftRate, count: years)
    var logGrowth = [Double](repeating: 0, count: years)
    var yearPay = [PayAndSlope](repeating: .zero, count: years)
    var ownDraws = [Double](repeating: 0, count: estimator == .plain ? 0 : count)
    // Each path's figures at its own draw, figure-major: every figure when plain, the
    // years year by year (the guesses of their quantiles).
    var values = [Double](
      repeating: 0,
      count: estimator == .plain ? count * figures : estimator == .yearByYear ? count * years : 0)
    // Year by year: each path's table of each year, its salary scale, and the first paths'
    // growth.
    var pathTables = [Int](repeating: 0, count: estimator == .yearByYear ? count * years : 0)
    var pathScales = [Double](repeating: 0, count: estimator == .yearByYear ? count : 0)
    let samples = min(count, Self.growthSamples)
    var growths = [Double](repeating: 0, count: estimator == .yearByYear ? count * years : 0)
    // Each path's levels by career year, for the post-stratification.
    let stratified = estimator != .plain && modelled != nil
    var pathLevels = [Int](repeating: 0, count: stratified ? count * careerYears : 0)
    let logSalary = curve.salary.map { Math.log($0) }
    var growthScale = [Double](repeating: 1, count: years)
    // Year by year, one path's three totals at each node.
    var nodeTotals = [(PayAndSlope, PayAndSlope, PayAndSlope)](
      repeating: (.zero, .zero, .zero), count: totalNodes.count)

    /// The path's pay with the place at ξ₁ = `leading`: each year's in `yearPay`, and the
    /// three totals.
    func evaluate(_ stepTables: [Int], leading: Double) -> (
      PayAndSlope, PayAndSlope, PayAndSlope
    ) {
      for k in stepTables.indices {
        let loading = components > 0 ? layout.scores[k * components] : 0
        let (logPay, slope) = scoreTables[stepTables[k]].logPayAndSlope(
          atScore: rest[k] + loading * leading)
        let pay = Math.exp(logPay)
        rates[k] = PayAndSlope(pay: pay, slope: pay * slope * loading)
      }
      // A salary fixes the place, and year 1's score with it (its loading is 0): the scale
      // does not move with ξ₁.
      let scale = Self.salaryScale(curve.salary, firstRate: rates[0].pay)
      if scale != 1 {
        for k in stepTables.indices { rates[k] = rates[k] * scale }
      }
      calendarPay(rates: rates[..<stepTables.count], drift: { drift[$0] }, into: &yearPay)
      var nominal = PayAndSlope.zero
      var real = PayAndSlope.zero
      var present = PayAndSlope.zero
      for t in 0..<years {
        let net = PayAndSlope(pay: yearPay[t].pay - costs[t], slope: yearPay[t].slope)
        nominal = nominal + net
        real = real + net * weights.real[t]
        present = present + net * weights.present[t]
      }
      return (nominal, real, present)
    }

    for path in 0..<count {
      draws.next(into: &u)
      if let modelled {
        modelled.model.sampleCareer(
          from: modelled.start, years: careerYears, draws: u[layout.career], into: &career)
        if stratified {
          for k in 0..<careerYears { pathLevels[path * careerYears + k] = career[k] }
        }
      } else if !layout.career.isEmpty {
        // Each shift equally likely, from `timing` years early to as many late.
        for j in career.indices {
          let cell = Int(u[layout.career.lowerBound + j] * Double(2 * timing + 1))
          career[j] = min(cell, 2 * timing) - timing
        }
      }
      let stepTables = try tables(for: career)
      // Each career year's score but for the leading component.
      for j in 1..<max(1, components) {
        normals[j] = StandardNormal.quantile(u[layout.otherScores.lowerBound + j - 1])
      }
      for k in 0..<careerYears {
        var score = base
        for j in 1..<max(1, components) {
          score += layout.scores[k * components + j] * normals[j]
        }
        rest[k] = score
      }
      let shocks = layout.shockComponents
      for j in 0..<shocks { normals[j] = StandardNormal.quantile(u[layout.drift.lowerBound + j]) }
      var growth = 0.0
      for t in 0..<years {
        if t < shocks {
          var shock = 0.0
          for j in 0..<shocks { shock += layout.shocks[t * shocks + j] * normals[j] }
          drift[t] = max(-0.99, driftRate + settings.driftVolatility * shock)
        }
        logGrowth[t] = growth
        growth += Math.log(1 + drift[t])
      }
      let own = layout.leadingScore.map { StandardNormal.quantile(u[$0]) } ?? 0

      switch estimator {
      case .plain:
        let totals = evaluate(stepTables, leading: own)
        for t in 0..<years { values[t * count + path] = yearPay[t].pay }
        values[years * count + path] = totals.0.pay
        values[(years + 1) * count + path] = totals.1.pay
        values[(years + 2) * count + path] = totals.2.pay
        continue
      case .smoothed:
        for (node, leading) in nodes.enumerated() {
          let totals = evaluate(stepTables, leading: leading)
          for t in 0..<years {
            smoothing.record(
              path: path, figure: t, node: node, x: yearPay[t].pay, slope: yearPay[t].slope)
          }
          smoothing.record(
            path: path, figure: years, node: node, x: totals.0.pay, slope: totals.0.slope)
          smoothing.record(
            path: path, figure: years + 1, node: node, x: totals.1.pay, slope: totals.1.slope)
          smoothing.record(
            path: path, figure: years + 2, node: node, x: totals.2.pay, slope: totals.2.slope)
        }
      case .yearByYear:
        // Year 1's score does not move with ξ₁ when a salary fixes the place.
        let logScale =
          logSalary.map { $0 - scoreTables[stepTables[0]].logPayAndSlope(atScore: rest[0]).value }
          ?? 0
        pathScales[path] = logScale
        for t in 0..<years {
          pathTables[t * count + path] = stepTables[t]
          growths[t * count + path] = logGrowth[t]
          growthScale[t] = Math.exp(logScale + logGrowth[t])
        }
        scoreTables.withUnsafeBufferPointer { tables in
          for t in 0..<years {
            let loading = layout.scores[t * components]
            values[t * count + path] = Math.exp(
              tables[stepTables[t]].logPayAndSlope(atScore: rest[t] + loading * own).value
                + logScale + logGrowth[t])
          }
          // The totals at the nodes; nothing is studied, so nothing costs. Year by year,
          // each year's table read once for every node; each node's sums still run over
          // the years in order.
          nodeTotals.withUnsafeMutableBufferPointer { nodeTotals in
            for node in nodeTotals.indices { nodeTotals[node] = (.zero, .zero, .zero) }
            for t in 0..<years {
              let loading = layout.scores[t * components]
              let table = tables[stepTables[t]]
              let score = rest[t]
              let scale = growthScale[t]
              let real = weights.real[t]
              let present = weights.present[t]
              for (node, leading) in totalNodes.enumerated() {
                let (rate, slope) = table.payAndSlope(atScore: score + loading * leading)
                let net = PayAndSlope(pay: rate, slope: slope * loading) * scale
                nodeTotals[node].0 = nodeTotals[node].0 + net
                nodeTotals[node].1 = nodeTotals[node].1 + net * real
                nodeTotals[node].2 = nodeTotals[node].2 + net * present
              }
            }
          }
          for (node, totals) in nodeTotals.enumerated() {
            smoothing.record(
              path: path, figure: 0, node: node, x: totals.0.pay, slope: totals.0.slope)
            smoothing.record(
              path: path, figure: 1, node: node, x: totals.1.pay, slope: totals.1.slope)
            smoothing.record(
              path: path, figure: 2, node: node, x: totals.2.pay, slope: totals.2.slope)
          }
        }
      }
      ownDraws[path] = own
      smoothing.finish(path: path)
    }

    // The post-stratification weights of each year's paths (1 without a modelled career).
    var yearWeights = [Double](repeating: 1, count: stratified ? count * years : 0)
    if stratified, let modelled {
      postStratify(
        &yearWeights, levels: pathLevels, model: modelled, bySalary: curve.salary != nil,
        paths: count)
      if estimator == .smoothed {
        for t in 0..<years {
          for path in 0..<count {
            smoothing.weights[t * count + path] = yearWeights[t * count + path]
          }
        }
      }
    }

    var column = [Double](repeating: 0, count: count)
    var bands: [Band] = []
    bands.reserveCapacity(figures)
    for f in 0..<figures {
      switch estimator {
      case .plain:
        for path in 0..<count { column[path] = values[f * count + path] }
        bands.append(Band(percentilesOf: &column))
      case .smoothed:
        bands.append(smoothedBand(smoothing, figure: f, ownDraws: ownDraws, column: &column))
      case .yearByYear where f >= years:
        bands.append(
          smoothedBand(smoothing, figure: f - years, ownDraws: ownDraws, column: &column))
      case .yearByYear:
        for path in 0..<count { column[path] = values[f * count + path] }
        let plain = Band(percentilesOf: &column)
        var variance = 0.0
        for j in 0..<components {
          variance += layout.scores[f * components + j] * layout.scores[f * components + j]
        }
        guard variance > 0 else {
          bands.append(plain)
          continue
        }
        // The groups of paths showing one table and scale this year: the scale is set by
        // year 1's table.
        let tableCount = scoreTables.count
        var groupIndex = [Int](
          repeating: -1, count: tableCount * (logSalary == nil ? 1 : tableCount))
        var groups: [YearQuantiles.Group] = []
        for path in 0..<count {
          let table = pathTables[f * count + path]
          let key = table + (logSalary == nil ? 0 : tableCount * pathTables[path])
          let weight = stratified ? yearWeights[f * count + path] : 1
          if groupIndex[key] >= 0 {
            groups[groupIndex[key]].weight += weight
          } else {
            groupIndex[key] = groups.count
            groups.append(
              YearQuantiles.Group(
                table: scoreTables[table], logScale: pathScales[path], weight: weight))
          }
        }
        let year = YearQuantiles(
          groups: groups.filter { $0.weight > 0 },
          logGrowths: Self.shareMeans(growths[(f * count)..<((f + 1) * count)], into: samples),
          base: base,
          deviation: variance.squareRoot())
        bands.append(
          Band(
            p10: year.quantile(0.1, guess: plain.p10), p50: year.quantile(0.5, guess: plain.p50),
            p90: year.quantile(0.9, guess: plain.p90)))
      }
    }
    return Simulated(
      years: Array(bands[..<years]), nominal: bands[years], real: bands[years + 1],
      presentValue: bands[years + 2])
  }

  /// The means of `shares` equal shares of `values`, in increasing order: a quadrature of
  /// their distribution on `shares` points, each of weight 1/`shares` (a value falling on
  /// a boundary is split between the shares it straddles).
  static func shareMeans(_ values: ArraySlice<Double>, into shares: Int) -> [Double] {
    let sorted = values.sorted()
    let size = Double(sorted.count) / Double(shares)
    var means = [Double](repeating: 0, count: shares)
    for (index, value) in sorted.enumerated() {
      // The value covers [index, index + 1) of the order; share s covers [s·size, (s+1)·size).
      var from = Double(index)
      let to = from + 1
      while from < to {
        let share = min(Int(from / size), shares - 1)
        let end = min(to, Double(share + 1) * size)
        means[share] += value * (end - from) / size
        from = share == shares - 1 ? to : end
      }
    }
    return means
  }

  /// The band of figure `figure` of `smoothing`: its quantiles, from the percentiles of
  /// the paths' own draws (the quantiles themselves when nothing moves with ξ₁).
  private func smoothedBand(
    _ smoothing: SmoothedQuantiles, figure: Int, ownDraws: [Double], column: inout [Double]
  ) -> Band {
    for path in 0..<smoothing.paths {
      column[path] = smoothing.value(path: path, figure: figure, at: ownDraws[path])
    }
    let plain = Band(percentilesOf: &column)
    guard !smoothing.isFlat(figure: figure) else { return plain }
    return Band(
      p10: smoothing.quantile(0.1, figure: figure, guess: plain.p10),
      p50: smoothing.quantile(0.5, figure: figure, guess: plain.p50),
      p90: smoothing.quantile(0.9, figure: figure, guess: plain.p90))
  }

  /// Weights each calendar year's paths, in `weights` at `year × paths + path`, so that
  /// the levels held in the career year it shows (and in year 1, `bySalary`) come in the
  /// model's exact shares: a group's weight is its exact share over its share of the
  /// paths. A group with an exact share but no path is left out, and the others weigh
  /// up to make 1 (each quantile divides by the total weight).
  func postStratify(
    _ weights: inout [Double], levels: [Int], model promotions: Promotions, bySalary: Bool,
    paths: Int
  ) {
    let model = promotions.model
    let count = model.levels.count
    let exact = model.levelShares(from: promotions.start, years: careerYears)
    var counts = [Int](repeating: 0, count: count * count)
    var target = [Double](repeating: 0, count: count * count)
    for t in 1...settings.years {
      // The career year shown, as ``run()`` labels it.
      let worked = (Double(t) - studyYears).clamped(to: 0...1)
      guard worked > 0 else { continue }
      let k = min(Int((Double(t) - worked / 2 - studyYears).rounded(.down)), careerYears - 1)
      guard k >= 0 else { continue }
      for index in counts.indices {
        counts[index] = 0
        target[index] = 0
      }
      for first in 0..<count {
        for level in 0..<count {
          target[(bySalary ? first * count : 0) + level] +=
            exact[(k * count + first) * count + level]
        }
      }
      func group(_ path: Int) -> Int {
        let row = path * careerYears
        return (bySalary ? levels[row] * count : 0) + levels[row + k]
      }
      for path in 0..<paths { counts[group(path)] += 1 }
      for path in 0..<paths {
        let g = group(path)
        weights[(t - 1) * paths + path] = target[g] * Double(paths) / Double(counts[g])
      }
    }
  }
}

/// A score table's market and experience: the level's key and the experience held to the
/// level's market.
private struct ScoreTableKey: Hashable {
  var level: String
  var experience: Double
}
