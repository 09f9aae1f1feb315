/// The writer's field encodings on raw memory: what `CSVWriter` and `CSVRecordEncoder` write
/// for a text, a number and an integer, without building a `String` or an array per field.
///
/// Numbers follow the rules of `formatDecimal(_:maxFractionDigits:minFractionDigits:)` with
/// no minimum of decimals, with the same arithmetic (so the same rounding) as its careful
/// implementation, `DecimalDigits`; only the digits are produced differently, two at a time and
/// straight into the output. The tests hold the two to the same bytes over many random values.
@usableFromInline
enum FieldEncoding {
  /// The most bytes a number takes: a sign, then 15 digits and a separator (`-0.` and 15
  /// decimals at most: 15 significant digits in all, or 4 decimals where 3 are kept).
  @usableFromInline static let maxNumberLength = 18
  /// The room a number needs to be written: up to eight digits are stored at once, as one
  /// 8-byte word, so the bytes just after a number may be written over (with junk that the
  /// next field or the record's end replaces, or that lies past the record).
  @usableFromInline static let numberRoom = 26

  /// The most bytes the text encoding of `byteCount` bytes of UTF-8 takes: two quotes, the
  /// formula guard and every byte doubled (a quote).
  static func maxTextLength(_ byteCount: Int) -> Int { 2 * byteCount + 3 }

  private static let quote = UInt8(ascii: "\"")
  @inlinable static var limit: UInt64 { 1_000_000_000_000_000 }
  /// "00" to "99", so that digits are written in pairs. A static string needs no lazy
  /// initialization and no bounds check.
  @inlinable static var digitPairs: StaticString {
    """
    00010203040506070809101112131415161718192021222324252627282930313233343536373839\
    40414243444546474849505152535455565758596061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899
    """
  }

  /// Writes `utf8` as a text field: quoted, quotes doubled, with a leading `'` if it could start
  /// a formula. `output` must have room for `maxTextLength(utf8.count)` bytes.
  ///
  /// - Returns: The number of bytes written.
  static func writeText(_ utf8: UnsafeRawBufferPointer, to output: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    var cursor = output
    cursor.pointee = quote
    cursor += 1
    if couldStartFormula(utf8) {
      cursor.pointee = UInt8(ascii: "'")
      cursor += 1
    }
    for byte in utf8 {
      cursor.pointee = byte
      cursor += 1
      if byte == quote {
        cursor.pointee = quote
        cursor += 1
      }
    }
    cursor.pointee = quote
    cursor += 1
    return cursor - output
  }

