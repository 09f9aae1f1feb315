// The batch case's outside yardstick (DESIGN.md: "at least 15× a straightforward
// pandas/numpy script doing the batch case"), measured in the same run when Python with
// pandas is on the machine; when it is not, the report says it was not measured.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pandas script doing what `salary estimate --batch` does, written as a data analyst
/// would: the profiles read whole, joined by place and experience to a table of every
/// place's five percentiles at every tenth of a year (made by `salary` beforehand and not
/// timed, so the script does none of the method's work), and the rows written with their
/// number.
enum PandasBaseline {
  /// The script: `python3 script.py PROFILES FIGURES OUTPUT`.
  static let script = """
    import sys
    import pandas as pd

    profiles_path, figures_path, output_path = sys.argv[1:4]
    text = {"name": str, "location": str}
    profiles = pd.read_csv(profiles_path, dtype=text, keep_default_na=False)
    # The grid's names are the places as the profiles type them.
    figures = pd.read_csv(
        figures_path, dtype={"name": str}, keep_default_na=False,
        usecols=["name", "experience", "p10", "p25", "p50", "p75", "p90"])
    figures = figures.rename(columns={"name": "location"})
    ranges = profiles.merge(figures, on=["experience", "location"], how="left", sort=False)
    ranges.insert(0, "row", range(1, len(ranges) + 1))
    ranges.to_csv(output_path, index=False)

    """

  /// The `python3` on PATH that imports pandas, with pandas' version; nil when there is
  /// none.
  static func python(folder: String) -> (path: String, version: String)? {
    let paths = (getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin")
      .split(separator: ":").map { String($0) + "/python3" }
    guard let python = paths.first(where: { access($0, X_OK) == 0 }) else { return nil }
    let versionFile = folder + "/pandas-version.txt"
    let probe = ChildProcess(
      executable: "/bin/sh",
      arguments: [
        "-c", "\"$0\" -c 'import pandas; print(pandas.__version__)' > \"$1\"", python,
        versionFile,
      ],
      errorFile: folder + "/pandas-probe.txt")
    guard (try? probe.run()) != nil, let version = try? readText(versionFile) else {
      return nil
    }
    return (python, version.trimmingTrailingNewlines)
  }

  /// Writes the profiles of every place the bench's inputs name at every tenth of a year
  /// from 0 to 30, each named by its place as typed, for `salary estimate --batch` to make
  /// the script's table of figures.
  static func writeGrid(to path: String) throws(BenchError) {
    var file = try BufferedFile(path: path)
    file.append("name,experience,location\n")
    for (place, _) in Inputs.locations {
      for tenths in 0...300 {
        let typed = Inputs.csvField(place)
        file.append("\(typed),\(Inputs.experienceText(tenths)),\(typed)\n")
      }
    }
    try file.finish()
  }

  /// The whole text of a small file.
  static func readText(_ path: String) throws(BenchError) -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw BenchError.system("cannot read \(path)", errno) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4_096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw BenchError.system("cannot read \(path)", errno) }
      if count == 0 { break }
      bytes += buffer[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension String {
  /// The text without the line feeds at its end.
  var trimmingTrailingNewlines: String {
    var text = Substring(self)
    while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
    return String(text)
  }
}
