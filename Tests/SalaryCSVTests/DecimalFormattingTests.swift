import SalaryCSV
import Testing
import _TestSupport

/// A number, how to format it, and the exact digits expected.
struct DecimalCase: Sendable, CustomTestStringConvertible {
  var value: Double
  var maxFractionDigits: Int
  var minFractionDigits = 0
  var expected: String

  var testDescription: String {
    "\(value) max \(maxFractionDigits) min \(minFractionDigits) → \(expected)"
  }
}

private let decimalCases: [DecimalCase] = [
  DecimalCase(value: 0, maxFractionDigits: 2, expected: "0"),
  DecimalCase(value: 42, maxFractionDigits: 0, expected: "42"),
  DecimalCase(value: 100, maxFractionDigits: 2, expected: "100"),
  DecimalCase(value: 1234.5, maxFractionDigits: 2, expected: "1234.5"),
  DecimalCase(value: 1234.5, maxFractionDigits: 2, minFractionDigits: 2, expected: "1234.50"),
  DecimalCase(value: -1234.5, maxFractionDigits: 2, expected: "-1234.5"),
  DecimalCase(value: 1_234_567, maxFractionDigits: 2, expected: "1234567"),
  DecimalCase(value: 0.1 + 0.2, maxFractionDigits: 2, expected: "0.3"),
  // Never -0.
  DecimalCase(value: -0.0, maxFractionDigits: 2, expected: "0"),
  DecimalCase(value: -0.004, maxFractionDigits: 2, expected: "0"),
  DecimalCase(value: -0.4, maxFractionDigits: 0, expected: "0"),
  DecimalCase(value: -0.0, maxFractionDigits: 2, minFractionDigits: 2, expected: "0.00"),
  DecimalCase(value: -1e-300, maxFractionDigits: 15, expected: "0"),
  DecimalCase(value: .leastNonzeroMagnitude, maxFractionDigits: 15, expected: "0"),
  // Half away from zero, on the scaled value.
  DecimalCase(value: 2.5, maxFractionDigits: 0, expected: "3"),
  DecimalCase(value: -2.5, maxFractionDigits: 0, expected: "-3"),
  DecimalCase(value: 0.5, maxFractionDigits: 0, expected: "1"),
  DecimalCase(value: 1.5, maxFractionDigits: 0, expected: "2"),
  DecimalCase(value: -0.005, maxFractionDigits: 2, expected: "-0.01"),
  DecimalCase(value: -42.125, maxFractionDigits: 2, expected: "-42.13"),
  DecimalCase(value: 1.005, maxFractionDigits: 2, expected: "1"),
  DecimalCase(value: 0.035, maxFractionDigits: 2, expected: "0.04"),
  DecimalCase(value: 9.9996, maxFractionDigits: 3, expected: "10"),
  DecimalCase(value: 0.000_001_5, maxFractionDigits: 6, expected: "0.000002"),
  // Never exactly three decimals: pad to four.
  DecimalCase(value: 0.035, maxFractionDigits: 3, expected: "0.0350"),
  DecimalCase(value: 12.345, maxFractionDigits: 3, expected: "12.3450"),
  DecimalCase(value: 12.345, maxFractionDigits: 4, expected: "12.3450"),
  DecimalCase(value: -0.001, maxFractionDigits: 5, expected: "-0.0010"),
  DecimalCase(value: 1.5, maxFractionDigits: 3, minFractionDigits: 3, expected: "1.5000"),
  DecimalCase(value: 1.25, maxFractionDigits: 5, minFractionDigits: 3, expected: "1.2500"),
  DecimalCase(value: 0.1234, maxFractionDigits: 4, expected: "0.1234"),
  DecimalCase(value: 0.12345, maxFractionDigits: 5, expected: "0.12345"),
  // At most 15 significant digits.
  DecimalCase(value: 1.0 / 3.0, maxFractionDigits: 15, expected: "0.333333333333333"),
  DecimalCase(value: 2.0 / 3.0, maxFractionDigits: 15, expected: "0.666666666666667"),
  DecimalCase(value: 10.0 / 3.0, maxFractionDigits: 15, expected: "3.33333333333333"),
  DecimalCase(value: 123_456_789.123_456_7, maxFractionDigits: 9, expected: "123456789.123457"),
  DecimalCase(value: 123_456_789_012.345_6, maxFractionDigits: 4, expected: "123456789012.3460"),
  DecimalCase(value: 99_999_999_999_999.96, maxFractionDigits: 1, expected: "100000000000000"),
  DecimalCase(value: 999_999_999_999_999, maxFractionDigits: 2, expected: "999999999999999"),
  DecimalCase(value: -999_999_999_999_999.4, maxFractionDigits: 0, expected: "-999999999999999"),
  DecimalCase(value: 1e14, maxFractionDigits: 0, expected: "100000000000000"),
  DecimalCase(value: 0.000_000_000_000_001, maxFractionDigits: 15, expected: "0.000000000000001"),
]

@Test("formatDecimal writes the exact digits", arguments: decimalCases)
func formatsExactly(_ example: DecimalCase) throws {
  let digits = try formatDecimal(
    example.value, maxFractionDigits: example.maxFractionDigits,
    minFractionDigits: example.minFractionDigits)
  #expect(digits == example.expected)
}

