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
enum Math {
  /// The natural logarithm.
  static func log(_ x: Double) -> Double { libmLog(x) }
  /// e raised to `x`.
  static func exp(_ x: Double) -> Double { libmExp(x) }
  /// The complementary error function, 1 − erf(x), accurate in both tails.
  static func erfc(_ x: Double) -> Double { libmErfc(x) }
}

// Free functions that reach the C library, since inside `Math` its own names shadow them.
private func libmLog(_ x: Double) -> Double { log(x) }
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmErfc(_ x: Double) -> Double { erfc(x) }
