import ArgumentParsing
import SalaryCore

/// A projection ready to run, with what the report needs to explain it.
struct ProjectionRequest {
  var profile: Profile
  var rule: PayRule
  var education: EducationPlan?
  var settings: ProjectionSettings
  var rates: [DerivedRate]
  /// Where a salary given on the curves sits in its market.
  var position: SalaryPosition?
  var assumptions: [String]
  var isRaiseMode: Bool { if case .raises = rule { true } else { false } }

  /// The market of the curves, in curve mode.
  var market: Market? { if case .curve(let market, _, _, _, _) = rule { market } else { nil } }

  /// The career path of the curves, in curve mode.
  var path: CareerPath? { if case .curve(_, _, _, let path, _) = rule { path } else { nil } }
}

/// Turns projection options into a projection: the one service behind `project`, and behind
/// every scenario of `compare` and `export`. What it resolves (markets and their tables)
/// comes from `markets`, shared by every projection of a run.
struct Projecting {
  let markets: Markets

  /// The projection `options` describe, with its report.
  func report(_ options: ProjectionOptions) throws -> ProjectionReport {
    let profile = try Estimating.profile(options.profile, markets)
    do throws(ProjectionError) {
      switch options.mode {
      case .curve(let path, let salary):
        let career = try profile.market.projection(
          from: profile.experience, salary: salary.map { $0 * profile.rate.dollarsPerUnit },
          path: path, education: options.education, choices: options.choices)
        let request = ProjectionRequest(
          profile: profile, rule: career.rule, education: options.education,
          settings: career.plan.settings, rates: career.plan.rates, position: career.position,
          assumptions: profile.assumptions + career.assumptions)
        return ProjectionReport(request: request, projection: career.projection)
      case .raises(let salary, let percents, let promotions):
        let plan = try ProjectionPlan(
          options.choices, defaults: markets.model.projectionDefaults, onCurves: false,
          hasPromotions: false)
        let rule = PayRule.raises(
          salary: salary * profile.rate.dollarsPerUnit, raises: percents.map { $0 / 100 },
          promotions: promotions.map { ($0.afterYear, $0.percent) })
        let projection = try Projection.make(
          startExperience: profile.experience, rule: rule, education: options.education,
          settings: plan.settings)
        let request = ProjectionRequest(
          profile: profile, rule: rule, education: options.education, settings: plan.settings,
          rates: plan.rates, position: nil,
          assumptions: profile.assumptions + plan.assumptions)
        return ProjectionReport(request: request, projection: projection)
      }
    } catch {
      switch error {
      case .missingAssumption(let known):
        throw CommandFailure(
          "This dataset has no '\(known.rawValue)' assumption; give --\(Self.option(known)).")
      case .market(let error):
        throw Estimating.failure(error, markets.model)
      case .amountOutOfRange(let year):
        throw ValidationError(
          "The projection pays more than \(formatMoney(Projection.largestYearlyAmount, .usd)) "
            + "in year \(year): its raises or rates compound beyond any career. Give fewer "
            + "--years or smaller rates.")
      }
    }
  }

  /// The option that sets what `known` assumes.
  private static func option(_ known: Assumption.Known) -> String {
    typealias Arguments = ProjectionArguments
    switch known {
    case .inflation: return Arguments.inflation.key
    case .discountRate: return Arguments.discount.key
    case .marketDrift: return Arguments.drift.key
    case .driftVolatility: return Arguments.driftVolatility.key
    case .bandPersistence: return Arguments.persistence.key
    case .bandVolatility: return Arguments.bandVolatility.key
    default: return Arguments.timing.key
    }
  }
}
