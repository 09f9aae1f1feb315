import Testing
import _TestSupport

@testable import SalaryCore

/// PCHIP against SciPy 1.17's `PchipInterpolator`: values at eight evenly spaced points and
/// at every interval's middle, to 1e-12 relative.
@Suite struct MonotoneCubicTests {
  struct SciPyCase: CustomTestStringConvertible, Sendable {
    var name: String
    var x: [Double]
    var y: [Double]
    var expected: [Double]
    var testDescription: String { name }

    /// x₀ + (xₙ − x₀)·k/7 for k = 0…7, then each interval's middle, as the reference used.
    var points: [Double] {
      (0..<8).map { x[0] + (x[x.count - 1] - x[0]) * Double($0) / 7 }
        + (0..<x.count - 1).map { (x[$0] + x[$0 + 1]) / 2 }
    }
  }

  static let cases: [SciPyCase] = [
    SciPyCase(
      name: "himalayasLogMedians", x: [1.0, 3.0, 4.5, 6.5, 8.5, 12.5, 15.0, 17.5],
      y: [
        11.156250521031495, 11.407564949312402, 11.608235644774552, 11.84939770159144,
        12.013700752882718, 12.180754837545884, 12.301382825334498, 12.367340793126296,
      ],
      expected: [
        11.156250521031495, 11.454944792061346, 11.762507144719555, 11.986150392162221,
        12.100791376291456, 12.194226245570805, 12.306217737085413, 12.367340793126296,
        11.279715280736458, 11.5083939286616, 11.736173797881738, 11.94161612021711,
        12.103444407816795, 12.244478102949207, 12.340194410853867,
      ]),
    SciPyCase(
      name: "bumpy", x: [0.0, 1.0, 2.0, 4.0, 7.0],
      y: [1.0, 3.0, 2.0, 2.0, 5.0],
      expected: [
        1.0, 3.0, 2.0, 2.0, 2.0, 2.4222222222222225, 3.5111111111111106, 5.0, 2.4375, 2.5, 2.0, 2.9,
      ]),
    SciPyCase(
      name: "steepEnd", x: [0.0, 1.0, 2.0],
      y: [0.0, 0.1, 5.0],
      expected: [
        0.0, 0.008396501457725948, 0.03321282798833819, 0.07388921282798834, 0.2643032069970845,
        1.2898192419825076, 2.9758600583090375, 5.000000000000001, 0.025500000000000002,
        1.6620000000000001,
      ]),
    SciPyCase(
      name: "three", x: [1.0, 4.0, 7.5],
      y: [11.0, 11.5, 11.8],
      expected: [
        11.0, 11.181725292683304, 11.34259578683528, 11.474520753547809, 11.579147128218725,
        11.671803264595727, 11.747402291520727, 11.8, 11.283706110962209, 11.681509537210756,
      ]),
    SciPyCase(
      name: "decreasing", x: [0.0, 2.0, 3.0, 5.0],
      y: [4.0, 3.0, 3.5, 1.0],
      expected: [
        4.0, 3.364067055393586, 3.062196307094266, 3.0276967930029155, 3.4723032069970845,
        3.2862001943634596, 2.4422376093294464, 1.0, 3.2083333333333335, 3.25, 2.8541666666666665,
      ]),
  ]

  @Test(arguments: cases)
  func matchesSciPy(_ reference: SciPyCase) {
    let curve = MonotoneCubic(x: reference.x, y: reference.y)
    for (t, expected) in zip(reference.points, reference.expected) {
      let value = curve.value(at: t)
      #expect(abs(value - expected) <= 1e-12 * max(1, abs(expected)), "at \(t): \(value)")
    }
  }

  @Test func passesThroughEveryPointAndIsFlatOutside() {
    let curve = MonotoneCubic(x: [1, 3, 4.5], y: [70, 90, 110])
    #expect(curve.value(at: 1) == 70 && curve.value(at: 3) == 90 && curve.value(at: 4.5) == 110)
    #expect(curve.value(at: -5) == 70 && curve.value(at: 0.999) == 70)
    #expect(curve.value(at: 4.5001) == 110 && curve.value(at: 1e9) == 110)
  }

  @Test func twoPointsAreALineAndOneIsAConstant() {
    let line = MonotoneCubic(x: [2, 6], y: [10, 30])
    #expect(line.value(at: 3) == 15 && line.value(at: 5.5) == 27.5)
    let constant = MonotoneCubic(x: [7.5], y: [11.75])
    #expect(constant.value(at: 0) == 11.75 && constant.value(at: 100) == 11.75)
  }

  /// Monotone data give a monotone curve that never leaves the data's range (seeded).
  @Test func neverOvershootsMonotoneData() {
    var rng = SplitMix64(seed: 2_026)
    for trial in 0..<300 {
      let n = Int.random(in: 2...9, using: &rng)
      var x: [Double] = [Double.random(in: 0..<3, using: &rng)]
      var y: [Double] = [Double.random(in: 10..<12, using: &rng)]
      for _ in 1..<n {
        x.append(x[x.count - 1] + Double.random(in: 0.1..<5, using: &rng))
        y.append(y[y.count - 1] + Double.random(in: 0..<0.5, using: &rng))
      }
      let curve = MonotoneCubic(x: x, y: y)
      var previous = -Double.infinity
      for step in 0...400 {
        let t = x[0] - 1 + (x[n - 1] - x[0] + 2) * Double(step) / 400
        let value = curve.value(at: t)
        #expect(value >= previous - 1e-12, "trial \(trial): falls at \(t)")
        #expect(value >= y[0] - 1e-12 && value <= y[n - 1] + 1e-12, "trial \(trial): overshoots")
        previous = value
      }
    }
  }
}

@Suite struct LinearInterpolantTests {
  @Test func interpolatesAndIsFlatOutside() {
    let line = LinearInterpolant(x: [1, 3, 7], y: [0.2, 0.3, 0.1])
    #expect(abs(line.value(at: 2) - 0.25) < 1e-15)
    #expect(abs(line.value(at: 5) - 0.2) < 1e-15)
    #expect(line.value(at: 0) == 0.2 && line.value(at: 9) == 0.1)
    #expect(LinearInterpolant(x: [4], y: [0.3]).value(at: 100) == 0.3)
  }
}
