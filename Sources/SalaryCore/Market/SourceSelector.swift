/// A choice of which figures speak: one source's series, or one series alone.
///
/// Made by ``PayModel/selector(named:)`` from a source id (`cbt-nuggets`) or a series id
/// (`himalayas/levels`); its ``name`` is what was chosen, as it was written.
public struct SourceSelector: Sendable, Hashable, CustomStringConvertible {
  /// The source id or `source/series` id, as a user writes it.
  public let name: String

  fileprivate init(name: String) { self.name = name }

  public var description: String { name }

  /// Whether `curve` is among the selected figures.
  func selects(_ curve: SeriesCurve) -> Bool {
    curve.series.source == name || curve.series.description == name
  }
}

extension PayModel {
  /// The selector for a source id or a `source/series` id that has curves.
  ///
  ///     try model.selector(named: "himalayas/levels").name  // "himalayas/levels"
  ///
  /// - Throws: ``MarketError/unknownSource(_:)`` when no curve belongs to that name; the
  ///   names that would do are ``selectorNames``.
  public func selector(named name: String) throws(MarketError) -> SourceSelector {
    let selector = SourceSelector(name: name)
    guard curves.contains(where: selector.selects) else { throw .unknownSource(name) }
    return selector
  }

  /// The curves a selector picks: all of them for `nil`.
  public func curves(selectedBy selector: SourceSelector?) -> [SeriesCurve] {
    guard let selector else { return curves }
    return curves.filter(selector.selects)
  }

  /// Every name a selector accepts: source ids with curves, then series ids.
  public var selectorNames: [String] {
    uniqueInOrder(curves.map(\.series.source)) + curves.map(\.series.description)
  }

  /// The ids of the sources with curves, in the dataset's order.
  public var curveSources: [String] { uniqueInOrder(curves.map(\.series.source)) }
}
