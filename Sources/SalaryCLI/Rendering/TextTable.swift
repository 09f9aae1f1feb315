import ArgumentParsing

/// A table for people: a header, a rule, aligned columns, two spaces between them,
/// fitted to a width by wrapping the columns that may wrap.
///
///     Level    Years  US median
///     -------  -----  ---------
///     Junior   0–2      $70,000
struct TextTable {
  /// One column's title and layout.
  struct Column {
    enum Alignment { case left, right }

    var title: String
    var alignment: Alignment = .left
    /// Whether the column may be narrowed by wrapping its cells (text), or must keep
    /// its natural width (numbers, money, short codes).
    var wraps = false
    /// The narrowest a wrapping column may become.
    var minimumWidth = 8
  }

  var columns: [Column]
  var rows: [[String]]

  static let gap = "  "

  /// The table as lines of at most `width` columns where wrapping allows, each ending
  /// in a line break. Trailing spaces are trimmed.
  func rendered(width: Int) -> String {
    precondition(rows.allSatisfy { $0.count == columns.count }, "every row has every column")
    let rows = rows.map { $0.map(\.withPlainLineBreaks) }
    var widths = columns.indices.map { index in
      max(
        displayWidth(columns[index].title),
        rows.map { row in row[index].pieces(at: "\n").map(displayWidth).max() ?? 0 }.max()
          ?? 0)
    }
    fit(&widths, into: width)

    var output = ""
    func emit(_ cells: [String]) {
      let wrapped = cells.indices.map { index in
        columns[index].wraps ? wrap(cells[index], width: widths[index]) : lines(of: cells[index])
      }
      let height = wrapped.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        var line = ""
        for index in columns.indices {
          let text = lineIndex < wrapped[index].count ? wrapped[index][lineIndex] : ""
          let padding = String(repeating: " ", count: max(0, widths[index] - displayWidth(text)))
          if index > 0 { line += Self.gap }
          line += columns[index].alignment == .right ? padding + text : text + padding
        }
        output += trimmingTrailingSpaces(line) + "\n"
      }
    }
    emit(columns.map(\.title))
    output +=
      columns.indices.map { String(repeating: "-", count: widths[$0]) }.joined(separator: Self.gap)
      + "\n"
    for row in rows { emit(row) }
    return output
  }

  /// Narrows the widest wrapping columns, one column at a time, until the table fits or
  /// every wrapping column is at its minimum.
  private func fit(_ widths: inout [Int], into width: Int) {
    func total() -> Int { widths.reduce(0, +) + Self.gap.count * max(0, widths.count - 1) }
    while total() > width {
      let candidates = columns.indices.filter {
        columns[$0].wraps
          && widths[$0] > max(columns[$0].minimumWidth, displayWidth(columns[$0].title))
      }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
      widths[widest] -= 1
    }
  }

  private func lines(of cell: String) -> [String] {
    cell.pieces(at: "\n", omittingEmpty: false).map(String.init)
  }

  private func trimmingTrailingSpaces(_ line: String) -> String {
    // An ASCII line's last byte is its last character; others are trimmed by character.
    if line.utf8.allSatisfy({ $0 < 0x80 }) {
      let utf8 = line.utf8
      var end = utf8.endIndex
      while end != utf8.startIndex && utf8[utf8.index(before: end)] == UInt8(ascii: " ") {
        end = utf8.index(before: end)
      }
      return end == utf8.endIndex ? line : String(line[..<end])
    }
    var line = Substring(line)
    while line.last == " " { line = line.dropLast() }
    return String(line)
  }
}
