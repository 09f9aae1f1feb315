/// Whether a dataset can answer what the commands ask of it, and if not, why: the second
/// half of checking a dataset, after its files are read and each row is valid.
///
/// A dataset whose rows are each valid can still answer nothing: a `pay.csv` with only its
/// header, only figures that are not by experience (the BLS percentiles), or figures that
/// start at 20 years, so that a beginner's estimate would read 20 years' pay. The check
/// makes what `estimate`, `offer` and `project` make, at every whole experience from 0 to
/// ``checkedExperience``, at every level of the ladder and in every place with figures, and
/// reports each way one of them would fail, naming the figure, level or place to blame so
/// that a caller who knows the files can point at the row.
public enum Usability {
  /// The experiences checked run from 0 to this many years.
  public static let checkedExperience = 30

  /// One reason a command would fail or mislead.
  public enum Problem: Sendable, Equatable {
    /// No figure gives pay by experience or by level: nothing to estimate from.
    case noCurves
    /// The figures by experience start at `spanStart` years, after 0, so an estimate for
    /// fewer years would read the pay of `heldAt` years, where the first of them speaks
    /// fully. `figureIDs` are the figures of the series that start there.
    case startsLate(spanStart: Double, heldAt: Double, figureIDs: [String])
    /// No series speaks at `experience`: a gap between the figures.
    case gap(experience: Double)
    /// An estimate at `level` fails: the ladder has no figure for it.
    case level(key: String, MarketError)
    /// An estimate in the place fails.
    case place(id: String, MarketError)
    /// A projection from `experience` fails (a missing assumption, promotion steps that do
    /// not fit the ladder, a market that cannot answer).
    case projection(experience: Double, ProjectionError)
  }

  /// Every problem of `model`, in the order above; empty when the dataset is usable.
  ///
  /// - Complexity: about 31 estimates, one a level and a place, and a few projections of
  ///   200 simulated paths each: a fraction of a second.
  public static func problems(of model: PayModel) -> [Problem] {
    let market: Market
    do {
      market = try Market(model: model)
    } catch {
      return [.noCurves]
    }
    var problems: [Problem] = []
    let start = market.experienceRange.lowerBound
    if start > 0 {
      let late = model.curves.filter { curve in
        (curve.coverage.lowerBound == 0 ? 0 : curve.fullVoice.lowerBound) == start
      }
      problems.append(
        .startsLate(
          spanStart: late.map(\.coverage.lowerBound).min() ?? start, heldAt: start,
          figureIDs: late.flatMap { $0.observations.flatMap(\.figureIDs) }))
    }
    for years in 0...checkedExperience {
      do {
        _ = try market.estimate(experience: Double(years))
      } catch {
        problems.append(.gap(experience: Double(years)))
      }
    }
    let openSpan = model.dataset.openSpanYears
    for level in model.dataset.ladder.levels {
      guard let midpoint = level.years.closed(openSpanYears: openSpan).midpoint else { continue }
      do {
        _ = try Market(model: model, spec: MarketSpec(level: level)).estimate(experience: midpoint)
      } catch {
        problems.append(.level(key: level.key, error))
      }
    }
    for place in model.dataset.placesWithFigures {
      do {
        let resolved = try model.dataset.place(named: place.id)
        _ = try Market(model: model, spec: MarketSpec(place: resolved)).estimate(experience: 4)
      } catch {
        problems.append(.place(id: place.id, error))
      }
    }
    // A projection reads every year of a career: from the start, the middle and the end.
    for years in [0, checkedExperience / 2, checkedExperience] {
      do {
        _ = try market.projection(
          from: Double(years), choices: ProjectionChoices(startYear: 2026, paths: 200))
      } catch {
        problems.append(.projection(experience: Double(years), error))
        break
      }
    }
    return problems
  }
}
