import Foundation
import Testing
import _TestSupport

/// Past the sheet limit in flat memory: `salary-bench --workbook-rows` streams 1,100,000
/// tiny rows through the library to a file, measured by `/usr/bin/time`.
@Suite struct StreamingSheetTests {
  static let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0])
    .deletingLastPathComponent()

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
  func aMillionRowsAndMoreGoOnInASecondSheetInFlatMemory() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("salary-rows-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let book = folder.appendingPathComponent("rows.xlsx")
    let peak = folder.appendingPathComponent("peak")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    process.arguments = [
      "-f", "%M", "-o", peak.path,
      Self.productsDirectory.appendingPathComponent("salary-bench").path, "--workbook-rows",
      "1100000",
    ]
    _ = FileManager.default.createFile(atPath: book.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: book)
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let kilobytes = Int(
      try String(contentsOf: peak, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    )!
    #expect(kilobytes < 100_000, "peak resident memory \(kilobytes) kB")
    let dump = try WorkbookDump.read(book.path, withSheets: false)
    #expect(dump.checks)
    #expect(dump.sheetNames == ["Rows", "Rows 2"])
    // 1,048,575 rows under the first header, the other 51,425 under the second.
    #expect(dump.parts["xl/workbook.xml"]!.contains("'Rows'!$A$1:$B$1048576"))
    #expect(dump.parts["xl/workbook.xml"]!.contains("'Rows 2'!$A$1:$B$51426"))
  }
}
