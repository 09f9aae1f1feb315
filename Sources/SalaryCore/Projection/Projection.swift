/// How pay is found each career year.
public enum PayRule: Sendable {
  /// Pay follows the consensus of the guides at a fixed percentile of the market, after
  /// factors, up the career path. `positionKnown` is false when no salary placed the person
  /// in the band (the `unknown-position` assumption).
  case curve(
    model: PayModel, factors: [Factor], source: String?, percentile: Double,
    positionKnown: Bool, path: CareerPath)
  /// Pay starts at `salary` and rises by `raise` (a fraction) a year; each promotion
  /// multiplies it once, from the start of the year after its `afterYear`.
  case raises(salary: Double, raise: Double, promotions: [(afterYear: Int, percent: Double)])
}

/// The rates and the Monte Carlo's parameters.
public struct ProjectionSettings: Sendable {
  /// Years projected, 1 to 60.
  public var years: Int
  /// The calendar year of year 1.
  public var startYear: Int
  /// The market's yearly drift, a fraction (curve mode only).
  public var drift: Double
  /// Inflation, a fraction, for real pay.
  public var inflation: Double
  /// The discount rate, a fraction, for present values.
  public var discount: Double
  /// Monte Carlo paths. With 0 the band is the market's own spread (its P10 and P90 at
  /// each year's experience, after factors and drift) and nothing is simulated.
  public var paths: Int
  /// The seed: the same seed gives the same bands.
  public var seed: UInt64
  /// The drift's yearly standard deviation, a fraction (0.0088 for 0.88 points).
  public var driftVolatility: Double
  /// The year-to-year correlation of a person's departure from their usual place in the band.
  public var persistence: Double
  /// The yearly shift of that place, in standard deviations of the market's spread.
  public var bandVolatility: Double
  /// How many years early or late a promotion may come.
  public var timingYears: Int

  public init(
    years: Int = 10, startYear: Int, drift: Double, inflation: Double, discount: Double,
    paths: Int = 10_000, seed: UInt64 = 1, driftVolatility: Double = 0, persistence: Double = 1,
    bandVolatility: Double = 0, timingYears: Int = 0
  ) {
    precondition((1...60).contains(years), "1 to 60 years")
    precondition(drift > -1 && inflation > -1 && discount > -1, "rates above -100%")
    precondition(paths >= 0 && driftVolatility >= 0 && bandVolatility >= 0 && timingYears >= 0)
    precondition((0...1).contains(persistence), "a correlation from 0 to 1")
    self.years = years
    self.startYear = startYear
    self.drift = drift
    self.inflation = inflation
    self.discount = discount
    self.paths = paths
    self.seed = seed
    self.driftVolatility = driftVolatility
    self.persistence = persistence
    self.bandVolatility = bandVolatility
    self.timingYears = timingYears
  }
}

/// The 10th, 50th and 90th percentiles of something across the Monte Carlo's paths.
public struct Band: Sendable, Hashable {
  public var p10: Double
  public var p50: Double
  public var p90: Double

  public init(p10: Double, p50: Double, p90: Double) {
    self.p10 = p10
    self.p50 = p50
    self.p90 = p90
  }

  /// A band of no width.
  public static func point(_ value: Double) -> Band { Band(p10: value, p50: value, p90: value) }
}

/// A career projected year by year.
public struct Projection: Sendable {
  /// One calendar year.
  public struct Year: Sendable {
    /// 1 for the first year.
    public var index: Int
    public var calendarYear: Int
    /// The experience of the career year worked most of this year; `nil` while studying.
    public var experience: Double?
    /// The level held; `nil` while studying or in fixed-raise mode.
    public var level: Level?
    /// The share of the year spent studying.
    public var studyShare: Double
    /// Pay on the central path, nominal.
    public var pay: Double
    /// Education cost paid this year.
    public var cost: Double
    /// The running sum of pay minus cost.
    public var cumulative: Double
    /// Pay in start-year money: pay / (1 + inflation)^(t−1).
    public var realPay: Double
    /// This year's pay less cost, discounted: (pay − cost) / (1 + discount)^(t−1).
    public var presentValue: Double
    /// Pay across the Monte Carlo's paths, or the market's spread when nothing is simulated.
    public var band: Band
  }

  /// A total over the years: on the central path, and its band across paths.
  public struct Total: Sendable {
    public var central: Double
    public var band: Band
  }

  public var years: [Year]
  /// Σ (pay − cost).
  public var nominal: Total
  /// Σ (pay − cost)/(1 + inflation)^(t−1).
  public var real: Total
  /// Σ (pay − cost)/(1 + discount)^(t−1).
  public var presentValue: Total
  /// The percentile of the market the central path follows (curve mode).
  public var percentile: Double?
  /// How many Monte Carlo paths made the bands: 0 when the bands are the market's spread,
  /// 1 when there is nothing to vary (fixed raises).
  public var paths: Int
}

