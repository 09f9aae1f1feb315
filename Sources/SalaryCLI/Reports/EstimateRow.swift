import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The CSV columns every estimate row starts with, written by one function for
/// `estimate --format csv` and for each row of `estimate --batch` (whose fast path is held
/// to the same bytes by its tests).
enum EstimateRow {
  /// Appends the row number and name (a batch's), the experience asked and used, the
  /// level, location, specialization, source and currency, and `quantiles` (P10 to P90,
  /// in dollars) in the profile's currency.
  static func append(
    row: Int? = nil, name: String? = nil, profile: Profile, quantiles: [Double],
    to writer: inout CSVWriter, _ bytes: inout [UInt8]
  ) throws {
    func text(_ value: String?) {
      if let value {
        writer.appendText(value, into: &bytes)
      } else {
        writer.appendEmpty(into: &bytes)
      }
    }
    if let row {
      try writer.appendInteger(row, into: &bytes)
      text(name)
    }
    try writer.appendNumber(profile.experience, fractionDigits: 2, into: &bytes)
    try writer.appendNumber(
      profile.market.heldExperience(profile.experience), fractionDigits: 2, into: &bytes)
    text(profile.level?.key)
    text(profile.isRemote ? "remote" : profile.place?.id)
    text(profile.specialization?.id)
    text(profile.source)
    text(profile.rate.currency.code)
    for quantile in quantiles {
      try writer.appendNumber(profile.rate.fromDollars(quantile), fractionDigits: 0, into: &bytes)
    }
  }
}
