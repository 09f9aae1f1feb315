/// One cell of a sheet: a number, inline text or a boolean, each with the index of its
/// style (``WorkbookWriter/style(_:)`` gives one; 0 is the default), or nothing.
public enum Cell: Equatable, Sendable {
  /// A number; written as the shortest decimal that reads back as the same `Double`.
  case number(Double, style: Int = 0)
  /// Text, written inline (`t="inlineStr"`): never a formula, whatever it starts with.
  case text(String, style: Int = 0)
  /// True or false (`t="b"`).
  case boolean(Bool, style: Int = 0)
  /// No cell at all.
  case empty
}
