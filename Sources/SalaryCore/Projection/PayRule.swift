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
  /// Pay starts at `salary` and rises by `raise` (a fraction) a year; each promotion
  /// multiplies it once, from the start of the year after its `afterYear`.
  case raises(salary: Double, raise: Double, promotions: [(afterYear: Int, percent: Double)])
}
