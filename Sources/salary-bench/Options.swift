/// How the results are printed.
enum OutputFormat: String, CaseIterable, Sendable {
  /// A Markdown table, aligned for a terminal, to paste into the README.
  case table
  case csv
  case json
}

/// The bench's command line.
struct BenchOptions: Sendable {
  /// Smaller inputs and fewer runs: a smoke run of a few seconds, not a measurement.
  var quick = false
  /// The cases to run, in the order of ``CaseName/allCases``.
  var cases: [CaseName] = CaseName.allCases
  /// Runs of every case, instead of each case's own number.
  var runs: Int?
  var format = OutputFormat.table
  /// The `salary` executable to measure, instead of the one beside this executable.
  var salary: String?
  var help = false

  /// The runs of a case: `--runs` if given, else the case's own for a full or quick run.
  func runs(full: Int, quick: Int) -> Int { runs ?? (self.quick ? quick : full) }

  static let help = """
    OVERVIEW: Measure salary against the targets of DESIGN.md's speed section.

    Inputs are generated from a fixed seed into a temporary folder. Each case runs once
    to warm up (and to check its output), then several times; the table shows the median
    and, in brackets, the fastest and slowest run. estimate, project, batch and export run
    the salary executable as a whole process, with its peak resident memory; monte-carlo
    and dataset call the engine in this process, and monte-carlo-error measures how far
    the default band is from a million independent paths. A missed target is reported,
    not an error.

    Build and run it with optimizations, the only numbers that mean anything:
      swift run -c release salary-bench

    USAGE: salary-bench [--quick] [--case NAME]... [--runs N] [--format table|csv|json]
                        [--salary PATH]

    OPTIONS:
      --quick               Smaller inputs and fewer runs: a smoke run, not a measurement.
      --case NAME           Run one case (repeat for several): estimate, project, batch,
                            export, export-memory, monte-carlo, monte-carlo-error,
                            dataset (default: all).
      --runs N              Measured runs of each case, after the warm-up (default: 50
                            for estimate and project, 5 for batch and export, 100 for
                            monte-carlo, 1000 for dataset; fewer once a case has run 30
                            seconds, never fewer than 3). monte-carlo-error runs five
                            seeds of each profile (two with --quick).
      --format FORMAT       table (Markdown), csv or json (default: table).
      --salary PATH         The salary executable to measure (default: the one beside
                            salary-bench, built by the same swift run).
      -h, --help            Show this help.

    """

  /// Parses `arguments` (without the program's name).
  static func parse(_ arguments: [String]) throws(BenchError) -> BenchOptions {
    var options = BenchOptions()
    var chosen: [CaseName] = []
    var index = 0
    func value(_ option: String) throws(BenchError) -> String {
      index += 1
      guard index < arguments.count else {
        throw BenchError.usage("Missing value for '\(option)'.")
      }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "--quick": options.quick = true
      case "-h", "--help": options.help = true
      case "--case":
        let raw = try value(argument)
        guard let name = CaseName(rawValue: raw) else {
          throw BenchError.usage(
            "Unknown case '\(raw)'. Cases: "
              + CaseName.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if !chosen.contains(name) { chosen.append(name) }
      case "--runs":
        let raw = try value(argument)
        guard let runs = Int(raw), runs >= 1 else {
          throw BenchError.usage("'--runs' takes a whole number from 1, not '\(raw)'.")
        }
        options.runs = runs
      case "--format":
        let raw = try value(argument)
        guard let format = OutputFormat(rawValue: raw) else {
          throw BenchError.usage("'--format' is table, csv or json, not '\(raw)'.")
        }
        options.format = format
      case "--salary":
        options.salary = try value(argument)
      default:
        throw BenchError.usage("Unknown option '\(argument)'.")
      }
      index += 1
    }
    if !chosen.isEmpty { options.cases = CaseName.allCases.filter(chosen.contains) }
    return options
  }
}
