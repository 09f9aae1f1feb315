import Synchronization

/// One market: the consensus of every guide (or of one guide or series), after the factors
/// of a place, a specialization or a premium, with money shown in one currency. Every figure
/// the method gives at an experience comes from a market, and only from one.
///
/// A market owns, once:
/// - the consensus of the selected curves, and the experience it answers for: from where
///   some series first speaks with a full voice to the last point where one does
///   (``experienceRange``); experience outside it is held at its nearer edge, here and
///   nowhere else (``heldExperience(_:)``);
/// - the split of its factors: when every factor is a point, pay is the consensus's times
///   their product; when one is uncertain, every factor is applied to every component
///   (``Factor``), which widens the band;
/// - the exact quantiles, from the one solver of the method, and, built lazily from them,
///   the tables that batch, export and the simulation read: pay at P10, P25, P50, P75 and
///   P90 over experience (``QuantileTable``) and pay by standard normal score at one
///   experience (``ScoreTable``).
///
/// P10 to P90 are always read from the table, for one estimate as for a million batch
/// rows, so every command shows the same figures for the same profile; any other
/// percentile, and the percentile of a given pay, come from the exact mixture. The table
/// is within $0.03 of the exact quantiles (and exact at every observation's midpoint).
///
///     let market = try Market(model: model, spec: MarketSpec(place: try dataset.place(named: "austin")))
///     try market.estimate(experience: 4).median  // 121,263 US dollars
///
/// A market is safe to share between threads; its tables are built once, under a lock.
public final class Market: Sendable {
  /// The model the market draws on.
  public let model: PayModel
  /// What the market was made of.
  public let spec: MarketSpec
  /// The factors, in the order they apply: the place's, then the specialization's or the
  /// user's premium.
  public let factors: [Factor]
  /// What a person should know about the spec that is not an error.
  public let notes: [MarketNote]
  /// The assumptions the spec itself relies on (`remote`), in the dataset's order.
  public let assumptions: [String]
  /// The curves that speak, in the dataset's order.
  public let curves: [SeriesCurve]
  /// The experience the market answers for; outside it an answer is held at its edge.
  public let experienceRange: ClosedRange<Double>

  let consensus: Consensus
  /// The factors every component carries: all of them when one is uncertain, else none.
  let appliedFactors: [Factor]
  /// ln of the factors' product when every factor is a point, added to log-pay after the
  /// consensus is solved; 0 when the factors are applied to the components instead.
  let logScale: Double
  /// The factors' product.
  let scale: Double

  /// The tables, built when first needed; shared with every market of the same figures
  /// (``Figures``), such as the same place in another currency.
  let tables: Tables
  /// This market at each level of the ladder asked for (``atLevel(_:)``).
  let levelMarkets = Mutex<[String: Market]>([:])

  /// The most experiences whose pieces and score tables are kept at once; past it they are
  /// forgotten in one go, so that a million different experiences run in bounded memory.
  static let memoryLimit = 1_024
  /// The most pieces of the table kept: a command that asks at more experiences than a few
  /// builds the whole table instead.
  static let piecesKept = 16

  /// Makes the market of `spec` in `model`.
  ///
  /// - Throws: ``MarketError/noCurves`` when the selection has no figure on a curve,
  ///   ``MarketError/noFigureForLevel(_:)`` for a level the selection's ladder gives no
  ///   figure for.
  public convenience init(model: PayModel, spec: MarketSpec = MarketSpec()) throws(MarketError) {
    try self.init(model: model, spec: spec, tables: nil)
  }

