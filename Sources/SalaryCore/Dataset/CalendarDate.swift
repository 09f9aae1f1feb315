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
    guard let fields = asciiDigitGroups(text, widths: [4, 2, 2]) else { return nil }
    self.init(year: fields[0], month: fields[1], day: fields[2])
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
    if let fields = asciiDigitGroups(text, widths: [4]) {
      guard (1...9999).contains(fields[0]) else { return nil }
      self.init(year: fields[0])
    } else if let fields = asciiDigitGroups(text, widths: [4, 2]) {
      guard (1...9999).contains(fields[0]), (1...12).contains(fields[1]) else { return nil }
      self.init(year: fields[0], month: fields[1])
    } else {
      return nil
    }
  }

  public var description: String {
    month.map { "\(year.zeroPadded(4))-\($0.zeroPadded(2))" } ?? year.zeroPadded(4)
  }

  public static func < (lhs: Period, rhs: Period) -> Bool {
    (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
  }
}

/// The numbers of `text` read as groups of ASCII digits of exactly `widths`, joined by
/// single hyphens (`[4, 2]` reads `2024-12`); `nil` for anything else.
///
/// Works on bytes: a date is ASCII, and reading it so costs a fraction of splitting its
/// characters (every dataset row has a period, and the dataset is read at every start).
private func asciiDigitGroups(_ text: String, widths: [Int]) -> [Int]? {
  var values: [Int] = []
  values.reserveCapacity(widths.count)
  var value = 0
  var length = 0
  for byte in text.utf8 {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      guard values.count < widths.count, length < widths[values.count] else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
      length += 1
    case UInt8(ascii: "-"):
      guard values.count + 1 < widths.count, length == widths[values.count] else { return nil }
      values.append(value)
      value = 0
      length = 0
    default:
      return nil
    }
  }
  guard values.count + 1 == widths.count, length == widths[values.count] else { return nil }
  values.append(value)
  return values
}

extension Int {
  func zeroPadded(_ width: Int) -> String {
    let digits = String(self)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
