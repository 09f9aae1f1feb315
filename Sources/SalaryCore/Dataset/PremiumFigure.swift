/// A cited pay premium for specializations, in percent over other developers at the same
/// level (`data/premiums.csv`).
///
/// The guides name the areas that pay more but give no percentages; a premium enters
/// only from a source that publishes one.
public struct PremiumFigure: Sendable, Hashable, Identifiable {
  /// The row's unique id.
  public var id: String
  /// The source's id.
  public var source: String
  /// Where in the source.
  public var section: String
  /// The period the figure describes.
  public var period: Period
  /// The specializations it applies to, by id.
  public var specializations: [String]
  /// The source's own description of whom it measures.
  public var label: String
  /// The level it is stated for, if any.
  public var level: String?
  /// The premium in percent: a single value or a range.
  public var figure: Figure
  /// A note in our words, possibly empty.
  public var note: String

  /// Creates a premium figure; the loader validates the fields before calling this.
  public init(
    id: String, source: String, section: String, period: Period, specializations: [String],
    label: String, level: String?, figure: Figure, note: String = ""
  ) {
    self.id = id
    self.source = source
    self.section = section
    self.period = period
    self.specializations = specializations
    self.label = label
    self.level = level
    self.figure = figure
    self.note = note
  }

  /// The premium's percentages: one for a value, the two ends for a range.
  public var percents: [Double] { figure.numbers }
}
