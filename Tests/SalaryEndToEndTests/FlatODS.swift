import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One cell as LibreOffice Calc read it, from the flat ODS that `soffice --convert-to fods`
/// writes: its type (`float`, `currency`, `percentage`, `string`, `boolean`, … or
/// `empty`), value, currency code, text and formula.
struct CalcCell: Equatable {
  var type: String
  var value: Double?
  var currency: String? = nil
  var text: String
  var formula: String? = nil
}

/// Reads the sheets and charts out of flat ODS, expanding repeated cells and dropping
/// empty trailing ones. A chart's own data table (inside `office:chart`) is not a sheet.
/// One reader for the CSV tests (the first sheet) and the workbook tests (every sheet).
final class FlatODSReader: NSObject, XMLParserDelegate {
  /// Each sheet's rows, by name.
  private(set) var sheets: [(name: String, rows: [[CalcCell]])] = []
  /// Each chart's series, as the ranges of their values (`Rows.K2:Rows.K11`).
  private(set) var chartSeries: [[String]] = []
  private var inChart = 0
  private var row: [CalcCell]?
  private var cell: CalcCell?
  private var repeats = 1
  private var paragraphs: [String]?
  /// Whether the parser is inside a `text:p`, whose characters are the cell's text.
  private var inParagraph = false

  /// Parses `data`; false if it is not well-formed XML.
  func parse(_ data: Data) -> Bool {
    let xml = XMLParser(data: data)
    xml.delegate = self
    xml.shouldProcessNamespaces = false
    return xml.parse()
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch name {
    case "office:chart": inChart += 1
    case "chart:chart": chartSeries.append([])
    case "chart:series":
      chartSeries[chartSeries.count - 1].append(attributes["chart:values-cell-range-address"] ?? "")
    case _ where inChart > 0: break
    case "table:table": sheets.append((attributes["table:name"] ?? "", []))
    case "table:table-row": row = []
    case "table:table-cell", "table:covered-table-cell":
      let boolean = attributes["office:boolean-value"].map { $0 == "true" ? "1" : "0" }
      cell = CalcCell(
        type: attributes["office:value-type"] ?? "empty",
        value: (attributes["office:value"] ?? boolean).flatMap(Double.init),
        currency: attributes["office:currency"], text: "",
        formula: attributes["table:formula"])
      repeats = Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1
      paragraphs = []
    case "text:p":
      paragraphs?.append("")
      inParagraph = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard inChart == 0, inParagraph, let last = paragraphs?.indices.last else { return }
    paragraphs![last] += string
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    switch name {
    case "office:chart": inChart -= 1
    case _ where inChart > 0: break
    case "text:p": inParagraph = false
    case "table:table-cell", "table:covered-table-cell":
      if var done = cell {
        done.text = (paragraphs ?? []).joined(separator: "\n")
        if done.type != "empty" || repeats < 1_000 {
          row?.append(contentsOf: Array(repeating: done, count: repeats))
        }
      }
      cell = nil
      paragraphs = nil
    case "table:table-row":
      if var done = row, !sheets.isEmpty {
        while done.last?.type == "empty" { done.removeLast() }
        if !done.isEmpty { sheets[sheets.count - 1].rows.append(done) }
      }
      row = nil
    default: break
    }
  }
}
