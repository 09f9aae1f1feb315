// The `project` case, `salary project` with its default band as a whole process, and the
// `monte-carlo-error` case, how far that band is from a million independent paths.

import SalaryCore
import SalaryData

extension Bench {
  /// `salary project --experience 1`: the simulated band of the default number of paths.
  func project() throws(BenchError) -> CaseResult {
    try process(
      .project, ["project", "--experience", "1"], rows: nil,
      runs: options.runs(full: 50, quick: 10), target: Target(maxWall: 0.008))
  }

  /// For each profile of ``MonteCarloAccuracy``, a reference of a million independent
  /// paths, then the default simulation from several seeds: the worst relative error of
  /// its 39 figures for each profile and seed, and the time each simulation took in
  /// process (its market's tables already built).
  func monteCarloError() throws(BenchError) -> CaseResult {
    let progress = ProgressLine(name: .monteCarloError)
    let dataset: Dataset
    do {
      dataset = try EmbeddedDataset.load()
    } catch {
      throw BenchError.wrongOutput("the embedded dataset does not load: \(error)")
    }
    let profiles = try MonteCarloAccuracy.profiles(dataset: dataset)
    let seeds: [UInt64] = options.quick ? [1, 2] : [1, 2, 3, 4, 5]
    var errors: [Double] = []
    var walls: [Double] = []
    var warmUp = 0.0
    for (index, profile) in profiles.enumerated() {
      progress.show("reference \(index + 1) of \(profiles.count)")
      let reference = MonteCarloAccuracy.figures(
        of: try profile.projection(
          paths: MonteCarloAccuracy.referencePaths, seed: MonteCarloAccuracy.referenceSeed,
          sampling: .independent))
      for seed in seeds {
        progress.show("profile \(index + 1) of \(profiles.count), seed \(seed)")
        let start = monotonicSeconds()
        let projection = try profile.projection(
          paths: ProjectionSettings.defaultPaths, seed: seed, sampling: .sobol)
        let wall = monotonicSeconds() - start
        if index == 0 && seed == seeds[0] { warmUp = wall } else { walls.append(wall) }
        errors.append(
          MonteCarloAccuracy.worstRelativeError(
            MonteCarloAccuracy.figures(of: projection), reference))
      }
    }
    progress.clear()
    var result = CaseResult(
      name: .monteCarloError,
      what: "the worst relative error of the 39 band figures against "
        + "\(Units.grouped(Double(MonteCarloAccuracy.referencePaths))) independent paths, "
        + "\(Units.grouped(Double(ProjectionSettings.defaultPaths))) paths from seeds "
        + seeds.map(String.init).joined(separator: ", ") + ", for "
        + profiles.map(\.command).joined(separator: "; ")
        + " (wall: each simulation in process)",
      rows: nil, wall: Samples(walls.isEmpty ? [warmUp] : walls), warmUp: warmUp,
      peakBytes: nil, target: Target(maxRelativeError: 0.005))
    result.relativeErrors = Samples(errors)
    return result
  }
}