  /// Makes the market of `spec` in `model`, sharing `tables` when they are a market's of
  /// the same figures.
  init(model: PayModel, spec: MarketSpec, tables shared: (Figures, Tables)?) throws(MarketError) {
    var curves = model.curves(selectedBy: spec.selector)
    guard !curves.isEmpty else { throw .noCurves }
    if let level = spec.level {
      // The series of the ladder's levels speak for a level with its own figure; without
      // one they would speak with their mix of levels, or as pay by experience, and
      // neither is the level's pay.
      let rungs = Set(model.dataset.ladder.levels.map(\.key))
      let levelSeries = curves.filter { curve in
        curve.observations.contains { $0.level.map(rungs.contains) == true }
      }
      if !levelSeries.isEmpty
        && !levelSeries.contains(where: { $0.observations.contains { $0.level == level.key } })
      {
        throw .noFigureForLevel(level)
      }
      curves = curves.map { curve in
        guard curve.isLadder,
          let figure = curve.observations.first(where: { $0.level == level.key })
        else { return curve }
        return curve.speaking(for: figure)
      }
    }
    let dataset = model.dataset
    var factors: [Factor] = []
    var notes: [MarketNote] = []
    var assumptions: [String] = []
    if let place = spec.place {
      if place.isRemote { assumptions.append(Assumption.Known.remote.rawValue) }
      if place.place.id != "us" { factors.append(place.factor) }
    }
    if let area = spec.specialization {
      if let factor = dataset.specializationFactor(for: area.id) {
        if spec.premium == nil {
          factors.append(factor)
        } else {
          notes.append(.premiumReplaced(factor))
        }
      } else {
        notes.append(.noPremium(area))
      }
    }
    if let premium = spec.premium {
      factors.append(
        premium.low == premium.high
          ? Factor(kind: .premium, label: "your premium", value: 1 + premium.low / 100)
          : Factor(
            kind: .premium, label: "your premium range", low: 1 + premium.low / 100,
            high: 1 + premium.high / 100, coverage: dataset.rangeCoverage))
    }
    let pointOnly = factors.allSatisfy { !$0.isUncertain }
    self.model = model
    self.spec = spec
    self.factors = factors
    self.notes = notes
    self.assumptions = assumptions
    self.curves = curves
    self.consensus = Consensus(curves: curves)
    self.experienceRange = consensus.supportedExperience
    self.scale = factors.combinedValue
    self.appliedFactors = pointOnly ? [] : factors
    self.logScale = pointOnly ? Math.log(scale) : 0
    let figures = Figures(selector: spec.selector, level: spec.level?.key, factors: factors)
    self.tables = shared.flatMap { $0.0 == figures ? $0.1 : nil } ?? Tables()
  }

  /// What a market's figures depend on: the selection and the factors. Two markets of equal
  /// figures (the same place in two currencies, national and remote) give the same pay.
  struct Figures: Hashable {
    var selector: SourceSelector?
    var level: String?
    var factors: [Factor]

    /// Hashes each factor's range, not its label, evidence and assumptions: equal figures
    /// still hash alike, and `==` settles the rest.
    func hash(into hasher: inout Hasher) {
      hasher.combine(selector)
      hasher.combine(level)
      hasher.combine(factors.count)
      for factor in factors {
        hasher.combine(factor.low)
        hasher.combine(factor.high)
        hasher.combine(factor.sigma)
      }
    }
  }

  /// The figures of this market.
  var figures: Figures {
    Figures(selector: spec.selector, level: spec.level?.key, factors: factors)
  }

  /// The tables of a market's figures, each built when first needed, by experience where it
  /// depends on one. Safe to share between threads and markets.
  final class Tables: Sendable {
    struct Built {
      var table: Result<QuantileTable, MarketError>?
      /// Pieces of the table covering single experiences, until the whole is built: few,
      /// looked up in order (a dictionary's set-up costs more than a single answer).
      var pieces: [QuantileTable] = []
      /// The table built a stretch at a time, until the whole is built; and the one
      /// stretch made into a table, by its intervals (see ``table(spanning:)``).
      var partial: PartialQuantileTable?
      var stretch: (intervals: ClosedRange<Int>, table: QuantileTable)?
      var scoreTables: [Double: Result<ScoreTable, MarketError>] = [:]
    }
    let built = Mutex(Built())
  }

  /// The dataset behind the market.
  public var dataset: Dataset { model.dataset }

  /// This market with the ladder speaking for `level` alone, as for an estimate at a level:
  /// the pay of people with an experience who hold `level`. A career's pay each year comes
  /// from the market of the level it holds. Made once and kept.
  public func atLevel(_ level: Level) -> Market {
    if spec.level?.key == level.key { return self }
    return levelMarkets.withLock { markets in
      if let known = markets[level.key] { return known }
      var spec = self.spec
      spec.level = level
      // The same selection as this market's, so it has curves; failing that, this one.
      let made = (try? Market(model: model, spec: spec, tables: nil)) ?? self
      markets[level.key] = made
      return made
    }
  }

  /// The currency money is shown in.
  public var rate: ExchangeRate { spec.rate }

  /// Whether some factor is uncertain, so that it widens the band.
  public var hasUncertainFactors: Bool { !appliedFactors.isEmpty }

  /// The experience the market answers for `experience`: itself within
  /// ``experienceRange``, else the nearer edge. The one clamp of the method.
  ///
  /// - Precondition: `experience` is finite and non-negative.
  public func heldExperience(_ experience: Double) -> Double {
    Self.hold(experience, to: experienceRange)
  }

