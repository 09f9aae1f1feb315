/// The standard normal distribution: mean 0, standard deviation 1.
public enum StandardNormal {
  /// The cumulative distribution function Φ(z) = P(Z ≤ z).
  ///
  /// Computed as ½·erfc(−z/√2), which keeps full relative accuracy in the lower tail.
  ///
  ///     StandardNormal.cdf(0)          // 0.5
  ///     StandardNormal.cdf(-1.959964)  // 0.025…
  public static func cdf(_ z: Double) -> Double {
    if z.isNaN { return .nan }
    return 0.5 * Math.erfc(-z * 0.707_106_781_186_547_524_4)
  }

  /// The density φ(z) = exp(−z²/2)/√(2π).
  public static func density(_ z: Double) -> Double {
    0.398_942_280_401_432_677_94 * Math.exp(-0.5 * z * z)
  }

  /// The quantile function Φ⁻¹: the `z` with Φ(z) = `p`.
  ///
  /// Wichura's algorithm AS 241 (PPND16, *Applied Statistics* 37, 1988), accurate to
  /// about 1 part in 10¹⁶ over the whole range.
  ///
  ///     StandardNormal.quantile(0.75)  // 0.6744897501960817
  ///     StandardNormal.quantile(0.5)   // 0
  ///
  /// - Parameter p: A probability strictly between 0 and 1.
  /// - Returns: The quantile; `-infinity` at 0 and `+infinity` at 1.
  public static func quantile(_ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "a probability is between 0 and 1")
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      return q * rational(r, central.numerator, central.denominator)
    }
    var r = q < 0 ? p : 1 - p
    r = (-Math.log(r)).squareRoot()
    let value: Double
    if r <= 5 {
      value = rational(r - 1.6, intermediate.numerator, intermediate.denominator)
    } else {
      value = rational(r - 5, tail.numerator, tail.denominator)
    }
    return q < 0 ? -value : value
  }

  private static func rational(_ x: Double, _ numerator: [Double], _ denominator: [Double])
    -> Double
  {
    var top = 0.0
    for coefficient in numerator.reversed() { top = top * x + coefficient }
    var bottom = 0.0
    for coefficient in denominator.reversed() { bottom = bottom * x + coefficient }
    return top / bottom
  }

  // Coefficients of AS 241, lowest power first.
  private static let central = (
    numerator: [
      3.387_132_872_796_366_608, 133.141_667_891_784_377_3, 1_971.590_950_306_551_442_7,
      13_731.693_765_509_461_125, 45_921.953_931_549_871_457, 67_265.770_927_008_700_853,
      33_430.575_583_588_128_105, 2_509.080_928_730_122_672_7,
    ],
    denominator: [
      1.0, 42.313_330_701_600_911_252, 687.187_007_492_057_908_7, 5_394.196_021_424_751_077_1,
      21_213.794_301_586_595_867, 39_307.895_800_092_710_61, 28_729.085_735_721_942_674,
      5_226.495_278_852_545_925_1,
    ]
  )
  private static let intermediate = (
    numerator: [
      1.423_437_110_749_683_577_34, 4.630_337_846_156_545_295_9, 5.769_497_221_460_691_405_5,
      3.647_848_324_763_204_605_04, 1.270_458_252_452_368_382_58, 0.241_780_725_177_450_611_77,
      0.022_723_844_989_269_184_583_3, 7.745_450_142_783_414_076_4e-4,
    ],
    denominator: [
      1.0, 2.053_191_626_637_758_821_87, 1.676_384_830_183_803_849_4,
      0.689_767_334_985_100_004_55, 0.148_103_976_427_480_074_59,
      0.015_198_666_563_616_457_2, 5.475_938_084_995_344_946e-4, 1.050_750_071_644_416_843_64e-9,
    ]
  )
  private static let tail = (
    numerator: [
      6.657_904_643_501_103_777_2, 5.463_784_911_164_114_369_9, 1.784_826_539_917_291_335_8,
      0.296_560_571_828_504_891_23, 0.026_532_189_526_576_123_093,
      0.001_242_660_947_388_078_438_2, 2.711_555_568_743_487_578_6e-5,
      2.010_334_399_292_288_132_6e-7,
    ],
    denominator: [
      1.0, 0.599_832_206_555_887_937_69, 0.136_929_880_922_735_805_31,
      0.014_875_361_290_850_615_025, 7.868_691_311_456_132_591e-4,
      1.846_318_317_510_054_681_8e-5, 1.421_511_758_316_445_887_7e-7,
      2.044_263_103_389_939_785_64e-15,
    ]
  )
}
