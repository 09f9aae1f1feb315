/// A day in the proleptic Gregorian calendar, written and read as ISO 8601 `YYYY-MM-DD`.
///
///     CalendarDate(parsing: "2025-02-11")?.description  // "2025-02-11"
///     CalendarDate(parsing: "2025-02-30")               // nil: no such day
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, 1 through 9999.
  public var year: Int
  /// The month, 1 through 12.
  public var month: Int
  /// The day of the month, 1 through the month's length.
  public var day: Int

  /// Creates a date, or returns `nil` if the day does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`; anything else, or a day that does not exist, is `nil`.
  public init?(parsing text: String) {
    // Exactly `DDDD-DD-DD`.
    let fields = withDigits(text) { bytes, number -> (Int, Int, Int)? in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
        let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
      else { return nil }
      return (year, month, day)
    }
    guard let fields else { return nil }
    self.init(year: fields.0, month: fields.1, day: fields.2)
  }

  public var description: String {
    "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// The period a figure describes: a year (`2025`) or a month (`2024-12`).
///
///     Period(parsing: "2024-12")?.description  // "2024-12"
///     Period(parsing: "2024-13")               // nil
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// The month, when the figure describes one month rather than a whole year.
  public var month: Int?

  /// Creates a period; `month`, when given, must be 1 through 12.
  public init(year: Int, month: Int? = nil) {
    precondition((1...9999).contains(year), "year out of range")
    precondition(month.map { (1...12).contains($0) } ?? true, "month out of range")
    self.year = year
    self.month = month
  }

  /// Parses `YYYY` or `YYYY-MM`; anything else is `nil`.
  public init?(parsing text: String) {
    // Exactly `DDDD` or `DDDD-DD`.
    let fields = withDigits(text) { bytes, number -> (Int, Int?)? in
      if bytes.count == 4, let year = number(0..<4) { return (year, nil) }
      guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = number(0..<4),
        let month = number(5..<7)
      else { return nil }
      return (year, month)
    }
    guard let (year, month) = fields, (1...9999).contains(year) else { return nil }
    if let month {
      guard (1...12).contains(month) else { return nil }
      self.init(year: year, month: month)
    } else {
      self.init(year: year)
    }
  }

  public var description: String {
    month.map { "\(year.zeroPadded(4))-\($0.zeroPadded(2))" } ?? year.zeroPadded(4)
  }

  /// The middle of the period as a year with a fraction: 2025.5 for 2025, 2024.375 for
  /// 2024-05.
  public var middle: Double {
    month.map { Double(year) + (Double($0) - 0.5) / 12 } ?? Double(year) + 0.5
  }

  public static func < (lhs: Period, rhs: Period) -> Bool {
    (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
  }
}

/// Calls `body` with the UTF-8 bytes of `text`, and a reader of the number written in
/// ASCII digits at a range of them (`nil` unless every byte there is a digit).
///
/// Periods and dates are ASCII digits and hyphens at fixed places, so their bytes are read
/// at those places: a digit with a combining mark after it is not a digit.
private func withDigits<Result>(
  _ text: String, _ body: ([UInt8], (Range<Int>) -> Int?) -> Result?
) -> Result? {
  let bytes = Array(text.utf8)
  return body(bytes) { range in
    var value = 0
    for byte in bytes[range] {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}

extension Int {
  func zeroPadded(_ width: Int) -> String {
    let digits = String(self)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
