// The benchmark's inputs: CSV files made from a fixed seed, so every run of the bench, on
// any machine, measures the same bytes. Written here rather than taken from the tests'
// helpers, which are not part of a release build.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SplitMix64 (Steele, Lea and Flood, 2014): a small seedable generator whose sequence is
/// the same on every platform and every Swift version, unlike `SystemRandomNumberGenerator`.
struct SplitMix64 {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<count`; the modulo's bias (below 2⁻⁵⁰ for these counts) does not matter
  /// for a benchmark's mix, and fixing the method keeps the files the same.
  mutating func below(_ count: Int) -> Int {
    precondition(count > 0, "a positive count")
    return Int(next() % UInt64(count))
  }

  /// One of `choices`, each as likely as its weight.
  mutating func pick(_ choices: [(value: String, weight: Int)]) -> String {
    var roll = below(choices.reduce(0) { $0 + $1.weight })
    for choice in choices {
      if roll < choice.weight { return choice.value }
      roll -= choice.weight
    }
    preconditionFailure("weights are positive")
  }
}

/// The generated files.
enum Inputs {
  /// Places as people type them, about as often as a US-centred team would: national
  /// (empty), the hubs, remote, a few countries, and some names and aliases instead of ids,
  /// so name resolution is part of the work.
  static let locations: [(value: String, weight: Int)] = [
    ("", 18), ("austin", 10), ("seattle", 10), ("san-francisco", 7), ("new-york", 7),
    ("remote", 10), ("cincinnati", 5), ("denver", 5), ("atlanta", 4), ("germany", 5),
    ("united-kingdom", 4), ("canada", 4), ("netherlands", 2), ("poland", 2), ("brazil", 2),
    ("San Francisco", 2), ("nyc", 2), ("bay area", 1),
  ]

  /// Writes `count` profiles for `salary estimate --batch`: columns name, experience (0 to
  /// 30 years in tenths, whole years without a decimal) and location.
  ///
  ///     name,experience,location
  ///     p1,4.3,austin
  ///     p2,17,
  static func writeProfiles(count: Int, seed: UInt64 = 1, to path: String) throws(BenchError) {
    var random = SplitMix64(seed: seed)
    var file = try BufferedFile(path: path)
    file.append("name,experience,location\n")
    for index in 1...count {
      let tenths = random.below(301)
      file.append("p\(index),\(experienceText(tenths)),\(csvField(random.pick(locations)))\n")
      try file.flushIfFull()
    }
    try file.finish()
  }

  /// Writes `count` scenarios for `salary export`, each a ten-year projection (the default
  /// horizon), with the columns of `salary export --template` that people fill in most:
  ///
  /// - 75%: experience and location only, on the guides' curves;
  /// - 10%: a `path` of promotions that suits the experience (every one valid);
  /// - 8%: the management `track`;
  /// - 7%: `salary` and `raise`, the fixed-raise calculator (no location: it refuses one).
  ///
  /// A `salary` on the curves (its percentile followed) is left out, as in the template's
  /// examples: such a row runs a whole estimate first and costs about ten plain ones.
  static func writeScenarios(count: Int, seed: UInt64 = 2, to path: String) throws(BenchError) {
    var random = SplitMix64(seed: seed)
    var file = try BufferedFile(path: path)
    file.append("name,experience,location,salary,raise,path,track\n")
    for index in 1...count {
      let kind = random.below(100)
      let tenths = random.below(301)
      let location = csvField(random.pick(locations))
      let name = "s\(index)"
      switch kind {
      case 0..<75:
        file.append("\(name),\(experienceText(tenths)),\(location),,,,\n")
      case 75..<85:
        // Paths checked against the ladder: the first level must be above today's.
        let early = random.below(70)
        let path =
          early < 30 ? "\"mid@2,senior@5\"" : early < 50 ? "\"senior@2,staff@7\"" : "principal@4"
        file.append("\(name),\(experienceText(early)),\(location),,,\(path),\n")
      case 85..<93:
        file.append("\(name),\(experienceText(tenths)),\(location),,,,management\n")
      default:
        let salary = 40_000 + 1_000 * random.below(201)
        let raise = "\(1 + random.below(5)).\(random.below(10))%"
        file.append("\(name),,,\(salary),\(raise),,\n")
      }
      try file.flushIfFull()
    }
    try file.finish()
  }

  /// Tenths of a year as people write them: `4.3`, and `17` for a whole year.
  static func experienceText(_ tenths: Int) -> String {
    tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
  }

  /// A CSV field, quoted when it holds a space or a comma.
  static func csvField(_ text: String) -> String {
    text.contains(" ") || text.contains(",") ? "\"\(text)\"" : text
  }
}

/// A file written through a buffer of about a megabyte, so generating a million rows costs
/// a few dozen system calls.
struct BufferedFile {
  private let descriptor: Int32
  private let path: String
  private var buffer: [UInt8] = []

  /// Creates or truncates the file at `path`.
  init(path: String) throws(BenchError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw BenchError.system("cannot create \(path)", errno) }
    buffer.reserveCapacity(1 << 20 + 4_096)
  }

  /// Adds `text` to the buffer.
  mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

  /// Writes the buffer out once it holds a megabyte.
  mutating func flushIfFull() throws(BenchError) {
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Writes the buffer out and closes the file.
  mutating func finish() throws(BenchError) {
    try flush()
    guard close(descriptor) == 0 else {
      throw BenchError.system("cannot write \(path)", errno)
    }
  }

  private mutating func flush() throws(BenchError) {
    var written = 0
    while written < buffer.count {
      let result = buffer.withUnsafeBytes {
        write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else { throw BenchError.system("cannot write \(path)", errno) }
      written += result
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
