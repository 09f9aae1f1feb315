/// Why a number cannot be written.
///
/// Spreadsheets keep 15 significant digits and have no cell for NaN or infinity, so the writer
/// and `formatDecimal(_:maxFractionDigits:minFractionDigits:)` refuse such numbers instead of
/// writing something a spreadsheet would read as another value.
public enum CSVNumberError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The number is NaN or infinite.
  case notFinite
  /// The number's magnitude, after rounding, is 1e15 or more: more digits than a spreadsheet
  /// keeps.
  case magnitudeTooLarge

  /// A short lower-case message.
  public var description: String {
    switch self {
    case .notFinite:
      return "number is not finite"
    case .magnitudeTooLarge:
      return "number has a magnitude of 1e15 or more"
    }
  }
}

/// Formats a number as plain decimal digits that every spreadsheet locale reads alike:
/// `-?digits(.digits)?`, with no grouping, no exponent, no `+` and never `-0`.
///
///     try formatDecimal(1234.5, maxFractionDigits: 2)  // "1234.5"
///     try formatDecimal(1234.5, maxFractionDigits: 2, minFractionDigits: 2)  // "1234.50"
///     try formatDecimal(0.035, maxFractionDigits: 3)  // "0.0350", never "0.035"
///     try formatDecimal(-0.004, maxFractionDigits: 2)  // "0", never "-0"
///     try formatDecimal(2.5, maxFractionDigits: 0)  // "3"
///     try formatDecimal(-2.5, maxFractionDigits: 0)  // "-3"
///     try formatDecimal(1.0 / 3.0, maxFractionDigits: 15)  // "0.333333333333333"
///     try formatDecimal(123_456_789.123_456, maxFractionDigits: 9)  // "123456789.123456"
///
/// The rules, in order:
/// 1. At most `maxFractionDigits` decimals, and at most 15 significant digits in all (what
///    spreadsheets keep): a number with *k* digits before the point keeps at most 15 − *k*
///    decimals.
/// 2. Rounding is half away from zero on the scaled value: `value` is multiplied by 10 to the
///    number of decimals kept, in binary floating point, and that product is rounded. So `2.5`
///    gives `3` with no decimals, and `1.005` gives `1` with two decimals, because the double
///    nearest 1.005 is 1.00499999999999989… and so is its product by 100.
/// 3. Trailing zeros of the fraction are dropped, down to `minFractionDigits` (zeros are added up
///    to it), and the point goes when no decimal is left.
/// 4. Exactly three decimals are never written: a fourth, zero, is added. With German number
///    settings a spreadsheet reads a point followed by exactly three digits as a thousands
///    separator (`0.035` as 35). The added zero is not significant.
///
/// - Parameters:
///   - value: The number. NaN, infinity and magnitudes of 1e15 or more are refused.
///   - maxFractionDigits: The most decimals to keep, in `0...15`.
///   - minFractionDigits: The fewest decimals to write, in `0...maxFractionDigits`; `0` by
///     default, so that trailing zeros are dropped.
/// - Returns: The digits, with `.` as the decimal separator.
/// - Throws: `CSVNumberError.notFinite` for NaN and infinity,
///   `CSVNumberError.magnitudeTooLarge` when the magnitude, rounded, is 1e15 or more.
/// - Complexity: O(1).
public func formatDecimal(
  _ value: Double,
  maxFractionDigits: Int,
  minFractionDigits: Int = 0
) throws(CSVNumberError) -> String {
  let digits = try DecimalDigits(
    value, maxFractionDigits: maxFractionDigits, minFractionDigits: minFractionDigits)
  var bytes: [UInt8] = []
  bytes.reserveCapacity(36)
  digits.append(to: &bytes, decimalSeparator: UInt8(ascii: "."))
  return String(decoding: bytes, as: UTF8.self)
}

