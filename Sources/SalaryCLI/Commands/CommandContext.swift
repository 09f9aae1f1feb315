import SalaryCore
import SalaryData

/// What a command may use beyond its arguments: the terminal width and the datasets.
/// Tests give a fixed width; the executable gives the real ones.
struct CommandContext {
  /// Columns to fit tables and help into.
  var screenWidth: Int
  /// Loads the dataset in a folder, or the embedded one when the path is `nil`.
  var loadDataset: (_ path: String?) throws(DatasetError) -> Dataset

  /// The real terminal and file system.
  static func live() -> CommandContext {
    CommandContext(screenWidth: TerminalWidth.current(), loadDataset: defaultLoader)
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
