import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Faults around the built binary's output, each checked for its exit code, its message
/// and the files it leaves: a full device or file system, `--out` onto things that are not
/// regular files, kills in the middle of a write, a reader that goes away.
@Suite(.serialized) struct FaultMatrixTests {
  /// A fresh folder with a small scenarios file, `t.csv`.
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-faults-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "name,experience,location\r\nstay,3,cincinnati\r\nmove,3,seattle\r\n".write(
      to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    return folder
  }

  /// A scenarios file whose export takes a while (about 2 million rows, 200 MB).
  static func largeScenarios(in folder: URL) throws -> URL {
    var text = "name,experience,location\r\n"
    for index in 1...200_000 { text += "s\(index),\(index % 20),austin\r\n" }
    let file = folder.appendingPathComponent("big.csv")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  /// Runs `script` with `/bin/sh` in `folder`; `salary` in it is the built binary.
  func shell(_ script: String, in folder: URL) throws -> BinaryTests.Result {
    let quoted = "'" + BinaryTests.binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    return try BinaryTests().run(
      ["-c", "salary() { \(quoted) \"$@\"; }\n" + script],
      executable: URL(fileURLWithPath: "/bin/sh"), in: folder)
  }

  func names(in folder: URL) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
  }

  func mode(_ url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
  }

  static let fullDevice = "Error: Cannot write to standard output: No space left on device.\n"

  // MARK: Standard output that cannot be written

  @Test(arguments: [
    "salary estimate -e 4", "salary --help", "salary data pay", "salary export t.csv",
    "salary export --template", "salary project -e 2 --format csv",
  ])
  func aFullStandardOutputIsAnError(_ command: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell(command + " > /dev/full", in: folder)
    #expect(run.status == 1, "\(command)")
    #expect(run.stderr == Self.fullDevice, "\(command)")
  }

  @Test func aFullStandardOutputStopsABatchAtOnce() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var profiles = "experience\n"
    for index in 0..<300_000 { profiles += "\(index % 30)\n" }
    try profiles.write(
      to: folder.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
    let run = try shell("salary estimate --batch p.csv > /dev/full", in: folder)
    #expect(run.status == 1 && run.stderr == Self.fullDevice)
  }

  // MARK: A reader that goes away

  /// `| head` ends the command quietly: by SIGPIPE as usual, or, where SIGPIPE is ignored,
  /// by raising it once the write fails with EPIPE.
  @Test(arguments: ["", "trap '' PIPE; "])
  func aClosedPipeEndsQuietly(_ prelude: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.largeScenarios(in: folder)
    let run = try shell(
      prelude + "{ salary export big.csv 2>err; echo $? >status; } | head -c 100 >/dev/null",
      in: folder)
    #expect(run.status == 0)
    let status = try String(contentsOf: folder.appendingPathComponent("status"), encoding: .utf8)
    #expect(status == "141\n", "ended by SIGPIPE")
    #expect(try String(contentsOf: folder.appendingPathComponent("err"), encoding: .utf8) == "")
  }

  // MARK: --out onto what is not a regular file