  /// Whether text starting with these UTF-8 bytes could be taken for a formula: `=`, `+`,
  /// `-`, `@`, tab, CR, LF, or the full-width `＝`, `＋`, `－`, `＠`.
  static func couldStartFormula(_ utf8: UnsafeRawBufferPointer) -> Bool {
    guard let first = utf8.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
      UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
      return true
    case 0xEF:
      // U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠ are EF BC 9D, EF BC 8B, EF BC 8D, EF BC A0.
      guard utf8.count >= 3 && utf8[1] == 0xBC else { return false }
      return utf8[2] == 0x9D || utf8[2] == 0x8B || utf8[2] == 0x8D || utf8[2] == 0xA0
    default:
      return false
    }
  }

  /// Writes `value` with at most `fractionDigits` decimals (in `0...15`), by the rules of
  /// `formatDecimal` without a minimum of decimals. `output` must have room for
  /// `numberRoom` bytes; nothing is written when the number is refused.
  ///
  /// - Returns: The number of bytes written.
  /// - Throws: `CSVNumberError.notFinite` for NaN and infinity,
  ///   `CSVNumberError.magnitudeTooLarge` when the rounded magnitude is 1e15 or more.
  @inlinable @inline(__always)
  static func writeNumber(
    _ value: Double, fractionDigits: Int, decimalSeparator: UInt8,
    to output: UnsafeMutablePointer<UInt8>
  ) throws(CSVNumberError) -> Int {
    precondition((0...15).contains(fractionDigits), "fractionDigits must be in 0...15")
    guard value.isFinite else { throw .notFinite }
    let magnitude = value.magnitude
    guard magnitude < 1e15 else { throw .magnitudeTooLarge }

    // The arithmetic of DecimalDigits, step for step: scale by the decimals kept, round half
    // away from zero, split.
    let integerPart: UInt64
    var fraction: UInt64 = 0
    var fractionLength = 0
    let isZero: Bool
    if fractionDigits == 0 {
      let scaled = roundedHalfAwayFromZero(magnitude)
      guard scaled < limit else { throw .magnitudeTooLarge }
      integerPart = scaled
      isZero = scaled == 0
    } else {
      let whole = UInt64(truncatingFinite: magnitude)
      let kept = min(fractionDigits, 15 - (whole == 0 ? 0 : digitCount(whole)))
      let scale = powerOfTen(kept)
      let scaled = roundedHalfAwayFromZero(magnitude * Double(scale))
      if kept == 2 {
        // The usual case (money and years to the cent): a constant divisor is a multiply.
        integerPart = scaled / 100
      } else {
        integerPart = scaled / scale
      }
      // Rounding up can carry into a sixteenth digit: 999999999999999.5 becomes 1e15.
      guard integerPart < limit else { throw .magnitudeTooLarge }
      isZero = scaled == 0
      fraction = scaled &- integerPart &* scale
      fractionLength = kept
      while fractionLength > 0 && fraction % 10 == 0 {
        fraction /= 10
        fractionLength -= 1
      }
    }

    var cursor = output
    if value < 0 && !isZero {
      cursor.pointee = UInt8(ascii: "-")
      cursor += 1
    }
    cursor += writeDigits(integerPart, count: digitCount(integerPart), to: cursor)
    guard fractionLength > 0 else { return cursor - output }
    cursor.pointee = decimalSeparator
    cursor += 1
    cursor += writeDigits(fraction, count: fractionLength, to: cursor)
    if fractionLength == 3 {
      // Never exactly three decimals: German settings read `0.035` as 35.
      cursor.pointee = UInt8(ascii: "0")
      cursor += 1
    }
    return cursor - output
  }

  /// Writes `value` as an integer. `output` must have room for `numberRoom` bytes;
  /// nothing is written when the integer is refused.
  ///
  /// - Returns: The number of bytes written.
  /// - Throws: `CSVNumberError.magnitudeTooLarge` when the magnitude is 1e15 or more.
  @inlinable @inline(__always)
  static func writeInteger(_ value: Int, to output: UnsafeMutablePointer<UInt8>)
    throws(CSVNumberError) -> Int
  {
    guard value > -1_000_000_000_000_000 && value < 1_000_000_000_000_000 else {
      throw .magnitudeTooLarge
    }
    var cursor = output
    if value < 0 {
      cursor.pointee = UInt8(ascii: "-")
      cursor += 1
    }
    let magnitude = UInt64(value.magnitude)
    cursor += writeDigits(magnitude, count: digitCount(magnitude), to: cursor)
    return cursor - output
  }

  /// Rounds a non-negative number below 1e16 to the nearest integer, halves up, as
  /// `DecimalDigits` does (exact: below 2^53 a double's fractional part is representable).
  @inlinable @inline(__always)
  static func roundedHalfAwayFromZero(_ x: Double) -> UInt64 {
    let whole = UInt64(truncatingFinite: x)
    let fraction = x - Double(Int64(bitPattern: whole))
    // fraction >= 0.5, as the sign of a difference of bit patterns (which order non-negative
    // doubles as their values): which way a salary rounds is a coin toss, and a branch
    // predictor loses half of those.
    let half = (0.5 as Double).bitPattern
    return whole &+ ((half &- 1 &- fraction.bitPattern) >> 63)
  }

  /// The number of decimal digits of `value`, 1 for 0; `value` is below 10^16.
  @inlinable @inline(__always)
  static func digitCount(_ value: UInt64) -> Int {
    if value <= UInt64(UInt32.max) {
      // Without a branch (5 or 6 digits, for a salary, is as hard to predict as a coin): the
      // count from the bit length, corrected by a carry (Daniel Lemire, "Computing the number
      // of digits of an integer even faster", 2021).
      let log2 = 31 &- UInt32(truncatingIfNeeded: value | 1).leadingZeroBitCount
      return Int(truncatingIfNeeded: (value &+ digitCountTable(log2)) >> 32)
    }
    var count = 10
    var threshold: UInt64 = 10_000_000_000
    while value >= threshold && count < 16 {
      count += 1
      threshold &*= 10
    }
    return count
  }

  /// For a bit length of `log2 + 1`: 2^32 × (digits of the smallest such number), less the
  /// smallest number with a digit more when it has the same bit length.
  @inlinable @inline(__always)
  static func digitCountTable(_ log2: Int) -> UInt64 {
    digitCountEntries.withUnsafeBufferPointer { $0[log2] }
  }

  @usableFromInline static let digitCountEntries: [UInt64] = [
    4_294_967_296, 8_589_934_582, 8_589_934_582, 8_589_934_582, 12_884_901_788,
    12_884_901_788, 12_884_901_788, 17_179_868_184, 17_179_868_184, 17_179_868_184,
    21_474_826_480, 21_474_826_480, 21_474_826_480, 21_474_826_480, 25_769_703_776,
    25_769_703_776, 25_769_703_776, 30_063_771_072, 30_063_771_072, 30_063_771_072,
    34_349_738_368, 34_349_738_368, 34_349_738_368, 34_349_738_368, 38_554_705_664,
    38_554_705_664, 38_554_705_664, 41_949_672_960, 41_949_672_960, 41_949_672_960,
    42_949_672_960, 42_949_672_960,
  ]

  /// 10 to the power `exponent`, in `0...15`.
  @inlinable @inline(__always)
  static func powerOfTen(_ exponent: Int) -> UInt64 {
    var power: UInt64 = 1
    for _ in 0..<exponent { power &*= 10 }
    return power
  }

  /// Writes `value`, which is below 10^`count`, as `count` decimal digits, leading zeros
  /// included, and returns `count`. Up to eight digits are stored as one 8-byte word: `output`
  /// must have room for `max(count, 8)` bytes.
  @inlinable @inline(__always)
  static func writeDigits(
    _ value: UInt64, count: Int, to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    let pairs = UnsafeRawPointer(digitPairs.utf8Start)
    if count <= 8 {
      // Eight digits of value (below 10^count, so below 10^8), the first in the lowest byte;
      // the ones wanted are the last `count`.
      let low = UInt32(truncatingIfNeeded: value)
      let high = low / 10_000
      let rest = low &- high &* 10_000
      let a = high / 100
      let b = high &- a &* 100
      let c = rest / 100
      let d = rest &- c &* 100
      func pair(_ twoDigits: UInt32) -> UInt64 {
        UInt64(
          UInt16(
            littleEndian: pairs.loadUnaligned(fromByteOffset: Int(twoDigits) &* 2, as: UInt16.self))
        )
      }
      let word = pair(a) | pair(b) << 16 | pair(c) << 32 | pair(d) << 48
      let wanted = word >> (UInt64(8 &- count) &* 8)
      UnsafeMutableRawPointer(output).storeBytes(of: wanted.littleEndian, as: UInt64.self)
      return count
    }
    var position = count
    var remaining = value
    while position >= 2 {
      let quotient = remaining / 100
      let pair = Int(truncatingIfNeeded: remaining &- quotient &* 100) &* 2
      remaining = quotient
      position -= 2
      output[position] = pairs.load(fromByteOffset: pair, as: UInt8.self)
      output[position + 1] = pairs.load(fromByteOffset: pair + 1, as: UInt8.self)
    }
    if position == 1 {
      output[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
    }
    return count
  }
}

extension UInt64 {
  /// `value` rounded toward zero, for a finite `value` in `0..<2^63`: one conversion
  /// instruction, where `UInt64(_:)` also handles the upper half of the range.
  @inlinable @inline(__always)
  init(truncatingFinite value: Double) {
    self = UInt64(bitPattern: Int64(value))
  }
}
