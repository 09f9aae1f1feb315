// The five cases of DESIGN.md's speed section and export's memory at two million scenarios, each with its target, and how each is run:
// whole processes of the real `salary` for what a user waits for, direct calls for the
// engine's parts.

import SalaryCore
import SalaryData

#if canImport(Glibc)
  import Glibc
#endif

/// A case of the benchmark.
enum CaseName: String, CaseIterable, Sendable {
  case estimate
  case project
  case batch
  case export
  case exportMemory = "export-memory"
  case monteCarlo = "monte-carlo"
  case monteCarloError = "monte-carlo-error"
  case dataset
}

/// What a case must reach. Time and throughput are judged on the median run; memory on the
/// largest peak, since a limit on memory is a limit on every run.
struct Target: Sendable {
  var maxWall: Double?
  var minRowsPerSecond: Double?
  var maxPeakBytes: Int?
  /// The most the median may take as a multiple of its floor's median.
  var maxFloorMultiple: Double?
  /// The most the median pinned to one core may take as a multiple of the floor's median
  /// (the floor works on one core): the salary work itself, whatever the cores.
  var maxOneCoreFloorMultiple: Double?
  /// The least the median on one core may take as a multiple of the median on all.
  var minCoreSpeedup: Double?
  /// The largest relative error of a figure (the `monte-carlo-error` case).
  var maxRelativeError: Double?
  /// The least the outside yardstick's median (``PandasBaseline``) may take as a multiple
  /// of the median.
  var minBaselineSpeedup: Double?

  /// The target as the README's table states it: `≤ 5 ms`, `≥ 2,000,000 rows/s, ≤ 64 MB`.
  var text: String {
    var parts: [String] = []
    if let maxWall { parts.append("≤ " + Units.seconds(maxWall)) }
    if let minRowsPerSecond { parts.append("≥ " + Units.grouped(minRowsPerSecond) + " rows/s") }
    if let maxPeakBytes { parts.append("≤ " + Units.megabytes(Double(maxPeakBytes), digits: 0)) }
    if let maxFloorMultiple {
      parts.append("≤ " + Units.fixed(maxFloorMultiple, digits: 1) + "× floor")
    }
    if let maxOneCoreFloorMultiple {
      parts.append("≤ " + Units.fixed(maxOneCoreFloorMultiple, digits: 1) + "× floor on one core")
    }
    if let minCoreSpeedup {
      parts.append("≥ " + Units.fixed(minCoreSpeedup, digits: 1) + "× one core")
    }
    if let maxRelativeError {
      parts.append("≤ " + Units.fixed(maxRelativeError * 100, digits: 1) + "% error")
    }
    if let minBaselineSpeedup {
      parts.append("≥ " + Units.fixed(minBaselineSpeedup, digits: 0) + "× pandas")
    }
    return parts.joined(separator: ", ")
  }
}

/// The measurements of one case.
struct CaseResult: Sendable {
  var name: CaseName
  /// What was run, for people: a command line or the call timed.
  var what: String
  /// Rows per run (rows read for a batch, rows written for an export), when rows make sense.
  var rows: Int?
  var wall: Samples
  /// The warm-up run's wall time: in process, the first call, which pays for page faults
  /// and empty caches as a fresh `salary` process does.
  var warmUp: Double
  /// The call timed first thing in fresh processes (the dataset case): what a `salary`
  /// process pays, where the repeated calls find the allocator and caches warm.
  var firstCall: Samples?
  /// Peak resident memory in bytes, for whole processes.
  var peakBytes: Samples?
  /// The floor's wall time in the same runs (see ``Floor``), for the streaming cases.
  var floor: Samples?
  /// The wall time pinned to one core in the same runs, for the streaming cases.
  var oneCore: Samples?
  /// The outside yardstick doing the same work in the same run, when the machine has it:
  /// what it is, its wall times and its peak memory.
  var baseline: (what: String, wall: Samples, peakBytes: Samples)?
  var target: Target
  /// The worst relative error of each run's figures (the `monte-carlo-error` case).
  var relativeErrors: Samples? = nil

  /// The median as a multiple of the floor's median.
  var floorMultiple: Double? { floor.map { wall.median / $0.median } }
  /// The median pinned to one core as a multiple of the floor's median.
  var oneCoreFloorMultiple: Double? {
    guard let floor, let oneCore else { return nil }
    return oneCore.median / floor.median
  }
  /// How much faster the median is on every core than on one.
  var coreSpeedup: Double? { oneCore.map { $0.median / wall.median } }

