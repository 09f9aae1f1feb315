import SalaryCSV
import Testing
import _TestSupport

// The writer formats numbers by a fast path that writes digits straight into the output;
// `formatDecimal` keeps the careful one. They must give the same bytes, and refuse the same
// numbers, for every value.

/// What `CSVWriter.appendNumber` writes for `value`, or the error it throws.
private func fast(_ value: Double, _ fractionDigits: Int) -> Result<String, CSVNumberError> {
  var writer = CSVWriter()
  var output: [UInt8] = []
  do {
    try writer.appendNumber(value, fractionDigits: fractionDigits, into: &output)
    return .success(String(decoding: output, as: UTF8.self))
  } catch {
    #expect(output.isEmpty, "a refused number wrote something")
    return .failure(error)
  }
}

/// What the careful path, `formatDecimal`, makes of `value`.
private func careful(_ value: Double, _ fractionDigits: Int) -> Result<String, CSVNumberError> {
  do {
    return .success(try formatDecimal(value, maxFractionDigits: fractionDigits))
  } catch {
    return .failure(error)
  }
}

/// Values at the edges of the rules: zeros, halves (rounding), carries into another digit,
/// the 15-digit limit, magnitudes past 2^32 where the digits change method, and the
/// non-finite.
private let edgeValues: [Double] = [
  0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 0.005, -0.005, 1.005, 0.015, 0.035,
  0.125, 0.0625, 9.995, 99.5, 999.5, 9_999.5, 99_999.5, 999_999.5, 9_999_999.5, 99_999_999.5,
  99_999_999.49, 4_294_967_295, 4_294_967_295.5, 4_294_967_296, 1e8, 1e9, 1e10, 1e14,
  1e14 + 0.5, 123_456_789.987_654_321, 999_999_999_999_999, 999_999_999_999_999.4,
  999_999_999_999_999.5, 1e15.nextDown, 1e15, -1e15, 1e16, 1e300, .leastNonzeroMagnitude, -1e-300,
  1e-15,
  0.000_000_000_000_5, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, -42.125, .nan, .infinity, -.infinity,
  Double.greatestFiniteMagnitude, -Double.leastNormalMagnitude,
]

@Test func edgeValuesFormatAsTheCarefulPathDoes() {
  for value in edgeValues {
    for digits in 0...15 {
      #expect(fast(value, digits) == careful(value, digits), "\(value) with \(digits) digits")
      #expect(fast(-value, digits) == careful(-value, digits), "\(-value) with \(digits) digits")
    }
  }
}

/// A random double: of any magnitude that can be written, a whole number plus a half
/// (where rounding decides), a few decimals, or any bit pattern at all.
private func randomValue(using rng: inout SplitMix64) -> Double {
  let sign: Double = Bool.random(using: &rng) ? -1 : 1
  switch Int.random(in: 0..<5, using: &rng) {
  case 0:
    let exponent = Double.random(in: -18...15.5, using: &rng)
    return sign * pow10(exponent) * Double.random(in: 1..<10, using: &rng) / 10
  case 1:
    let whole = Double(UInt64.random(in: 0...999_999_999_999_999, using: &rng))
    let scale = pow10(Double(Int.random(in: 0...15, using: &rng)))
    return sign * (whole + 0.5) / scale
  case 2:
    let cents = Double(Int.random(in: 0...10_000_000, using: &rng))
    return sign * cents / pow10(Double(Int.random(in: 0...6, using: &rng)))
  case 3:
    return sign * Double(Int.random(in: 0...400_000, using: &rng))
  default:
    return Double(bitPattern: rng.next())
  }
}

/// 10^x without Foundation: exact for whole x from 0 to 22.
private func pow10(_ exponent: Double) -> Double {
  var whole = exponent.rounded(.down)
  var result = 1.0
  while whole > 0 {
    result *= 10
    whole -= 1
  }
  while whole < 0 {
    result /= 10
    whole += 1
  }
  // The fractional part, by a short series of e^(x ln 10); precision does not matter here.
  let fraction = (exponent - exponent.rounded(.down)) * 2.302585092994046
  var term = 1.0
  var sum = 1.0
  for n in 1..<30 {
    term *= fraction / Double(n)
    sum += term
  }
  return result * sum
}

@Test(arguments: [1, 2, 3, 4] as [UInt64])
func randomValuesFormatAsTheCarefulPathDoes(seed: UInt64) {
  var rng = SplitMix64(seed: seed)
  var failures = 0
  for index in 0..<50_000 {
    let value = randomValue(using: &rng)
    let digits = Int.random(in: 0...15, using: &rng)
    let fastResult = fast(value, digits)
    let carefulResult = careful(value, digits)
    if fastResult != carefulResult {
      failures += 1
      if failures <= 5 {
        let replay = "seed \(seed) case \(index): \(value) (bits \(value.bitPattern))"
        Issue.record(
          "\(replay) with \(digits) digits: fast \(fastResult), careful \(carefulResult)")
      }
    }
  }
  #expect(failures == 0)
}

@Test func integersFormatAsTheirDecimalDigits() {
  var rng = SplitMix64(seed: 7)
  var values: [Int] = [
    0, 1, -1, 9, 10, 99, 100, 4_294_967_295, 4_294_967_296, 99_999_999, 100_000_000,
    999_999_999_999_999, -999_999_999_999_999, 1_000_000_000_000_000, -1_000_000_000_000_000,
    .max, .min,
  ]
  for _ in 0..<20_000 {
    let digits = Int.random(in: 1...18, using: &rng)
    var magnitude = 1
    for _ in 1..<digits { magnitude *= 10 }
    values.append(Int.random(in: -magnitude...magnitude, using: &rng))
  }
  for value in values {
    var writer = CSVWriter()
    var output: [UInt8] = []
    let result: Result<String, CSVNumberError>
    do {
      try writer.appendInteger(value, into: &output)
      result = .success(String(decoding: output, as: UTF8.self))
    } catch {
      result = .failure(error)
    }
    let expected: Result<String, CSVNumberError> =
      value.magnitude < 1_000_000_000_000_000
      ? .success(String(value)) : .failure(.magnitudeTooLarge)
    #expect(result == expected, "\(value)")
  }
}

@Test func numbersUseTheConfiguredDecimalSeparator() throws {
  var writer = CSVWriter(configuration: .european)
  var output: [UInt8] = []
  try writer.appendNumber(-1234.5, fractionDigits: 2, into: &output)
  try writer.appendNumber(0.035, fractionDigits: 3, into: &output)
  try writer.appendNumber(7, fractionDigits: 2, into: &output)
  #expect(String(decoding: output, as: UTF8.self) == "-1234,5;0,0350;7")
}
