import ArgumentParsing
import Foundation
import SalaryCore

@testable import SalaryCLI

/// What one in-process run of `salary` printed and returned.
struct Run: Equatable, CustomStringConvertible {
  var stdout: String
  var stderr: String
  var status: Int32

  var description: String { "[exit \(status)]\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }
}

/// Runs the real command tree in-process at a fixed width, capturing both streams.
func salary(_ arguments: String..., width: Int = 80) -> Run {
  salary(arguments, width: width)
}

func salary(_ arguments: [String], width: Int = 80) -> Run {
  salary(arguments, context: .fixed(width: width))
}

/// Runs the real command tree in-process with a given context (a terminal, colour).
func salary(_ arguments: [String], context: CommandContext) -> Run {
  var output = ""
  var errors = ""
  let status = SalaryCommandLine.run(
    arguments: arguments, context: context, stdout: &output, stderr: &errors)
  return Run(stdout: output, stderr: errors, status: status)
}

/// A fresh folder holding `files`, removed by the caller.
func temporaryFolder(_ files: [String: String]) throws -> String {
  let path = NSTemporaryDirectory() + "salary-cli-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  for (name, text) in files {
    try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
  }
  return path
}

/// The repository's data/ folder, read from disk (the binary embeds the same files).
let repositoryDataFolder = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("data").path

/// The command-line defaults of `estimate --batch` given as `options` (`experience: "4"`,
/// `fx: "GBP=1.25"`), read as the command reads them.
func batchDefaults(_ options: [String: String], model: PayModel) throws -> BatchDefaults {
  var arguments = ["estimate", "--batch", "f.csv"]
  for (key, value) in options.sorted(by: { $0.key < $1.key }) {
    arguments += ["--\(key)", value]
  }
  guard case .run(let invocation) = CommandParser(root: Commands.root).parse(arguments) else {
    throw ValidationError("the options do not parse: \(arguments)")
  }
  return try BatchDefaults(invocation.values, model: model)
}

/// A runner of scenarios as `export` runs them (bands from the market's spread), with no
/// options outside the scenarios.
func scenarioRunner(_ model: PayModel) -> ScenarioRunner {
  ScenarioRunner(
    projecting: Projecting(markets: Markets(model: model)), currentYear: 2026,
    sharing: ParsedValues(arguments: ProjectCommand.spec.arguments), defaults: ["paths": "0"])
}
