import Foundation
import Testing

/// `-` is standard input for every file argument, and colour on a real terminal follows
/// TERM and NO_COLOR. Run through a shell (and `script` for a pseudo-terminal), as a user
/// would type them.
@Suite struct StandardInputAndTerminalTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../SalaryCLITests/Goldens/inputs/scenarios.csv").standardized.path
  static let profiles = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../SalaryCLITests/Goldens/inputs/profiles.csv").standardized.path

  /// Runs `command` with `sh -c`, `$SALARY` naming the binary, and returns its output.
  func shell(_ command: String, environment extra: [String: String] = [:]) throws -> (
    stdout: String, status: Int32
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var environment = ProcessInfo.processInfo.environment
    environment["SALARY"] = BinaryTests.binary.path
    environment["NO_COLOR"] = nil
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  @Test(arguments: [
    "compare --paths 100", "compare --paths 100 --format csv", "export --paths 100",
    "estimate --batch",
  ])
  func aDashReadsStandardInput(_ command: String) throws {
    let file = command.hasPrefix("estimate") ? Self.profiles : Self.scenarios
    let fromFile = try shell("\"$SALARY\" \(command) '\(file)'")
    let fromInput = try shell("\"$SALARY\" \(command) - < '\(file)'")
    #expect(fromFile.status == 0 && fromInput.status == 0 && !fromFile.stdout.isEmpty)
    #expect(fromInput.stdout == fromFile.stdout)
  }

  @Test func aDumbTerminalGetsNoColour() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let command = "script -qc '\"$SALARY\" project -e 2 --years 3 --paths 100' /dev/null"
    let escape = "\u{1B}["
    #expect(try shell(command, environment: ["TERM": "xterm"]).stdout.contains(escape))
    #expect(!(try shell(command, environment: ["TERM": "dumb"]).stdout.contains(escape)))
    #expect(
      !(try shell(command, environment: ["TERM": "xterm", "NO_COLOR": "1"]).stdout.contains(escape))
    )
    let always = "\"$SALARY\" project -e 2 --years 3 --paths 100 --chart --color always"
    #expect(
      try shell(always, environment: ["TERM": "dumb", "NO_COLOR": "1"]).stdout.contains(escape))
  }
}
