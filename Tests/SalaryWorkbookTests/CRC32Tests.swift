import Testing

@testable import SalaryWorkbook

/// CRC-32 against the published check values of the ZIP polynomial.
@Suite struct CRC32Tests {
  @Test(arguments: [
    ("", 0x0000_0000 as UInt32),
    ("123456789", 0xCBF4_3926),
    ("a", 0xE8B7_BE43),
    ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
  ])
  func knownVectors(text: String, crc: UInt32) {
    #expect(CRC32.checksum(Array(text.utf8)) == crc)
  }

  @Test func chunksGiveTheSameChecksumAsTheWhole() {
    let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 3) }
    var crc = CRC32()
    var start = 0
    for size in [0, 1, 7, 100, 4_096, 5_796] {
      crc.update(bytes[start..<(start + size)])
      start += size
    }
    #expect(start == bytes.count)
    #expect(crc.value == CRC32.checksum(bytes))
  }
}
