/// An Office Open XML workbook (`.xlsx`) written front to back into the caller's buffer:
/// sheets of typed cells streamed row by row, styles, line charts, and the package parts
/// that tie them together. Knows nothing of what the rows mean.
///
/// A sheet that reaches the row limit (1,048,576 rows, its header's included) goes on in a
/// new sheet named after it, `Rows 2`, `Rows 3`, …, each with the same header. Only the
/// rows being written are held, never the sheet: memory stays flat at any number of rows.
///
/// ```swift
/// var book = WorkbookWriter()
/// var bytes: [UInt8] = []
/// try book.startSheet("Rows", header: ["name", "pay"], into: &bytes)
/// let money = book.style(CellStyle(numberFormat: "[$$-409]#,##0"))
/// try book.appendRow([.text("Ada"), .number(128_000, style: money)], into: &bytes)
/// try book.finish(into: &bytes)  // bytes is now a complete .xlsx file
/// ```
public struct WorkbookWriter {
  /// One sheet as the workbook part lists it.
  private struct SheetEntry {
    var name: String
    var filterRange: String
    var hasFilter: Bool
  }

  /// The sheet being written.
  private struct OpenSheet {
    var writer: SheetWriter
    var header: [String]
    /// The name continuation sheets are named after.
    var baseName: String
    var charts: [LineChart] = []
  }

  private var zip = ZipWriter()
  private var styles = CellStyles()
  private var sheets: [SheetEntry] = []
  private var open: OpenSheet?
  /// One row's XML on its way into the sheet's entry, reused.
  private var scratch: [UInt8] = []
  /// How many charts and drawings have been written, for their part names.
  private var chartCount = 0
  private var drawingCount = 0
  /// The rows a sheet takes: the format's limit, or fewer for a test.
  let rowLimit: Int

  /// An empty workbook.
  public init() { self.init(rowLimit: SheetWriter.maxRows) }

  /// An empty workbook whose sheets take at most `rowLimit` rows, so continuation sheets
  /// can be tested cheaply; `zipLimit` likewise for the container's size.
  init(rowLimit: Int, zipLimit: UInt64 = UInt64(UInt32.max)) {
    self.rowLimit = rowLimit
    zip = ZipWriter(limit: zipLimit)
  }

  /// The index of `style` for cells' `style:`; the same style gives the same index.
  public mutating func style(_ style: CellStyle) -> Int { styles.index(of: style) }

  /// The name of the sheet being written, if one is.
  public var sheetName: String? { open.map { _ in sheets[sheets.count - 1].name } }

  /// The sheet row of the last row written (1 for the header), if a sheet is open.
  public var rowNumber: Int? { open?.writer.rowCount }

  /// Starts a sheet with a bold, frozen, filtered header row.
  ///
  /// - Precondition: No sheet is open; `name` is a sheet name (1 to 31 characters, none of
  ///   `[]:*?/\`) not used yet.
  public mutating func startSheet(_ name: String, header: [String], into bytes: inout [UInt8])
    throws(WorkbookError)
  {
    try startSheet(name, baseName: name, header: header, into: &bytes)
  }

  private mutating func startSheet(
    _ name: String, baseName: String, header: [String], into bytes: inout [UInt8]
  ) throws(WorkbookError) {
    precondition(open == nil, "finish the open sheet first")
    precondition(
      !name.isEmpty && name.count <= 31 && !name.contains(where: "[]:*?/\\".contains)
        && !sheets.contains { $0.name == name }, "a new sheet name")
    let writer = try SheetWriter(
      header: header, headerStyle: 1, isSelected: sheets.isEmpty, rowLimit: rowLimit)
    sheets.append(SheetEntry(name: name, filterRange: "", hasFilter: !header.isEmpty))
    do {
      try zip.startEntry("xl/worksheets/sheet\(sheets.count).xml", into: &bytes)
    } catch {
      throw .zip(error)
    }
    open = OpenSheet(writer: writer, header: header, baseName: baseName)
  }

