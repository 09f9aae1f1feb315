import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The fields every estimate row starts with, written by one function for `estimate` in
/// every machine format and for each row of `estimate --batch` (whose fast path is held to
/// the same bytes by its tests).
enum EstimateRow {
  /// Appends the row number and name (a batch's), the experience asked and used, the
  /// level, location, specialization, source and currency, and `quantiles` (P10 to P90,
  /// in dollars) in the profile's currency.
  static func append<Fields: RecordFields & ~Copyable>(
    row: Int? = nil, name: String? = nil, profile: Profile, quantiles: [Double],
    to fields: inout Fields
  ) throws(CSVNumberError) {
    if let row {
      try fields.appendInteger(row)
      fields.appendText(name)
    }
    try fields.appendNumber(profile.experience, fractionDigits: 2)
    try fields.appendNumber(profile.market.heldExperience(profile.experience), fractionDigits: 2)
    fields.appendText(profile.level?.key)
    fields.appendText(profile.isRemote ? "remote" : profile.place?.id)
    fields.appendText(profile.specialization?.id)
    fields.appendText(profile.source)
    fields.appendText(profile.rate.currency.code)
    for quantile in quantiles { try fields.appendMoney(profile.rate.fromDollars(quantile)) }
  }
}
