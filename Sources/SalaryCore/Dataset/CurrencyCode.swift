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
    guard let packed = CurrencyCode.packed(code),
      CurrencyCode.activePacked.contains(packed)
    else { return nil }
    self.code = code
  }

  /// Three upper-case ASCII letters as one number, or `nil` for anything else.
  ///
  /// Codes are looked up packed: every pay row names its currency, and hashing a packed
  /// code is cheaper than hashing a string, as building the set of packed codes is.
  private static func packed(_ code: String) -> UInt32? {
    var packed: UInt32 = 0
    var count = 0
    for byte in code.utf8 {
      guard count < 3, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
      packed = packed << 8 | UInt32(byte)
      count += 1
    }
    return count == 3 ? packed : nil
  }

  /// ``active``, packed.
  private static let activePacked = Set(active.map { packed($0)! })

  /// US dollars, the currency of the US figures every factor is measured against.
  public static let usd = CurrencyCode(uncheckedCode: "USD")

  private init(uncheckedCode: String) { self.code = uncheckedCode }

  public var description: String { code }

  public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.code < rhs.code }

  /// Active ISO 4217 alphabetic codes (list of 2025), excluding funds and precious metals.
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
