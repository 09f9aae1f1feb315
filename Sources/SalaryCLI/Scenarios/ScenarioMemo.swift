import SalaryCSV
import Synchronization

/// The rows of each distinct scenario an `export` has projected, shared by its threads:
/// scenarios with the same options (a grid of places and experiences, a file of people
/// who differ only by name) are projected once, and later ones copy the rows with their
/// own name in front.
///
/// A scenario is known by the bytes of its row's cells other than the name (``key(of:
/// skipping:into:)``): the same cells give the same options, and a scenario's rows depend
/// only on its options and the run's (the command line's, the dataset, the year), never on
/// its name, so the copy is what projecting it again would give; `ExportPartsTests` holds
/// the two to each other. What is kept is every field after the name, encoded as the
/// output wants them: CSV bytes, or values for JSON lines and workbooks. Only rows that
/// were written are kept: a scenario that fails is projected, and fails with its own line
/// and name, every time.
///
/// Memory stays bounded: past ``byteLimit`` the memo forgets everything in one go, as
/// ``Markets`` does, and fills again with what the rest of the file asks for.
final class ScenarioMemo: Sendable {
  /// Every field of a scenario's rows after its name, row by row.
  enum Rows: Sendable {
    /// CSV fields encoded for the run's writer (see ``CSVRows``).
    case csv(CSVRows)
    /// Values, for JSON lines and workbooks.
    case values([[FieldValue]])

    /// About the bytes the rows take in memory, for the memo's limit.
    var byteCount: Int {
      switch self {
      case .csv(let rows): rows.bytes.count + 8 * rows.ends.count + 64
      case .values(let rows): rows.reduce(64) { $0 + 32 * $1.count + 64 }
      }
    }
  }

  /// Rows of CSV fields in one array, so that copying them touches one reference count:
  /// each row's bytes as a `CSVEncodedFields` holds them, one after another.
  struct CSVRows: Sendable {
    var bytes: [UInt8] = []
    /// Where each row's bytes end.
    var ends: [Int] = []
    /// The fields of each row (every row has the same columns).
    var fieldCount = 0
    /// The most bytes a row takes.
    var longest = 0

    /// The rows of `fields`, one a row.
    init(_ fields: [CSVEncodedFields]) {
      for row in fields {
        row.withUnsafeBytes { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
        precondition(fieldCount == 0 || row.count == fieldCount, "rows of the same columns")
        fieldCount = row.count
        longest = max(longest, row.byteCount)
      }
    }
  }

  /// The most bytes of rows kept at once.
  let byteLimit: Int
  private struct Known {
    var rows: [[UInt8]: Rows] = [:]
    var bytes = 0
  }
  private let known = Mutex(Known())

  init(byteLimit: Int) {
    precondition(byteLimit >= 0, "a limit of no bytes or more")
    self.byteLimit = byteLimit
  }

  /// Makes `key` the key of `record`: each cell but the one at `nameIndex`, its length
  /// then its bytes, so that no two different rows share one.
  static func key(
    of record: borrowing CSVRecordView, skipping nameIndex: Int, into key: inout [UInt8]
  ) {
    key.removeAll(keepingCapacity: true)
    for index in 0..<record.count where index != nameIndex {
      let bytes = record.bytes(at: index)
      var length = bytes.count
      // The length in 7-bit groups, low first, the last without its high bit.
      while length >= 0x80 {
        key.append(UInt8(truncatingIfNeeded: length) | 0x80)
        length >>= 7
      }
      key.append(UInt8(length))
      key.append(contentsOf: bytes)
    }
  }

  /// The rows kept for `key`, if any.
  func rows(for key: [UInt8]) -> Rows? {
    known.withLock { $0.rows[key] }
  }

  /// Keeps `rows` for `key`.
  func keep(_ rows: Rows, for key: [UInt8]) {
    let size = rows.byteCount + key.count + 64
    guard size <= byteLimit else { return }
    known.withLock { known in
      if known.bytes + size > byteLimit { known = Known() }
      if known.rows.updateValue(rows, forKey: key) == nil { known.bytes += size }
    }
  }
}
