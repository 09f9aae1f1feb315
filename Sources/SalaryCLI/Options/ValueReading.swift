import ArgumentParsing
import SalaryCore

/// How the kinds of value a person types are read: years, percents, amounts of money and
/// whole numbers, each with its bounds and the reason given when a value is out of them.
/// The options of every command, and the columns of scenario and profile files, read their
/// values here.
enum ValueReading {
  /// Years of experience, from 0 to 60.
  static func experience(_ raw: String) throws(InvalidValue) -> Double {
    guard let years = Double(raw.trimmingSpaces), years.isFinite, years >= 0, years <= 60 else {
      throw InvalidValue(reason: "experience is a number of years from 0 to 60")
    }
    return years
  }

  /// A percent written `12%` or `12`; `nil` if malformed or not finite.
  static func percent(_ text: String) -> Double? {
    let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let value = Double(digits.trimmingSpaces), value.isFinite else { return nil }
    return value
  }

  /// A percent above -100 and below 1,000, written 3.5% or 3.5.
  static func percentAbove100(_ raw: String) throws(InvalidValue) -> Double {
    guard let percent = percent(raw), percent > -100, percent < 1_000 else {
      throw InvalidValue(reason: "a percent above -100%, such as 3%")
    }
    return percent
  }

  /// `12%`, `12`, `-5%` or a range `5%..15%`, in percent; each above -100.
  static func premium(_ raw: String) throws(InvalidValue) -> Premium {
    let parts = raw.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2, let low = percent(parts[0]), let high = percent(parts.last!),
      low <= high
    else {
      throw InvalidValue(reason: "write a percent such as 12% or a range such as 5%..15%")
    }
    guard low > -100 else {
      throw InvalidValue(reason: "a premium must be above -100% (pay cannot fall to nothing)")
    }
    return Premium(low: low, high: high)
  }

  /// An amount above zero, such as `95000` or `95k` (see ``money(_:)``).
  static func positiveAmount(_ raw: String, example: String) throws(InvalidValue) -> Double {
    guard let amount = money(raw), amount > 0 else {
      throw InvalidValue(reason: "an amount above zero, such as \(example)")
    }
    return amount
  }

  /// An amount of zero or more, such as `20000` or `20k`.
  static func amount(_ raw: String) throws(InvalidValue) -> Double {
    guard let amount = money(raw), amount >= 0 else {
      throw InvalidValue(reason: "an amount of zero or more, such as 20000 or 20k")
    }
    return amount
  }

  /// A whole number within `range`, or `reason`.
  static func integer(_ raw: String, in range: ClosedRange<Int>, _ reason: String)
    throws(InvalidValue) -> Int
  {
    guard let value = Int(raw), range.contains(value) else { throw InvalidValue(reason: reason) }
    return value
  }

  /// A number within `range`.
  static func number(_ raw: String, in range: ClosedRange<Double>) throws(InvalidValue) -> Double {
    guard let value = Double(raw), value.isFinite, range.contains(value) else {
      throw InvalidValue(
        reason:
          "a number from \(range.lowerBound.compactNumber) to \(range.upperBound.compactNumber)")
    }
    return value
  }

  /// An amount a person types: `128000`, `128,000`, `$128,000`, `128k`, `1.5m`; `nil` if
  /// it is not one. Currency signs are ignored: amounts are in the command's currency.
  static func money(_ raw: String) -> Double? {
    var text = raw.trimmingSpaces.lowercased()
    for sign in ["$", "€", "£", "¥"] where text.hasPrefix(sign) { text.removeFirst() }
    text = String(text.filter { $0 != "," && $0 != "_" })
    var multiplier = 1.0
    if text.hasSuffix("k") {
      multiplier = 1_000
      text.removeLast()
    } else if text.hasSuffix("m") {
      multiplier = 1_000_000
      text.removeLast()
    }
    guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(text),
      value.isFinite
    else { return nil }
    let amount = value * multiplier
    return amount < 1e12 ? amount : nil
  }
}
