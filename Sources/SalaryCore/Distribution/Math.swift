// The C maths library, for the few elementary functions the standard library lacks.
// This is the only file of the core that imports a system module, and it does no I/O.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Elementary functions, correctly rounded to within an ulp or two as libm provides them.
public enum Math {
  /// The natural logarithm.
  public static func log(_ x: Double) -> Double { libmLog(x) }
  /// e raised to `x`.
  public static func exp(_ x: Double) -> Double { libmExp(x) }
  /// The complementary error function, 1 − erf(x), accurate in both tails.
  public static func erfc(_ x: Double) -> Double { libmErfc(x) }
  /// `x` raised to the real power `y`.
  public static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
}

// Free functions that reach the C library, since inside `Math` its own names shadow them.
private func libmLog(_ x: Double) -> Double { log(x) }
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmErfc(_ x: Double) -> Double { erfc(x) }
private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
