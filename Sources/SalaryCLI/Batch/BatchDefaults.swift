import ArgumentParsing
import SalaryCore

/// The profile values given on the command line of `estimate --batch`, each read once: a
/// row's empty cell takes them.
struct BatchDefaults {
  var experience: Double?
  var level: Level?
  var place: ResolvedPlace?
  var specialization: Specialization?
  var premium: Premium?
  var selector: SourceSelector?
  var rate: ExchangeRate?
  var givenRates: [CurrencyCode: Double] = [:]

  init() {}

  /// Reads the profile options of `values`.
  init(_ values: ParsedValues, model: PayModel) throws {
    typealias Arguments = ProfileArguments
    if values.hasValue(Arguments.experience.key) && values.hasValue(Arguments.level.key) {
      throw ValidationError("Give --experience or --level, not both.")
    }
    experience = try values.value(of: Arguments.experience)
    level = try values.value(of: Arguments.level, in: model)
    place = try values.value(of: Arguments.location, in: model)
    specialization = try values.value(of: Arguments.specialization, in: model)
    premium = try values.value(of: Arguments.premium)
    selector = try values.value(of: Arguments.source, in: model)
    givenRates = try Arguments.givenRates(values, model.dataset)
    rate = try values.value(
      of: Arguments.currency, in: Arguments.CurrencyContext(model: model, given: givenRates))
  }
}