@Test(
  "NaN and infinity are refused",
  arguments: [Double.nan, -Double.nan, .signalingNaN, .infinity, -.infinity])
func nonFiniteNumbersAreRefused(_ value: Double) {
  #expect(throws: CSVNumberError.notFinite) {
    try formatDecimal(value, maxFractionDigits: 2)
  }
}

@Test(
  "magnitudes of 1e15 and more are refused",
  arguments: [
    1e15, -1e15, 1e15.nextUp, 1e300, -.greatestFiniteMagnitude,
    // Rounding carries these to 1e15.
    999_999_999_999_999.5, -999_999_999_999_999.5,
  ])
func hugeNumbersAreRefused(_ value: Double) {
  #expect(throws: CSVNumberError.magnitudeTooLarge) {
    try formatDecimal(value, maxFractionDigits: 0)
  }
}

@Test func theLimitAppliesAfterRoundingToFifteenDigits() throws {
  // 999999999999999.375 keeps no decimal (15 digits before the point) and rounds down.
  #expect(try formatDecimal(999_999_999_999_999.375, maxFractionDigits: 3) == "999999999999999")
  // 1e15.nextDown is 999999999999999.875, which rounds to 1e15.
  #expect(throws: CSVNumberError.magnitudeTooLarge) {
    try formatDecimal(1e15.nextDown, maxFractionDigits: 3)
  }
}

@Test func numberErrorsHaveMessages() {
  #expect(CSVNumberError.notFinite.description == "number is not finite")
  #expect(CSVNumberError.magnitudeTooLarge.description == "number has a magnitude of 1e15 or more")
}

/// Checks the shape rules on one formatted number; returns a description of what is wrong.
func shapeProblem(_ digits: String, decimalSeparator: Character = ".") -> String? {
  var rest = Substring(digits)
  if rest.first == "-" { rest = rest.dropFirst() }
  let parts = rest.split(separator: decimalSeparator, omittingEmptySubsequences: false)
  guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
  else { return "not -?digits(.digits)?" }
  if digits.hasPrefix("-") && parts.allSatisfy({ $0.allSatisfy { $0 == "0" } }) {
    return "negative zero"
  }
  if parts.count == 2 && parts[1].count == 3 { return "exactly three decimals" }
  // Significant digits: strip leading zeros, and the padding zero of four decimals.
  var significant = Array(parts.joined()).drop { $0 == "0" }
  if parts.count == 2 && parts[1].count == 4 && significant.last == "0" {
    significant = significant.dropLast()
  }
  if parts.count == 2 {
    while significant.last == "0" { significant = significant.dropLast() }
  }
  if significant.count > 15 { return "\(significant.count) significant digits" }
  return nil
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

@Test func randomNumbersKeepTheShapeAndTheValue() throws {
  var rng = SplitMix64(seed: 0x5EED_0001)
  for trial in 0..<20_000 {
    let exponent = Double.random(in: -8...15, using: &rng)
    var value = Double.random(in: 1..<10, using: &rng) * pow10(exponent.rounded(.down) - 1)
    if Bool.random(using: &rng) { value = -value }
    let maxDigits = Int.random(in: 0...15, using: &rng)
    guard let digits = try? formatDecimal(value, maxFractionDigits: maxDigits) else {
      #expect(value.magnitude >= 999_999_999_999_999.5, "trial \(trial): \(value) refused")
      continue
    }
    #expect(shapeProblem(digits) == nil, "trial \(trial): \(value) max \(maxDigits) → \(digits)")
    // The value read back is within half a unit of the last decimal kept, plus the double's own
    // error.
    let integerDigits = value.magnitude < 1 ? 0 : String(Int(value.magnitude)).count
    let kept = min(maxDigits, 15 - integerDigits)
    let readBack = try #require(Double(digits))
    let tolerance = 0.5 * pow10(Double(-kept)) + value.magnitude.ulp * 4
    #expect(
      (readBack - value).magnitude <= tolerance,
      "trial \(trial): \(value) max \(maxDigits) → \(digits)")
  }
}

private func pow10(_ exponent: Double) -> Double {
  var result = 1.0
  let steps = Int(exponent.magnitude)
  for _ in 0..<steps { result *= 10 }
  return exponent < 0 ? 1 / result : result
}

@Test func theShapeCheckCatchesEachBadShape() {
  #expect(shapeProblem("12.5") == nil)
  #expect(shapeProblem("-0.0350") == nil)
  #expect(shapeProblem("123456789012.3460") == nil)
  #expect(shapeProblem("0.035") == "exactly three decimals")
  #expect(shapeProblem("-0") == "negative zero")
  #expect(shapeProblem("-0.00") == "negative zero")
  #expect(shapeProblem("1e5") == "not -?digits(.digits)?")
  #expect(shapeProblem("+1") == "not -?digits(.digits)?")
  #expect(shapeProblem("1,000") == "not -?digits(.digits)?")
  #expect(shapeProblem("1.") == "not -?digits(.digits)?")
  #expect(shapeProblem("1234567890123456") == "16 significant digits")
}
