extension Figure {
  /// The figure's central value for ratios: a range's geometric midpoint √(low·high), or
  /// the single value of a median, mean or typical figure; `nil` for bounds and the like.
  public var center: Double? {
    switch self {
    case .range(let low, let high, _): (low * high).squareRoot()
    case .median(let value), .mean(let value), .typical(let value), .value(let value): value
    default: nil
    }
  }

  /// Whether two figures measure the same thing, so their ratio means something: two
  /// ranges, or two figures of the same single statistic.
  func isComparable(to other: Figure) -> Bool {
    if bounds != nil || other.bounds != nil { return bounds != nil && other.bounds != nil }
    return statistic == other.statistic && center != nil
  }
}

extension Dataset {
  /// The factor for a place in the United States (`san-francisco`, `nome`), or `nil` if no
  /// source gives one.
  ///
  /// Each series that has both a figure for the place and a national figure of the same
  /// kind (neither tied to a level or to years) gives the ratio of their central values;
  /// several series' ratios are combined by their geometric mean. A place only stated
  /// relative to another ("Nome: 5% below San Francisco") gets that other place's factor
  /// times (1 + percent/100). The nation itself is 1.
  ///
  ///     Noble Desktop, location table:  $150,000 / $115,000                       = 1.3043
  ///     Noble Desktop, salary text:     √(160,000·220,000) / √(125,000·180,000)  = 1.2508
  ///     San Francisco                   √(1.3043 · 1.2508)                        = 1.2773
  public func locationFactor(for placeID: String) -> Factor? {
    locationFactor(for: placeID, visited: [])
  }

  private func locationFactor(for placeID: String, visited: Set<String>) -> Factor? {
    guard let place = place(id: placeID), !visited.contains(placeID) else { return nil }
    if placeID == "us" { return Factor(kind: .location, label: place.name, value: 1) }
    let evidence = payFigures.compactMap { figure -> FactorEvidence? in
      guard figure.places.contains(placeID), figure.span == nil, figure.level == nil,
        figure.currency == .usd, let center = figure.figure.center,
        let baseline = payFigures.first(where: {
          $0.series == figure.series && $0.places == ["us"] && $0.span == nil && $0.level == nil
            && $0.figure.isComparable(to: figure.figure)
        }), let baseCenter = baseline.figure.center
      else { return nil }
      return FactorEvidence(
        series: figure.series, figureID: figure.id, baselineID: baseline.id, numerator: center,
        denominator: baseCenter)
    }
    if !evidence.isEmpty {
      return Factor(
        kind: .location, label: place.name, value: geometricMean(evidence.map(\.ratio)),
        evidence: evidence)
    }
    for figure in payFigures where figure.places.contains(placeID) {
      guard case .relative(let percent, let other) = figure.figure,
        let base = locationFactor(for: other, visited: visited.union([placeID]))
      else { continue }
      var factor = Factor(
        kind: .location, label: place.name, value: (1 + percent / 100) * base.value,
        evidence: base.evidence, assumptions: base.assumptions)
      factor.relative = Factor.RelativeStep(
        figureID: figure.id, percent: percent, base: base.value, baseLabel: base.label)
      return factor
    }
    return nil
  }

  /// The factor for a country against the US, from a global table that gives both in
  /// dollars, or `nil` if none does.
  ///
  /// Each row for the country, in dollars (its own, or the source's conversion), over the
  /// same table's US row; rows' ratios combine by their geometric mean. Where the table
  /// states a seniority for the US row only, the `country-seniority` assumption reads the
  /// country's row as the same seniority (without that assumption, such rows are skipped).
  ///
  ///     Germany: √(65,000·105,000) / √(90,000·160,000) = 0.6885
  public func countryFactor(for placeID: String) -> Factor? {
    guard let place = place(id: placeID), place.kind == .country else { return nil }
    if placeID == "us" { return Factor(kind: .country, label: place.name, value: 1) }
    let seniority = Assumption.Known.countrySeniority.rawValue
    let canAssumeSeniority = assumption(id: seniority) != nil
    var usedSeniority = false
    let evidence = countryFigures.compactMap { row -> FactorEvidence? in
      guard row.places.contains(placeID) else { return nil }
      let dollars = row.currency == .usd ? row.figure : row.usd
      guard let dollars, let center = dollars.center else { return nil }
      let baselines = countryFigures.filter {
        $0.series == row.series && $0.places == ["us"] && $0.figure.isComparable(to: dollars)
      }
      guard
        let baseline = baselines.first(where: { $0.level == row.level })
          ?? (canAssumeSeniority ? baselines.first : nil),
        let baseCenter = baseline.figure.center
      else { return nil }
      if baseline.level != row.level { usedSeniority = true }
      return FactorEvidence(
        series: row.series, figureID: row.id, baselineID: baseline.id, numerator: center,
        denominator: baseCenter)
    }
    guard !evidence.isEmpty else { return nil }
    return Factor(
      kind: .country, label: place.name, value: geometricMean(evidence.map(\.ratio)),
      evidence: evidence, assumptions: usedSeniority ? [seniority] : [])
  }

  /// The place `--location remote` stands for, by the `remote` assumption.
  public var remotePlace: String? {
    if case .name(let id) = assumption(id: Assumption.Known.remote.rawValue)?.value { return id }
    return nil
  }
}

/// exp(mean of logarithms).
func geometricMean(_ values: [Double]) -> Double {
  precondition(!values.isEmpty && values.allSatisfy { $0 > 0 }, "positive values")
  return Math.exp(values.reduce(0) { $0 + Math.log($1) } / Double(values.count))
}
