/// Everything the sources publish, plus the named assumptions: the input to every answer.
///
/// A dataset is built by the data module after validation, so its invariants hold:
/// ids are unique, every reference resolves, the known assumptions are present and
/// the ladder's source has levels.
public final class Dataset: Sendable {
  /// The sources, in file order.
  public let sources: [Source]
  /// The pay figures, in file order.
  public let payFigures: [PayFigure]
  /// The levels every source names, in file order.
  public let levels: [Level]
  /// The places, in file order.
  public let places: [Place]
  /// Pay by country in local currency, in file order.
  public let countryFigures: [CountryFigure]
  /// Job-market figures, in file order.
  public let outlook: [OutlookFigure]
  /// Education durations and costs, in file order.
  public let education: [EducationFigure]
  /// Specializations, in file order.
  public let specializations: [Specialization]
  /// Cited specialization premiums, in file order.
  public let premiums: [PremiumFigure]
  /// Published rates (salary budgets, wage growth, inflation, discount), in file order.
  public let rates: [RateFigure]
  /// The promotion model's steps, in file order.
  public let promotions: [PromotionStep]
  /// The age mix of employed developers, in file order.
  public let workforce: [WorkforceShare]
  /// The assumptions, in file order.
  public let assumptions: [Assumption]

  /// The career ladder named by the `ladder` assumption.
  public let ladder: Ladder

  /// Places and countries by id, name (with or without its state) and alias.
  public let placeNames: NameIndex
  /// The ladder's levels by key, title and alias.
  public let levelNames: NameIndex
  /// Specializations by id, name and alias.
  public let specializationNames: NameIndex

  /// Each place's factor, worked out when first asked for.
  let placeFactors = PlaceFactorCache()

  private let sourceIndex: [String: Int]
  private let placeIndex: [String: Int]
  private let assumptionIndex: [String: Int]

  /// Assembles a dataset from validated parts.
  ///
  /// Preconditions (the loader checks each and reports a readable error instead): source,
  /// place and assumption ids are unique; the known assumptions other than level spans are
  /// present with the right kind of value; the ladder source has at least one level.
  public init(
    sources: [Source], payFigures: [PayFigure], levels: [Level], places: [Place],
    countryFigures: [CountryFigure] = [], outlook: [OutlookFigure] = [],
    education: [EducationFigure] = [], specializations: [Specialization] = [],
    premiums: [PremiumFigure] = [], rates: [RateFigure] = [], promotions: [PromotionStep] = [],
    workforce: [WorkforceShare] = [], assumptions: [Assumption]
  ) {
    self.sources = sources
    self.payFigures = payFigures
    self.levels = levels
    self.places = places
    self.countryFigures = countryFigures
    self.outlook = outlook
    self.education = education
    self.specializations = specializations
    self.premiums = premiums
    self.rates = rates
    self.promotions = promotions
    self.workforce = workforce
    self.assumptions = assumptions
    self.sourceIndex = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($1.id, $0) })
    self.placeIndex = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1.id, $0) })
    self.assumptionIndex = Dictionary(
      uniqueKeysWithValues: assumptions.enumerated().map { ($1.id, $0) })

    guard let ladderAssumption = assumptionIndex[Assumption.Known.ladder.rawValue],
      case .name(let ladderSource) = assumptions[ladderAssumption].value
    else { preconditionFailure("the dataset needs a 'ladder' assumption naming a source") }
    let rungs = levels.filter { $0.source == ladderSource && $0.yearsKind == .experience }
    precondition(!rungs.isEmpty, "the ladder source has no levels")
    self.ladder = Ladder(source: ladderSource, levels: rungs)
    self.placeNames = NameIndex(
      places, id: { $0.id }, display: { $0.name }, aliases: { $0.aliases })
    self.levelNames = NameIndex(
      rungs, id: { $0.key }, display: { $0.title }, aliases: { $0.aliases })
    self.specializationNames = NameIndex(
      specializations, id: { $0.id }, display: { $0.name }, aliases: { $0.aliases })
  }

  /// The source with this id.
  public func source(id: String) -> Source? { sourceIndex[id].map { sources[$0] } }

  /// The place with this id.
  public func place(id: String) -> Place? { placeIndex[id].map { places[$0] } }

  /// The assumption with this id.
  public func assumption(id: String) -> Assumption? {
    assumptionIndex[id].map { assumptions[$0] }
  }

  /// Percent of pay a published range covers, as a fraction (0.5 for the 25th–75th percentile).
  public var rangeCoverage: Double { number(.rangeCoverage) / 100 }

  /// Years after its start at which an open span ends.
  public var openSpanYears: Double { number(.openSpanYears) }

  /// Every series, in the order its first figure appears.
  public var series: [SeriesID] {
    var seen = Set<SeriesID>()
    return payFigures.map(\.series).filter { seen.insert($0).inserted }
  }

  private func number(_ known: Assumption.Known) -> Double {
    guard let index = assumptionIndex[known.rawValue],
      case .number(let value) = assumptions[index].value
    else { preconditionFailure("the dataset needs a numeric '\(known.rawValue)' assumption") }
    return value
  }
}
