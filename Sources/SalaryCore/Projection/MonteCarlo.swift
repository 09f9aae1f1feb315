extension ProjectionEngine {
  /// The bands of the simulated careers: each calendar year's and each total's.
  struct Simulated {
    var years: [Band]
    var nominal: Band
    var real: Band
    var presentValue: Band
  }

  /// Simulates `settings.paths` careers and summarises them.
  ///
  /// Per path, in this order, it draws: a modelled career's levels (``PromotionModel/
  /// sampleCareer(from:years:random:)``) or a shift for each planned promotion, the place in
  /// the band (unless a salary fixed it), a departure for every career year after the
  /// first, then each calendar year's drift. Schedules and score tables depend only on the
  /// levels or the shifts, so each distinct career is scheduled once; the paths' pay is
  /// kept in one flat array and the bands are found by selection, without sorting. With a
  /// salary, each path's rates are scaled so that its year 1 pays the salary.
  func simulation(costs: [Double], weights: (real: [Double], present: [Double]))
    throws(MarketError) -> Simulated
  {
    guard case .curve(let curve) = rule else {
      preconditionFailure("only the curves are simulated")
    }
    let p = curve.percentile
    let known = curve.positionKnown
    let path = curve.path
    let years = settings.years
    let count = settings.paths
    var random = SeededRandom(seed: settings.seed)
    // By the shifts of planned promotions, or by a modelled career's levels.
    var tablesByCareer: [[Int]: [ScoreTable]] = [:]
    func tables(for career: [Int]) throws(MarketError) -> [ScoreTable] {
      if let known = tablesByCareer[career] { return known }
      let steps =
        curve.promotions == nil
        ? schedule(curve, shifts: career) : self.steps(holding: career, curve)
      var found: [ScoreTable] = []
      found.reserveCapacity(steps.count)
      for step in steps {
        found.append(try curve.market.atLevel(step.level).scoreTable(experience: step.experience))
      }
      tablesByCareer[career] = found
      return found
    }

    let fixedCenter = known ? StandardNormal.quantile(p) : 0
    var shifts = [Int](repeating: 0, count: path.promotions.count)
    var rates = [Double](repeating: 0, count: careerYears)
    var drift = [Double](repeating: 0, count: years)
    var yearPay = [Double](repeating: 0, count: years)
    var pay = [Double](repeating: 0, count: count * years)
    var nominal = [Double](repeating: 0, count: count)
    var real = [Double](repeating: 0, count: count)
    var present = [Double](repeating: 0, count: count)
    for index in 0..<count {
      let stepTables: [ScoreTable]
      if let promotions = curve.promotions {
        stepTables = try tables(
          for: promotions.model.sampleCareer(
            from: promotions.start, years: careerYears, random: &random))
      } else {
        for j in shifts.indices {
          shifts[j] =
            settings.timingYears == 0
            ? 0 : Int(random.next() % UInt64(2 * settings.timingYears + 1)) - settings.timingYears
        }
        stepTables = try tables(for: shifts)
      }
      let center = known ? fixedCenter : random.nextNormal()
      var departure = 0.0
      for k in stepTables.indices {
        if k > 0 {
          departure =
            settings.persistence * departure + settings.bandVolatility * random.nextNormal()
        }
        rates[k] = stepTables[k].pay(atScore: center + departure)
      }
      let scale = Self.salaryScale(curve.salary, firstRate: rates[0])
      if scale != 1 {
        for k in stepTables.indices { rates[k] *= scale }
      }
      for t in 0..<years {
        drift[t] = max(-0.99, driftRate + settings.driftVolatility * random.nextNormal())
      }
      calendarPay(rates: rates[..<stepTables.count], drift: { drift[$0] }, into: &yearPay)
      for t in 0..<years { pay[t * count + index] = yearPay[t] }
      nominal[index] = ProjectionEngine.total(yearPay, costs: costs, weights: nil)
      real[index] = ProjectionEngine.total(yearPay, costs: costs, weights: weights.real)
      present[index] = ProjectionEngine.total(yearPay, costs: costs, weights: weights.present)
    }

    var column = [Double](repeating: 0, count: count)
    let bands = (0..<years).map { t in
      for index in 0..<count { column[index] = pay[t * count + index] }
      return Band(percentilesOf: &column)
    }
    return Simulated(
      years: bands, nominal: Band(percentilesOf: &nominal), real: Band(percentilesOf: &real),
      presentValue: Band(percentilesOf: &present))
  }
}
