import ArgumentParsing
import SalaryCore

/// Money for people: whole units, grouped in thousands, with the currency's sign.
///
///     formatMoney(128_000, .usd)               // "$128,000"
///     formatMoney(6_000_000, CurrencyCode("JPY")!)  // "¥6,000,000"
///     formatMoney(-1_500.4, .usd)              // "-$1,500"
///
/// The option bounds and the core's guard keep every amount far below 10¹⁸; one beyond it
/// is written in exponent form (`$1.6e+21`) rather than stop the program.
func formatMoney(_ amount: Double, _ currency: CurrencyCode) -> String {
  precondition(amount.isFinite, "money is finite")
  let sign = amount < 0 && amount.rounded() != 0 ? "-" : ""
  guard abs(amount) < 1e18 else { return sign + currencySymbol(currency) + "\(abs(amount))" }
  let units = groupThousands(UInt64(abs(amount).rounded()))
  return sign + currencySymbol(currency) + units
}

/// `$` for dollars, `€` for euros, or the code and a space (`CHF `) for a currency without
/// a sign of its own here.
func currencySymbol(_ currency: CurrencyCode) -> String {
  currencySymbols[currency.code] ?? currency.code + " "
}

/// `128000` as `128,000`.
func groupThousands(_ value: UInt64) -> String {
  let digits = Array(String(value))
  var text = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
    text.append(digit)
  }
  return text
}

/// Signs for the currencies the guides use; any other currency is written by its code.
private let currencySymbols: [String: String] = [
  "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "SGD": "S$",
]
