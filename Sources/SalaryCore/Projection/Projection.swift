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
  /// mode S·Π(1 + rᵢ) over the raises before year k times every promotion before it. Calendar year t pays the career
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
  /// - Complexity: O(paths × years) lookups once each distinct experience's score table is
  ///   built; projections in the same market share its tables.
  ///
  /// - Throws: ``ProjectionError/amountOutOfRange(year:)`` when a year's pay or band leaves
  ///   the finite range up to ``largestYearlyAmount``: rates at the ends of what the options
  ///   allow, compounded over decades, can reach it (a salary of $100,000,000 doubling for
  ///   sixty years), and an answer so far from any career is refused rather than printed.
  public static func make(
    startExperience: Double, rule: PayRule, education: EducationPlan?,
    settings: ProjectionSettings
  ) throws(ProjectionError) -> Projection {
    let pay: ProjectionEngine.Rule
    switch rule {
    case .curve(let market, let percentile, let positionKnown, let path, let salary):
      let model = path.isModelled ? market.model.promotionModel(on: path.track) : nil
      let initial = path.initial.flatMap { level in
        model?.levels.contains { $0.key == level.key } == true ? level : nil
      }
      pay = .curve(
        ProjectionEngine.Curve(
          market: market, percentile: percentile, positionKnown: positionKnown, path: path,
          salary: salary, ladder: market.dataset.ladder,
          openSpanYears: market.dataset.openSpanYears,
          promotions: model.map {
            ProjectionEngine.Promotions(
              model: $0, start: $0.distribution(at: max(0, startExperience), level: initial),
              fromEveryone: initial == nil)
          }))
    case .raises(let salary, let raises, let promotions):
      precondition(!raises.isEmpty, "fixed raises need at least one raise")
      pay = .raises(salary: salary, raises: raises, promotions: promotions)
    }
    let engine = ProjectionEngine(
      start: startExperience, rule: pay, studyYears: education?.years ?? 0,
      studyCost: education?.cost ?? 0, settings: settings)
    let projection: Projection
    do {
      projection = try engine.run()
    } catch {
      throw .market(error)
    }
    for year in projection.years {
      for amount in [year.pay, year.realPay, year.presentValue, year.band.p10, year.band.p90]
      where !(abs(amount) <= largestYearlyAmount) {
        throw .amountOutOfRange(year: year.index)
      }
    }
    return projection
  }

  /// The most a projection pays in a year, in US dollars: a trillion, a million times the
  /// best-paid developer's salary, so that no career reaches it and every total (sixty
  /// years of it at most) stays exact in whole dollars and far from what formatting can
  /// write.
  public static let largestYearlyAmount = 1e12
}