extension Projection {
  /// Projects a career.
  ///
  /// Career year k pays a yearly rate Rₖ: in curve mode the consensus quantile at the
  /// percentile p and experience eₖ of the career path, times the factors; in fixed-raise
  /// mode S·(1 + r)^(k−1) times every promotion before it. Calendar year t pays the career
  /// years it overlaps, after a study period of D years (education), times market drift:
  ///
  /// ```
  /// payₜ = (1 + g)^(t−1) · Σₖ Rₖ · |[t−1−D, t−D] ∩ [k−1, k]|      (g = 0 in fixed-raise mode)
  /// costₜ = C · |[t−1, t] ∩ [0, D]| / D
  /// real payₜ = payₜ/(1 + i)^(t−1),  present value = Σ (payₜ − costₜ)/(1 + d)^(t−1)
  /// ```
  ///
  /// The Monte Carlo draws, per path, a place in the band z (the percentile's score when a
  /// salary fixed it, otherwise a standard normal), a departure from it that follows
  /// uₖ = ρuₖ₋₁ + s·εₖ, a drift gₜ = g + σ_g·ηₜ each year, and shifts of each promotion by
  /// up to the timing years either way; pay is the consensus quantile at Φ(z + uₖ). Bands
  /// are the 10th, 50th and 90th percentiles across paths. Fixed raises draw nothing.
  ///
  /// - Complexity: O(paths × years) lookups once each distinct experience's mixture is built.
  ///
  /// Projections given the same `cache` share its precomputed tables.
  public static func make(
    startExperience: Double, rule: PayRule, education: EducationPlan?,
    settings: ProjectionSettings, cache: QuantileCache? = nil
  ) -> Projection {
    let pay: Engine.Rule
    switch rule {
    case .curve(let model, let factors, let source, let percentile, let positionKnown, let path):
      pay = .curve(
        Engine.Curve(
          tables: (cache ?? QuantileCache(model: model)).market(factors: factors, source: source),
          percentile: percentile, positionKnown: positionKnown, path: path,
          ladder: model.dataset.ladder, openSpanYears: model.dataset.openSpanYears))
    case .raises(let salary, let raise, let promotions):
      pay = .raises(salary: salary, raise: raise, promotions: promotions)
    }
    let engine = Engine(
      start: startExperience, rule: pay, studyYears: education?.years ?? 0,
      studyCost: education?.cost ?? 0, settings: settings)
    return engine.run()
  }
}

/// The arithmetic of ``Projection/make(startExperience:rule:education:settings:)``.
///
/// It keeps only what it reads of the rule and the plan, so that it is cheap to copy.
private struct Engine {
  /// A ``PayRule`` as the engine reads it.
  enum Rule {
    case curve(Curve)
    case raises(salary: Double, raise: Double, promotions: [(afterYear: Int, percent: Double)])
  }

  /// What the engine reads of a curve rule: the market's tables and the career path with
  /// the ladder it climbs.
  struct Curve {
    let tables: MarketTables
    let percentile: Double
    let positionKnown: Bool
    let path: CareerPath
    let ladder: Ladder
    let openSpanYears: Double
  }

  let start: Double
  let rule: Rule
  /// Years of study before the first job (0 without an education plan), and their cost.
  let studyYears: Double
  let studyCost: Double
  let settings: ProjectionSettings

