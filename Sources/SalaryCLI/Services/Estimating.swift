import ArgumentParsing
import SalaryCore

/// What `estimate`, `offer` and `project` share: a profile's market and its estimate, with
/// the method's errors said as the command line says them.
enum Estimating {
  /// The market of `spec`, from `markets`.
  ///
  /// - Throws: ``CommandFailure`` when the selection has no figure on a curve.
  static func market(_ spec: MarketSpec, _ markets: Markets) throws -> Market {
    do throws(MarketError) {
      return try markets.market(spec)
    } catch {
      throw failure(error, markets.model)
    }
  }

  /// The profile of `options` in its market, from `markets`.
  static func profile(_ options: ProfileOptions, _ markets: Markets) throws -> Profile {
    Profile(
      market: try market(options.spec, markets), experience: options.experience,
      level: options.level)
  }

  /// The profile of `options` in a market of its own: for a command that answers once.
  static func profile(_ options: ProfileOptions, _ model: PayModel) throws -> Profile {
    do throws(MarketError) {
      return Profile(
        market: try Market(model: model, spec: options.spec), experience: options.experience,
        level: options.level)
    } catch {
      throw failure(error, model)
    }
  }

  /// The estimate for a profile, as every command shows it.
  ///
  /// - Throws: ``CommandFailure`` where no guide covers the experience.
  static func report(_ profile: Profile) throws -> EstimateReport {
    do throws(MarketError) {
      let estimate = try profile.market.estimate(experience: profile.experience)
      return EstimateReport(profile: profile, estimate: estimate)
    } catch {
      throw failure(error, profile.market.model)
    }
  }

  /// Pay across the dataset's workforce in the profile's market.
  ///
  /// - Throws: ``CommandFailure`` when the dataset has no workforce, or the selection's
  ///   figures do not reach whole careers.
  static func workforceReport(_ profile: Profile) throws -> WorkforceReport {
    do throws(MarketError) {
      let mix = try ExperienceMix(dataset: profile.market.dataset)
      return WorkforceReport(profile: profile, estimate: try profile.market.estimate(across: mix))
    } catch {
      throw CommandFailure(
        "Cannot estimate pay across all experience: "
          + ResolutionText.reason(error, profile.market.model)
          + ". Give --experience or --level.")
    }
  }

  /// A method error met while answering, said as the command line says it.
  static func failure(_ error: MarketError, _ model: PayModel) -> CommandFailure {
    switch error {
    case .noSeriesCovers(let years):
      CommandFailure(
        "No guide covers \(years.compactNumber) years of experience in this selection.")
    case .noCurves:
      CommandFailure("No guide in this selection publishes pay by experience.")
    case .noFigureForLevel(let level):
      CommandFailure("No guide in this selection gives the pay of \(level.title).")
    default:
      CommandFailure(ResolutionText.reason(error, model))
    }
  }
}
