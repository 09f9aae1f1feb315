import Foundation
import SalaryCSV
import Testing
import _TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Large inputs through the built binary: batch runs to the end in order.
@Suite(.serialized) struct StreamingTests {
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// `count` profiles drawn with a fixed seed: experience 0–30 in tenths, a place or none.
  static func profiles(_ count: Int) -> String {
    var random = SplitMix64(seed: 7)
    let places = ["austin", "seattle", "cincinnati", "remote", "germany", "denver", ""]
    var text = "name,experience,location\r\n"
    text.reserveCapacity(count * 24)
    for index in 1...count {
      let experience = Double(random.next() % 301) / 10
      text += "p\(index),\(experience),\(places[Int(random.next() % UInt64(places.count))])\r\n"
    }
    return text
  }

  @Test func aHundredThousandRowBatchRunsToTheEndInOrder() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("profiles.csv")
    try Self.profiles(100_000).write(to: input, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("ranges.csv")
    let run = try BinaryTests().run(["estimate", "--batch", input.path, "--out", out.path])
    #expect(run.status == 0 && run.stdout == "")
    #expect(run.stderr == "Estimated 100,000 rows.\n", "no progress line when not a terminal")
    let records = try CSVReader.readRecords(from: Data(contentsOf: out))
    #expect(records.count == 100_001)
    #expect(records.dropFirst().map(\.fields[0]) == (1...100_000).map(String.init))
    #expect(records.dropFirst().map(\.fields[1]) == (1...100_000).map { "p\($0)" })
    #expect(records.dropFirst().allSatisfy { $0.fields[9...].allSatisfy { Int($0) != nil } })
  }

  /// Starts the binary with no signal blocked (a test runner's thread may block some, and a
  /// child inherits its mask) and its output thrown away.
  static func spawn(_ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let path = BinaryTests.binary.path
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    return pid
  }
}