  /// How much faster the median is than the yardstick's.
  var baselineSpeedup: Double? { baseline.map { $0.wall.median / wall.median } }

  /// Rows a second of each run.
  var rowsPerSecond: Samples? { rows.map { rows in wall.map { Double(rows) / $0 } } }

  /// The parts of the target missed: `wall`, `rows/s`, `memory`; empty when all are met.
  var missed: [String] {
    var missed: [String] = []
    if let limit = target.maxWall, wall.median > limit { missed.append("wall") }
    if let floor = target.minRowsPerSecond, let rate = rowsPerSecond, rate.median < floor {
      missed.append("rows/s")
    }
    if let limit = target.maxPeakBytes, let peak = peakBytes, peak.max > Double(limit) {
      missed.append("memory")
    }
    if let limit = target.maxFloorMultiple, let multiple = floorMultiple, multiple > limit {
      missed.append("× floor")
    }
    if let limit = target.maxOneCoreFloorMultiple, let multiple = oneCoreFloorMultiple,
      multiple > limit
    {
      missed.append("one core × floor")
    }
    if let least = target.minCoreSpeedup, let speedup = coreSpeedup, speedup < least {
      missed.append("cores")
    }
    if let limit = target.maxRelativeError, let errors = relativeErrors, errors.max > limit {
      missed.append("error")
    }
    if let least = target.minBaselineSpeedup, let speedup = baselineSpeedup, speedup < least {
      missed.append("pandas")
    }
    return missed
  }
}

/// Runs the cases with the given sizes, in a temporary folder of inputs.
struct Bench {
  var options: BenchOptions
  /// The `salary` executable measured.
  var salary: String
  /// This executable, re-run fresh in its helper modes (see HelperModes.swift).
  var selfPath: String
  /// The folder of inputs and outputs, removed by the caller.
  var folder: String

  /// The 64 MB of the memory targets, in bytes (decimal megabytes, the stricter reading).
  static let memoryLimit = 64_000_000

  /// Seconds of measured runs after which a case stops early, once it has three runs, so
  /// a slow build still finishes in a couple of minutes; `--runs` turns it off.
  static let timeBudget = 30.0

  /// Profiles of the batch case and scenarios of the export case.
  var profileCount: Int { options.quick ? 100_000 : 1_000_000 }
  var scenarioCount: Int { options.quick ? 10_000 : 100_000 }

  /// Runs one case: a warm-up, which also checks the output, then the measured runs.
  func run(_ name: CaseName) throws(BenchError) -> CaseResult {
    switch name {
    case .estimate:
      let arguments = ["estimate", "--experience", "4", "--location", "austin"]
      return try process(
        name, arguments, rows: nil, runs: options.runs(full: 50, quick: 10),
        target: Target(maxWall: 0.005))
    case .project:
      return try project()
    case .batch:
      let input = folder + "/profiles.csv"
      let output = folder + "/ranges.csv"
      try Inputs.writeProfiles(count: profileCount, to: input)
      var result = try process(
        name, ["estimate", "--batch", input, "--out", output, "--force"], rows: profileCount,
        runs: options.runs(full: 5, quick: 3),
        target: Target(
          minRowsPerSecond: 2_000_000, maxPeakBytes: Self.memoryLimit,
          maxOneCoreFloorMultiple: 1.5, minCoreSpeedup: 1.6, minBaselineSpeedup: 15),
        output: (output, profileCount + 1), floorInput: input)
      result.baseline = try pandas(profiles: input, runs: options.runs(full: 3, quick: 1))
      return result
    case .export:
      let input = folder + "/scenarios.csv"
      let output = folder + "/projections.csv"
      try Inputs.writeScenarios(count: scenarioCount, to: input)
      // Ten years per scenario (no total rows without --totals). A quick run's smaller input
      // gets the same time per scenario as the full target, 10 µs.
      let rows = scenarioCount * 10
      return try process(
        name, ["export", input, "--out", output, "--force"], rows: rows,
        runs: options.runs(full: 5, quick: 3),
        target: Target(
          maxWall: 1.0 * Double(scenarioCount) / 100_000, maxPeakBytes: Self.memoryLimit,
          maxFloorMultiple: 2.5, minCoreSpeedup: 1.6),
        output: (output, rows + 1), floorInput: input)
    case .exportMemory:
      // Memory, not speed: two million one-year scenarios (200,000 in a quick run), once.
      // What grows with the input is the duplicate-name check's 8 bytes a scenario.
      let count = options.quick ? 200_000 : 2_000_000
      let input = folder + "/many-scenarios.csv"
      let output = folder + "/many-projections.csv"
      // The batch's profiles (name, experience, location) are scenarios as they are.
      try Inputs.writeProfiles(count: count, to: input)
      defer {
        unlink(input)
        unlink(output)
      }
      return try process(
        name, ["export", input, "--years", "1", "--out", output, "--force"], rows: count,
        runs: options.runs(full: 1, quick: 1), target: Target(maxPeakBytes: 32_000_000),
        output: (output, count + 1))
    case .monteCarlo:
      return try monteCarlo()
    case .monteCarloError:
      return try monteCarloError()
    case .dataset:
      let (warmUp, wall) = try repeatInProcess(
        name, runs: options.runs(full: 1_000, quick: 100)
      ) {
        () throws(BenchError) in
        consume(try FirstDatasetLoad.load())
      }
      var result = CaseResult(
        name: name, what: "EmbeddedDataset.load(), in process", rows: nil, wall: wall,
        warmUp: warmUp, peakBytes: nil, target: Target(maxWall: 0.001))
      result.firstCall = try firstDatasetLoads(runs: options.quick ? 5 : 20)
      return result
    }
  }