  /// Appends a row to the open sheet, or to a new sheet after it when it is full.
  ///
  /// - Throws: ``WorkbookError`` for a number a cell cannot hold or a container past
  ///   its limits.
  public mutating func appendRow(_ cells: [Cell], into bytes: inout [UInt8])
    throws(WorkbookError)
  {
    precondition(open != nil, "start a sheet first")
    if open!.writer.isFull {
      let (base, header) = (open!.baseName, open!.header)
      try finishSheet(into: &bytes)
      var number = 2
      while sheets.contains(where: { $0.name == "\(base) \(number)" }) { number += 1 }
      try startSheet("\(base) \(number)", baseName: base, header: header, into: &bytes)
    }
    scratch.removeAll(keepingCapacity: true)
    try open!.writer.appendRow(cells, into: &scratch)
    do { try zip.write(scratch, into: &bytes) } catch { throw .zip(error) }
  }

  /// Puts `chart` on the open sheet, below the charts before it and right of the columns;
  /// its ranges are the open sheet's.
  public mutating func addChart(_ chart: LineChart) {
    precondition(open != nil, "start a sheet first")
    open!.charts.append(chart)
  }

  /// Ends the open sheet, and writes its drawing and charts if it has any.
  public mutating func finishSheet(into bytes: inout [UInt8]) throws(WorkbookError) {
    precondition(open != nil, "start a sheet first")
    var sheet = open!
    open = nil
    var chunk: [UInt8] = []
    sheet.writer.finish(hasDrawing: !sheet.charts.isEmpty, into: &chunk)
    sheets[sheets.count - 1].filterRange = sheet.writer.filterRange
    do {
      try zip.write(chunk, into: &bytes)
      try zip.finishEntry(into: &bytes)
      guard !sheet.charts.isEmpty else { return }
      drawingCount += 1
      let drawing = "drawing\(drawingCount).xml"
      let sheetName = sheets[sheets.count - 1].name
      try addPart(
        "xl/worksheets/_rels/sheet\(sheets.count).xml.rels",
        PackageParts.relationships([("drawing", "../drawings/\(drawing)")]), into: &bytes)
      var anchors: [String] = []
      var links: [(String, String)] = []
      for (index, chart) in sheet.charts.enumerated() {
        chartCount += 1
        try addPart("xl/charts/chart\(chartCount).xml", chart.xml(sheet: sheetName), into: &bytes)
        links.append(("chart", "../charts/chart\(chartCount).xml"))
        anchors.append(
          PackageParts.anchor(
            chart: index + 1, column: sheet.writer.columnCount + 1, row: 1 + index * 22))
      }
      try addPart("xl/drawings/\(drawing)", PackageParts.drawing(anchors), into: &bytes)
      try addPart(
        "xl/drawings/_rels/\(drawing).rels", PackageParts.relationships(links), into: &bytes)
    } catch {
      throw .zip(error)
    }
  }

  /// Ends the open sheet, if any, and writes the workbook, styles and package parts and
  /// the ZIP directory: the bytes are a complete workbook.
  public mutating func finish(into bytes: inout [UInt8]) throws(WorkbookError) {
    if open != nil { try finishSheet(into: &bytes) }
    precondition(!sheets.isEmpty, "a workbook has a sheet")
    do {
      try addPart(
        "xl/workbook.xml",
        PackageParts.workbook(sheets.map { ($0.name, $0.hasFilter ? $0.filterRange : nil) }),
        into: &bytes)
      try addPart(
        "xl/_rels/workbook.xml.rels",
        PackageParts.relationships(
          sheets.indices.map { ("worksheet", "worksheets/sheet\($0 + 1).xml") }
            + [("styles", "styles.xml")]), into: &bytes)
      try addPart("xl/styles.xml", styles.xml, into: &bytes)
      try addPart(
        "_rels/.rels", PackageParts.relationships([("officeDocument", "xl/workbook.xml")]),
        into: &bytes)
      try addPart(
        "[Content_Types].xml",
        PackageParts.contentTypes(sheets: sheets.count, drawings: drawingCount, charts: chartCount),
        into: &bytes)
      try zip.finish(into: &bytes)
    } catch {
      throw .zip(error)
    }
  }

  /// Adds a whole part.
  private mutating func addPart(_ name: String, _ xml: String, into bytes: inout [UInt8])
    throws(ZipError)
  {
    try zip.addEntry(name, contents: Array(xml.utf8), into: &bytes)
  }
}
