import SalaryData
import Testing

@testable import SalaryCore

/// The method must give back every published figure exactly: for one series, at the
/// midpoint of a figure's span, a range is P25–P75 and a median is P50 (to the cent). The
/// ladder's figures are pay at a level, so they come back at their level (`--level`).
@Suite struct ReproductionTests {
  static let model = PayModel(dataset: try! EmbeddedDataset.load())

  struct Case: CustomTestStringConvertible, Sendable {
    var figure: PayFigure
    var testDescription: String { "\(figure.series) \(figure.id)" }
  }

  /// Every figure on a curve: national, in dollars, with a span and a fittable statistic.
  static let cases: [Case] = model.dataset.payFigures.filter {
    $0.span != nil && $0.places == ["us"]
      && [.range, .median, .typical].contains($0.figure.statistic)
  }.map(Case.init)

  @Test func everyGuideTableIsCovered() {
    #expect(Self.cases.count == 8 + 8 + 2)  // 8 ranges, 8 Himalayas medians, 2 typical figures
  }

  @Test(arguments: cases)
  func theSeriesGivesBackItsFigure(_ testCase: Case) throws {
    let figure = testCase.figure
    let midpoint = figure.span!.closed(openSpanYears: Self.model.dataset.openSpanYears).midpoint!
    let ladder = figure.series.source == Self.model.dataset.ladder.source && figure.level != nil
    let estimate = try Self.model.estimate(
      experience: midpoint, source: figure.series.description,
      level: ladder ? figure.level : nil)
    #expect(estimate.experience == midpoint)
    switch figure.figure {
    case .range(let low, let high, _):
      #expect(abs(estimate.quantiles[1] - low) < 0.005, "P25 \(estimate.quantiles[1]) vs \(low)")
      #expect(abs(estimate.quantiles[3] - high) < 0.005, "P75 \(estimate.quantiles[3]) vs \(high)")
    case .median(let median), .typical(let median):
      #expect(abs(estimate.median - median) < 0.005, "P50 \(estimate.median) vs \(median)")
    default:
      Issue.record("unexpected statistic")
    }
  }

  @Test func aMedianWithItsMeanGivesBackTheMeanToo() throws {
    // Himalayas' senior level: median $140k, mean $145k, 5–8 years.
    let estimate = try Self.model.estimate(
      experience: 6.5, source: "himalayas/levels", level: "senior")
    let component = estimate.mixture.components[0].distribution
    #expect(abs(component.median - 140_000) < 0.005)
    #expect(abs(component.mean - 145_000) < 0.005)
  }
}