  /// `experience` held to `range`: the arithmetic of ``heldExperience(_:)``.
  static func hold(_ experience: Double, to range: ClosedRange<Double>) -> Double {
    precondition(experience.isFinite && experience >= 0, "experience is finite and non-negative")
    return min(max(experience, range.lowerBound), range.upperBound)
  }

  /// Each curve's weight at `experience` (held), in the curves' order, and their sum.
  private func weights(at held: Double) throws(MarketError) -> [Double] {
    let weights = consensus.weights(at: held)
    guard weights.contains(where: { $0 > 0 }) else { throw .noSeriesCovers(experience: held) }
    return weights
  }

  /// The exact distribution of pay at `experience` (held), after the factors.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where no series speaks.
  public func mixture(at experience: Double) throws(MarketError) -> LogNormalMixture {
    let held = heldExperience(experience)
    let weights = try weights(at: held)
    var components: [LogNormalMixture.Component] = []
    for (curve, weight) in zip(curves, weights) where weight > 0 {
      for (share, own) in curve.components(at: held) where share > 0 {
        components.append(
          .init(
            hasUncertainFactors ? own.applying(factors) : own.scaled(by: scale),
            weight: weight * share))
      }
    }
    return LogNormalMixture(components)
  }

  /// One series' own pay at `experience` (held), at `probabilities`, after the factors:
  /// point factors multiply its quantiles, uncertain ones widen its components.
  func seriesQuantiles(_ curve: SeriesCurve, at held: Double, _ probabilities: [Double])
    -> [Double]
  {
    let own = LogNormalMixture(
      curve.components(at: held).map { share, own in
        .init(hasUncertainFactors ? own.applying(factors) : own, weight: share)
      })
    return probabilities.map { own.quantile($0) * (hasUncertainFactors ? 1 : scale) }
  }

  /// Pay at P10, P25, P50, P75 and P90 (``Estimate/probabilities``) at `experience`, from the
  /// market's table: the whole table once it is built, otherwise only the piece of it that
  /// answers there (the same figures, bit for bit).
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where the table cannot be built.
  public func quantiles(at experience: Double) throws(MarketError) -> [Double] {
    let held = heldExperience(experience)
    let table = try tables.built.withLock { built throws(MarketError) -> QuantileTable in
      if let whole = built.table { return try whole.get() }
      if let piece = built.pieces.first(where: { $0.covers(held) }) { return piece }
      let piece = try QuantileTable(market: self, covering: held)
      if built.pieces.count >= Self.piecesKept { built.pieces.removeAll() }
      built.pieces.append(piece)
      return piece
    }
    var values = [Double](repeating: 0, count: table.probabilities.count)
    table.quantiles(at: held, into: &values)
    return values
  }

  /// Pay at `percentile` (strictly between 0 and 1) at `experience`: the table's for P10,
  /// P25, P50, P75 and P90, the exact mixture's for any other.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)``.
  public func pay(percentile: Double, experience: Double) throws(MarketError) -> Double {
    precondition(percentile > 0 && percentile < 1, "a percentile strictly between 0 and 1")
    if let index = Estimate.probabilities.firstIndex(of: percentile) {
      return try table().quantile(index, at: heldExperience(experience))
    }
    return try mixture(at: experience).quantile(percentile)
  }

  /// The share of the market paid at or below `pay` (US dollars) at `experience`, from 0 to 1.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)``.
  public func percentile(of pay: Double, experience: Double) throws(MarketError) -> Double {
    try mixture(at: experience).cdf(pay)
  }

  /// The assumptions an answer at `experience` relies on: those of the figures that speak
  /// there, of the factors and of the spec, in the dataset's order.
  public func assumptions(experience: Double) -> [String] {
    let weights = consensus.weights(at: heldExperience(experience))
    let speaking = zip(curves, weights).filter { $0.1 > 0 }.map(\.0)
    // The ladder speaking as a mix of levels relies on the model's horizon and window.
    let mixed: [Assumption.Known] =
      speaking.contains(where: \.isLadder) ? [.careerHorizon, .levelMixWindow] : []
    let used = Set(
      speaking.flatMap { $0.observations.flatMap(\.assumptions) } + mixed.map(\.rawValue)
        + factors.flatMap(\.assumptions) + assumptions)
    return dataset.assumptions.map(\.id).filter(used.contains)
  }

  /// P10 to P90 over the whole ``experienceRange``, to read for many rows without a lock or
  /// an allocation each: the figures of ``quantiles(at:)``, from the same table.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where somewhere in the range no
  ///   series speaks.
  package func quantileLookup() throws(MarketError) -> QuantileLookup {
    QuantileLookup(table: try table())
  }

