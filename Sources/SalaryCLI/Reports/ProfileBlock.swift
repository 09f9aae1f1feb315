import SalaryCSV
import SalaryCore

/// The `profile` member of every JSON answer about one profile (estimate, offer, project,
/// compare, and the workforce estimate): the same keys in the same order everywhere, null
/// where a key does not apply.
enum ProfileBlock {
  /// The block for `profile`, whose experience is given as `experience` (a number, or
  /// `"all"`) and, where an estimate was made at another one, `used`.
  static func json(_ profile: Profile, experience: JSONValue, used: JSONValue) -> JSONValue {
    .object([
      ("experience", experience),
      ("experience_used", used),
      ("level", profile.level.map { .string($0.key) } ?? .null),
      ("location", profile.place.map { .string($0.id) } ?? .null),
      ("remote", .bool(profile.isRemote)),
      ("specialization", profile.specialization.map { .string($0.id) } ?? .null),
      ("source", profile.source.map(JSONValue.string) ?? .null),
      ("currency", .string(profile.rate.currency.code)),
    ])
  }

  /// A number of years rounded as CSV rounds it.
  static func years(_ value: Double) throws(CSVNumberError) -> JSONValue {
    .number(Double(try formatDecimal(value, maxFractionDigits: 2))!)
  }
}
