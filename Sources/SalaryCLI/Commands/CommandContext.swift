import ArgumentParsing
import SalaryCore
import SalaryData

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a command may use beyond its arguments: the terminal, the clock and the datasets.
/// Tests give fixed ones; the executable gives the real ones.
struct CommandContext {
  /// Columns to fit tables and help into.
  var screenWidth: Int
  /// Whether standard output is a terminal (charts are drawn by default only there).
  var outputIsTerminal = false
  /// Whether colour may be used: a terminal that is not `TERM=dumb`, and no NO_COLOR in
  /// the environment.
  var colour = false
  /// The current calendar year, where projections start by default.
  var currentYear = 2026
  /// Threads for the work a batch and an export split: nil for one per core this process
  /// may use (``Cores/available``). Tests fix it to hold one thread's output to several
  /// threads'.
  var workers: Int?
  /// Bytes of a streaming input (a batch's profiles, export's scenarios) a thread takes at
  /// a time; nil for each command's own (``BatchWorkers/partSize``,
  /// ``ExportWorker/partSize``). Tests make it small, so that even a short input is cut
  /// into many parts.
  var partSize: Int?
  /// The most bytes of rows `export` keeps to copy for scenarios it meets again
  /// (``ScenarioMemo``); 0 projects every scenario.
  var scenarioMemoBytes = 32 << 20
  /// Loads the dataset in a folder, or the embedded one when the path is `nil`.
  var loadDataset: (_ path: String?) throws(DatasetError) -> Dataset
  /// Loads a dataset folder and checks that it can answer (`salary data check`).
  var checkDataset: (_ path: String) throws(DatasetError) -> Dataset = {
    path throws(DatasetError) in
    try DirectoryDataset.check(path: path)
  }

  /// The real terminal, clock and file system.
  static func live() -> CommandContext {
    let terminal = isatty(STDOUT_FILENO) == 1
    var context = CommandContext(screenWidth: TerminalWidth.current(), loadDataset: defaultLoader)
    context.outputIsTerminal = terminal
    context.colour = terminal && getenv("NO_COLOR") == nil && !isDumbTerminal
    var now = time(nil)
    var parts = tm()
    if gmtime_r(&now, &parts) != nil { context.currentYear = Int(parts.tm_year) + 1_900 }
    return context
  }

  /// Whether TERM says the terminal shows no escape sequences.
  private static var isDumbTerminal: Bool {
    guard let term = getenv("TERM") else { return false }
    return String(cString: term) == "dumb"
  }

  /// A context for tests: a fixed width, the real loaders.
  static func fixed(width: Int) -> CommandContext {
    CommandContext(screenWidth: width, loadDataset: defaultLoader)
  }

  private static func defaultLoader(_ path: String?) throws(DatasetError) -> Dataset {
    if let path { return try DirectoryDataset.load(path: path) }
    return try EmbeddedDataset.load()
  }

  /// The dataset a command asked for with `--data`, or the embedded one.
  ///
  /// - Throws: ``CommandFailure`` listing every problem when the dataset cannot be used.
  func dataset(_ values: ParsedValues) throws -> Dataset {
    let path =
      values.hasValue(CommonOptions.data.key) ? try values.string(CommonOptions.data.key) : nil
    do {
      return try loadDataset(path)
    } catch {
      let count = error.diagnostics.count
      throw CommandFailure(
        "The dataset in '\(path ?? "data/")' cannot be used (\(count) problem\(count == 1 ? "" : "s")); "
          + "nothing was computed.\n" + error.description
          + "\nRun 'salary data check \(path ?? ".")' for a report.")
    }
  }
}
