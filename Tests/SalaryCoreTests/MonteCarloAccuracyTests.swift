import SalaryData
import Testing

@testable import SalaryCore

/// The default simulation against a million independent paths: every figure of every band
/// (P10, P50, P90 of each year and of each total) within 0.5% of the reference, for the
/// default modelled career from one year, a planned path whose promotions may come a year
/// early or late, a salary given, the management track and Seattle, from five seeds.
///
/// A million paths take about ten seconds in a release build and minutes in the debug
/// build the tests run in, so the references were recorded by the bench and are held in
/// ``MonteCarloReferences`` with their provenance; the central path's total, recorded with
/// them, shows when they have gone stale. The bound can fail: the same number of
/// independent paths misses it, by several times.
@Suite struct MonteCarloAccuracyTests {
  static let model = ReproductionTests.model
  /// The largest relative error allowed.
  static let bound = 0.005

  /// The profile a reference was recorded for, as `salary project` makes it.
  static func projection(
    _ reference: MonteCarloReferences.Reference, seed: UInt64,
    sampling: MonteCarloSampling = .sobol
  ) throws -> Projection {
    let dataset = model.dataset
    let ladder = dataset.ladder
    func market(in place: String?) throws -> Market {
      try Market(model: model, spec: MarketSpec(place: try place.map(dataset.place(named:))))
    }
    let (found, experience, salary, path): (Market, Double, Double?, CareerPath)
    switch reference.command {
    case "salary project --experience 1":
      (found, experience, salary, path) = (try market(in: nil), 1, nil, .modelled())
    case "salary project --experience 1 --path mid@2,senior@5":
      let planned = try CareerPath.checked(
        promotions: [
          .init(level: try #require(ladder.level(key: "mid")), afterYear: 2),
          .init(level: try #require(ladder.level(key: "senior")), afterYear: 5),
        ], track: nil, start: 1, years: 10, ladder: ladder)
      (found, experience, salary, path) = (try market(in: nil), 1, nil, planned)
    case "salary project --experience 3 --salary 95000 --location austin":
      (found, experience, salary, path) = (try market(in: "austin"), 3, 95_000, .modelled())
    case "salary project --experience 5 --track management":
      (found, experience, salary, path) = (
        try market(in: nil), 5, nil, .modelled(track: .management)
      )
    case "salary project --experience 4 --location seattle":
      (found, experience, salary, path) = (try market(in: "seattle"), 4, nil, .modelled())
    default:
      Issue.record("no profile for \(reference.command)")
      throw CancellationError()
    }
    var choices = ProjectionChoices(startYear: 2026, seed: seed)
    choices.sampling = sampling
    return try found.projection(
      from: experience, salary: salary, path: path, choices: choices
    ).projection
  }

  /// The 39 figures of a projection's bands, in the references' order.
  static func figures(of projection: Projection) -> [Double] {
    let bands =
      projection.years.map(\.band)
      + [projection.nominal.band, projection.real.band, projection.presentValue.band]
    return bands.flatMap { [$0.p10, $0.p50, $0.p90] }
  }

  /// The largest relative error of `figures`, and which figure it is.
  static func worst(_ figures: [Double], _ reference: [Double]) -> (error: Double, at: Int) {
    var worst = (error: 0.0, at: 0)
    for (index, (value, truth)) in zip(figures, reference).enumerated()
    where abs(value - truth) / truth > worst.error {
      worst = (abs(value - truth) / truth, index)
    }
    return worst
  }

  @Test(arguments: MonteCarloReferences.all.indices)
  func everyFigureWithinHalfAPercentOfAMillionPaths(_ index: Int) throws {
    let reference = MonteCarloReferences.all[index]
    for seed: UInt64 in 1...5 {
      let projection = try Self.projection(reference, seed: seed)
      try #require(
        abs(projection.nominal.central / reference.central - 1) < 1e-9,
        """
        \(reference.command): the model has changed since the reference was recorded; \
        record it again (MonteCarloReferences.swift says how)
        """)
      #expect(projection.paths == ProjectionSettings.defaultPaths)
      let figures = Self.figures(of: projection)
      try #require(figures.count == reference.figures.count)
      let (error, at) = Self.worst(figures, reference.figures)
      #expect(
        error <= Self.bound,
        "\(reference.command), seed \(seed): figure \(at) is \(figures[at]) against \(reference.figures[at])"
      )
    }
  }

  /// What the bound would catch: as many independent paths, each drawing its own place.
  @Test func asManyIndependentPathsMissTheBound() throws {
    var worst = 0.0
    for reference in MonteCarloReferences.all {
      let projection = try Self.projection(reference, seed: 1, sampling: .independent)
      worst = max(worst, Self.worst(Self.figures(of: projection), reference.figures).error)
    }
    #expect(worst > 2 * Self.bound, "independent paths came within \(worst)")
  }
}
