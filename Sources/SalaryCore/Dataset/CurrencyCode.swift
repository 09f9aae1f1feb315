/// An ISO 4217 currency code such as `USD`.
///
///     CurrencyCode("EUR")?.code  // "EUR"
///     CurrencyCode("eur")        // nil: codes are upper case
///     CurrencyCode("ABC")        // nil: not an ISO 4217 code
public struct CurrencyCode: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The three upper-case letters.
  public let code: String

  /// The code if it is an active ISO 4217 currency, otherwise `nil`.
  public init?(_ code: String) {
    guard CurrencyCode.isActive(code) else { return nil }
    self.code = code
  }

  /// Whether `code` is in ``active``, by binary search.
  ///
  /// Every pay row names its currency: comparing a few three-letter strings costs less
  /// than hashing one, and far less than setting up a set of 160 codes at each start.
  private static func isActive(_ code: String) -> Bool {
    let codes = active
    var low = 0
    var high = codes.count
    while low < high {
      let middle = (low + high) / 2
      if codes[middle] < code { low = middle + 1 } else { high = middle }
    }
    return low < codes.count && codes[low] == code
  }

  /// US dollars, the currency of the US figures every factor is measured against.
  public static let usd = CurrencyCode(uncheckedCode: "USD")

  private init(uncheckedCode: String) { self.code = uncheckedCode }

  public var description: String { code }

  public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.code < rhs.code }

  /// Active ISO 4217 alphabetic codes (list of 2025), excluding funds and precious metals,
  /// in increasing order (as ``isActive(_:)`` needs).
  static let active: [String] = [
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP",
    "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
  ]
}
