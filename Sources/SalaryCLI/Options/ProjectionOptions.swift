import ArgumentParsing
import SalaryCore

/// A projection as its options describe it, every value read, checked and resolved; what
/// a command line and a scenario's row both decode into.
struct ProjectionOptions: Equatable {
  /// How pay is found: the guides' curves, or fixed raises from a salary.
  enum Mode: Equatable {
    /// On the curves, up `path`; `salary` (in the profile's currency) places the person.
    case curve(path: CareerPath, salary: Double?)
    /// Fixed raises from `salary` (in the profile's currency): `percents` into year 2, 3, …,
    /// the last holding for the years after.
    case raises(salary: Double, percents: [Double], promotions: [RaisePromotion])
  }

  var profile: ProfileOptions
  var mode: Mode
  var education: EducationPlan?
  /// The horizon, the calendar, the simulation, and the rates chosen (`nil`: the dataset's).
  var choices: ProjectionChoices

  /// Reads every projection option of `values`.
  ///
  /// - Throws: ``ValidationError`` for options that do not go together, and the
  ///   ``ParserError`` of a value that cannot be read, naming the option as typed.
  init(_ values: ParsedValues, model: PayModel, currentYear: Int) throws {
    typealias Arguments = ProjectionArguments
    let dataset = model.dataset
    let isRaiseMode = values.hasValue(Arguments.raise.key)
    if isRaiseMode {
      for key in [
        Arguments.path.key, Arguments.track.key, ProfileArguments.location.key,
        ProfileArguments.specialization.key, ProfileArguments.premium.key,
        ProfileArguments.source.key,
      ]
      where values.hasValue(key) {
        throw ValidationError(
          "--\(key) has no effect with --raise: fixed raises start from your --salary.")
      }
      guard values.hasValue(Arguments.salary.key) else {
        throw ValidationError("--raise needs --salary, the pay the raises start from.")
      }
    } else if values.hasValue(Arguments.promotion.key) {
      throw ValidationError("--promotion goes with --raise; on the ladder, use --path.")
    }
    education = try values.value(of: Arguments.education, in: dataset)
    if education != nil {
      for key in [
        ProfileArguments.experience.key, ProfileArguments.level.key, Arguments.salary.key,
      ]
      where values.hasValue(key) {
        throw ValidationError(
          "--\(key) does not go with --education: study starts from no experience and no pay.")
      }
    }
    let years = try values.value(of: Arguments.years)!
    let place = isRaiseMode ? nil : try values.value(of: ProfileArguments.location, in: model)
    // Without --experience or --level a career is planned from its start, as after study.
    profile = try ProfileOptions(values, model: model, place: place, defaultExperience: 0)
    profile.marketAtLevel = false
    let inflation = try values.value(of: Arguments.inflation)
    let discount = try values.value(of: Arguments.discount)
    choices = ProjectionChoices(
      years: years, startYear: try values.value(of: Arguments.startYear) ?? currentYear,
      paths: try values.value(of: Arguments.paths)!, seed: try values.value(of: Arguments.seed)!)
    choices.inflation = inflation
    choices.discount = discount
    if isRaiseMode {
      let percents = try values.value(of: Arguments.raise)!
      let salary = try values.value(of: Arguments.salary, in: profile.rate)!
      mode = .raises(
        salary: salary, percents: percents,
        promotions: try values.values(of: Arguments.promotion, in: years))
    } else {
      choices.drift = try values.value(of: Arguments.drift)
      choices.driftVolatility = try values.value(of: Arguments.driftVolatility)
      choices.persistence = try values.value(of: Arguments.persistence)
      choices.bandVolatility = try values.value(of: Arguments.bandVolatility)
      choices.promotionTiming = try values.value(of: Arguments.timing)
      let track = try values.value(of: Arguments.track)
      let path: CareerPath
      if let given = try values.value(
        of: Arguments.path,
        in: PathContext(
          dataset: dataset, start: profile.experience, startLevel: profile.level, horizon: years,
          track: track))
      {
        path = given
      } else {
        // By the promotion model's odds, from the level given or from those people with the
        // experience hold; a level only on the management track puts the career there.
        let level = profile.level
        let chosen = track ?? (level.map { !$0.isOn(.ic) } == true ? .management : .ic)
        if let level, !level.isOn(chosen) {
          throw ValidationError(
            "--level \(level.key) is not on the \(chosen == .ic ? "individual-contributor" : "management") track; "
              + "give a level of that track or --track \(chosen == .ic ? "management" : "ic").")
        }
        path = .modelled(track: chosen, from: level)
      }
      mode = .curve(path: path, salary: try values.value(of: Arguments.salary, in: profile.rate))
    }
  }

  /// Whether pay rises by fixed raises rather than along the curves.
  var isRaiseMode: Bool { if case .raises = mode { true } else { false } }
}
