import Foundation
import Testing

/// Runs the built `salary` executable as a user would and checks stdout, stderr and the exit
/// code. `swift test` builds it beside the test bundle, because this target depends on it.
@Suite struct BinaryTests {
  struct Result: Equatable {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  static let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0])
    .deletingLastPathComponent()

  static let binary = productsDirectory.appendingPathComponent("salary")

  /// Runs `executable` with `arguments` in `directory`, with no COLUMNS and no terminal.
  /// The standard output and error are read concurrently, so a large output cannot block.
  func run(
    _ arguments: [String], executable: URL = BinaryTests.binary, in directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = nil
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Standard error is drained on another thread while this one drains standard output.
    let errorData = ErrorData()
    let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errorData.wait()
    process.waitUntilExit()
    return Result(
      stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// The bytes a reader thread collected, handed over once it is done.
  final class ErrorData: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()
    func set(_ value: Data) {
      data = value
      done.signal()
    }
    func wait() -> Data {
      done.wait()
      return data
    }
  }

  @Test func theBinaryWasBuilt() {
    #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
  }

  @Test func helpOnStandardOutput() throws {
    let result = try run(["--help"])
    #expect(result.status == 0 && result.stderr == "")
    #expect(
      result.stdout == """
        OVERVIEW: Estimate back-end developer pay from published career guides.

        Every figure comes from a named source, with where in it it was published;
        where the guides disagree, the disagreement is shown, not hidden.

        EXAMPLES:
          salary estimate --experience 4 --location austin
          salary estimate --level senior --location "San Francisco"
          salary offer 128000 --experience 4 --location austin --bonus 10%
          salary project --experience 1 --location seattle --path mid@2,senior@5
          salary compare scenarios.csv
          salary data levels

        USAGE: salary <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          estimate                Estimate the pay range for a profile from the
                                  consensus of the guides.
          offer                   Place offers in their markets: percentile, ask range
                                  and total pay a year.
          project                 Project pay over the years: a career path, raises,
                                  inflation and a band.
          compare                 Compare careers side by side: totals, bands and
                                  differences to the first.
          export                  Project every scenario of a file, year by year, into
                                  one long table for spreadsheets.
          data                    Show the published figures and assumptions behind
                                  every answer.

          See 'salary help <subcommand>' for detailed help.

        """)
    #expect(try run(["help"]) == result)
  }

  @Test func version() throws {
    #expect(try run(["--version"]) == Result(stdout: "0.1.0\n", stderr: "", status: 0))
    #expect(try run(["data", "levels", "--version"]).stdout == "0.1.0\n")
  }

  @Test func completionScriptsAndTheirErrors() throws {
    for shell in ["bash", "zsh", "fish"] {
      let result = try run(["--generate-completion-script", shell])
      #expect(result.status == 0 && result.stderr == "", "\(shell)")
      #expect(result.stdout.contains("estimate") && result.stdout.hasSuffix("\n"), "\(shell)")
    }
    #expect(
      try run(["--generate-completion-script", "bogus"])
        == Result(
          stdout: "",
          stderr: """
            Error: Can't generate completion scripts for 'bogus'.
            Please use --generate-completion-script=<shell> with one of:
                zsh bash fish
            Usage: salary <subcommand>
              See 'salary --help' for more information.

            """,
          status: 64))
    let dump = try run(["--experimental-dump-help"])
    #expect(dump.status == 0 && dump.stdout.hasPrefix("{\n  \"command\" : {\n"))
  }

  @Test func anUnknownOptionIsAUsageError() throws {
    let result = try run(["data", "levels", "--formt", "json"])
    #expect(
      result
        == Result(
          stdout: "",
          stderr: """
            Error: Unknown option '--formt'. Did you mean '--format'?
            Usage: salary data levels [--format <format>] [--out <file>] [--force] [--bom] [--no-bom] [--dialect <dialect>] [--quiet] [--data <dir>]
              See 'salary data levels --help' for more information.

            """, status: 64))
  }

  @Test func aMissingValueIsAUsageError() throws {
    let result = try run(["data", "levels", "--format"])
    #expect(
      result
        == Result(
          stdout: "",
          stderr: """
            Error: Missing value for '--format <format>'
            Help:  --format <format>  Output format: a table for people, JSON, JSON lines or CSV for scripts, xlsx for a workbook (default: from the --out file's extension, else table). A workbook's rows go on in sheet 'Rows 2', ... after 1,048,576.
            Usage: salary data levels [--format <format>] [--out <file>] [--force] [--bom] [--no-bom] [--dialect <dialect>] [--quiet] [--data <dir>]
              See 'salary data levels --help' for more information.

            """, status: 64))
  }

  @Test func aBadValueIsAUsageError() throws {
    let result = try run(["data", "levels", "--format", "xml"])
    #expect(
      result
        == Result(
          stdout: "",
          stderr: """
            Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'json', 'jsonl', 'csv' or 'xlsx'.
            Help:  --format <format>  Output format: a table for people, JSON, JSON lines or CSV for scripts, xlsx for a workbook (default: from the --out file's extension, else table). A workbook's rows go on in sheet 'Rows 2', ... after 1,048,576.
            Usage: salary data levels [--format <format>] [--out <file>] [--force] [--bom] [--no-bom] [--dialect <dialect>] [--quiet] [--data <dir>]
              See 'salary data levels --help' for more information.

            """, status: 64))
  }

  @Test func anUnknownCommandIsAUsageError() throws {
    let result = try run(["dat"])
    #expect(result.status == 64 && result.stdout == "")
    #expect(result.stderr.hasPrefix("Error: Unexpected argument 'dat'. Did you mean 'data'?\n"))
  }

  @Test func aFailureExitsWithOne() throws {
    let result = try run(["data", "check", "/nonexistent/my-data"])
    #expect(result.status == 1)
  }

  /// The release binary is copied to /tmp in the README; any copy works from any directory,
  /// because the dataset is compiled in.
  @Test func aCopyRunsAnywhereWithTheEmbeddedData() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("salary")
    try FileManager.default.copyItem(at: Self.binary, to: copy)
    let result = try run(["data", "levels"], executable: copy, in: folder)
    #expect(result.status == 0 && result.stderr == "")
    #expect(result.stdout.contains("Back-End Architect       15+     $235,000    $240,000"))
    let estimate = try run(
      ["estimate", "--experience", "4", "--location", "austin"], executable: copy, in: folder)
    #expect(estimate.status == 0 && estimate.stdout.contains("$120,991"))
    let sources = try run(["data", "sources", "--format", "csv"], executable: copy, in: folder)
    #expect(sources.stdout.split(separator: "\r\n").count == 15)
  }
}