/// A number checked, rounded and split into the parts that `formatDecimal` writes, so that a
/// number is refused before any of it is written.
///
/// The careful implementation of the rules, kept as the reference: `CSVWriter` writes numbers
/// with the faster `FieldEncoding`, which does the same arithmetic and writes its digits
/// straight into the output, and the tests hold the two to the same bytes.
struct DecimalDigits {
  private static let powersOfTen: [UInt64] = [
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000,
    100_000_000_000_000, 1_000_000_000_000_000,
  ]
  private static let limit: UInt64 = 1_000_000_000_000_000

  private var isNegative: Bool
  private var integerPart: UInt64
  /// The rounded fraction as an integer of `fractionDigits` digits (leading zeros implied).
  private var fraction: UInt64
  private var fractionDigits: Int
  /// How many decimals to write: `fraction`'s, trimmed and padded by the rules.
  private var writtenFractionDigits: Int

  /// Checks and rounds `value`; see `formatDecimal(_:maxFractionDigits:minFractionDigits:)`.
  init(_ value: Double, maxFractionDigits: Int, minFractionDigits: Int) throws(CSVNumberError) {
    precondition(
      (0...15).contains(maxFractionDigits), "maxFractionDigits must be in 0...15")
    precondition(
      (0...maxFractionDigits).contains(minFractionDigits),
      "minFractionDigits must be in 0...maxFractionDigits")
    guard value.isFinite else { throw .notFinite }
    let magnitude = value.magnitude
    guard magnitude < 1e15 else { throw .magnitudeTooLarge }

    var integerDigits = 0
    var whole = UInt64(magnitude)
    while whole > 0 {
      integerDigits += 1
      whole /= 10
    }
    let kept = min(maxFractionDigits, 15 - integerDigits)
    let scale = Self.powersOfTen[kept]
    let scaled = Self.roundedHalfAwayFromZero(magnitude * Double(scale))
    let integerPart = scaled / scale
    // Rounding up can carry into a sixteenth digit: 999999999999999.5 becomes 1e15.
    guard integerPart < Self.limit else { throw .magnitudeTooLarge }

    var fraction = scaled % scale
    var significantFractionDigits = kept
    while significantFractionDigits > 0 && fraction % 10 == 0 {
      fraction /= 10
      significantFractionDigits -= 1
    }
    var written = max(significantFractionDigits, minFractionDigits)
    if written == 3 {
      written = 4
    }
    self.isNegative = value < 0 && scaled != 0
    self.integerPart = integerPart
    self.fraction = fraction
    self.fractionDigits = significantFractionDigits
    self.writtenFractionDigits = written
  }

  /// Rounds a non-negative number below 1e16 to the nearest integer, halves up.
  ///
  /// Done by hand rather than with `rounded(_:)`, which calls the C maths library that this
  /// module does not link.
  private static func roundedHalfAwayFromZero(_ x: Double) -> UInt64 {
    let whole = UInt64(x)
    // Exact: below 2^53 a double's fractional part is representable on its own.
    return x - Double(whole) >= 0.5 ? whole + 1 : whole
  }

  /// Checks an integer: its magnitude must be below 1e15.
  init(_ value: Int) throws(CSVNumberError) {
    guard value > -1_000_000_000_000_000 && value < 1_000_000_000_000_000 else {
      throw .magnitudeTooLarge
    }
    isNegative = value < 0
    integerPart = UInt64(value.magnitude)
    fraction = 0
    fractionDigits = 0
    writtenFractionDigits = 0
  }

  /// Appends the digits, with `decimalSeparator` before the fraction.
  func append(to output: inout [UInt8], decimalSeparator: UInt8) {
    if isNegative {
      output.append(UInt8(ascii: "-"))
    }
    let start = output.count
    var remaining = integerPart
    repeat {
      output.append(UInt8(ascii: "0") + UInt8(remaining % 10))
      remaining /= 10
    } while remaining > 0
    output[start...].reverse()
    guard writtenFractionDigits > 0 else { return }
    output.append(decimalSeparator)
    for position in 0..<writtenFractionDigits {
      if position < fractionDigits {
        let digit = fraction / Self.powersOfTen[fractionDigits - 1 - position] % 10
        output.append(UInt8(ascii: "0") + UInt8(digit))
      } else {
        output.append(UInt8(ascii: "0"))
      }
    }
  }
}
