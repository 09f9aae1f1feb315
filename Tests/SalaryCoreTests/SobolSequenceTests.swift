import Testing

@testable import SalaryCore

/// The Sobol' sequence: the published first points, the direction numbers' table, the
/// stratification every 2ᵐ first points have (plain and scrambled), and the scramble's
/// reproducibility.
@Suite struct SobolSequenceTests {
  /// The first eight points of dimensions 1 to 4 in Gray-code order, as Joe and Kuo's
  /// `sobol.cc` prints them (and as Bratley and Fox's Algorithm 659 does for its first
  /// dimensions).
  static let published: [[Double]] = [
    [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125],
    [0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625],
    [0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375],
    [0, 0.5, 0.25, 0.75, 0.875, 0.375, 0.625, 0.125],
  ]

  @Test func theFirstPointsAreThePublishedOnes() {
    var points = SobolSequence(dimensions: 4).makeGenerator()
    var point = [Double](repeating: 0, count: 4)
    for index in 0..<8 {
      points.next(into: &point)
      for dimension in 0..<4 {
        // The generator gives the middle of each cell of width 2⁻³².
        #expect(
          point[dimension] == Self.published[dimension][index] + 0x1p-33,
          "point \(index), dimension \(dimension + 1)")
      }
    }
    #expect(points.count == 8)
  }

  /// Natural order: point i is the exclusive or of the direction numbers of i's bits, and
  /// the first 2ᵐ points are the Gray-code order's, in another order.
  @Test func naturalAndGrayCodeOrdersGiveTheSameSets() {
    let sequence = SobolSequence(dimensions: 6)
    // Point 5 = 0b101: the first and third direction numbers of each dimension.
    #expect(
      Array(sequence.integerPoint(5).prefix(4))
        == [2_684_354_560, 536_870_912, 3_758_096_384, 2_684_354_560])
    var points = sequence.makeGenerator()
    var point = [Double](repeating: 0, count: 6)
    var gray: Set<[UInt32]> = []
    for _ in 0..<256 {
      points.next(into: &point)
      gray.insert(point.map { UInt32(($0 - 0x1p-33) * 0x1p32) })
    }
    let natural = Set((0..<256).map(sequence.integerPoint))
    #expect(gray == natural)
  }

  /// Each row of the table: a degree s from 1 to 10, inner coefficients below 2^(s−1),
  /// and s odd initial numbers mₖ < 2ᵏ; the polynomials are every primitive polynomial of
  /// degree 1 to 10 in order of degree and then of a, as Joe and Kuo's are.
  @Test func theDirectionNumbersTableIsWellFormed() {
    let rows = SobolDirectionNumbers.rows
    var polynomials: [(degree: Int, coefficients: Int)] = []
    var index = 0
    while index < rows.count {
      let degree = Int(rows[index])
      let coefficients = Int(rows[index + 1])
      #expect((1...10).contains(degree) && coefficients < 1 << max(0, degree - 1))
      for k in 1...degree {
        let m = Int(rows[index + 1 + k])
        #expect(m % 2 == 1 && m < 1 << k, "row \(polynomials.count + 2), m\(k) = \(m)")
      }
      polynomials.append((degree, coefficients))
      index += 2 + degree
    }
    #expect(polynomials.count == SobolSequence.dimensionLimit - 1)
    var expected: [(Int, Int)] = []
    for degree in 1...10 {
      for coefficients in 0..<(1 << max(0, degree - 1))
      where Self.isPrimitive(degree: degree, coefficients: coefficients) {
        expected.append((degree, coefficients))
      }
    }
    for (found, wanted) in zip(polynomials, expected) {
      #expect(found.degree == wanted.0 && found.coefficients == wanted.1)
    }
  }

  /// Whether x^s + a₁x^(s−1) + … + a_(s−1)x + 1 over GF(2) is primitive: x has order 2^s − 1
  /// modulo it.
  static func isPrimitive(degree s: Int, coefficients a: Int) -> Bool {
    let polynomial = 1 << s | a << 1 | 1
    let order = (1 << s) - 1
    func multiply(_ x: Int, _ y: Int) -> Int {
      var result = 0
      var x = x
      var y = y
      while y != 0 {
        if y & 1 == 1 { result ^= x }
        y >>= 1
        x <<= 1
        if x >> s & 1 == 1 { x ^= polynomial }
      }
      return result
    }
    func power(_ k: Int) -> Int {
      var result = 1
      var base = s == 1 ? 2 ^ polynomial : 2
      var k = k
      while k > 0 {
        if k & 1 == 1 { result = multiply(result, base) }
        base = multiply(base, base)
        k >>= 1
      }
      return result
    }
    guard power(order) == 1 else { return false }
    var factors: [Int] = []
    var n = order
    var p = 2
    while p * p <= n {
      if n % p == 0 { factors.append(p) }
      while n % p == 0 { n /= p }
      p += 1
    }
    if n > 1 { factors.append(n) }
    return factors.allSatisfy { power(order / $0) != 1 }
  }

  /// Every 2ᵐ first points put one point in each interval [k/2ᵐ, (k + 1)/2ᵐ) of every
  /// dimension, plain or scrambled.
  @Test(arguments: [nil, 7, 20_260_101] as [UInt64?])
  func everyDimensionIsStratified(_ seed: UInt64?) {
    let dimensions = SobolSequence.dimensionLimit
    var points = SobolSequence(dimensions: dimensions, seed: seed).makeGenerator()
    var point = [Double](repeating: 0, count: dimensions)
    var cells = [[Int]](repeating: [], count: dimensions)
    for count in 1...1024 {
      points.next(into: &point)
      for dimension in 0..<dimensions { cells[dimension].append(Int(point[dimension] * 1024)) }
      guard count.nonzeroBitCount == 1 else { continue }
      for dimension in 0..<dimensions {
        let occupied = Set(cells[dimension].map { $0 * count / 1024 })
        #expect(occupied.count == count, "dimension \(dimension + 1), \(count) points")
      }
    }
  }

  /// The first two dimensions make a (0, m, 2)-net: every box of 2ᵐ equal cells, whatever
  /// its shape, holds one point, plain or scrambled.
  @Test(arguments: [nil, 42] as [UInt64?])
  func theFirstTwoDimensionsAreANet(_ seed: UInt64?) {
    var points = SobolSequence(dimensions: 2, seed: seed).makeGenerator()
    var point = [0.0, 0.0]
    var all: [(Double, Double)] = []
    for _ in 0..<256 {
      points.next(into: &point)
      all.append((point[0], point[1]))
    }
    for across in 0...8 {
      let columns = 1 << across
      let rows = 256 / columns
      let boxes = Set(all.map { Int($0.0 * Double(columns)) * rows + Int($0.1 * Double(rows)) })
      #expect(boxes.count == 256, "\(columns) × \(rows)")
    }
  }

  @Test func aScrambleIsReproducibleAndStrictlyInside() {
    var a = SobolSequence(dimensions: 30, seed: 9).makeGenerator()
    var b = SobolSequence(dimensions: 30, seed: 9).makeGenerator()
    var c = SobolSequence(dimensions: 30, seed: 10).makeGenerator()
    var x = [Double](repeating: 0, count: 30)
    var y = x
    var z = x
    var differ = 0
    var sums = [Double](repeating: 0, count: 30)
    for _ in 0..<4096 {
      a.next(into: &x)
      b.next(into: &y)
      c.next(into: &z)
      #expect(x == y)
      if x != z { differ += 1 }
      #expect(x.allSatisfy { $0 > 0 && $0 < 1 })
      for dimension in 0..<30 { sums[dimension] += x[dimension] }
    }
    #expect(differ == 4096)
    // Stratified in each dimension, 4,096 points average within 1/4,096 of ½.
    for sum in sums { #expect(abs(sum / 4096 - 0.5) < 1.0 / 4096) }
  }

  /// Point 0 of a plain sequence is the origin; a scrambled one's is its digital shift.
  @Test func theFirstPointIsTheShift() {
    #expect(SobolSequence(dimensions: 3).integerPoint(0) == [0, 0, 0])
    let scrambled = SobolSequence(dimensions: 3, seed: 5)
    #expect(scrambled.integerPoint(0) == scrambled.shifts)
  }
}
