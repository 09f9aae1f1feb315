extension Dataset {
  /// The largest premium any cited source gives for any specialization, in percent.
  public var largestCitedPremium: Double? {
    premiums.flatMap(\.percents).max()
  }

  /// The premium factor for a specialization, or `nil` when no source says it pays
  /// differently.
  ///
  /// - A cited premium (`premiums.csv`) is used as published: one figure is a point
  ///   factor; figures that differ (by level, say) make a range read as the premium's own
  ///   25th–75th percentile, which widens the band.
  /// - An area a guide says pays more, without a figure, gets the range from no premium to
  ///   the largest cited premium (the `premium-without-figure` assumption).
  ///
  ///     AI/ML back ends (Levels.fyi: 8.6% at entry, 11.1% at staff): ×1.086–1.111
  ///     distributed systems (no figure; largest cited 11.1%):      ×1.000–1.111
  public func specializationFactor(for id: String) -> Factor? {
    guard let specialization = specializations.first(where: { $0.id == id }) else { return nil }
    let cited = premiums.filter { $0.specializations.contains(id) }
    let evidence = cited.flatMap { premium in
      premium.percents.map {
        FactorEvidence(
          series: nil, figureID: premium.id, baselineID: nil, numerator: 1 + $0 / 100,
          denominator: 1)
      }
    }
    if let low = evidence.map(\.ratio).min(), let high = evidence.map(\.ratio).max() {
      return low == high
        ? Factor(kind: .specialization, label: specialization.name, value: low, evidence: evidence)
        : Factor(
          kind: .specialization, label: specialization.name, low: low, high: high,
          coverage: rangeCoverage, evidence: evidence,
          assumptions: [Assumption.Known.rangeCoverage.rawValue])
    }
    let withoutFigure = Assumption.Known.premiumWithoutFigure.rawValue
    guard !specialization.premiumNamedBy.isEmpty, assumption(id: withoutFigure) != nil,
      let largest = largestCitedPremium, largest > 0
    else { return nil }
    return Factor(
      kind: .specialization, label: specialization.name, low: 1, high: 1 + largest / 100,
      coverage: rangeCoverage, assumptions: [withoutFigure])
  }
}
