// The real tree's completion scripts, loaded into the shells themselves: what bash and fish
// offer for a partly typed command line, and that zsh loads its script.

import Foundation
import Testing

@testable import SalaryCLI

/// The path of an installed program, or `nil` (its tests are then skipped).
private func installed(_ program: String) -> String? {
  for folder in ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
    let path = folder + "/" + program
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

/// Runs `program` with `arguments` in `directory`, and returns its standard output and status.
private func run(_ program: String, _ arguments: [String], in directory: String? = nil) throws
  -> (output: String, errors: String, status: Int32)
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: program)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  var environment = ProcessInfo.processInfo.environment
  environment["HOME"] = NSTemporaryDirectory()
  process.environment = environment
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  let out = output.fileHandleForReading.readDataToEndOfFile()
  let err = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self),
    process.terminationStatus
  )
}

/// The script `salary --generate-completion-script shell` prints, saved in a fresh folder
/// that also holds a few files to complete; the caller removes the folder.
private func savedScript(_ shell: String) throws -> (folder: String, script: String) {
  let result = salary("--generate-completion-script", shell)
  #expect(result.status == 0)
  #expect(result.stderr.isEmpty)
  let folder = try temporaryFolder([
    "script": result.stdout, "ranges.csv": "", "notes.txt": "", "book.xlsx": "",
  ])
  try FileManager.default.createDirectory(
    atPath: folder + "/my-data", withIntermediateDirectories: false)
  return (folder, folder + "/script")
}

/// What bash's completion function of the script offers for `line` (the cursor at its end).
private func bashCompletions(_ line: String, bash: String) throws -> [String] {
  let (folder, script) = try savedScript("bash")
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let program = """
    source "$1"
    COMP_LINE="$2"
    COMP_POINT=${#COMP_LINE}
    read -ra COMP_WORDS <<< "$COMP_LINE"
    if [[ "$COMP_LINE" == *" " ]]; then COMP_WORDS+=(""); fi
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    _salary salary "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\\n' "${COMPREPLY[@]}"
    """
  let result = try run(bash, ["-c", program, "bash", script, line], in: folder)
  #expect(result.status == 0, "\(result.errors)")
  return result.output.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}

