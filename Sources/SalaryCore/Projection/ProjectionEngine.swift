/// The arithmetic of ``Projection/make(startExperience:rule:education:settings:)``: the
/// central path and the calendar; the simulation is in `MonteCarlo.swift`.
///
/// It keeps only what it reads of the rule and the plan, so that it is cheap to copy.
struct ProjectionEngine {
  /// A ``PayRule`` as the engine reads it.
  enum Rule {
    case curve(Curve)
    case raises(salary: Double, raises: [Double], promotions: [(afterYear: Int, percent: Double)])
  }

  /// What the engine reads of a curve rule: the market and the career path with the ladder
  /// it climbs.
  struct Curve {
    let market: Market
    let percentile: Double
    let positionKnown: Bool
    let path: CareerPath
    /// The salary year 1 pays, if one was given.
    let salary: Double?
    let ladder: Ladder
    let openSpanYears: Double
    /// For a modelled career: the model and the distribution of the start.
    let promotions: Promotions?
  }

  /// A modelled career's promotion model and where it starts.
  struct Promotions {
    let model: PromotionModel
    let start: PromotionModel.Distribution
    /// Whether the start is everyone with the experience, not those at a given level:
    /// then the central path is the market's own, the pay of all the people with each
    /// year's experience, whose median level it shows.
    let fromEveryone: Bool
  }

  let start: Double
  let rule: Rule
  /// Years of study before the first job (0 without an education plan), and their cost.
  let studyYears: Double
  let studyCost: Double
  let settings: ProjectionSettings

  ///
  /// - Throws: the market's error where it cannot answer for a year of the career.
  func run() throws(MarketError) -> Projection {
    let years = settings.years
    let simulate = settings.paths > 1 && isCurve
    let spread = settings.paths == 0 && isCurve
    let steps = centralSteps()
    var pay = [PayLines](repeating: .zero, count: years)
    calendarPay(
      rates: try careerRates(steps: steps, spread: spread)[...], drift: { _ in driftRate },
      into: &pay)
    let simulated =
      simulate
      ? try simulation(
        costs: (1...years).map(cost),
        weights: (
          (1...years).map { 1 / pow(1 + settings.inflation, $0 - 1) },
          (1...years).map { 1 / pow(1 + settings.discount, $0 - 1) }
        )) : nil

    var yearsOut: [Projection.Year] = []
    yearsOut.reserveCapacity(years)
    var cumulative = 0.0
    // Σ (pay − cost)·weight on every line: weights 1, 1/(1 + i)^(t−1) and 1/(1 + d)^(t−1).
    var nominal = PayLines.zero
    var real = PayLines.zero
    var present = PayLines.zero
    for t in 1...years {
      let lines = pay[t - 1]
      let cost = cost(t)
      let inflation = pow(1 + settings.inflation, t - 1)
      let discount = pow(1 + settings.discount, t - 1)
      let net = lines - PayLines(all: cost)
      nominal += net
      real += net * (1 / inflation)
      present += net * (1 / discount)
      cumulative += lines.central - cost
      let worked = (Double(t) - studyYears).clamped(to: 0...1)
      let careerYear = Int((Double(t) - worked / 2 - studyYears).rounded(.down)) + 1
      let step = careerYear >= 1 && !steps.isEmpty ? steps[min(careerYear, steps.count) - 1] : nil
      yearsOut.append(
        Projection.Year(
          index: t, calendarYear: settings.startYear + t - 1,
          experience: worked > 0 ? step?.experience ?? start + Double(careerYear - 1) : nil,
          level: worked > 0 ? step?.level : nil, studyShare: 1 - worked,
          pay: lines.central, cost: cost, cumulative: cumulative,
          realPay: lines.central / inflation,
          presentValue: (lines.central - cost) / discount,
          band: simulated?.years[t - 1] ?? lines.band))
    }

    var percentile: Double?
    if case .curve(let curve) = rule { percentile = curve.percentile }
    return Projection(
      years: yearsOut,
      nominal: Projection.Total(
        central: nominal.central, band: simulated?.nominal ?? nominal.band),
      real: Projection.Total(central: real.central, band: simulated?.real ?? real.band),
      presentValue: Projection.Total(
        central: present.central, band: simulated?.presentValue ?? present.band),
      percentile: percentile, paths: simulate ? settings.paths : spread ? 0 : 1)
  }

