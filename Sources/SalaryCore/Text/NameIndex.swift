import Synchronization

/// Looks entries up by any of their names, ignoring case and punctuation (``nameKey(_:)``).
///
///     let places = NameIndex([("austin", "Austin, TX", ["atx"])])
///     places.resolve("AUSTIN tx")   // "austin"
///     places.resolve("atx")         // "austin"
///
/// The table of keys is made on the first look-up: a dataset has three indexes, and most
/// commands look names up in one of them or none. Safe to share between threads.
public final class NameIndex: Sendable {
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
  public let names: [Name]
  /// The entry's id by the key of each name, the first entry to claim a key keeping it;
  /// made when first needed.
  private let ids = Mutex<[String: String]?>(nil)

  /// Indexes entries by id, display name, the part of the display name before a comma
  /// ("Austin" of "Austin, TX") and aliases. The first entry to claim a name keeps it.
  public convenience init(_ entries: [(id: String, display: String, aliases: [String])]) {
    self.init(entries, id: \.id, display: \.display, aliases: \.aliases)
  }

  /// Indexes entries of any type by the names `id`, `display` and `aliases` read; see
  /// ``init(_:)``.
  init<Entry>(
    _ entries: [Entry], id: (Entry) -> String, display: (Entry) -> String,
    aliases: (Entry) -> [String]
  ) {
    var names: [Name] = []
    for entry in entries {
      let id = id(entry)
      let display = display(entry)
      names.append(Name(name: id, id: id, display: display))
      names.append(Name(name: display, id: id, display: display))
      for alias in aliases(entry) { names.append(Name(name: alias, id: id, display: display)) }
      // By byte: a comma is ASCII, so the part before it is cut at a character's edge.
      if let comma = display.utf8.firstIndex(of: UInt8(ascii: ",")) {
        names.append(Name(name: String(display[..<comma]), id: id, display: display))
      }
    }
    self.names = names
  }

  /// The id of the entry named `name`, if any.
  public func resolve(_ name: String) -> String? {
    let key = nameKey(name)
    return ids.withLock { ids in
      if ids == nil {
        var table: [String: String] = [:]
        table.reserveCapacity(names.count)
        for name in names {
          let key = nameKey(name.name)
          if table[key] == nil { table[key] = name.id }
        }
        ids = table
      }
      return ids![key]
    }
  }
}
