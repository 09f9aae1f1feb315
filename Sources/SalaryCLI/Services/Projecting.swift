import ArgumentParsing
import SalaryCore

/// A projection ready to run, with what the report needs to explain it.
struct ProjectionRequest {
  var profile: Profile
  var rule: PayRule
  var education: EducationPlan?
  var settings: ProjectionSettings
  var rates: [DerivedRate]
  /// The percentile a salary was at before it was kept within P1–P99, when it was.
  var clampedFrom: Double?
  var assumptions: [String]
  var isRaiseMode: Bool { if case .raises = rule { true } else { false } }

  /// The market of the curves, in curve mode.
  var market: Market? { if case .curve(let market, _, _, _) = rule { market } else { nil } }
}

/// Turns projection options into a projection: the one service behind `project`, and behind
/// every scenario of `compare` and `export`. What it resolves (markets and their tables)
/// comes from `markets`, shared by every projection of a run.
struct Projecting {
  let markets: Markets
  /// The dataset's defaults, worked out once.
  let defaults: ProjectionDefaults

  init(markets: Markets) {
    self.markets = markets
    self.defaults = ProjectionDefaults(dataset: markets.model.dataset)
  }

  var dataset: Dataset { markets.model.dataset }

  /// The projection `options` describe, with its report.
  func report(_ options: ProjectionOptions) throws -> ProjectionReport {
    let request = try request(options)
    let projection = Projection.make(
      startExperience: request.profile.experience, rule: request.rule,
      education: request.education, settings: request.settings)
    return ProjectionReport(request: request, projection: projection)
  }

  /// The request `options` describe: the market, the rule, the settings with each rate's
  /// derivation, and every assumption used.
  func request(_ options: ProjectionOptions) throws -> ProjectionRequest {
    let profile = try Estimating.profile(options.profile, markets)
    let plan: ProjectionPlan
    do throws(ProjectionError) {
      var hasPromotions = false
      if case .curve(let path, _) = options.mode { hasPromotions = !path.promotions.isEmpty }
      plan = try ProjectionPlan(
        options.choices, defaults: defaults, onCurves: !options.isRaiseMode,
        hasPromotions: hasPromotions)
    } catch {
      switch error {
      case .missingAssumption(let known):
        throw CommandFailure(
          "This dataset has no '\(known.rawValue)' assumption; give --\(Self.option(known)).")
      }
    }
    var assumptions = profile.assumptions + plan.assumptions
    let rule: PayRule
    var clampedFrom: Double?
    switch options.mode {
    case .raises(let salary, let percent, let promotions):
      rule = .raises(
        salary: salary * profile.rate.dollarsPerUnit, raise: percent / 100,
        promotions: promotions.map { ($0.afterYear, $0.percent) })
    case .curve(let path, let salary):
      var percentile = 0.5
      if let salary {
        let position: SalaryPosition
        do throws(MarketError) {
          position = try profile.market.position(
            ofSalary: salary * profile.rate.dollarsPerUnit, experience: profile.experience)
        } catch {
          throw Estimating.failure(error, markets.model)
        }
        percentile = position.percentile
        if position.isHeld { clampedFrom = position.found }
      } else {
        assumptions.append(Assumption.Known.unknownPosition.rawValue)
      }
      rule = .curve(
        market: profile.market, percentile: percentile, positionKnown: salary != nil, path: path)
    }
    if options.education != nil {
      assumptions.append(Assumption.Known.educationFigures.rawValue)
    }
    return ProjectionRequest(
      profile: profile, rule: rule, education: options.education, settings: plan.settings,
      rates: plan.rates, clampedFrom: clampedFrom, assumptions: assumptions)
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
