/// The XML of one worksheet, row by row: a bold header frozen above the rows and filtered,
/// columns as wide as the header and the first rows' values, then typed cells.
///
/// Column widths come before the rows in the XML, so the first ``sampleRows`` rows are
/// held (encoded) until the widths are known; after that each row is written as it comes
/// and nothing is kept: memory stays flat at any number of rows.
struct SheetWriter {
  /// The most rows a sheet holds, the header's included (Excel's limit, and LibreOffice's).
  static let maxRows = 1_048_576
  /// The longest text a cell holds, in UTF-16 code units, as Excel counts.
  static let maxTextLength = 32_767

  /// The most rows this sheet takes: ``maxRows``, or fewer for a test.
  let rowLimit: Int

  /// How many rows after the header decide the column widths.
  static let sampleRows = 100

  let columnCount: Int
  /// Whether the sheet is the one selected when the workbook opens.
  let isSelected: Bool
  /// Column letters, `A` to the last.
  private let letters: [[UInt8]]
  /// The widest value seen in each column, in characters.
  private var widths: [Int]
  /// Rows held until the widths are known, encoded; nil once written.
  private var pending: [UInt8]? = []
  /// Rows so far, the header's included.
  private(set) var rowCount = 0

  /// A sheet with `header` in bold (style `headerStyle`).
  ///
  /// - Throws: ``WorkbookError/tooManyColumns(_:)`` past 16,384 columns.
  init(
    header: [String], headerStyle: Int, isSelected: Bool, rowLimit: Int = SheetWriter.maxRows
  ) throws(WorkbookError) {
    guard header.count <= 16_384 else { throw .tooManyColumns(header.count) }
    precondition(rowLimit >= 2 && rowLimit <= Self.maxRows, "a header and a row at least")
    self.rowLimit = rowLimit
    columnCount = header.count
    self.isSelected = isSelected
    letters = (0..<max(header.count, 1)).map(Self.columnName)
    widths = header.map { $0.count }
    var none: [UInt8] = []  // the header is held with the first rows
    try appendRow(header.map { .text($0, style: headerStyle) }, into: &none)
  }

  /// Whether another row fits on this sheet.
  var isFull: Bool { rowCount >= rowLimit }

  /// The last column's letters, such as `T`.
  var lastColumn: String { String(decoding: letters[max(columnCount, 1) - 1], as: UTF8.self) }

  /// `A` for 0, `Z` for 25, `AA` for 26.
  static func columnName(_ index: Int) -> [UInt8] {
    var index = index
    var name: [UInt8] = []
    repeat {
      name.insert(UInt8(ascii: "A") + UInt8(index % 26), at: 0)
      index = index / 26 - 1
    } while index >= 0
    return name
  }

  /// Appends one row of cells, the first in column A; cells past the header's columns are
  /// written too, though the filter and widths do not cover them.
  ///
  /// - Precondition: The sheet is not full.
  /// - Throws: ``WorkbookError/notFinite(_:)`` for NaN or an infinity.
  mutating func appendRow(_ cells: [Cell], into bytes: inout [UInt8]) throws(WorkbookError) {
    precondition(!isFull, "a sheet holds \(rowLimit) rows")
    guard cells.count <= 16_384 else { throw .tooManyColumns(cells.count) }
    rowCount += 1
    if var held = pending.take() {
      try encode(cells, into: &held)
      pending = held
      for (column, cell) in cells.enumerated() where column < widths.count {
        widths[column] = max(widths[column], Self.displayLength(cell))
      }
      if rowCount > Self.sampleRows { flushPending(into: &bytes) }
    } else {
      try encode(cells, into: &bytes)
    }
  }

  /// Appends the end of the sheet: the filter over the header and the rows, and the
  /// drawing (relationship `rId1`) when the sheet has charts.
  mutating func finish(hasDrawing: Bool, into bytes: inout [UInt8]) {
    flushPending(into: &bytes)
    bytes.append(contentsOf: "</sheetData>".utf8)
    if columnCount > 0 {
      bytes.append(contentsOf: "<autoFilter ref=\"\(filterRange)\"/>".utf8)
    }
    bytes.append(contentsOf: "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\"".utf8)
    bytes.append(contentsOf: " bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>".utf8)
    if hasDrawing { bytes.append(contentsOf: "<drawing r:id=\"rId1\"/>".utf8) }
    bytes.append(contentsOf: "</worksheet>".utf8)
  }

