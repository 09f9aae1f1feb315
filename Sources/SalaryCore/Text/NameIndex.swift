/// Looks entries up by any of their names, ignoring case and punctuation (``nameKey(_:)``).
///
///     let places = NameIndex([("austin", "Austin, TX", ["atx"])])
///     places.resolve("AUSTIN tx")   // "austin"
///     places.resolve("atx")         // "austin"
public struct NameIndex: Sendable {
  /// A name an entry can be found by, with the entry's id and display name.
  public struct Name: Sendable, Hashable {
    /// The name as the dataset spells it.
    public var name: String
    /// The id of the entry it names.
    public var id: String
    /// The entry's display name.
    public var display: String
  }

  /// Every name, in the order of the entries (id, display name, aliases, the display name
  /// before its comma): the candidates when a name is not found.
  public private(set) var names: [Name] = []
  /// The entry's id by the key of each name; the first entry to claim a key keeps it.
  private var ids: [String: String] = [:]

  /// Indexes entries by id, display name, the part of the display name before a comma
  /// ("Austin" of "Austin, TX") and aliases. The first entry to claim a name keeps it.
  public init(_ entries: [(id: String, display: String, aliases: [String])]) {
    self.init(entries, id: \.id, display: \.display, aliases: \.aliases)
  }

  /// Indexes entries of any type by the names `id`, `display` and `aliases` read; see
  /// ``init(_:)``.
  init<Entry>(
    _ entries: [Entry], id: (Entry) -> String, display: (Entry) -> String,
    aliases: (Entry) -> [String]
  ) {
    for entry in entries {
      let id = id(entry)
      let display = display(entry)
      add(id, id: id, display: display)
      add(display, id: id, display: display)
      for alias in aliases(entry) { add(alias, id: id, display: display) }
      if let comma = display.firstIndex(of: ",") {
        add(String(display[..<comma]), id: id, display: display)
      }
    }
  }

  private mutating func add(_ name: String, id: String, display: String) {
    names.append(Name(name: name, id: id, display: display))
    let key = nameKey(name)
    if ids[key] == nil { ids[key] = id }
  }

  /// The id of the entry named `name`, if any.
  public func resolve(_ name: String) -> String? {
    ids[nameKey(name)]
  }
}
