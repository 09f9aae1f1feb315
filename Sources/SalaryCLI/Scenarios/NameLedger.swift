/// The names of a scenarios file, kept as 64-bit hashes in sorted runs, to find the names
/// used more than once in memory that grows by 8 bytes a scenario and no more: 16 MB for
/// two million scenarios, where a dictionary of the names took 85 MB.
///
/// Runs of a million hashes are sorted as they fill; ``repeated()`` merges them and keeps
/// every hash that appears twice. Two different names share a hash with odds of about
/// n²/2⁶⁵ (10⁻⁸ for a million names), and would be reported as one name used twice.
struct NameLedger {
  static let runLength = 1 << 20
  private var runs: [[UInt64]] = []
  private var current: [UInt64] = []

  mutating func add(_ name: String) { add(hash: fnv1a64(name)) }

  /// Adds a name by its hash, ``fnv1a64(_:)``.
  mutating func add(hash: UInt64) {
    current.append(hash)
    if current.count == Self.runLength {
      current.sort()
      runs.append(current)
      // Full room at once from the second run on: growing by doubling would copy the run
      // and hold both copies for a moment.
      current = []
      current.reserveCapacity(Self.runLength)
    }
  }

  /// The hashes that were added more than once.
  consuming func repeated() -> Set<UInt64> {
    current.sort()
    runs.append(current)
    current = []
    var heads = [Int](repeating: 0, count: runs.count)
    var repeated = Set<UInt64>()
    var last: UInt64?
    while true {
      // The smallest head of all runs; a run count grows by one a million names, so a
      // scan is as fast as a heap here.
      var smallest: (run: Int, hash: UInt64)?
      for run in runs.indices where heads[run] < runs[run].count {
        let hash = runs[run][heads[run]]
        if smallest == nil || hash < smallest!.hash { smallest = (run, hash) }
      }
      guard let (run, hash) = smallest else { return repeated }
      if hash == last { repeated.insert(hash) }
      last = hash
      heads[run] += 1
    }
  }
}
