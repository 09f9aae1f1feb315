/// Where a salary sits in its market: the percentile a projection on the curves follows.
public struct SalaryPosition: Sendable, Hashable {
  /// The salary, in US dollars.
  public var salary: Double
  /// The share of the market paid at or below the salary, from 0 to 1.
  public var found: Double
  /// The percentile followed: ``found`` held within P1–P99, where the guides' curves end.
  public var percentile: Double
  /// The market's pay at ``percentile``: the salary itself unless it lies outside P1–P99.
  public var percentilePay: Double

  /// Whether the salary lies outside P1–P99, so a nearer percentile is followed (and
  /// scaled to the salary).
  public var isHeld: Bool { percentile != found }
}

extension Market {
  /// Where `salary` (US dollars) sits at `experience`.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)``.
  public func position(ofSalary salary: Double, experience: Double) throws(MarketError)
    -> SalaryPosition
  {
    let found = try percentile(of: salary, experience: experience)
    let held = min(max(found, 0.01), 0.99)
    return SalaryPosition(
      salary: salary, found: found, percentile: held,
      percentilePay: held == found ? salary : try pay(percentile: held, experience: experience))
  }
}

/// A career projected in a market, with what explains it: the settings with each rate's
/// derivation, where a given salary sits, and every assumption used.
public struct CareerProjection: Sendable {
  /// The projection, year by year, with its totals and bands.
  public var projection: Projection
  /// The settings it ran with, and how each rate was found.
  public var plan: ProjectionPlan
  /// The rule pay followed.
  public var rule: PayRule
  /// Where the salary given sits, if one was given.
  public var position: SalaryPosition?
  /// The assumptions of the plan, of the position (`unknown-position` without a salary) and
  /// of the education plan, in the order they were met (the estimates' own assumptions are
  /// the market's, by experience).
  public var assumptions: [String]
}

extension Market {
  /// Projects a career in this market on the guides' curves: from `experience` years (or
  /// after `education`, from none), at the median of the market or from `salary` (US
  /// dollars, paid in year 1, then growing as its percentile's pay does), up `path` (by
  /// default promoted by the promotion model's odds), with every rate and parameter not in
  /// `choices` from the dataset's defaults.
  ///
  ///     let austin = try Market(model: model, spec: MarketSpec(place: try dataset.place(named: "austin")))
  ///     let career = try austin.projection(from: 1, choices: ProjectionChoices(startYear: 2026))
  ///     career.projection.nominal.central  // ten years of pay, in US dollars
  ///
  /// - Throws: ``ProjectionError/missingAssumption(_:)`` for a default the dataset lacks,
  ///   ``ProjectionError/market(_:)`` where no series speaks at the experience.
  public func projection(
    from experience: Double, salary: Double? = nil, path: CareerPath = .modelled(),
    education: EducationPlan? = nil, choices: ProjectionChoices
  ) throws(ProjectionError) -> CareerProjection {
    let plan = try ProjectionPlan(
      choices, defaults: model.projectionDefaults, onCurves: true,
      hasPromotions: path.hasPlannedPromotions)
    var assumptions = plan.assumptions
    var position: SalaryPosition?
    if let salary {
      do throws(MarketError) {
        position = try self.position(ofSalary: salary, experience: experience)
      } catch {
        throw .market(error)
      }
    } else {
      assumptions.append(Assumption.Known.unknownPosition.rawValue)
    }
    if education != nil { assumptions.append(Assumption.Known.educationFigures.rawValue) }
    let rule = PayRule.curve(
      market: self, percentile: position?.percentile ?? 0.5, positionKnown: salary != nil,
      path: path, salary: salary)
    let projection = try Projection.make(
      startExperience: experience, rule: rule, education: education, settings: plan.settings)
    return CareerProjection(
      projection: projection, plan: plan, rule: rule, position: position,
      assumptions: assumptions)
  }
}
