import SalaryCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a user's dataset folder, such as `salary data check ./my-data`.
public enum DirectoryDataset {
  /// Loads and validates the dataset in `path`.
  ///
  /// Only files whose names end in `.csv` are read; other files (a README, a
  /// spreadsheet) are left alone.
  ///
  /// - Throws: ``DatasetError`` for a folder that cannot be read or a dataset with problems.
  public static func load(path: String) throws(DatasetError) -> Dataset {
    let files = try readCSVFiles(in: path)
    let prefix = path.hasSuffix("/") ? path : path + "/"
    return try DatasetLoader.load(files: files) { prefix + $0 }
  }

  /// Loads the dataset in `path` and checks that it can answer: that `estimate`, `offer`
  /// and `project` work with it at every experience from 0 to 30 years, at every level and
  /// in every place (``Usability``). What `salary data check` runs.
  ///
  /// - Throws: ``DatasetError`` with the problems of the rows or, when every row is valid,
  ///   the reasons the dataset cannot answer, each on the row to blame where there is one.
  public static func check(path: String) throws(DatasetError) -> Dataset {
    let files = try readCSVFiles(in: path)
    let prefix = path.hasSuffix("/") ? path : path + "/"
    let dataset = try DatasetLoader.load(files: files) { prefix + $0 }
    let problems = UsabilityDiagnostics.diagnostics(of: dataset, files: files) { prefix + $0 }
    guard problems.isEmpty else { throw DatasetError(diagnostics: problems) }
    return dataset
  }

  /// Every `*.csv` file in a folder, by name.
  static func readCSVFiles(in path: String) throws(DatasetError) -> [String: [UInt8]] {
    func failure(_ file: String, _ message: String) -> DatasetError {
      DatasetError(diagnostics: [DataDiagnostic(file: file, line: 0, column: 0, message: message)])
    }
    guard let directory = opendir(path) else {
      throw failure(path, "cannot open the folder: \(systemError())")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name.hasSuffix(".csv") && !name.hasPrefix(".") { names.append(name) }
    }
    var files: [String: [UInt8]] = [:]
    let prefix = path.hasSuffix("/") ? path : path + "/"
    for name in names {
      do {
        files[name] = try LocalFile.read(prefix + name)
      } catch {
        throw failure(prefix + name, "cannot read the file: \(error.reason)")
      }
    }
    return files
  }

  private static func systemError() -> String { LocalFile.systemReason() }
}
