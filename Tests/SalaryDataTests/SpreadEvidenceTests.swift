import SalaryCore
import Testing

@testable import SalaryData

/// The evidence behind the range-coverage assumption, as DESIGN.md states it: pairs give
/// 0.21–0.37 (median about 0.25); ranges read as P25–P75 give 0.18–0.27, as P10–P90 0.09–0.14.
@Suite struct SpreadEvidenceTests {
  let evidence = SpreadEvidence(dataset: PublishedFiguresTests.dataset)

  @Test func theHimalayasPairsFixTheSpread() throws {
    let pairs = try #require(evidence.fromMedianMeanPairs)
    #expect(pairs.count == 8)
    #expect(abs(pairs.minimum - 0.2051994600277119) < 1e-12)
    #expect(abs(pairs.maximum - 0.3714643226124184) < 1e-12)
    #expect(abs(pairs.median - 0.25463401211187187) < 1e-12)
  }

  @Test func rangesReadAsTheMiddleHalfAgreeAndTheWideReadingDoesNot() throws {
    let half = try #require(evidence.fromRanges(coverage: 0.5))
    #expect(half.count == 8)
    #expect(abs(half.minimum - 0.17877370022804623) < 1e-12)
    #expect(abs(half.maximum - 0.2725947874066406) < 1e-12)
    let wide = try #require(evidence.fromRanges(coverage: 0.8))
    #expect(wide.maximum < 0.15 && wide.minimum > 0.09)
    let pairs = try #require(evidence.fromMedianMeanPairs)
    #expect(half.maximum > pairs.minimum && wide.maximum < pairs.minimum)
  }
}