  /// Runs `salary` with `arguments` as a whole process, once to warm up (and to check that
  /// `output`, if given, has its expected number of lines), then `runs` times.
  ///
  /// With `floorInput`, each run is three, one after the other so that a busy moment of
  /// the machine falls on all three alike: `salary` on every core, `salary` pinned to one,
  /// and the floor, which reads `floorInput` and writes the warm-up's output again.
  func process(
    _ name: CaseName, _ arguments: [String], rows: Int?, runs: Int, target: Target,
    output: (path: String, lines: Int)? = nil, floorInput: String? = nil
  ) throws(BenchError) -> CaseResult {
    let progress = ProgressLine(name: name)
    progress.show("warm-up")
    let warmUp = try measureProcess(arguments).wall
    if let output {
      let lines = try countLines(output.path)
      guard lines == output.lines else {
        throw BenchError.wrongOutput(
          "salary \(arguments.joined(separator: " ")) wrote \(lines) lines, not \(output.lines).")
      }
    }
    let reference = folder + "/reference-output"
    if let output, floorInput != nil, rename(output.path, reference) != 0 {
      throw BenchError.system("cannot keep the warm-up's output", errno)
    }
    var walls: [Double] = []
    var peaks: [Double] = []
    var floors: [Double] = []
    var pinned: [Double] = []
    let start = monotonicSeconds()
    while shouldRunAgain(done: walls.count, of: runs, since: start) {
      progress.show("run \(walls.count + 1) of \(runs)")
      let measured = try measureProcess(arguments)
      walls.append(measured.wall)
      peaks.append(Double(measured.peakBytes))
      guard let floorInput else { continue }
      progress.show("run \(walls.count) of \(runs), one core")
      pinned.append(try measureProcess(arguments, oneCore: true).wall)
      progress.show("run \(walls.count) of \(runs), floor")
      floors.append(
        try measureProcess(
          [Floor.flag, floorInput, reference, folder + "/floor-output"], executable: selfPath
        ).wall)
    }
    progress.clear()
    if floorInput != nil {
      unlink(reference)
      unlink(folder + "/floor-output")
    }
    var result = CaseResult(
      name: name,
      what: "salary "
        + arguments.map { $0.hasPrefix(folder) ? shortName($0) : $0 }
        .joined(separator: " "),
      rows: rows, wall: Samples(walls), warmUp: warmUp, peakBytes: Samples(peaks),
      target: target)
    if floorInput != nil {
      result.floor = Samples(floors)
      result.oneCore = Samples(pinned)
    }
    return result
  }

