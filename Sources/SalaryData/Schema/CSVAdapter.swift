/// A CSV record with the line it starts on and the column each field starts at.
struct CSVRecordPositions {
  var fields: [String]
  var line: Int
  var columns: [Int]
}

/// A CSV syntax error with its position.
struct CSVSyntaxError: Error {
  var line: Int
  var column: Int
  var message: String
}

/// Reads every record of a small CSV file. TEMPORARY: replaced by SalaryCSV's reader.
func readCSVRecords(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRecordPositions] {
  var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
  if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
  var records: [CSVRecordPositions] = []
  var fields: [String] = []
  var columns: [Int] = []
  var field = String.UnicodeScalarView()
  var line = 1
  var column = 1
  var recordLine = 1
  var fieldColumn = 1
  var i = 0
  var inQuotes = false
  var quoteLine = 0
  var quoteColumn = 0
  var wasQuoted = false
  func endField() {
    fields.append(String(field))
    columns.append(fieldColumn)
    field = String.UnicodeScalarView()
    wasQuoted = false
  }
  while i < scalars.count {
    let c = scalars[i]
    if inQuotes {
      if c == "\"" {
        if i + 1 < scalars.count && scalars[i + 1] == "\"" {
          field.append("\"")
          i += 2
          column += 2
          continue
        }
        inQuotes = false
        wasQuoted = true
      } else {
        field.append(c)
        if c == "\n" || (c == "\r" && !(i + 1 < scalars.count && scalars[i + 1] == "\n")) {
          line += 1
          column = 0
        }
      }
      i += 1
      column += 1
      continue
    }
    switch c {
    case "\"":
      guard field.isEmpty && !wasQuoted else {
        throw CSVSyntaxError(line: line, column: column, message: "quote inside an unquoted field")
      }
      inQuotes = true
      quoteLine = line
      quoteColumn = column
    case ",":
      endField()
      fieldColumn = column + 1
    case "\r", "\n":
      endField()
      records.append(CSVRecordPositions(fields: fields, line: recordLine, columns: columns))
      fields = []
      columns = []
      if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
      line += 1
      column = 0
      recordLine = line
      fieldColumn = 1
    default:
      if wasQuoted {
        throw CSVSyntaxError(
          line: line, column: column, message: "text after a closing quote")
      }
      field.append(c)
    }
    i += 1
    column += 1
  }
  if inQuotes {
    throw CSVSyntaxError(line: quoteLine, column: quoteColumn, message: "unterminated quoted field")
  }
  if !field.isEmpty || !fields.isEmpty || wasQuoted {
    endField()
    records.append(CSVRecordPositions(fields: fields, line: recordLine, columns: columns))
  }
  if let count = records.first?.fields.count {
    for record in records where record.fields.count != count {
      throw CSVSyntaxError(
        line: record.line, column: 1,
        message: "expected \(count) fields, found \(record.fields.count)")
    }
  }
  return records
}
