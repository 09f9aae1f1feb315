/// A small, fast, seedable random number generator: SplitMix64 (Steele, Lea and Flood,
/// 2014). The same seed gives the same sequence on every platform, so a Monte Carlo run
/// with `--seed` is byte-for-byte reproducible.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) { self.state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform draw strictly between 0 and 1 (53 random bits, never 0 or 1).
  public mutating func nextOpenUnit() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1p-53
  }

  /// A standard normal draw, by inverting Φ at a uniform draw.
  public mutating func nextNormal() -> Double {
    StandardNormal.quantile(nextOpenUnit())
  }
}
