/// The coefficients of the cubic Hermite interpolant on [0, h] with values `u0`, `u1` and
/// slopes `d0`, `d1` at its ends, in powers of t: c₀ + c₁t + c₂t² + c₃t³.
func hermiteCoefficients(_ u0: Double, _ d0: Double, _ u1: Double, _ d1: Double, _ h: Double)
  -> (Double, Double, Double, Double)
{
  guard h > 0 else { return (u0, 0, 0, 0) }
  let delta = (u1 - u0) / h
  return (u0, d0, (3 * delta - 2 * d0 - d1) / h, (d0 + d1 - 2 * delta) / (h * h))
}

/// The cubic Hermite interpolant's value at the middle of [0, h].
func hermiteMidpoint(_ u0: Double, _ d0: Double, _ u1: Double, _ d1: Double, _ h: Double)
  -> Double
{
  (u0 + u1) / 2 + h * (d0 - d1) / 8
}