  /// The batch done by ``PandasBaseline``'s script on `profiles`, `runs` times after a
  /// warm-up; nil when the machine has no Python with pandas.
  private func pandas(profiles: String, runs: Int) throws(BenchError)
    -> (what: String, wall: Samples, peakBytes: Samples)?
  {
    guard let python = PandasBaseline.python(folder: folder) else { return nil }
    let progress = ProgressLine(name: .batch)
    progress.show("pandas: the figures")
    let grid = folder + "/grid.csv"
    let figures = folder + "/figures.csv"
    let script = folder + "/batch.py"
    let output = folder + "/pandas-ranges.csv"
    try PandasBaseline.writeGrid(to: grid)
    _ = try measureProcess(["estimate", "--batch", grid, "--out", figures, "--force"])
    var file = try BufferedFile(path: script)
    file.append(PandasBaseline.script)
    try file.finish()
    defer { for path in [grid, figures, script, output] { unlink(path) } }
    let arguments = [script, profiles, figures, output]
    progress.show("pandas: warm-up")
    _ = try measureProcess(arguments, executable: python.path)
    let lines = try countLines(output)
    guard lines == profileCount + 1 else {
      throw BenchError.wrongOutput(
        "the pandas script wrote \(lines) lines, not \(profileCount + 1).")
    }
    var walls: [Double] = []
    var peaks: [Double] = []
    for run in 1...runs {
      progress.show("pandas: run \(run) of \(runs)")
      let measured = try measureProcess(arguments, executable: python.path)
      walls.append(measured.wall)
      peaks.append(Double(measured.peakBytes))
    }
    progress.clear()
    return (
      "python3 batch.py (pandas \(python.version)): read, joined to salary's figures by place "
        + "and experience, written",
      Samples(walls), Samples(peaks)
    )
  }

  /// One run of `salary` (or of `executable`), measured by a fresh copy of this executable
  /// (see ``MeasuringParent``) so that the peak memory is the child's own.
  ///
  /// The disk is written out first (`sync`, untimed): the streaming cases write tens of
  /// megabytes a run, and without it one run's write-back falls on the next, most on
  /// whichever comes third.
  private func measureProcess(
    _ arguments: [String], executable: String? = nil, oneCore: Bool = false
  ) throws(BenchError) -> ProcessRun {
    sync()
    let resultFile = folder + "/measured.txt"
    let helper = ChildProcess(
      executable: selfPath,
      arguments: [MeasuringParent.flag] + (oneCore ? [MeasuringParent.oneCore] : [])
        + [resultFile, folder + "/stderr.txt", executable ?? salary] + arguments,
      errorFile: folder + "/helper-stderr.txt")
    do throws(BenchError) {
      _ = try helper.run()
    } catch .childFailed(_, _, let errors) {
      // The helper's standard error already names the command and how it failed.
      throw BenchError.wrongOutput(errors.isEmpty ? "the measuring helper failed" : errors)
    }
    return try MeasuringParent.read(resultFile)
  }

  /// The first `EmbeddedDataset.load()` of `runs` fresh processes of this executable.
  private func firstDatasetLoads(runs: Int) throws(BenchError) -> Samples {
    let progress = ProgressLine(name: .dataset)
    var walls: [Double] = []
    let resultFile = folder + "/measured.txt"
    for run in 1...runs {
      progress.show("first load in fresh process \(run) of \(runs)")
      let helper = ChildProcess(
        executable: selfPath, arguments: [FirstDatasetLoad.flag, resultFile],
        errorFile: folder + "/helper-stderr.txt")
      _ = try helper.run()
      walls.append(try MeasuringParent.read(resultFile).wall)
    }
    progress.clear()
    return Samples(walls)
  }

  /// Times `work` once to warm up and then `runs` times.
  private func repeatInProcess<Failure: Error>(
    _ name: CaseName, runs: Int, _ work: () throws(Failure) -> Void
  ) throws(Failure) -> (warmUp: Double, wall: Samples) {
    let progress = ProgressLine(name: name)
    progress.show("warm-up")
    let warmUpStart = monotonicSeconds()
    try work()
    let warmUp = monotonicSeconds() - warmUpStart
    progress.show("\(runs) runs")
    var walls: [Double] = []
    walls.reserveCapacity(runs)
    let start = monotonicSeconds()
    while shouldRunAgain(done: walls.count, of: runs, since: start) {
      let runStart = monotonicSeconds()
      try work()
      walls.append(monotonicSeconds() - runStart)
    }
    progress.clear()
    return (warmUp, Samples(walls))
  }

  /// Whether to measure another run after `done` of `runs`, started at `start`.
  func shouldRunAgain(done: Int, of runs: Int, since start: Double) -> Bool {
    guard done < runs else { return false }
    return options.runs != nil || done < 3 || monotonicSeconds() - start < Self.timeBudget
  }

  /// A path in the inputs folder, shown by its file name so the output reads the same on
  /// every run.
  private func shortName(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }
}
