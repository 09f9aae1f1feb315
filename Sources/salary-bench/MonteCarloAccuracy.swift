// How far the Monte Carlo's bands are from a run of a million independent paths: the
// `monte-carlo-error` case, and `salary-bench --monte-carlo-references`, which prints the
// references the tests compare with. A band's 39 figures (P10, P50 and P90 of each of ten
// years and of the nominal, real and present-value totals) are compared one by one.

import SalaryCore
import SalaryData

/// The profiles, the reference and the comparison of the `monte-carlo-error` case.
struct MonteCarloAccuracy {
  /// A projection to check, as `salary project` would make it.
  struct Profile {
    /// The command line it stands for.
    var command: String
    var market: Market
    var experience: Double
    var salary: Double?
    var path: CareerPath

    /// The projection with `paths` paths from `seed`, drawn by `sampling`.
    func projection(paths: Int, seed: UInt64, sampling: MonteCarloSampling) throws(BenchError)
      -> Projection
    {
      var choices = ProjectionChoices(startYear: 2026, paths: paths, seed: seed)
      choices.sampling = sampling
      do {
        return try market.projection(
          from: experience, salary: salary, path: path, choices: choices
        ).projection
      } catch {
        throw BenchError.wrongOutput("\(command) does not project: \(error)")
      }
    }
  }

  /// The seed of every reference run.
  static let referenceSeed: UInt64 = 20_260_101
  /// The paths of a reference run.
  static let referencePaths = 1_000_000

  /// The profiles: the default modelled career from one year, a planned path whose
  /// promotions may come a year early or late, a salary given, the management track, and
  /// Seattle from four years.
  static func profiles(dataset: Dataset) throws(BenchError) -> [Profile] {
    let model = PayModel(dataset: dataset)
    let ladder = dataset.ladder
    do {
      func market(_ place: String?) throws -> Market {
        try Market(model: model, spec: MarketSpec(place: try place.map(dataset.place(named:))))
      }
      guard let mid = ladder.level(key: "mid"), let senior = ladder.level(key: "senior") else {
        throw BenchError.wrongOutput("the embedded ladder lacks mid or senior")
      }
      let planned = try CareerPath.checked(
        promotions: [.init(level: mid, afterYear: 2), .init(level: senior, afterYear: 5)],
        track: nil, start: 1, years: 10, ladder: ladder)
      return [
        Profile(
          command: "salary project --experience 1", market: try market(nil), experience: 1,
          path: .modelled()),
        Profile(
          command: "salary project --experience 1 --path mid@2,senior@5",
          market: try market(nil), experience: 1, path: planned),
        Profile(
          command: "salary project --experience 3 --salary 95000 --location austin",
          market: try market("austin"), experience: 3, salary: 95_000, path: .modelled()),
        Profile(
          command: "salary project --experience 5 --track management", market: try market(nil),
          experience: 5, path: .modelled(track: .management)),
        Profile(
          command: "salary project --experience 4 --location seattle",
          market: try market("seattle"), experience: 4, path: .modelled()),
      ]
    } catch let error as BenchError {
      throw error
    } catch {
      throw BenchError.wrongOutput("the embedded dataset cannot make the profiles: \(error)")
    }
  }

  /// The 39 figures of a projection's bands: P10, P50, P90 of each year, then of the
  /// nominal, real and present-value totals.
  static func figures(of projection: Projection) -> [Double] {
    let bands =
      projection.years.map(\.band)
      + [projection.nominal.band, projection.real.band, projection.presentValue.band]
    return bands.flatMap { [$0.p10, $0.p50, $0.p90] }
  }

  /// The largest |estimate − reference| / |reference| over the figures.
  static func worstRelativeError(_ estimate: [Double], _ reference: [Double]) -> Double {
    precondition(estimate.count == reference.count, "the same figures")
    var worst = 0.0
    for (value, truth) in zip(estimate, reference) {
      worst = max(worst, abs(value - truth) / abs(truth))
    }
    return worst
  }
}

/// `salary-bench --monte-carlo-references`: prints, for each profile, the 39 figures of a
/// million independent paths and the central nominal total, as the Swift the tests hold
/// (Tests/SalaryCoreTests/MonteCarloReferences.swift). Internal; not in the help.
enum MonteCarloReferences {
  static let flag = "--monte-carlo-references"

  static func main(_ arguments: [String]) -> Int32 {
    do throws(BenchError) {
      let dataset: Dataset
      do {
        dataset = try EmbeddedDataset.load()
      } catch {
        throw BenchError.wrongOutput("the embedded dataset does not load: \(error)")
      }
      for profile in try MonteCarloAccuracy.profiles(dataset: dataset) {
        let projection = try profile.projection(
          paths: MonteCarloAccuracy.referencePaths, seed: MonteCarloAccuracy.referenceSeed,
          sampling: .independent)
        let figures = MonteCarloAccuracy.figures(of: projection).map { "\($0)" }
        print("// \(profile.command)")
        print("central: \(projection.nominal.central),")
        print("figures: [" + figures.joined(separator: ", ") + "],")
      }
      return 0
    } catch {
      writeError("salary-bench: " + error.message + "\n")
      return error.exitStatus
    }
  }
}
