import Foundation
import Testing
import _TestSupport

@testable import SalaryWorkbook

/// The ZIP container, read back by Python's `zipfile`, which checks every CRC.
@Suite struct ZipWriterTests {
  /// Writes `bytes` to a new temporary file and returns its path.
  static func file(_ bytes: [UInt8], name: String = "archive.zip") throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-zip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Python's reading: whether testzip() passes, then each name with its contents in hex.
  static func python(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      """
      import sys, zipfile
      z = zipfile.ZipFile(sys.argv[1])
      print(z.testzip())
      for i in z.infolist():
          print(i.filename, i.flag_bits, i.compress_type, z.read(i).hex())
      """, path,
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self)
  }

  @Test func pythonReadsWholeAndStreamedEntries() throws {
    var zip = ZipWriter()
    var bytes: [UInt8] = []
    try zip.addEntry("whole.txt", contents: Array("hello".utf8), into: &bytes)
    try zip.startEntry("dir/streamed.bin", into: &bytes)
    var random = SplitMix64(seed: 3)
    var streamed: [UInt8] = []
    for _ in 0..<50 {
      let chunk = (0..<Int(random.next() % 5_000)).map { _ in UInt8(random.next() & 0xFF) }
      streamed += chunk
      try zip.write(chunk, into: &bytes)
    }
    try zip.finishEntry(into: &bytes)
    try zip.addEntry("empty", contents: [], into: &bytes)
    try zip.startEntry("Zürich €.txt", into: &bytes)
    try zip.finishEntry(into: &bytes)
    try zip.finish(into: &bytes)
    let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
    let expected = [
      "None", "whole.txt 2048 0 \(hex(Array("hello".utf8)))",
      "dir/streamed.bin 2056 0 \(hex(streamed))", "empty 2048 0 ", "Zürich €.txt 2056 0 ", "",
    ].joined(separator: "\n")
    #expect(try Self.python(Self.file(bytes)) == expected)
  }

  @Test func anEmptyArchiveIsAnArchive() throws {
    var zip = ZipWriter()
    var bytes: [UInt8] = []
    try zip.finish(into: &bytes)
    #expect(bytes.count == 22)
    #expect(try Self.python(Self.file(bytes)) == "None\n")
  }

  @Test func pastTheLimitIsAClearErrorNotACorruptFile() throws {
    var zip = ZipWriter(limit: 1_000)
    var bytes: [UInt8] = []
    try zip.startEntry("big", into: &bytes)
    try zip.write([UInt8](repeating: 1, count: 900), into: &bytes)
    #expect(throws: ZipError.tooLarge(limit: 1_000)) {
      try zip.write([UInt8](repeating: 1, count: 100), into: &bytes)
    }
    #expect(bytes.count == 933, "nothing of the refused chunk was written")
    var whole = ZipWriter(limit: 1_000)
    #expect(throws: ZipError.tooLarge(limit: 1_000)) {
      try whole.addEntry("big", contents: [UInt8](repeating: 0, count: 1_000), into: &bytes)
    }
    #expect(
      ZipError.tooLarge(limit: UInt64(UInt32.max)).description.contains("without ZIP64"))
  }

  @Test func theRealLimitIsFourGibibytes() {
    #expect(ZipWriter().limit == 0xFFFF_FFFE)
  }
}