/// A zsh program that types each line given after the script into an interactive zsh (in a
/// pseudo-terminal, with the script loaded), presses Tab, then Enter; the `salary` function
/// there prints what Tab made of the line, between `<<` and `>>`.
private let zshDriver = #"""
  zmodload zsh/zpty
  zpty -b z "zsh -f -i"
  zpty -w z "PS1=''; autoload -U compinit; compinit -u -D; source ${(q)1}; salary() { print -r -- \"<<\$*>>\" }"
  for line in "${@[2,-1]}"; do
    zpty -w -n z "$line"$'\t'
    sleep 0.3
    zpty -w -n z $'\n'
  done
  zpty -w z 'print "<<done>>"'
  out=""
  for attempt in {1..300}; do
    zpty -r -t z more 2>/dev/null && out+=$more || sleep 0.1
    [[ $out == *$'\n<<done>>'* ]] && break
  done
  print -r -- "${out//$'\r'/}" | grep -o '<<[^>]*>>'
  zpty -d z
  """#

@Suite("Shell completion")
struct ShellCompletionTests {
  @Test(
    "bash completes subcommands, options, allowed values, dataset values and files",
    .enabled(if: installed("bash") != nil))
  func bash() throws {
    let bash = try #require(installed("bash"))
    #expect(try bashCompletions("salary est", bash: bash) == ["estimate"])
    #expect(try bashCompletions("salary estimate --loc", bash: bash) == ["--location"])
    #expect(try bashCompletions("salary estimate --location san", bash: bash) == ["san-francisco"])
    #expect(
      try bashCompletions("salary data ", bash: bash).filter { !$0.hasPrefix("-") } == [
        "sources", "levels", "pay", "locations", "countries", "growth", "calibration", "outlook",
        "education", "specializations", "assumptions", "check",
      ])
    #expect(
      try bashCompletions("salary estimate --format ", bash: bash) == [
        "table", "json", "jsonl", "csv", "xlsx",
      ])
    #expect(try bashCompletions("salary h", bash: bash) == ["help"])
    #expect(try bashCompletions("salary project --track ", bash: bash) == ["ic", "management"])
    #expect(try bashCompletions("salary estimate --level s", bash: bash) == ["senior", "staff"])
    #expect(try bashCompletions("salary estimate --currency E", bash: bash) == ["EUR"])
    // --out offers the files whose extension picks a format, and folders to reach them.
    #expect(
      try bashCompletions("salary estimate --out ", bash: bash).sorted() == [
        "book.xlsx", "my-data", "ranges.csv",
      ])
    #expect(
      try bashCompletions("salary compare ", bash: bash).sorted() == [
        "book.xlsx", "my-data", "notes.txt", "ranges.csv", "script",
      ])
    #expect(try bashCompletions("salary estimate --batch r", bash: bash) == ["ranges.csv"])
    #expect(try bashCompletions("salary data check ", bash: bash) == ["my-data"])
  }

  @Test("zsh loads its script and completes with it", .enabled(if: installed("zsh") != nil))
  func zsh() throws {
    let zsh = try #require(installed("zsh"))
    let (folder, script) = try savedScript("zsh")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lines = [
      "salary est", "salary estimate --loc", "salary estimate --location san",
      "salary estimate --format cs", "salary data chec", "salary estimate --out ran",
      "salary data check my",
    ]
    let typed = try run(zsh, ["-f", "-c", zshDriver, "zsh", script] + lines, in: folder)
    #expect(
      typed.output.split(separator: "\n").filter { $0 != "<<$*>>" && $0 != "<<done>>" } == [
        "<<estimate>>", "<<estimate --location>>", "<<estimate --location san-francisco>>",
        "<<estimate --format csv>>", "<<data check>>", "<<estimate --out ranges.csv>>",
        "<<data check my-data>>",
      ], "\(typed.errors)")
    #expect(try run(zsh, ["-n", script]).status == 0)
    let loaded = try run(
      zsh,
      [
        "-f", "-c", "autoload -U compinit; compinit -u; source \"$1\"; whence -w _salary", "zsh",
        script,
      ],
      in: folder)
    #expect(loaded.status == 0, "\(loaded.errors)")
    #expect(loaded.errors.isEmpty)
    #expect(loaded.output == "_salary: function\n")
  }

  @Test(
    "fish loads its script and offers the same completions", .enabled(if: installed("fish") != nil))
  func fish() throws {
    let fish = try #require(installed("fish"))
    let (folder, script) = try savedScript("fish")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try run(fish, ["--no-execute", script]).status == 0)
    func completions(_ line: String) throws -> [String] {
      let result = try run(
        fish, ["-c", "source $argv[1]; complete -C$argv[2]", script, line], in: folder)
      #expect(result.status == 0, "\(result.errors)")
      return result.output.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }
    #expect(try completions("salary est") == ["estimate"])
    #expect(try completions("salary estimate --loc") == ["--location"])
    #expect(try completions("salary estimate --location san") == ["san-francisco"])
    #expect(try completions("salary data ").contains("levels"))
    #expect(try completions("salary data ").contains("check"))
    #expect(
      try completions("salary estimate --format ") == ["table", "json", "jsonl", "csv", "xlsx"])
    #expect(
      try completions("salary estimate --out ").sorted() == ["book.xlsx", "my-data/", "ranges.csv"])
    #expect(try completions("salary data check ") == ["my-data/"])
  }

  @Test("an unknown shell: upstream's message, usage, and status 64")
  func bogus() {
    let result = salary("--generate-completion-script", "bogus")
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == """
        Error: Can't generate completion scripts for 'bogus'.
        Please use --generate-completion-script=<shell> with one of:
            zsh bash fish
        Usage: salary <subcommand>
          See 'salary --help' for more information.

        """)
  }

  @Test("the root help does not list the hidden requests")
  func hidden() {
    let help = salary("--help").stdout
    #expect(!help.contains("--generate-completion-script"))
    #expect(!help.contains("--experimental-dump-help"))
  }
}