  /// The filter's range, `A1:T21`: the header and every row.
  var filterRange: String { "A1:\(lastColumn)\(max(rowCount, 1))" }

  /// Writes the sheet's start, with the widths as they are now, and the rows held.
  private mutating func flushPending(into bytes: inout [UInt8]) {
    guard let held = pending else { return }
    pending = nil
    bytes.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.utf8)
    bytes.append(contentsOf: "\n<worksheet xmlns=\"\(Namespace.spreadsheet)\"".utf8)
    bytes.append(contentsOf: " xmlns:r=\"\(Namespace.relationships)\">".utf8)
    bytes.append(contentsOf: "<sheetViews><sheetView workbookViewId=\"0\"".utf8)
    if isSelected { bytes.append(contentsOf: " tabSelected=\"1\"".utf8) }
    bytes.append(
      contentsOf: "><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\"".utf8)
    bytes.append(contentsOf: " state=\"frozen\"/>".utf8)
    bytes.append(contentsOf: "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>".utf8)
    bytes.append(
      contentsOf: "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>".utf8)
    if !widths.isEmpty {
      bytes.append(contentsOf: "<cols>".utf8)
      for (index, width) in widths.enumerated() {
        // Room for the filter's button beside the header, and no column a page wide.
        let characters = min(max(width, 6), 60) + 3
        bytes.append(
          contentsOf: "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(characters)\""
            .utf8)
        bytes.append(contentsOf: " customWidth=\"1\"/>".utf8)
      }
      bytes.append(contentsOf: "</cols>".utf8)
    }
    bytes.append(contentsOf: "<sheetData>".utf8)
    bytes.append(contentsOf: held)
  }

  /// One `<row>` with its cells.
  private func encode(_ cells: [Cell], into bytes: inout [UInt8]) throws(WorkbookError) {
    let row = Array(String(rowCount).utf8)
    bytes.append(contentsOf: "<row r=\"".utf8)
    bytes.append(contentsOf: row)
    bytes.append(contentsOf: "\">".utf8)
    for (column, cell) in cells.enumerated() {
      let style: Int
      let type: String?
      switch cell {
      case .empty: continue
      case .number(let value, let index):
        guard value.isFinite else { throw .notFinite(value) }
        (style, type) = (index, nil)
      case .text(let text, let index):
        // Excel repairs (cuts) a workbook with a longer cell; refuse it instead.
        let length = text.utf16.count
        guard length <= Self.maxTextLength else { throw .textTooLong(length) }
        (style, type) = (index, "inlineStr")
      case .boolean(_, let index): (style, type) = (index, "b")
      }
      bytes.append(contentsOf: "<c r=\"".utf8)
      bytes.append(contentsOf: column < letters.count ? letters[column] : Self.columnName(column))
      bytes.append(contentsOf: row)
      bytes.append(UInt8(ascii: "\""))
      if style != 0 { bytes.append(contentsOf: " s=\"\(style)\"".utf8) }
      if let type { bytes.append(contentsOf: " t=\"\(type)\"".utf8) }
      bytes.append(UInt8(ascii: ">"))
      switch cell {
      case .number(let value, _):
        bytes.append(contentsOf: "<v>".utf8)
        bytes.append(contentsOf: Self.numberText(value).utf8)
        bytes.append(contentsOf: "</v>".utf8)
      case .text(let text, _):
        bytes.append(contentsOf: "<is><t xml:space=\"preserve\">".utf8)
        XMLText.append(text, into: &bytes)
        bytes.append(contentsOf: "</t></is>".utf8)
      case .boolean(let flag, _):
        bytes.append(contentsOf: flag ? "<v>1</v>".utf8 : "<v>0</v>".utf8)
      case .empty: break
      }
      bytes.append(contentsOf: "</c>".utf8)
    }
    bytes.append(contentsOf: "</row>".utf8)
  }

  /// The shortest text that reads back as `value`: `42`, `0.5742`, `1e-07`.
  static func numberText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return value.description
  }

  /// About how many characters a cell shows, for its column's width.
  private static func displayLength(_ cell: Cell) -> Int {
    switch cell {
    case .empty: 0
    case .text(let text, _): text.count
    case .boolean: 5
    // Grouping separators and a currency symbol or a percent sign.
    case .number(let value, _): numberText(value).count * 4 / 3 + 2
    }
  }
}

/// The XML namespaces of the parts.
enum Namespace {
  static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships"
  static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
  static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
  static let chart = "http://schemas.openxmlformats.org/drawingml/2006/chart"
  static let spreadsheetDrawing =
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
}
