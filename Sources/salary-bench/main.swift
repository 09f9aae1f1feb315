// `salary-bench`: measures `salary` against the targets of DESIGN.md's speed section.
// Timings live here, never in the tests. Run it with `swift run -c release salary-bench`.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// This executable's path: /proc/self/exe where there is one, so `swift run` and a relative
/// `argv[0]` both work; else `argv[0]`.
func executablePath() -> String {
  var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  guard length > 0 else { return CommandLine.arguments[0] }
  return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The folder of a path, `.` for a bare name.
func folder(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return "." }
  return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// A new private folder under TMPDIR (or /tmp).
func makeTemporaryFolder() throws(BenchError) -> String {
  let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
  var template = Array((base + "/salary-bench.XXXXXX").utf8CString)
  guard mkdtemp(&template) != nil else {
    throw BenchError.system("cannot create a temporary folder in \(base)", errno)
  }
  return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Removes the bench's folder of inputs and outputs; it holds files only.
func removeFolder(_ path: String) {
  guard let directory = opendir(path) else { return }
  while let entry = readdir(directory) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) {
      String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
    }
    if name != "." && name != ".." { unlink(path + "/" + name) }
  }
  closedir(directory)
  rmdir(path)
}

/// Runs the bench and returns its exit status.
func runBench(_ arguments: [String]) -> Int32 {
  switch arguments.first {
  case MeasuringParent.flag: return MeasuringParent.main(Array(arguments.dropFirst()))
  case FirstDatasetLoad.flag: return FirstDatasetLoad.main(Array(arguments.dropFirst()))
  case Floor.flag: return Floor.main(Array(arguments.dropFirst()))
  case WorkbookRows.flag: return WorkbookRows.main(Array(arguments.dropFirst()))
  case MonteCarloReferences.flag: return MonteCarloReferences.main(Array(arguments.dropFirst()))
  default: break
  }
  do throws(BenchError) {
    let options = try BenchOptions.parse(arguments)
    if options.help {
      print(BenchOptions.help, terminator: "")
      return 0
    }
    let selfPath = executablePath()
    let salary = options.salary ?? folder(of: selfPath) + "/salary"
    let needsSalary = options.cases.contains {
      [.estimate, .project, .batch, .export, .exportMemory].contains($0)
    }
    if needsSalary && access(salary, X_OK) != 0 { throw BenchError.missingSalary(salary) }

    let temporary = try makeTemporaryFolder()
    defer { removeFolder(temporary) }
    let bench = Bench(options: options, salary: salary, selfPath: selfPath, folder: temporary)
    let loadBefore = loadAverage()
    var results: [CaseResult] = []
    for name in options.cases {
      results.append(try bench.run(name))
    }
    let info = RunInfo(
      cores: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), salary: salary, quick: options.quick,
      loadBefore: loadBefore, loadAfter: loadAverage())
    print(Report(info: info, results: results).rendered(as: options.format), terminator: "")
    return 0
  } catch {
    writeError("salary-bench: " + error.message + "\n")
    return error.exitStatus
  }
}

exit(runBench(Array(CommandLine.arguments.dropFirst())))
