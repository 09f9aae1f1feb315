import SalaryCSV

/// Where one record's fields go, in order: a CSV encoder writing bytes in place, or a
/// ``FieldRecord`` collecting values for JSON lines and workbooks. A row is defined once,
/// generic over this, and every format writes the same fields.
protocol RecordFields: ~Copyable {
  mutating func appendText(_ text: String)
  mutating func appendEmpty()
  mutating func appendNumber(_ value: Double, fractionDigits: Int) throws(CSVNumberError)
  mutating func appendInteger(_ value: Int) throws(CSVNumberError)
  /// Money in whole units of the record's currency.
  mutating func appendMoney(_ value: Double) throws(CSVNumberError)
  /// A percent such as 57.42.
  mutating func appendPercent(_ value: Double, fractionDigits: Int) throws(CSVNumberError)
}

extension RecordFields where Self: ~Copyable {
  /// The text, or an empty field for nil.
  mutating func appendText(_ text: String?) {
    if let text { appendText(text) } else { appendEmpty() }
  }
}

/// CSV writes money and percents as plain numbers.
extension CSVRecordEncoder: RecordFields {
  public mutating func appendMoney(_ value: Double) throws(CSVNumberError) {
    try appendNumber(value, fractionDigits: 0)
  }

  public mutating func appendPercent(_ value: Double, fractionDigits: Int)
    throws(CSVNumberError)
  {
    try appendNumber(value, fractionDigits: fractionDigits)
  }
}

/// A record's fields as values, for the formats that need them whole.
struct FieldRecord: RecordFields {
  var values: [FieldValue] = []

  mutating func appendText(_ text: String) { values.append(.text(text)) }
  mutating func appendEmpty() { values.append(.none) }
  mutating func appendNumber(_ value: Double, fractionDigits: Int) throws(CSVNumberError) {
    _ = try formatDecimal(value, maxFractionDigits: fractionDigits)
    values.append(.number(value, fractionDigits: fractionDigits))
  }
  mutating func appendInteger(_ value: Int) throws(CSVNumberError) {
    values.append(.integer(value))
  }
  mutating func appendMoney(_ value: Double) throws(CSVNumberError) {
    // The same limits as CSV's, so every format accepts and refuses the same numbers.
    _ = try formatDecimal(value, maxFractionDigits: 0)
    values.append(.amount(value))
  }
  mutating func appendPercent(_ value: Double, fractionDigits: Int) throws(CSVNumberError) {
    _ = try formatDecimal(value, maxFractionDigits: fractionDigits)
    values.append(.percent(value, fractionDigits: fractionDigits))
  }
}
