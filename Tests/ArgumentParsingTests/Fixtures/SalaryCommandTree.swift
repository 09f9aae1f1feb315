// The `salary` command tree of the recorded transcript, declared with the hand-written spec,
// and handlers that print what they parsed, as the recording's commands did.

@testable import ArgumentParsing

/// The tree recorded in `cli-conventions.txt`: `estimate`, `project` (alias `proj`), `export`.
let transcriptRoot = CommandSpec(
  name: "salary",
  abstract: "Estimate and project salaries from band data.",
  discussion: "Reads salary bands from a CSV file and interpolates by experience.",
  version: "0.1.0",
  subcommands: [
    CommandSpec(
      name: "estimate",
      abstract: "Estimate a salary for a profile.",
      arguments: [
        .option(
          "experience", short: "e", help: "Years of professional experience.", type: .double,
          isRequired: true),
        .option(
          "location", help: "Work location.",
          allowedValues: ["remote", "london", "berlin", "paris", "madrid", "lisbon", "dublin"],
          default: "remote"),
        .option("specialization", help: "Specialization key, e.g. backend."),
        .option(
          "format", help: "Output format.", allowedValues: ["text", "json", "csv"],
          default: "text"),
        .flag("verbose", short: "v", help: "Print intermediate values."),
      ]),
    CommandSpec(
      name: "project",
      aliases: ["proj"],
      abstract: "Project earnings over several years.",
      arguments: [
        .positional("base-salary", help: "Starting annual salary.", type: .double),
        .option("years", help: "Number of years to project.", type: .integer, default: "5"),
        .option("raise", help: "Annual raise in percent.", type: .double, default: "3.0"),
        .flag("compound", inversion: .prefixedNo, default: true, help: "Compound the raises."),
      ]),
    CommandSpec(
      name: "export",
      abstract: "Export a projection table as CSV.",
      arguments: [
        .option(
          "output", short: "o", valueName: "path", help: "Output file path.", isRequired: true),
        .option("delimiter", help: "Field delimiter.", default: ","),
        .positional("inputs", help: "Input files.", isRequired: false, isRepeating: true),
      ]),
  ])

/// Output formats of `estimate`, to exercise `enumValue(_:as:)`.
enum TranscriptFormat: String {
  case text
  case json
  case csv
}

/// A dispatcher for ``transcriptRoot`` whose handlers print their values on one line.
func transcriptDispatcher() -> CommandDispatcher<String, String> {
  var dispatcher = CommandDispatcher<String, String>(root: transcriptRoot)
  dispatcher.register("estimate") { invocation, out, _ in
    let values = invocation.values
    let experience = try values.double("experience")
    guard experience >= 0 else { throw ValidationError("Experience must be zero or more years.") }
    if values.hasValue("specialization"), try values.string("specialization") == "fail" {
      throw CommandFailure("No band found for specialization 'fail'.")
    }
    let location = try values.string("location")
    let format = try values.enumValue("format", as: TranscriptFormat.self)
    out.write("estimate \(experience) \(location) \(format.rawValue) \(values.flag("verbose"))\n")
    return ExitStatus.success
  }
  dispatcher.register("project") { invocation, out, _ in
    let values = invocation.values
    let base = try values.double("base-salary")
    let years = try values.int("years")
    let raise = try values.double("raise")
    out.write("project \(base) \(years) \(raise) \(values.flag("compound"))\n")
    return ExitStatus.success
  }
  dispatcher.register("export") { invocation, out, _ in
    let values = invocation.values
    let output = try values.string("output")
    let delimiter = try values.string("delimiter")
    out.write("export \(output) \(delimiter) \(values.strings("inputs"))\n")
    return ExitStatus.success
  }
  return dispatcher
}

/// What one run printed and returned.
struct RunResult: Equatable, CustomStringConvertible {
  /// Everything written to standard output.
  var stdout: String
  /// Everything written to standard error.
  var stderr: String
  /// The exit status.
  var status: Int32

  var description: String {
    "[exit \(status)]\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)"
  }
}

/// Runs `arguments` through `dispatcher` at `screenWidth` columns, capturing both streams.
func run(
  _ arguments: [String],
  screenWidth: Int = 80,
  dispatcher: CommandDispatcher<String, String> = transcriptDispatcher()
) -> RunResult {
  var out = ""
  var err = ""
  let status = dispatcher.run(
    arguments: arguments, screenWidth: screenWidth, stdout: &out, stderr: &err)
  return RunResult(stdout: out, stderr: err, status: status)
}
