/// Pay that career years add up and growth scales: one career's, or ``PayLines``.
protocol PayAmount: AdditiveArithmetic {
  static func * (amount: Self, factor: Double) -> Self
}

extension Double: PayAmount {}

/// The central path's pay with the market's P10, P50 and P90 along the same steps, worked
/// out side by side with the same arithmetic as one career's. Where the band is not the
/// market's spread, all four are the central path's.
struct PayLines: PayAmount {
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
