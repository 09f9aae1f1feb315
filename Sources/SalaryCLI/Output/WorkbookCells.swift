import SalaryCSV
import SalaryWorkbook

/// How each ``FieldValue`` becomes a typed, formatted workbook cell: money a number in its
/// currency's format with grouping, a percent a percentage (57.42 becomes 0.5742 shown
/// `57.42%`), an integer a whole number, other numbers with their decimals, a flag a
/// boolean, text inline text (never a formula, so `=`, `007` and `1/2` stay as typed).
///
/// Numbers are rounded exactly as CSV and JSON round them, and refused where CSV refuses
/// them (NaN, infinities, magnitudes of 1e15 or more), so every format agrees to the digit.
struct WorkbookCells {
  private var money: [String: Int] = [:]
  private var decimals: [Int: Int] = [:]
  private var percents: [Int: Int] = [:]

  /// The cell for `value`; `currency` is the row's currency code, for money.
  ///
  /// - Throws: `CSVNumberError` for a number CSV could not write either.
  mutating func cell(_ value: FieldValue, currency: String, in book: inout WorkbookWriter)
    throws(CSVNumberError) -> Cell
  {
    switch value {
    case .text(let text): return .text(text)
    case .number(let number, let digits):
      let style = style(&decimals, digits, format: Self.decimalFormat(digits), in: &book)
      return .number(Double(try formatDecimal(number, maxFractionDigits: digits))!, style: style)
    case .amount(let number):
      let style = style(&money, currency, format: Self.moneyFormat(currency), in: &book)
      return .number(Double(try formatDecimal(number, maxFractionDigits: 0))!, style: style)
    case .percent(let number, let digits):
      let style = style(&percents, digits, format: Self.decimalFormat(digits) + "%", in: &book)
      let text = try formatDecimal(number, maxFractionDigits: digits)
      return .number(Double(Self.hundredths(text))!, style: style)
    case .integer(let number):
      let style = style(&decimals, 0, format: Self.decimalFormat(0), in: &book)
      return .number(Double(number), style: style)
    case .flag(let flag): return .boolean(flag)
    case .list(let items): return .text(items.joined(separator: "; "))
    case .none: return .empty
    }
  }

  /// The style index for `key`, registered with `format` the first time.
  private func style<Key: Hashable>(
    _ cache: inout [Key: Int], _ key: Key, format: String, in book: inout WorkbookWriter
  ) -> Int {
    if let index = cache[key] { return index }
    let index = book.style(CellStyle(numberFormat: format))
    cache[key] = index
    return index
  }

  /// `0` for no decimals, `0.00` for two.
  static func decimalFormat(_ digits: Int) -> String {
    digits <= 0 ? "0" : "0." + String(repeating: "0", count: digits)
  }

  /// Whole units with thousands grouped and the currency's symbol: `[$$-409]#,##0` for US
  /// dollars, `[$€-x-euro2] #,##0` for euros, `[$£-809]#,##0` for pounds, `#,##0 [$JPY]`
  /// (the code) for the others.
  static func moneyFormat(_ currency: String) -> String {
    switch currency {
    case "USD": "[$$-409]#,##0"
    case "EUR": "[$€-x-euro2] #,##0"
    case "GBP": "[$£-809]#,##0"
    default: "#,##0 [$\(currency)]"
    }
  }

  /// The decimal text divided by 100 by moving its point, so `57.42` is exactly the
  /// `Double` nearest 0.5742, not 57.42 / 100.
  static func hundredths(_ text: String) -> String {
    var digits = Substring(text)
    let negative = digits.first == "-"
    if negative { digits = digits.dropFirst() }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    var whole = String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    while whole.count < 3 { whole = "0" + whole }
    let moved = String(whole.dropLast(2)) + "." + String(whole.suffix(2)) + fraction
    return (negative ? "-" : "") + moved
  }
}
