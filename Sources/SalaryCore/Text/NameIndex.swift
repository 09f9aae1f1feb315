/// Looks entries up by any of their names, ignoring case and punctuation (``nameKey(_:)``),
/// and suggests the closest display names for a name it does not know.
///
///     let places = NameIndex([("austin", "Austin, TX", ["atx"])])
///     places.resolve("AUSTIN tx")   // "austin"
///     places.suggest("austn")       // ["Austin, TX"]
public struct NameIndex: Sendable {
  private var ids: [String: String] = [:]
  private var candidates: [(name: String, display: String)] = []

  /// Indexes entries by id, display name, the part of the display name before a comma
  /// ("Austin" of "Austin, TX") and aliases. The first entry to claim a name keeps it.
  public init(_ entries: [(id: String, display: String, aliases: [String])]) {
    for entry in entries {
      var names = [entry.id, entry.display] + entry.aliases
      if let comma = entry.display.firstIndex(of: ",") {
        names.append(String(entry.display[..<comma]))
      }
      for name in names {
        let key = nameKey(name)
        if ids[key] == nil { ids[key] = entry.id }
        candidates.append((name, entry.display))
      }
    }
  }

  /// The id of the entry named `name`, if any.
  public func resolve(_ name: String) -> String? { ids[nameKey(name)] }

  /// The display names of the entries whose names are closest to `name`, best first.
  public func suggest(_ name: String, limit: Int = 3) -> [String] {
    let matched = suggestions(
      for: nameKey(name), among: candidates.map { nameKey($0.name) }, limit: limit * 4)
    var displays: [String] = []
    for key in matched {
      if let candidate = candidates.first(where: { nameKey($0.name) == key }),
        !displays.contains(candidate.display)
      {
        displays.append(candidate.display)
      }
    }
    return Array(displays.prefix(limit))
  }
}
