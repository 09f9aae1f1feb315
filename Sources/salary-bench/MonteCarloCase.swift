// The `monte-carlo` case: the simulation behind `salary project`'s default band, in
// process, as a fresh `salary project` process pays for it.

import SalaryCore
import SalaryData

extension Bench {
  /// The simulation of `salary project --experience 1 --location seattle` with the default
  /// number of paths, built from the public API.
  ///
  /// Each run makes its market anew, as each process does, and first projects it with
  /// `--paths 0`, untimed: that builds the tables its central path reads, which a
  /// projection without a simulation pays for too. The timed projection, with the default
  /// paths, then pays for the simulation (its score tables included) and for reading the
  /// central path from tables already built: what the band adds to `salary project`.
  func monteCarlo() throws(BenchError) -> CaseResult {
    let dataset: Dataset
    do {
      dataset = try EmbeddedDataset.load()
    } catch {
      throw BenchError.wrongOutput("the embedded dataset does not load: \(error)")
    }
    let model = PayModel(dataset: dataset)
    guard let seattle = try? dataset.place(named: "seattle") else {
      throw BenchError.wrongOutput("the embedded dataset has no Seattle")
    }
    func project(_ market: Market, paths: Int) throws(BenchError) -> Projection {
      do {
        return try market.projection(
          from: 1, choices: ProjectionChoices(startYear: 2026, paths: paths, seed: 1)
        ).projection
      } catch {
        throw BenchError.wrongOutput("Seattle from 1 year does not project: \(error)")
      }
    }
    func freshMarket() throws(BenchError) -> Market {
      do {
        return try Market(model: model, spec: MarketSpec(place: seattle))
      } catch {
        throw BenchError.wrongOutput("Seattle's market cannot be made: \(error)")
      }
    }

    let runs = options.runs(full: 100, quick: 20)
    let progress = ProgressLine(name: .monteCarlo)
    progress.show("warm-up")
    var market = try freshMarket()
    consume(try project(market, paths: 0))
    var runStart = monotonicSeconds()
    consume(try project(market, paths: ProjectionSettings.defaultPaths))
    let warmUp = monotonicSeconds() - runStart
    progress.show("\(runs) runs")
    var walls: [Double] = []
    walls.reserveCapacity(runs)
    let start = monotonicSeconds()
    while shouldRunAgain(done: walls.count, of: runs, since: start) {
      market = try freshMarket()
      consume(try project(market, paths: 0))
      runStart = monotonicSeconds()
      consume(try project(market, paths: ProjectionSettings.defaultPaths))
      walls.append(monotonicSeconds() - runStart)
    }
    progress.clear()
    return CaseResult(
      name: .monteCarlo,
      what: "Market.projection, \(Units.grouped(Double(ProjectionSettings.defaultPaths))) "
        + "paths × 10 years (the simulation of salary project --experience 1 --location "
        + "seattle), in process, in a fresh market whose central path's tables a --paths 0 "
        + "projection built untimed",
      rows: nil, wall: Samples(walls), warmUp: warmUp, peakBytes: nil,
      target: Target(maxWall: 0.002))
  }
}
