/// How a command writes its answer: a table for people, JSON, JSON lines or CSV for
/// scripts, a typed workbook for spreadsheets.
enum OutputFormat: String, CaseIterable, Sendable {
  case table
  case json
  case jsonl
  case csv
  case xlsx

  /// The format a file name's extension names, if any: `.csv`, `.xlsx`, `.json`, `.jsonl`.
  init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else {
      return nil
    }
    switch fileName[fileName.index(after: dot)...].lowercased() {
    case "csv": self = .csv
    case "json": self = .json
    case "jsonl": self = .jsonl
    case "xlsx": self = .xlsx
    default: return nil
    }
  }
}