  /// Σ (payₜ − costₜ)·weightₜ over the years, in year order (no weights: all 1).
  static func total(_ pay: [Double], costs: [Double], weights: [Double]?) -> Double {
    var sum = 0.0
    for t in pay.indices { sum += (pay[t] - costs[t]) * (weights?[t] ?? 1) }
    return sum
  }

  /// Fixed raises have nothing to draw; the curve's Monte Carlo always runs, so that with
  /// every source of randomness set to zero it can be seen to give the central path.
  var isCurve: Bool {
    if case .curve = rule { return true }
    return false
  }

  /// How many career years a projection can reach.
  var careerYears: Int { settings.years }

  /// The career path's steps without shifts, or a modelled career's median: the central
  /// path's, in curve mode.
  func centralSteps() -> [CareerPath.Step] {
    guard case .curve(let curve) = rule else { return [] }
    if let promotions = curve.promotions {
      let median = promotions.model.medianCareer(from: promotions.start, years: careerYears)
      guard promotions.fromEveryone else { return steps(holding: median, curve) }
      return median.enumerated().map { index, level in
        CareerPath.Step(
          experience: start + Double(index), level: promotions.model.levels[level])
      }
    }
    return schedule(curve, shifts: [])
  }

  /// The steps of a modelled career holding the levels at these indices of its track in
  /// turn.
  func steps(holding levels: [Int], _ curve: Curve) -> [CareerPath.Step] {
    let track = curve.promotions!.model.levels
    return CareerPath.steps(
      holding: levels.map { track[$0] }, from: start, openSpanYears: curve.openSpanYears)
  }

  /// The factor that makes year 1 pay the salary given, from year 1's rate (1 without a
  /// salary or a rate).
  static func salaryScale(_ salary: Double?, firstRate: Double) -> Double {
    guard let salary, firstRate > 0, firstRate.isFinite else { return 1 }
    return salary / firstRate
  }

