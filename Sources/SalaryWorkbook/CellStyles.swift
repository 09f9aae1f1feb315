/// How a cell looks: its number format and whether its font is bold.
public struct CellStyle: Hashable, Sendable {
  /// An Excel number format code such as `0.00%` or `[$$-409]#,##0`; nil for General.
  public var numberFormat: String?
  public var isBold: Bool

  public init(numberFormat: String? = nil, isBold: Bool = false) {
    self.numberFormat = numberFormat
    self.isBold = isBold
  }
}

/// The styles part (`xl/styles.xml`): every ``CellStyle`` a workbook uses, each given the
/// index that cells name in their `s` attribute. Index 0 is the default, 1 the bold header.
struct CellStyles {
  private(set) var styles: [CellStyle] = [CellStyle(), CellStyle(isBold: true)]
  private var indices: [CellStyle: Int] = [CellStyle(): 0, CellStyle(isBold: true): 1]

  /// The index of `style`, added if new.
  mutating func index(of style: CellStyle) -> Int {
    if let index = indices[style] { return index }
    styles.append(style)
    indices[style] = styles.count - 1
    return styles.count - 1
  }

  /// The styles part. Custom number formats take ids from 164, as the format reserves
  /// lower ones for built-in formats.
  var xml: String {
    var formats: [String] = []
    for style in styles {
      if let format = style.numberFormat, !formats.contains(format) { formats.append(format) }
    }
    var text = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    text += "<styleSheet xmlns=\"\(Namespace.spreadsheet)\">"
    if !formats.isEmpty {
      text += "<numFmts count=\"\(formats.count)\">"
      for (index, format) in formats.enumerated() {
        text += "<numFmt numFmtId=\"\(164 + index)\" formatCode=\"\(XMLText.escaped(format))\"/>"
      }
      text += "</numFmts>"
    }
    text += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>"
    text += "</font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    text += "</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
    text += "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
    text += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>"
    text += "</borders><cellStyleXfs count=\"1\">"
    text += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    text += "<cellXfs count=\"\(styles.count)\">"
    for style in styles {
      let format = style.numberFormat.map { 164 + formats.firstIndex(of: $0)! } ?? 0
      text += "<xf numFmtId=\"\(format)\" fontId=\"\(style.isBold ? 1 : 0)\" fillId=\"0\""
      text += " borderId=\"0\" xfId=\"0\""
      if format != 0 { text += " applyNumberFormat=\"1\"" }
      if style.isBold { text += " applyFont=\"1\"" }
      text += "/>"
    }
    text += "</cellXfs><cellStyles count=\"1\">"
    text += "<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    return text
  }
}
