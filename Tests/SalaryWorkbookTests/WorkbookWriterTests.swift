import Foundation
import Testing
import _TestSupport

@testable import SalaryWorkbook

/// Workbooks read back by Python: every part parses, every cell has the type, style and
/// value written, continuation sheets carry the header, charts reference their ranges.
@Suite struct WorkbookWriterTests {
  /// A workbook of `rows` under `header` on a sheet named `Rows`, read back.
  static func roundTrip(
    header: [String], rows: [[Cell]], rowLimit: Int = SheetWriter.maxRows,
    build: (inout WorkbookWriter, inout [UInt8]) throws -> Void = { _, _ in }
  ) throws -> WorkbookDump {
    var book = WorkbookWriter(rowLimit: rowLimit)
    var bytes: [UInt8] = []
    try book.startSheet("Rows", header: header, into: &bytes)
    for row in rows { try book.appendRow(row, into: &bytes) }
    try build(&book, &bytes)
    try book.finish(into: &bytes)
    return try WorkbookDump.read(ZipWriterTests.file(bytes, name: "book.xlsx"))
  }

  @Test func everyPartParsesAndTheHeaderIsBoldFrozenAndFiltered() throws {
    var book = WorkbookWriter()
    let money = book.style(CellStyle(numberFormat: "[$$-409]#,##0"))
    #expect(money == book.style(CellStyle(numberFormat: "[$$-409]#,##0")), "one index a style")
    let dump = try Self.roundTrip(
      header: ["name", "pay", "ok"],
      rows: [[.text("Ada"), .number(128_000, style: 2), .boolean(true)]]
    ) { book, _ in _ = book.style(CellStyle(numberFormat: "[$$-409]#,##0")) }
    #expect(dump.checks)
    #expect(
      Set(dump.names) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/worksheets/sheet1.xml",
      ])
    #expect(dump.sheetNames == ["Rows"])
    #expect(
      dump.firstSheet == [
        [
          .init(reference: "A1", type: "inlineStr", style: 1, value: "name"),
          .init(reference: "B1", type: "inlineStr", style: 1, value: "pay"),
          .init(reference: "C1", type: "inlineStr", style: 1, value: "ok"),
        ],
        [
          .init(reference: "A2", type: "inlineStr", style: 0, value: "Ada"),
          .init(reference: "B2", type: "n", style: 2, value: "128000"),
          .init(reference: "C2", type: "b", style: 0, value: "1"),
        ],
      ])
    #expect(dump.bold[1] && !dump.bold[0])
    #expect(dump.formats[2] == "[$$-409]#,##0")
    let sheet = dump.parts["xl/worksheets/sheet1.xml"]!
    #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft""#))
    #expect(sheet.contains(#"state="frozen""#))
    #expect(sheet.contains(#"<autoFilter ref="A1:C2"/>"#))
    #expect(dump.parts["xl/workbook.xml"]!.contains("'Rows'!$A$1:$C$2</definedName>"))
  }

  @Test func widthsFollowTheHeaderAndTheFirstRows() throws {
    let long = String(repeating: "x", count: 40)
    let dump = try Self.roundTrip(
      header: ["a", "a long header name"], rows: [[.text(long), .number(1)]])
    let sheet = dump.parts["xl/worksheets/sheet1.xml"]!
    #expect(sheet.contains(#"<col min="1" max="1" width="43" customWidth="1"/>"#))
    #expect(sheet.contains(#"<col min="2" max="2" width="21" customWidth="1"/>"#))
  }

  @Test func aFullSheetGoesOnInTheNextWithItsHeader() throws {
    let rows = (1...7).map { [Cell.number(Double($0)), .text("r\($0)")] }
    let dump = try Self.roundTrip(header: ["n", "t"], rows: rows, rowLimit: 3)
    #expect(dump.sheetNames == ["Rows", "Rows 2", "Rows 3", "Rows 4"])
    for name in dump.sheetNames {
      #expect(dump.sheets[name]![0].map(\.value) == ["n", "t"])
      #expect(dump.sheets[name]![0].allSatisfy { $0.style == 1 })
    }
    let values = dump.sheetNames.flatMap { dump.sheets[$0]!.dropFirst().map { $0[0].value } }
    #expect(values == (1...7).map(String.init))
    #expect(dump.sheets["Rows 4"]!.map { $0[0].reference } == ["A1", "A2"])
    #expect(dump.parts["xl/workbook.xml"]!.contains("'Rows 4'!$A$1:$B$2"))
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func aNumberNoCellHoldsIsRefused(value: Double) throws {
    var book = WorkbookWriter()
    var bytes: [UInt8] = []
    try book.startSheet("Rows", header: ["x"], into: &bytes)
    #expect(throws: WorkbookError.self) { try book.appendRow([.number(value)], into: &bytes) }
  }

  /// A cell holds 32,767 UTF-16 code units; a longer text is refused, not cut by Excel.
  @Test func textLongerThanACellHoldsIsRefused() throws {
    var book = WorkbookWriter()
    var bytes: [UInt8] = []
    try book.startSheet("Rows", header: ["x"], into: &bytes)
    try book.appendRow([.text(String(repeating: "L", count: 32_767))], into: &bytes)
    // 16,384 emoji are 32,768 UTF-16 units though only 16,384 characters.
    for text in [String(repeating: "L", count: 32_768), String(repeating: "😀", count: 16_384)] {
      #expect(throws: WorkbookError.textTooLong(32_768)) {
        try book.appendRow([.text(text)], into: &bytes)
      }
    }
  }

  /// A chart's title is not a cell: it gets the entities but not the cells' `_xHHHH_`.
  @Test func aChartTitleIsPlainText() throws {
    let title = "_x0041_ & <b> \u{1}"
    let dump = try Self.roundTrip(header: ["year", "p50"], rows: [[.number(2026), .number(1)]]) {
      book, _ in
      book.addChart(
        LineChart(
          title: title, categoryColumn: 0, categories: [2026], firstRow: 2,
          series: [.init(column: 1, name: "p50", values: [1])]))
    }
    let chart = dump.parts["xl/charts/chart1.xml"]!
    #expect(chart.contains("<a:t>_x0041_ &amp; &lt;b&gt; \u{FFFD}</a:t>"), "\(chart)")
  }

  @Test func textThatXMLForbidsOrWouldChangeComesBackAsWritten() throws {
    let texts = [
      "a\u{0}b", "\u{1}\u{8}\u{B}\u{C}\u{1F}", "line\r\nnext\rlast", "tab\there", "<&>\"'",
      "_x0041_ stays", "_X00e9_", "_x12_", "trailing ", " leading", "\u{FFFE}\u{FFFF}",
      "=HYPERLINK(\"x\")", "007", "1/2", "TRUE", "", "😀 東京 ü\u{301}",
    ]
    let dump = try Self.roundTrip(header: ["t"], rows: texts.map { [.text($0)] })
    #expect(dump.firstSheet.dropFirst().map { $0.first?.value ?? "" } == texts)
    #expect(dump.firstSheet.dropFirst().allSatisfy { $0.first?.type == "inlineStr" })
  }

  @Test func seededRandomCellsRoundTrip() throws {
    var random = SplitMix64(seed: 11)
    let pieces = [
      "a", "Z", " ", "ü", "東京", "😀", "\u{301}", "\"", "<", "&", "\r", "\n", "\t",
      "\u{1}", "_x0000_", "=", "'", "@", "0", "1.5",
    ]
    let edges: [Double] = [
      0, -0.0, 1, -1, 0.1, 1e-300, -1e-300, .leastNonzeroMagnitude, 1e300, -1e300,
      .greatestFiniteMagnitude,
      1e15, 1e15 + 1, 123_456_789_012_345_680, 0.57_42,
    ]
    var rows: [[Cell]] = []
    for _ in 0..<300 {
      var row: [Cell] = []
      for _ in 0..<6 {
        switch random.next() % 5 {
        case 0:
          var text = ""
          for _ in 0..<(random.next() % 6) {
            text += pieces[Int(random.next() % UInt64(pieces.count))]
          }
          row.append(.text(text))
        case 1: row.append(.number(edges[Int(random.next() % UInt64(edges.count))]))
        case 2: row.append(.number(Double(bitPattern: random.next()).finiteOrZero))
        case 3: row.append(.boolean(random.next() % 2 == 0))
        default: row.append(.empty)
        }
      }
      rows.append(row)
    }
    let dump = try Self.roundTrip(header: (0..<6).map { "c\($0)" }, rows: rows)
    for (index, (written, read)) in zip(rows, dump.firstSheet.dropFirst()).enumerated() {
      let present = written.enumerated().filter { $0.element != .empty }
      #expect(present.count == read.count, "row \(index + 2)")
      for ((column, cell), got) in zip(present, read) {
        #expect(
          got.reference == String(decoding: SheetWriter.columnName(column), as: UTF8.self)
            + String(index + 2))
        switch cell {
        case .number(let value, _):
          #expect(got.type == "n" && Double(got.value) == value, "row \(index + 2): \(value)")
        case .text(let text, _): #expect(got.type == "inlineStr" && got.value == text)
        case .boolean(let flag, _): #expect(got.type == "b" && got.value == (flag ? "1" : "0"))
        case .empty: Issue.record("an empty cell was written")
        }
      }
    }
  }

  @Test func aLineChartIsAChartPartAnchoredOnTheSheet() throws {
    let years = [2026.0, 2027, 2028]
    let rows = years.enumerated().map { index, year in
      [Cell.number(year), .number(100 + Double(index)), .number(200), .number(300)]
    }
    let dump = try Self.roundTrip(header: ["year", "p10", "p50", "p90"], rows: rows) { book, _ in
      book.addChart(
        LineChart(
          title: "Pay by year", categoryColumn: 0, categories: years, firstRow: 2,
          series: (1...3).map { column in
            .init(
              column: column, name: ["p10", "p50", "p90"][column - 1],
              values: rows.map { if case .number(let v, _) = $0[column] { v } else { 0 } })
          }))
    }
    #expect(dump.names.contains("xl/charts/chart1.xml"))
    #expect(dump.names.contains("xl/drawings/drawing1.xml"))
    let chart = dump.parts["xl/charts/chart1.xml"]!
    #expect(chart.components(separatedBy: "<c:ser>").count == 4)
    #expect(chart.contains("<c:f>'Rows'!$B$2:$B$4</c:f>"))
    #expect(chart.contains("<c:f>'Rows'!$D$2:$D$4</c:f>"))
    #expect(chart.contains("<c:f>'Rows'!$A$2:$A$4</c:f>"))
    #expect(chart.contains(#"<c:pt idx="2"><c:v>102</c:v></c:pt>"#))
    #expect(dump.parts["xl/worksheets/sheet1.xml"]!.contains(#"<drawing r:id="rId1"/>"#))
    #expect(
      dump.parts["xl/worksheets/_rels/sheet1.xml.rels"]!.contains(
        "Target=\"../drawings/drawing1.xml\""))
    #expect(dump.parts["[Content_Types].xml"]!.contains("/xl/charts/chart1.xml"))
  }
}

extension Double {
  /// The value, or 0 for NaN and the infinities.
  var finiteOrZero: Double { isFinite ? self : 0 }
}