  /// P10 to P90 over the whole ``experienceRange``, built on first use.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where somewhere in the range no
  ///   series speaks.
  func table() throws(MarketError) -> QuantileTable {
    try tables.built.withLock { built throws(MarketError) -> QuantileTable in
      if let whole = built.table { return try whole.get() }
      return try wholeTable(&built)
    }
  }

  /// A table that answers over `experiences` (held) as ``table()`` does, bit for bit: the
  /// whole table once built; before, for the first stretch asked for, that stretch of its
  /// grid alone (the kinks up to it and its own intervals, a fraction of the whole for a
  /// ten-year projection); at a second stretch, the whole table, from the nodes solved
  /// for the first. A single projection solves its own years; many solve the table once.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)`` where ``table()`` throws it.
  func table(spanning experiences: ClosedRange<Double>) throws(MarketError) -> QuantileTable {
    let held = heldExperience(experiences.lowerBound)...heldExperience(experiences.upperBound)
    return try tables.built.withLock { built throws(MarketError) -> QuantileTable in
      if let whole = built.table { return try whole.get() }
      if let stretch = built.stretch {
        if stretch.intervals == built.partial?.intervals(spanning: held) { return stretch.table }
        return try wholeTable(&built)
      }
      var partial = PartialQuantileTable(
        consensus: consensus, applied: appliedFactors, offset: logScale,
        probabilities: Estimate.probabilities)
      // Where the whole table's build fails, it fails with its own error.
      guard partial.speaksThroughout else { return try wholeTable(&built) }
      let intervals = partial.intervals(spanning: held)
      let nodes: [QuantileTableBuilder.Node]
      do throws(MarketError) {
        nodes = try partial.nodes(intervals)
      } catch {
        return try wholeTable(&built)
      }
      let table = QuantileTable(
        nodes: nodes, probabilities: Estimate.probabilities, range: experienceRange)
      built.partial = partial
      built.stretch = (intervals, table)
      return table
    }
  }

  /// Builds the whole table into `built`, from the partial table's nodes if there is one.
  private func wholeTable(_ built: inout Tables.Built) throws(MarketError) -> QuantileTable {
    let whole = Result { () throws(MarketError) -> QuantileTable in
      guard var partial = built.partial else { return try QuantileTable(market: self) }
      built.partial = nil  // so that the copy solving the rest is the only one
      return QuantileTable(
        nodes: try partial.allNodes(), probabilities: Estimate.probabilities,
        range: experienceRange)
    }
    built.table = whole
    built.pieces = []
    built.stretch = nil
    return try whole.get()
  }

  /// Pay by standard normal score at `experience` (held), built on first use.
  ///
  /// - Throws: ``MarketError/noSeriesCovers(experience:)``.
  func scoreTable(experience: Double) throws(MarketError) -> ScoreTable {
    let held = heldExperience(experience)
    return try tables.built.withLock { built throws(MarketError) -> ScoreTable in
      if let known = built.scoreTables[held] { return try known.get() }
      let found = Result { () throws(MarketError) in
        ScoreTable(parts: try self.parts(at: held), offset: self.logScale)
      }
      if built.scoreTables.count >= Self.memoryLimit { built.scoreTables.removeAll() }
      built.scoreTables[held] = found
      return try found.get()
    }
  }

  /// The components at `held` as the tables' solves read them: normalized weights, μ and σ
  /// after the applied factors (none when the factors are points, whose product is
  /// ``logScale``).
  func parts(at held: Double) throws(MarketError) -> MixtureParts {
    let weights = try weights(at: held)
    var shares: [Double] = []
    var distributions: [LogNormal] = []
    for (curve, weight) in zip(curves, weights) where weight > 0 {
      for (share, own) in curve.components(at: held) where share > 0 {
        shares.append(weight * share)
        distributions.append(own.applying(appliedFactors))
      }
    }
    return MixtureParts(weights: shares, distributions: distributions)
  }
}

/// A market's P10 to P90 over experience, read without a lock or an allocation: what a loop
/// over many rows holds (``Market/quantileLookup()``).
package struct QuantileLookup: Sendable {
  let table: QuantileTable

  /// The experience the market answers for `experience`, as ``Market/heldExperience(_:)``.
  package func heldExperience(_ experience: Double) -> Double {
    Market.hold(experience, to: table.experienceRange)
  }

  /// Pay at P10, P25, P50, P75 and P90 at `experience` (held), written to `output`.
  ///
  /// - Precondition: `experience` is finite and non-negative; `output.count` is 5.
  /// - Complexity: O(1): about 35 ns in a release build.
  package func quantiles(at experience: Double, into output: inout MutableSpan<Double>) {
    table.quantiles(at: heldExperience(experience), into: &output)
  }
}
