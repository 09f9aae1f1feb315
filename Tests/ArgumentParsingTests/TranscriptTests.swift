// Replays every recorded swift-argument-parser call and compares all output byte for byte.

import Testing

@testable import ArgumentParsing

/// One recorded call: its arguments, environment, and what it printed and returned.
struct TranscriptCase: Sendable, CustomTestStringConvertible {
  /// The command line after `$ `, as recorded.
  var commandLine: String
  /// `NAME=value` prefixes of the command line.
  var environment: [String: String]
  /// The arguments after the program name.
  var arguments: [String]
  /// The expected standard output.
  var stdout: String
  /// The expected standard error.
  var stderr: String
  /// The expected exit status.
  var status: Int32

  var testDescription: String { commandLine }
}

/// Reads the transcript: a case per `$ ` line; `--- stdout:` / `--- stderr:` choose the stream
/// (standard output if neither is given), `[exit N]` ends a case (status 0 if it never comes).
func parseTranscript(_ text: String) -> [TranscriptCase] {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  if lines.last == "" { lines.removeLast() }
  var cases: [TranscriptCase] = []
  var current: TranscriptCase?
  var toStandardError = false
  var ended = false
  for line in lines {
    if line.hasPrefix("$ ") {
      if let finished = current { cases.append(finished) }
      var words = line.dropFirst(2).split(separator: " ").map(String.init)
      var environment: [String: String] = [:]
      while let first = words.first, let equals = first.firstIndex(of: "=") {
        environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
        words.removeFirst()
      }
      precondition(words.first == "salary", "unexpected transcript line: \(line)")
      current = TranscriptCase(
        commandLine: String(line.dropFirst(2)), environment: environment,
        arguments: Array(words.dropFirst()), stdout: "", stderr: "", status: 0)
      toStandardError = false
      ended = false
    } else if current == nil || ended {
      continue
    } else if line == "--- stdout:" {
      toStandardError = false
    } else if line == "--- stderr:" {
      toStandardError = true
    } else if line.hasPrefix("[exit "), line.hasSuffix("]") {
      current?.status = Int32(line.dropFirst(6).dropLast())!
      ended = true
    } else if toStandardError {
      current?.stderr += line + "\n"
    } else {
      current?.stdout += line + "\n"
    }
  }
  if let finished = current { cases.append(finished) }
  return cases
}

/// The recorded cases this parser must reproduce: all but `--generate-completion-script`,
/// a swift-argument-parser feature this parser deliberately does not have.
let transcriptCases = parseTranscript(conventionsTranscript).filter {
  !$0.arguments.contains { $0.hasPrefix("--generate-completion-script") }
}

/// The recorded calls, replayed.
@Suite("swift-argument-parser transcript")
struct TranscriptTests {
  @Test("the transcript is read completely")
  func transcriptIsReadCompletely() {
    let all = parseTranscript(conventionsTranscript)
    #expect(all.count == 59)
    #expect(transcriptCases.count == all.count - 1)
    #expect(all.last?.environment == ["COLUMNS": "60"])
    #expect(all.first?.arguments == [])
  }

  /// Where we deliberately say more than swift-argument-parser: a mistyped subcommand gets
  /// a suggestion (the project's issue asks for "Did you mean" on subcommands too), and a
  /// negative number after an option, which both parsers read as an option, gets the way
  /// to write it.
  static let divergences: [[String]: (recorded: String, ours: String)] = [
    ["estimat"]: (
      recorded: "Error: Unexpected argument 'estimat'\n",
      ours: "Error: Unexpected argument 'estimat'. Did you mean 'estimate'?\n"
    ),
    ["estimate", "-e", "-2"]: (
      recorded: "Error: Missing value for '-e <experience>'\n",
      ours: "Error: Missing value for '-e <experience>'. A value starting with '-' reads as an "
        + "option: write --experience=-2\n"
    ),
    ["project", "50000", "--raise", "-2"]: (
      recorded: "Error: Missing value for '--raise <raise>'\n",
      ours: "Error: Missing value for '--raise <raise>'. A value starting with '-' reads as an "
        + "option: write --raise=-2\n"
    ),
  ]

  @Test("each recorded call prints and returns exactly the same", arguments: transcriptCases)
  func recordedCall(_ recorded: TranscriptCase) {
    let width = recorded.environment["COLUMNS"].flatMap { Int($0) } ?? 80
    let result = run(recorded.arguments, screenWidth: width)
    var stderr = recorded.stderr
    if let divergence = Self.divergences[recorded.arguments] {
      #expect(stderr.hasPrefix(divergence.recorded))
      stderr = divergence.ours + stderr.dropFirst(divergence.recorded.count)
    }
    let expected = RunResult(stdout: recorded.stdout, stderr: stderr, status: recorded.status)
    #expect(result == expected)
  }
}