  func run() -> Projection {
    let years = settings.years
    let simulate = settings.paths > 1 && isCurve
    let spread = settings.paths == 0 && isCurve
    let steps = centralSteps()
    var pay = [PayLines](repeating: .zero, count: years)
    calendarPay(
      rates: careerRates(steps: steps, spread: spread)[...], drift: { _ in driftRate },
      into: &pay)
    let simulated =
      simulate
      ? simulation(
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

  /// The career path's steps without shifts: the central path's, in curve mode.
  func centralSteps() -> [CareerPath.Step] {
    guard case .curve(let curve) = rule else { return [] }
    return schedule(curve, shifts: [])
  }

  /// Each career year's rate on the central path: along `steps` (``centralSteps()``) in
  /// curve mode, with the market's P10, P50 and P90 at the same experiences when `spread`.
  func careerRates(steps: [CareerPath.Step], spread: Bool) -> [PayLines] {
    switch rule {
    case .raises(let salary, let raise, let promotions):
      return (1...careerYears).map { k in
        var rate = salary * pow(1 + raise, k - 1)
        for promotion in promotions where promotion.afterYear < k {
          rate *= 1 + promotion.percent / 100
        }
        return PayLines(all: rate)
      }
    case .curve(let curve):
      let tables = curve.tables
      let p = curve.percentile
      var rates: [PayLines] = []
      rates.reserveCapacity(steps.count)
      if let table = tables.table, let central = Estimate.probabilities.firstIndex(of: p) {
        // Every percentile from the table, at a place in it found once a step.
        let low = Estimate.probabilities.firstIndex(of: 0.1)!
        let median = Estimate.probabilities.firstIndex(of: 0.5)!
        let high = Estimate.probabilities.firstIndex(of: 0.9)!
        for step in steps {
          let location = table.location(of: step.experience)
          let rate = table.quantile(central, at: location)
          rates.append(
            spread
              ? PayLines(
                central: rate, p10: table.quantile(low, at: location),
                p50: table.quantile(median, at: location), p90: table.quantile(high, at: location))
              : PayLines(all: rate))
        }
      } else {
        // A percentile the table does not hold, or no table: as the market gives them.
        func pay(_ percentile: Double, _ experience: Double) -> Double {
          tables.pay(percentile: percentile, experience: experience) ?? 0
        }
        for step in steps {
          let rate = pay(p, step.experience)
          rates.append(
            spread
              ? PayLines(
                central: rate, p10: pay(0.1, step.experience), p50: pay(0.5, step.experience),
                p90: pay(0.9, step.experience))
              : PayLines(all: rate))
        }
      }
      return rates
    }
  }

  /// The bands of the simulated careers: each calendar year's and each total's.
  struct Simulated {
    var years: [Band]
    var nominal: Band
    var real: Band
    var presentValue: Band
  }

  /// Simulates `settings.paths` careers and summarises them.
  ///
  /// Per path, in this order, it draws: a shift for each promotion, the place in the band
  /// (unless a salary fixed it), a departure for every career year after the first, then
  /// each calendar year's drift. Schedules and score tables depend only on the shifts, so
  /// each distinct set of shifts is scheduled once; the paths' pay is kept in one flat
  /// array and the bands are found by selection, without sorting.
  func simulation(costs: [Double], weights: (real: [Double], present: [Double])) -> Simulated {
    guard case .curve(let curve) = rule else {
      preconditionFailure("only the curves are simulated")
    }
    let p = curve.percentile
    let known = curve.positionKnown
    let path = curve.path
    let years = settings.years
    let count = settings.paths
    var random = SeededRandom(seed: settings.seed)
    var tablesByShifts: [[Int]: [ScoreTable?]] = [:]
    func stepTables(for shifts: [Int]) -> [ScoreTable?] {
      if let known = tablesByShifts[shifts] { return known }
      let found = schedule(curve, shifts: shifts).map {
        curve.tables.scoreTable(experience: $0.experience)
      }
      tablesByShifts[shifts] = found
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
      for j in shifts.indices {
        shifts[j] =
          settings.timingYears == 0
          ? 0 : Int(random.next() % UInt64(2 * settings.timingYears + 1)) - settings.timingYears
      }
      let stepTables = stepTables(for: shifts)
      let center = known ? fixedCenter : random.nextNormal()
      var departure = 0.0
      for k in stepTables.indices {
        if k > 0 {
          departure =
            settings.persistence * departure + settings.bandVolatility * random.nextNormal()
        }
        rates[k] = stepTables[k]?.pay(atScore: center + departure) ?? 0
      }
      for t in 0..<years {
        drift[t] = max(-0.99, driftRate + settings.driftVolatility * random.nextNormal())
      }
      calendarPay(rates: rates[..<stepTables.count], drift: { drift[$0] }, into: &yearPay)
      for t in 0..<years { pay[t * count + index] = yearPay[t] }
      nominal[index] = Engine.total(yearPay, costs: costs, weights: nil)
      real[index] = Engine.total(yearPay, costs: costs, weights: weights.real)
      present[index] = Engine.total(yearPay, costs: costs, weights: weights.present)
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

/// Pay that career years add up and growth scales: one career's, or ``PayLines``.
private protocol PayAmount: AdditiveArithmetic {
  static func * (amount: Self, factor: Double) -> Self
}

extension Double: PayAmount {}

/// The central path's pay with the market's P10, P50 and P90 along the same steps, worked
/// out side by side with the same arithmetic as one career's. Where the band is not the
/// market's spread, all four are the central path's.
private struct PayLines: PayAmount {
  var central: Double
  var p10: Double
  var p50: Double
  var p90: Double

  init(central: Double, p10: Double, p50: Double, p90: Double) {
    self.central = central
    self.p10 = p10
    self.p50 = p50
    self.p90 = p90
  }

  /// The same amount on every line.
  init(all value: Double) { self.init(central: value, p10: value, p50: value, p90: value) }

  static var zero: PayLines { PayLines(all: 0) }

  /// The band of P10, P50 and P90.
  var band: Band { Band(p10: p10, p50: p50, p90: p90) }

  static func + (a: PayLines, b: PayLines) -> PayLines {
    PayLines(
      central: a.central + b.central, p10: a.p10 + b.p10, p50: a.p50 + b.p50, p90: a.p90 + b.p90)
  }

  static func - (a: PayLines, b: PayLines) -> PayLines {
    PayLines(
      central: a.central - b.central, p10: a.p10 - b.p10, p50: a.p50 - b.p50, p90: a.p90 - b.p90)
  }

  static func * (amount: PayLines, factor: Double) -> PayLines {
    PayLines(
      central: amount.central * factor, p10: amount.p10 * factor, p50: amount.p50 * factor,
      p90: amount.p90 * factor)
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
