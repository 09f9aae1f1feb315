/// The small XML parts that make files in a ZIP a workbook: content types, relationships,
/// the workbook part listing the sheets, and the drawing that anchors charts on a sheet.
enum PackageParts {
  static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

  /// A relationships part: each target with its type's last word (`worksheet`, `styles`,
  /// `chart`, …), as `rId1`, `rId2`, … in order.
  static func relationships(_ targets: [(type: String, target: String)]) -> String {
    var text = header + "<Relationships xmlns=\"\(Namespace.packageRelationships)\">"
    for (index, (type, target)) in targets.enumerated() {
      text += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Namespace.relationships)/\(type)\""
      text += " Target=\"\(XMLText.escaped(target))\"/>"
    }
    return text + "</Relationships>"
  }

  /// `[Content_Types].xml`: what each part is.
  static func contentTypes(sheets: Int, drawings: Int, charts: Int) -> String {
    let office = "application/vnd.openxmlformats-officedocument"
    var text = header + "<Types xmlns=\"\(Namespace.contentTypes)\">"
    text += "<Default Extension=\"rels\" "
    text += "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    text += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    func override(_ part: String, _ type: String) {
      text += "<Override PartName=\"/\(part)\" ContentType=\"\(office).\(type)\"/>"
    }
    override("xl/workbook.xml", "spreadsheetml.sheet.main+xml")
    override("xl/styles.xml", "spreadsheetml.styles+xml")
    for sheet in 0..<sheets {
      override("xl/worksheets/sheet\(sheet + 1).xml", "spreadsheetml.worksheet+xml")
    }
    for drawing in 0..<drawings { override("xl/drawings/drawing\(drawing + 1).xml", "drawing+xml") }
    for chart in 0..<charts { override("xl/charts/chart\(chart + 1).xml", "drawingml.chart+xml") }
    return text + "</Types>"
  }

  /// The workbook part: the sheets in order, the first one open, and the hidden name that
  /// Excel keeps each filter's range in.
  static func workbook(_ sheets: [(name: String, filterRange: String?)]) -> String {
    var text = header + "<workbook xmlns=\"\(Namespace.spreadsheet)\""
    text += " xmlns:r=\"\(Namespace.relationships)\">"
    text += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    for (index, sheet) in sheets.enumerated() {
      text += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\""
      text += " r:id=\"rId\(index + 1)\"/>"
    }
    text += "</sheets>"
    let filters = sheets.enumerated().compactMap { index, sheet in
      sheet.filterRange.map { (index, sheet.name, $0) }
    }
    if !filters.isEmpty {
      text += "<definedNames>"
      for (index, name, range) in filters {
        let absolute = range.split(separator: ":").map { corner in
          let letters = corner.prefix { $0.isLetter }
          return "$\(letters)$\(corner.dropFirst(letters.count))"
        }.joined(separator: ":")
        let reference = "'\(name.replacingAll("'", with: "''"))'!\(absolute)"
        text += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\""
        text += " hidden=\"1\">\(XMLText.escaped(reference))</definedName>"
      }
      text += "</definedNames>"
    }
    return text + "</workbook>"
  }

  /// A drawing part holding `anchors`.
  static func drawing(_ anchors: [String]) -> String {
    header + "<xdr:wsDr xmlns:xdr=\"\(Namespace.spreadsheetDrawing)\""
      + " xmlns:a=\"\(Namespace.drawing)\">" + anchors.joined() + "</xdr:wsDr>"
  }

  /// A chart (the drawing's relationship `rId<chart>`) anchored from `column`, `row`
  /// (0-based), 9 columns wide and 20 rows high.
  static func anchor(chart: Int, column: Int, row: Int) -> String {
    func corner(_ name: String, _ column: Int, _ row: Int) -> String {
      "<xdr:\(name)><xdr:col>\(column)</xdr:col><xdr:colOff>0</xdr:colOff>"
        + "<xdr:row>\(row)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:\(name)>"
    }
    var text = "<xdr:twoCellAnchor>" + corner("from", column, row)
    text += corner("to", column + 9, row + 20)
    text += "<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr>"
    text += "<xdr:cNvPr id=\"\(chart + 1)\" name=\"Chart \(chart)\"/><xdr:cNvGraphicFramePr/>"
    text += "</xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/>"
    text += "</xdr:xfrm><a:graphic><a:graphicData uri=\"\(Namespace.chart)\">"
    text += "<c:chart xmlns:c=\"\(Namespace.chart)\" xmlns:r=\"\(Namespace.relationships)\""
    text += " r:id=\"rId\(chart)\"/></a:graphicData></a:graphic></xdr:graphicFrame>"
    return text + "<xdr:clientData/></xdr:twoCellAnchor>"
  }
}
