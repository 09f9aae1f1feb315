/// A job offer's pay: base, bonus, equity and signing bonus, and its total per year.
///
/// Equity is a grant that vests evenly over ``vestingYears``; a signing bonus is paid once
/// and, to compare offers, spread over the same years:
///
/// ```
/// total per year = base + bonus + equity/vesting years + signing/vesting years
/// ```
///
///     let offer = Offer(base: 128_000, bonus: .percentOfBase(10), equity: 20_000,
///                       signing: 10_000, vestingYears: 4)
///     offer.totalPerYear  // 128,000 + 12,800 + 5,000 + 2,500 = 148,300
public struct Offer: Sendable, Hashable {
  /// A bonus as a share of base or as an amount.
  public enum Bonus: Sendable, Hashable {
    case percentOfBase(Double)
    case amount(Double)
  }

  public var base: Double
  public var bonus: Bonus
  /// The whole equity grant's value.
  public var equity: Double
  /// The one-off signing bonus.
  public var signing: Double
  /// The years equity vests over, and over which the signing bonus is spread.
  public var vestingYears: Double

  /// - Precondition: base above zero; other amounts zero or more; vesting above zero.
  public init(
    base: Double, bonus: Bonus = .amount(0), equity: Double = 0, signing: Double = 0,
    vestingYears: Double = 4
  ) {
    precondition(base > 0 && base.isFinite, "a base salary is positive")
    precondition(equity >= 0 && signing >= 0 && equity.isFinite && signing.isFinite)
    precondition(vestingYears > 0 && vestingYears.isFinite, "vesting takes time")
    self.base = base
    self.bonus = bonus
    self.equity = equity
    self.signing = signing
    self.vestingYears = vestingYears
  }

  /// The bonus per year.
  public var bonusPerYear: Double {
    switch bonus {
    case .percentOfBase(let percent): base * percent / 100
    case .amount(let amount): amount
    }
  }

  /// Equity vesting per year.
  public var equityPerYear: Double { equity / vestingYears }

  /// The signing bonus spread over the vesting years.
  public var signingPerYear: Double { signing / vestingYears }

  /// Base, bonus, equity and signing per year together.
  public var totalPerYear: Double { base + bonusPerYear + equityPerYear + signingPerYear }
}
