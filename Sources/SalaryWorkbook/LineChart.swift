/// A native line chart of columns of a sheet: one line a series over the same categories
/// (years, say), as a DrawingML chart part that references the sheet's cells and carries
/// their values (the cache a reader shows before it recalculates).
///
/// ```swift
/// LineChart(
///   title: "Pay by year", categoryColumn: 5, categories: [2026, 2027], firstRow: 2,
///   series: [.init(column: 10, name: "p10", values: [80_000, 84_000])])
/// ```
public struct LineChart: Sendable {
  /// One line: a column of the sheet.
  public struct Series: Sendable {
    /// The column, 0 for A.
    public var column: Int
    /// The legend's name, which is also the header cell's text.
    public var name: String
    /// The column's values from ``LineChart/firstRow`` down, one a category.
    public var values: [Double]

    public init(column: Int, name: String, values: [Double]) {
      self.column = column
      self.name = name
      self.values = values
    }
  }

  public var title: String
  /// The column of the categories, 0 for A.
  public var categoryColumn: Int
  /// The categories' values, such as calendar years.
  public var categories: [Double]
  /// The sheet row (1 for the header) of the first point.
  public var firstRow: Int
  public var series: [Series]
  /// The value axis's number format, such as `#,##0`.
  public var valueFormat: String

  /// A chart; every series has a value for each category.
  public init(
    title: String, categoryColumn: Int, categories: [Double], firstRow: Int, series: [Series],
    valueFormat: String = "#,##0"
  ) {
    precondition(
      series.allSatisfy { $0.values.count == categories.count }, "a value for each category")
    precondition(firstRow >= 2 && !categories.isEmpty, "points below the header")
    self.title = title
    self.categoryColumn = categoryColumn
    self.categories = categories
    self.firstRow = firstRow
    self.series = series
    self.valueFormat = valueFormat
  }

  /// The chart part for a chart of the sheet named `sheet`.
  func xml(sheet: String) -> String {
    let lastRow = firstRow + categories.count - 1
    let quoted = "'" + sheet.replacingAll("'", with: "''") + "'"
    func range(_ column: Int) -> String {
      let letters = String(decoding: SheetWriter.columnName(column), as: UTF8.self)
      return XMLText.escaped("\(quoted)!$\(letters)$\(firstRow):$\(letters)$\(lastRow)")
    }
    func cache(_ values: [Double], format: String) -> String {
      var text = "<c:numCache><c:formatCode>\(XMLText.escaped(format))</c:formatCode>"
      text += "<c:ptCount val=\"\(values.count)\"/>"
      for (index, value) in values.enumerated() where value.isFinite {
        text += "<c:pt idx=\"\(index)\"><c:v>\(SheetWriter.numberText(value))</c:v></c:pt>"
      }
      return text + "</c:numCache>"
    }
    var text = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    text += "<c:chartSpace xmlns:c=\"\(Namespace.chart)\" xmlns:a=\"\(Namespace.drawing)\""
    text += " xmlns:r=\"\(Namespace.relationships)\"><c:roundedCorners val=\"0\"/><c:chart>"
    text += "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>\(XMLText.escaped(title))"
    text += "</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
    text += "<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:lineChart>"
    text += "<c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
    for (index, series) in series.enumerated() {
      let letters = String(decoding: SheetWriter.columnName(series.column), as: UTF8.self)
      text += "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
      text += "<c:tx><c:strRef><c:f>\(XMLText.escaped("\(quoted)!$\(letters)$1"))</c:f>"
      text += "<c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>"
      text += XMLText.escaped(series.name) + "</c:v></c:pt></c:strCache></c:strRef></c:tx>"
      text += "<c:marker><c:symbol val=\"none\"/></c:marker>"
      text += "<c:cat><c:numRef><c:f>\(range(categoryColumn))</c:f>"
      text += cache(categories, format: "0") + "</c:numRef></c:cat>"
      text += "<c:val><c:numRef><c:f>\(range(series.column))</c:f>"
      text += cache(series.values, format: valueFormat) + "</c:numRef></c:val>"
      text += "<c:smooth val=\"0\"/></c:ser>"
    }
    text += "<c:marker val=\"1\"/><c:axId val=\"100001\"/><c:axId val=\"100002\"/></c:lineChart>"
    text += "<c:catAx><c:axId val=\"100001\"/><c:scaling><c:orientation val=\"minMax\"/>"
    text += "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>"
    text += "<c:numFmt formatCode=\"0\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/>"
    text += "<c:crossAx val=\"100002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/>"
    text += "<c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>"
    text += "<c:valAx><c:axId val=\"100002\"/><c:scaling><c:orientation val=\"minMax\"/>"
    text += "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines/>"
    text += "<c:numFmt formatCode=\"\(XMLText.escaped(valueFormat))\" sourceLinked=\"0\"/>"
    text += "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"100001\"/>"
    text += "<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>"
    text += "</c:plotArea><c:legend><c:legendPos val=\"r\"/><c:overlay val=\"0\"/></c:legend>"
    text += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>"
    return text
  }
}

extension String {
  /// The string with every `target` replaced, without Foundation.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
