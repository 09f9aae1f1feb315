/// The CRC-32 of ZIP (and gzip, PNG): the reflected polynomial `0xEDB88320`, initial value
/// and final XOR `0xFFFFFFFF`, computed a byte at a time over any number of chunks.
///
/// ```swift
/// var crc = CRC32()
/// crc.update(Array("123456789".utf8))
/// print(String(crc.value, radix: 16))  // cbf43926
/// ```
///
/// - Complexity: O(n) in the bytes given, with one table look-up each.
public struct CRC32: Sendable {
  /// The CRC of every byte given so far; 0 for none.
  public var value: UInt32 { ~state }

  private var state: UInt32 = 0xFFFF_FFFF

  /// A CRC of no bytes yet.
  public init() {}

  /// The CRC of `bytes` alone.
  public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  /// Adds `bytes` to the checksum.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var crc = state
    Self.table.withUnsafeBufferPointer { table in
      for byte in bytes {
        crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
      }
    }
    state = crc
  }

  /// Adds `bytes` to the checksum.
  public mutating func update(_ bytes: some Sequence<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(UnsafeRawBufferPointer(buffer))
    }
    if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
  }

  /// The remainder of each byte value, so that a byte costs one look-up rather than eight
  /// shifts.
  private static let table: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    return crc
  }
}
