/// The pay growth with experience a series implies between two consecutive observations:
/// the guides' own growth rates, read off their tables.
///
/// ```
/// annual rate = (m₂/m₁)^(1/(x₂ − x₁)) − 1
/// ```
///
/// on the observations' medians (a range's geometric midpoint, a median, a typical figure)
/// at their spans' midpoints x.
///
///     Himalayas, Junior ($70,000 at 1 year) → Back-End Developer ($90,000 at 3 years):
///     (90,000/70,000)^(1/2) − 1 = 13.4% a year
public struct GrowthStep: Sendable {
  public var series: SeriesID
  /// The earlier and later observations.
  public var from: Observation
  public var to: Observation

  /// The earlier median.
  public var fromMedian: Double { from.distribution.median }
  /// The later median.
  public var toMedian: Double { to.distribution.median }
  /// Years between the two midpoints.
  public var years: Double { to.midpoint - from.midpoint }
  /// The compound annual rate between the two, as a fraction (0.134 for 13.4%).
  public var annualRate: Double {
    Math.exp(Math.log(toMedian / fromMedian) / years) - 1
  }
}

extension PayModel {
  /// Every series' steps between consecutive observations at distinct midpoints.
  public var growthSteps: [GrowthStep] {
    curves.flatMap { curve in
      zip(curve.observations, curve.observations.dropFirst()).compactMap { from, to in
        to.midpoint > from.midpoint ? GrowthStep(series: curve.series, from: from, to: to) : nil
      }
    }
  }
}