  /// Each career year's rate on the central path: along `steps` (``centralSteps()``) in
  /// curve mode, with the market's P10, P50 and P90 at the same experiences when `spread`.
  func careerRates(steps: [CareerPath.Step], spread: Bool) throws(MarketError) -> [PayLines] {
    switch rule {
    case .raises(let salary, let raises, let promotions):
      // Year 1 pays the salary; each later year the raise of its turn, the last one holding.
      var raised = salary
      return (1...careerYears).map { k in
        if k > 1 { raised *= 1 + raises[min(k - 2, raises.count - 1)] }
        var rate = raised
        for promotion in promotions where promotion.afterYear < k {
          rate *= 1 + promotion.percent / 100
        }
        return PayLines(all: rate)
      }
    case .curve(let curve):
      let p = curve.percentile
      var rates: [PayLines] = []
      rates.reserveCapacity(steps.count)
      let central = Estimate.probabilities.firstIndex(of: p)
      let low = Estimate.probabilities.firstIndex(of: 0.1)!
      let median = Estimate.probabilities.firstIndex(of: 0.5)!
      let high = Estimate.probabilities.firstIndex(of: 0.9)!
      // Each year in the market of the level held (the market itself on the median career
      // of everyone).
      let ownMarket = curve.promotions?.fromEveryone == true
      let markets = steps.map { ownMarket ? curve.market : curve.market.atLevel($0.level) }
      // Each market's table over the years spent in it: for one projection, those years'
      // stretch of the table alone (``Market/table(spanning:)``).
      var spans: [(market: Market, experiences: ClosedRange<Double>)] = []
      var spanOfStep: [Int] = []
      for (market, step) in zip(markets, steps) {
        let experience = step.experience
        if let index = spans.firstIndex(where: { $0.market === market }) {
          let span = spans[index].experiences
          spans[index].experiences =
            min(span.lowerBound, experience)...max(span.upperBound, experience)
          spanOfStep.append(index)
        } else {
          spanOfStep.append(spans.count)
          spans.append((market, experience...experience))
        }
      }
      // No table for a percentile it does not hold.
      let tables =
        central == nil ? [] : spans.map { try? $0.market.table(spanning: $0.experiences) }
      for (k, (market, step)) in zip(markets, steps).enumerated() {
        if let central, let table = tables[spanOfStep[k]] {
          // Every percentile from the table, at a place in it found once a step.
          let location = table.location(of: market.heldExperience(step.experience))
          let rate = table.quantile(central, at: location)
          rates.append(
            spread
              ? PayLines(
                central: rate, p10: table.quantile(low, at: location),
                p50: table.quantile(median, at: location), p90: table.quantile(high, at: location))
              : PayLines(all: rate))
        } else {
          // A percentile the table does not hold, or no table: as the market gives them.
          func pay(_ percentile: Double) throws(MarketError) -> Double {
            try market.pay(percentile: percentile, experience: step.experience)
          }
          let rate = try pay(p)
          rates.append(
            spread
              ? PayLines(
                central: rate, p10: try pay(0.1), p50: try pay(0.5), p90: try pay(0.9))
              : PayLines(all: rate))
        }
      }
      // A salary given: year 1 pays it, and later years grow as the percentile's pay does;
      // the market's own spread, when shown, stays the market's.
      let scale = Self.salaryScale(curve.salary, firstRate: rates.first?.central ?? 0)
      if scale != 1 {
        for k in rates.indices {
          if spread {
            rates[k].central *= scale
          } else {
            rates[k] = PayLines(all: rates[k].central * scale)
          }
        }
      }
      return rates
    }
  }

  var driftRate: Double {
    if case .curve = rule { return settings.drift }
    return 0
  }

  func schedule(_ curve: Curve, shifts: [Int]) -> [CareerPath.Step] {
    curve.path.schedule(
      from: start, years: careerYears, ladder: curve.ladder,
      openSpanYears: curve.openSpanYears, shifts: shifts)
  }

  /// Writes each calendar year's pay into `pay` (one entry a year) from the career years'
  /// `rates` and each calendar year's drift (`drift(t − 1)` for year t). Allocates nothing.
  func calendarPay<Pay: PayAmount>(
    rates: ArraySlice<Pay>, drift: (Int) -> Double, into pay: inout [Pay]
  ) {
    var growth = 1.0
    for t in 1...settings.years {
      if t > 1 { growth *= 1 + drift(t - 2) }
      let from = Double(t - 1) - studyYears
      let to = Double(t) - studyYears
      var amount = Pay.zero
      var k = max(1, Int(from.rounded(.down)) + 1)
      while Double(k - 1) < to, k <= rates.count {
        let overlap = min(to, Double(k)) - max(from, Double(k - 1))
        if overlap > 0 { amount += rates[rates.startIndex + k - 1] * overlap }
        k += 1
      }
      pay[t - 1] = amount * growth
    }
  }

  /// Education cost paid in calendar year t.
  func cost(_ t: Int) -> Double {
    guard studyYears > 0 else { return 0 }
    let share = min(Double(t), studyYears) - min(Double(t - 1), studyYears)
    return studyCost * share / studyYears
  }
}

extension Comparable {
  func clamped(to range: ClosedRange<Self>) -> Self {
    min(max(self, range.lowerBound), range.upperBound)
  }
}

/// x raised to a whole power, exactly as repeated multiplication (so 1.03^39 is the same
/// number a raise calculator gets).
func pow(_ x: Double, _ n: Int) -> Double {
  precondition(n >= 0, "a whole non-negative power")
  var result = 1.0
  for _ in 0..<n { result *= x }
  return result
}
