// The floor of a streaming case: what reading the same input and writing the same output
// costs with no salary work, measured in the same run so a busy machine moves both.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `salary-bench --floor INPUT REFERENCE OUTPUT`: reads INPUT in 1 MiB blocks, finds each
/// line and parses its second field as a number (the experience, which `salary` reads
/// first), and writes the bytes of REFERENCE (the output `salary` wrote in the warm-up) to
/// a new file that takes OUTPUT's place by rename when complete, as `salary --out` does.
/// Internal; not in the help.
///
/// What it leaves out is the salary work: decoding the other fields, looking up places and
/// markets, the figures, formatting numbers. Copying REFERENCE reads it from the page
/// cache, which `salary` does not do, so the floor errs low by a memory copy, never high.
enum Floor {
  /// The flag that selects this mode; it must come first.
  static let flag = "--floor"

  /// Runs the mode for `arguments` (after the flag) and returns the exit status.
  static func main(_ arguments: [String]) -> Int32 {
    guard arguments.count == 3 else {
      writeError("salary-bench: \(flag) needs INPUT REFERENCE OUTPUT\n")
      return 64
    }
    do throws(BenchError) {
      consume(try run(input: arguments[0], reference: arguments[1], output: arguments[2]))
      return 0
    } catch {
      writeError(error.message + "\n")
      return 1
    }
  }

  /// Does the floor's work; returns the sum of the numbers parsed, so none of it is
  /// optimized away.
  static func run(input: String, reference: String, output: String) throws(BenchError)
    -> Double
  {
    let inputFile = try openForReading(input)
    defer { close(inputFile) }
    let referenceFile = try openForReading(reference)
    defer { close(referenceFile) }
    let temporary = output + ".floor"
    let outputFile = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard outputFile >= 0 else { throw BenchError.system("cannot create \(temporary)", errno) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var parser = SecondFieldSum()
    while true {
      let count = try readBlock(inputFile, into: &buffer, path: input)
      if count == 0 { break }
      parser.scan(buffer[0..<count])
    }
    while true {
      let count = try readBlock(referenceFile, into: &buffer, path: reference)
      if count == 0 { break }
      var written = 0
      while written < count {
        let result = buffer.withUnsafeBytes {
          write(outputFile, $0.baseAddress! + written, count - written)
        }
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else {
          let code = result == 0 ? EIO : errno  // a write of nothing sets no errno
          close(outputFile)
          unlink(temporary)
          throw BenchError.system("cannot write \(temporary)", code)
        }
        written += result
      }
    }
    guard close(outputFile) == 0, rename(temporary, output) == 0 else {
      let code = errno
      unlink(temporary)
      throw BenchError.system("cannot put \(output) in place", code)
    }
    parser.finish()
    return parser.sum
  }

  private static func openForReading(_ path: String) throws(BenchError) -> Int32 {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw BenchError.system("cannot read \(path)", errno) }
    return descriptor
  }

  private static func readBlock(_ descriptor: Int32, into buffer: inout [UInt8], path: String)
    throws(BenchError) -> Int
  {
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count >= 0 { return count }
      guard errno == EINTR else { throw BenchError.system("cannot read \(path)", errno) }
    }
  }
}

/// Sums the second comma-separated field of every line, as digits and a point, across
/// blocks that may split a line anywhere.
struct SecondFieldSum {
  private(set) var sum = 0.0
  private var field = 0
  private var value = 0.0
  private var scale = 0.0  // 0 before the point, then 0.1, 0.01, …

  /// Counts a last line that has no line feed.
  mutating func finish() {
    sum += value
    (field, value, scale) = (0, 0, 0)
  }

  /// Reads one block.
  mutating func scan(_ bytes: ArraySlice<UInt8>) {
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\n"):
        sum += value
        (field, value, scale) = (0, 0, 0)
      case UInt8(ascii: ","):
        field += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where field == 1:
        let digit = Double(byte &- UInt8(ascii: "0"))
        if scale == 0 {
          value = value * 10 + digit
        } else {
          value += digit * scale
          scale /= 10
        }
      case UInt8(ascii: ".") where field == 1:
        scale = 0.1
      default:
        break
      }
    }
  }
}

/// Keeps this process, and the children it spawns after, on one core: the first it may
/// use. `sched_setaffinity` is reached through the C library's symbol table, since Swift's
/// Glibc module leaves out the GNU functions.
///
/// - Throws: ``BenchError`` where the system has no such call or refuses it.
func pinToOneCore() throws(BenchError) {
  #if os(Linux)
    typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "sched_getaffinity"),
      let setter = dlsym(dlopen(nil, RTLD_NOW), "sched_setaffinity")
    else { throw BenchError.system("cannot pin to one core: no sched_setaffinity", ENOSYS) }
    let get = unsafeBitCast(symbol, to: Affinity.self)
    let set = unsafeBitCast(setter, to: Affinity.self)
    var mask = cpu_set_t()
    let size = MemoryLayout<cpu_set_t>.size
    let status = withUnsafeMutableBytes(of: &mask) { bytes -> Int32 in
      guard get(0, size, bytes.baseAddress!) == 0,
        let index = bytes.firstIndex(where: { $0 != 0 })
      else { return -1 }
      let lowest = bytes[index] & (0 &- bytes[index])  // the lowest allowed core
      for other in bytes.indices { bytes[other] = 0 }
      bytes[index] = lowest
      return set(0, size, bytes.baseAddress!)
    }
    guard status == 0 else { throw BenchError.system("cannot pin to one core", errno) }
  #else
    throw BenchError.system("cannot pin to one core on this system", ENOSYS)
  #endif
}