  @Test(arguments: ["", " --force"])
  func outOntoADeviceIsRefused(_ force: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell("salary export t.csv --out /dev/full" + force, in: folder)
    #expect(run.status == 1 && run.stdout == "")
    #expect(
      run.stderr
        == "Error: '/dev/full' is a character device, not a regular file: --out writes regular "
        + "files only. Give a file name, or leave out --out to write to standard output.\n")
    var info = stat()
    #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "still a device")
  }

  @Test(arguments: [("fifo", "a FIFO", "mkfifo fifo"), ("dir", "a directory", "mkdir dir")])
  func outOntoAFIFOOrADirectoryIsRefused(
    _ target: (name: String, kind: String, make: String)
  ) throws {
    for force in ["", " --force"] {
      let folder = try Self.folder()
      defer { try? FileManager.default.removeItem(at: folder) }
      let run = try shell(
        "\(target.make) && salary export t.csv --out \(target.name)\(force)", in: folder)
      #expect(run.status == 1 && run.stdout == "")
      #expect(
        run.stderr
          == "Error: '\(target.name)' is \(target.kind), not a regular file: --out writes "
          + "regular files only. Give a file name, or leave out --out to write to standard "
          + "output.\n")
      #expect(try names(in: folder) == ["t.csv", target.name])
      let made = try shell("test -p fifo || test -d dir", in: folder)
      #expect(made.status == 0, "\(target.name) is still what it was")
    }
  }

  /// A symbolic link is followed, as `cp` and a shell's `>` follow it: the file it points to
  /// is replaced and the link stays a link. A link to nothing is refused.
  @Test func outOntoASymbolicLinkReplacesTheFileItPointsTo() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let refused = try shell(
      "echo old > real.csv && ln -s real.csv link.csv && salary export t.csv --out link.csv",
      in: folder)
    #expect(refused.status == 1)
    #expect(refused.stderr == "Error: 'link.csv' already exists; give --force to replace it.\n")
    let run = try shell("salary export t.csv --out link.csv --force", in: folder)
    #expect(run.status == 0)
    #expect(run.stderr == "Exported 2 scenarios (20 rows) to link.csv.\n")
    let link = try FileManager.default.destinationOfSymbolicLink(
      atPath: folder.appendingPathComponent("link.csv").path)
    #expect(link == "real.csv")
    let written = try Data(contentsOf: folder.appendingPathComponent("real.csv"))
    #expect(written.starts(with: Array("\u{FEFF}\"name\",\"location\"".utf8)))
    #expect(try names(in: folder) == ["t.csv", "real.csv", "link.csv"])

    let dangling = try shell(
      "ln -s nowhere.csv dangling.csv && salary export t.csv --out dangling.csv --force",
      in: folder)
    #expect(dangling.status == 1)
    #expect(
      dangling.stderr
        == "Error: 'dangling.csv' is a symbolic link to a file that does not exist; give the "
        + "file's own name to --out.\n")
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere.csv").path))
  }

  /// A replaced file keeps its permission bits; a new one gets the umask's.
  @Test(arguments: [0o444, 0o640, 0o600, 0o755])
  func aReplacedFileKeepsItsPermissions(_ permissions: Int) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv")
    try "old\n".write(to: out, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: out.path)
    let refused = try shell("salary export t.csv --out out.csv", in: folder)
    #expect(refused.status == 1)
    #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
    let run = try shell("salary export t.csv --out out.csv --force", in: folder)
    if permissions & 0o200 == 0 && getuid() != 0 {
      // Not writable, and not root: refused, as a shell's `>` would refuse it.
      #expect(run.status == 1)
      #expect(
        run.stderr
          == "Error: Cannot replace 'out.csv': Permission denied. Make it writable first, or "
          + "write to another file.\n")
      #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
    } else {
      #expect(run.status == 0, "\(run.stderr)")
      #expect(try String(contentsOf: out, encoding: .utf8).count > 100)
      #expect(try mode(out) == permissions)
    }
    #expect(try names(in: folder) == ["t.csv", "out.csv"])
  }

  @Test func aNewFileGetsTheUmasksPermissions() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try shell("umask 027 && salary export t.csv --out new.csv", in: folder)
    #expect(run.status == 0)
    #expect(try mode(folder.appendingPathComponent("new.csv")) == 0o640)
  }

  // MARK: A full file system

  /// A 256 KiB tmpfs, where this process may mount one (root on Linux); nil elsewhere.
  static let smallFileSystem: URL? = {
    let mount = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-full-\(getpid())")
    try? FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
    let run = try? FaultMatrixTests().shell(
      "mount -t tmpfs -o size=256k salary-test '\(mount.path)' 2>/dev/null", in: mount)
    guard run?.status == 0 else {
      try? FileManager.default.removeItem(at: mount)
      return nil
    }
    return mount
  }()

  @Test(
    .enabled(
      if: smallFileSystem != nil,
      "skipped: this process may not mount a small tmpfs to fill (it needs root on Linux)"))
  func aFullFileSystemIsAnErrorAndLeavesTheOldFile() throws {
    let mount = try #require(Self.smallFileSystem)
    defer {
      _ = try? shell("umount '\(mount.path)'", in: FileManager.default.temporaryDirectory)
      try? FileManager.default.removeItem(at: mount)
    }
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let big = try Self.largeScenarios(in: folder)
    let out = mount.appendingPathComponent("out.csv")

    let fresh = try shell("salary export '\(big.path)' --out '\(out.path)'", in: folder)
    #expect(fresh.status == 1 && fresh.stdout == "")
    #expect(fresh.stderr == "Error: Cannot write to '\(out.path)': No space left on device.\n")
    #expect(try names(in: mount) == [])

    try "old\n".write(to: out, atomically: false, encoding: .utf8)
    let replacing = try shell(
      "salary export '\(big.path)' --out '\(out.path)' --force", in: folder)
    #expect(replacing.status == 1)
    #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
    #expect(try names(in: mount) == ["out.csv"])

    let piped = try shell("salary export '\(big.path)' > '\(mount.path)/piped.csv'", in: folder)
    #expect(piped.status == 1)
    #expect(piped.stderr == Self.fullDevice)
  }

  // MARK: Kills in the middle of a write

  /// Killed at any moment of a large export, the target is the old file (or absent), and
  /// no temporary file is left, whatever the signal: the file being written has no name
  /// until it is complete.
  @Test(arguments: [SIGKILL, SIGQUIT, SIGTERM, SIGINT])
  func aKilledExportLeavesTheOldFileAndNothingElse(_ signal: Int32) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let big = try Self.largeScenarios(in: folder)
    let out = folder.appendingPathComponent("out.csv")
    try "kept\n".write(to: out, atomically: true, encoding: .utf8)
    let before = try names(in: folder)

    let pid = try StreamingTests.spawn(["export", big.path, "--out", out.path, "--force"])
    // Wait until the new file has data, so the signal lands mid-write.
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, try !writing(pid: pid, into: folder) { usleep(5_000) }
    kill(pid, signal)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    #expect(status & 0x7f == signal, "ended by the signal, not by finishing: status \(status)")
    #expect(try names(in: folder) == before)
    #expect(try String(contentsOf: out, encoding: .utf8) == "kept\n")

    let next = try shell("salary export t.csv --out out.csv --force", in: folder)
    #expect(next.status == 0)
    #expect(try names(in: folder) == before)
  }

  /// Whether `pid` has a file open in `folder` other than its input, with data in it.
  func writing(pid: pid_t, into folder: URL) throws -> Bool {
    let descriptors = "/proc/\(pid)/fd"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? [] {
      let path = descriptors + "/" + name
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path),
        target.hasPrefix(folder.path), !target.hasSuffix("big.csv")
      else { continue }
      var info = stat()
      if stat(path, &info) == 0 && info.st_size > 0 { return true }
    }
    return false
  }

  /// Where the folder's file system has no unnamed files, the temporary has a name; one a
  /// killed process left is removed by the next write to the same target.
  @Test func aTemporaryLeftByADeadProcessIsRemoved() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dead = try shell("sh -c 'echo $$'", in: folder)
    let pid = try #require(Int32(dead.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    let stale = ".out.csv.salary-\(pid).tmp"
    let alive = ".out.csv.salary-1.tmp"
    for name in [stale, alive] {
      try "partial".write(
        to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let run = try shell("salary export t.csv --out out.csv", in: folder)
    #expect(run.status == 0)
    #expect(try names(in: folder) == ["t.csv", "out.csv", alive], "process 1 still runs")
  }

  // MARK: Bad rows before any output

  /// A bad row far down a large input, to standard output: nothing is written (the rows
  /// before it were: 137 MB of them in one case), whether the input is a file or a stream
  /// read once and kept to be read again.
  @Test(arguments: [
    ("salary export big.csv", "big.csv:40001:8 (scenario 's40000'): The value '99' is invalid"),
    ("cat big.csv | salary export -", "-:40001:8 (scenario 's40000'): The value '99' is invalid"),
    ("salary export --skip-bad-rows big.csv --years 1 > /dev/null", "Skipped: big.csv:40001:8"),
    ("salary estimate --batch profiles.csv", "profiles.csv:40001:1: the value 'x' is invalid"),
    ("cat profiles.csv | salary estimate --batch -", "-:40001:1: the value 'x' is invalid"),
  ])
  func aBadRowFarDownWritesNothing(_ command: String, _ error: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var scenarios = "name,experience,location\r\n"
    var profiles = "experience\n"
    for index in 1...50_000 {
      scenarios += "s\(index),\(index == 40_000 ? 99 : index % 20),austin\r\n"
      profiles += index == 40_000 ? "x\n" : "\(index % 30)\n"
    }
    try scenarios.write(
      to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
    try profiles.write(
      to: folder.appendingPathComponent("profiles.csv"), atomically: true, encoding: .utf8)
    let run = try shell(command, in: folder)
    if command.contains("--skip-bad-rows") {
      #expect(run.status == 0)
      #expect(run.stderr.hasPrefix(error), "\(run.stderr.prefix(300))")
      return
    }
    #expect(run.stdout == "", "\(command): \(run.stdout.count) bytes on standard output")
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("Error: " + error), "\(run.stderr.prefix(300))")
  }

  /// A name used twice, far apart, is still found, with both lines: the first reading
  /// keeps 8 bytes a name, not the names.
  @Test(arguments: ["", " --out out.csv"])
  func aRepeatedNameIsFoundWithBothLines(_ out: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var scenarios = "name,experience\r\n"
    for index in 1...3_000 { scenarios += "s\(index == 2_500 ? 7 : index),3\r\n" }
    try scenarios.write(
      to: folder.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
    let run = try shell("salary export s.csv --years 1" + out, in: folder)
    #expect(run.status == 64 && run.stdout == "")
    #expect(run.stderr.hasPrefix("Error: s.csv:2501:1: the name 's7' is already used on line 8.\n"))
    #expect(try names(in: folder) == ["t.csv", "s.csv"])
  }

  @Test(arguments: [
    ("salary export h.csv", "Exported no scenarios: 'h.csv' has no rows below its header.\n"),
    ("salary estimate --batch h.csv", "Estimated no rows: 'h.csv' has no rows below its header.\n"),
  ])
  func aHeaderOnlyFileSaysSo(_ command: String, _ message: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "name,experience\r\n".write(
      to: folder.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
    let run = try shell(command, in: folder)
    #expect(run.status == 0)
    #expect(run.stderr == message)
    #expect(run.stdout.hasPrefix("\"") && run.stdout.split(separator: "\r\n").count == 1)
  }
}
