/// How pay is found each career year.
public enum PayRule: Sendable {
  /// Pay follows the consensus of the guides at a fixed percentile of the market, after
  /// factors, up the career path. `positionKnown` is false when no salary placed the person
  /// in the band (the `unknown-position` assumption). With a `salary` (US dollars), year 1
  /// pays it and later years grow as the percentile's pay does: every career year's rate is
  /// scaled by the salary over year 1's rate at the percentile.
  case curve(
    market: Market, percentile: Double, positionKnown: Bool, path: CareerPath,
    salary: Double? = nil)
  /// Pay starts at `salary` (US dollars) and rises by `raises[0]` (a fraction) into year 2,
  /// `raises[1]` into year 3, and so on, the last raise holding for the years after: one
  /// raise is the same raise every year. Each promotion multiplies pay once, from the start
  /// of the year after its `afterYear`.
  ///
  ///     // 100,000 with 3%, 2%, 1%: years 1 to 4 pay 100,000, 103,000, 105,060, 106,110.60
  ///     PayRule.raises(salary: 100_000, raises: [0.03, 0.02, 0.01], promotions: [])
  ///
  /// `raises` is not empty: a caller that passes none has made a mistake.
  case raises(salary: Double, raises: [Double], promotions: [(afterYear: Int, percent: Double)])
}
