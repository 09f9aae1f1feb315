import Testing
import _TestSupport

@testable import SalaryCore

/// The band by selection against the band by sorting, which it replaces.
@Suite struct OrderStatisticsTests {
  /// P10, P50 and P90 from a sorted copy, interpolated between order statistics.
  static func sortedBand(_ values: [Double]) -> Band {
    let sorted = values.sorted()
    func at(_ q: Double) -> Double {
      let position = q * Double(sorted.count - 1)
      let low = Int(position.rounded(.down))
      let high = min(low + 1, sorted.count - 1)
      return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
    return Band(p10: at(0.1), p50: at(0.5), p90: at(0.9))
  }

  @Test func smallCasesByHand() {
    var one = [7.0]
    #expect(Band(percentilesOf: &one) == .point(7))
    var two = [3.0, 1.0]
    #expect(Band(percentilesOf: &two) == Band(p10: 1.2, p50: 2, p90: 2.8))
    var five = [5.0, 1, 4, 2, 3]
    let band = Band(percentilesOf: &five)
    #expect(abs(band.p10 - 1.4) < 1e-12 && band.p50 == 3 && abs(band.p90 - 4.6) < 1e-12)
  }

  /// Random sizes, with many ties or none, negative and huge values: exactly equal.
  @Test func selectionEqualsSortingBitForBit() {
    var random = SplitMix64(seed: 42)
    for trial in 0..<1_030 {
      let count = 1 + Int(random.next() % (trial < 1_000 ? 64 : 20_000))
      let distinct = random.next() % 3 == 0 ? 1 + Int(random.next() % 5) : Int.max
      let values = (0..<count).map { _ -> Double in
        if distinct != Int.max { return Double(random.next() % UInt64(distinct)) }
        let scale = [1.0, 1e6, 1e-6, 1e12][Int(random.next() % 4)]
        return (Double(random.next() >> 11) * 0x1p-53 - 0.3) * scale
      }
      var scratch = values
      let selected = Band(percentilesOf: &scratch)
      #expect(selected == Self.sortedBand(values), "trial \(trial), \(count) values")
      #expect(scratch.sorted() == values.sorted(), "only reordered")
      if selected != Self.sortedBand(values) { return }
    }
  }

  @Test func alreadySortedAndReversedInputs() {
    for count in [17, 18, 1_000, 10_001] {
      let ascending = (0..<count).map(Double.init)
      var forward = ascending
      var backward = Array(ascending.reversed())
      #expect(Band(percentilesOf: &forward) == Self.sortedBand(ascending))
      #expect(Band(percentilesOf: &backward) == Self.sortedBand(ascending))
    }
  }
}
