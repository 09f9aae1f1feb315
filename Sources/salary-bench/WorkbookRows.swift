// `salary-bench --workbook-rows COUNT`: a helper mode for the workbook's streaming test.

import SalaryWorkbook

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `salary-bench --workbook-rows COUNT`: streams a workbook of COUNT tiny rows (a row
/// number and a text) to standard output, in chunks, so a test can measure that memory
/// stays flat past a sheet's row limit. Internal; not in the help.
enum WorkbookRows {
  /// The flag that selects this mode; it must come first.
  static let flag = "--workbook-rows"

  /// Runs the mode for `arguments` (after the flag) and returns the exit status.
  static func main(_ arguments: [String]) -> Int32 {
    guard arguments.count == 1, let count = Int(arguments[0]), count >= 0 else {
      writeError("salary-bench: \(flag) needs COUNT\n")
      return 64
    }
    var book = WorkbookWriter()
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1 << 18)
    /// Writes out what is buffered; false when standard output refuses it.
    func drain() -> Bool {
      defer { bytes.removeAll(keepingCapacity: true) }
      return bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stdout) == $0.count }
    }
    do {
      try book.startSheet("Rows", header: ["row", "name"], into: &bytes)
      for row in 1...max(count, 1) where count > 0 {
        try book.appendRow([.number(Double(row)), .text("r")], into: &bytes)
        if bytes.count >= 1 << 18, !drain() { return 1 }
      }
      try book.finish(into: &bytes)
    } catch {
      writeError("salary-bench: \(error)\n")
      return 1
    }
    return drain() && fflush(stdout) == 0 ? 0 : 1
  }
}
