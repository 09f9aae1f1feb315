/// Every column a data file may have, across all files.
///
/// Readers name cells by case rather than by string so that finding a cell is an array
/// index, not a hash of its name: a dataset is about 2,500 cells, read at every start.
enum Column: Int, CaseIterable, Sendable {
  case id, source, series, section, period, place, places, occupation, level, label, title
  case publisher, author, published, updated, kind, cites, note, name, within, aliases
  case namedBy, premiumNamedBy, yearsFrom, yearsTo, yearsKind, track, value, unit, flag
  case reason, statistic, percentile, low, high, plus, relativeTo, currency, usdValue
  case usdLow, usdHigh, area, measure, approximate, periodFrom, periodTo, path
  case specializations, next, chance, stays, ageFrom, ageTo, percent

  /// The name in a file's header, as messages quote it.
  var name: String {
    switch self {
    case .id: "id"
    case .source: "source"
    case .series: "series"
    case .section: "section"
    case .period: "period"
    case .place: "place"
    case .places: "places"
    case .occupation: "occupation"
    case .level: "level"
    case .label: "label"
    case .title: "title"
    case .publisher: "publisher"
    case .author: "author"
    case .published: "published"
    case .updated: "updated"
    case .kind: "kind"
    case .cites: "cites"
    case .note: "note"
    case .name: "name"
    case .within: "within"
    case .aliases: "aliases"
    case .namedBy: "named_by"
    case .premiumNamedBy: "premium_named_by"
    case .yearsFrom: "years_from"
    case .yearsTo: "years_to"
    case .yearsKind: "years_kind"
    case .track: "track"
    case .value: "value"
    case .unit: "unit"
    case .flag: "flag"
    case .reason: "reason"
    case .statistic: "statistic"
    case .percentile: "percentile"
    case .low: "low"
    case .high: "high"
    case .plus: "plus"
    case .relativeTo: "relative_to"
    case .currency: "currency"
    case .usdValue: "usd_value"
    case .usdLow: "usd_low"
    case .usdHigh: "usd_high"
    case .area: "area"
    case .measure: "measure"
    case .approximate: "approximate"
    case .periodFrom: "period_from"
    case .periodTo: "period_to"
    case .path: "path"
    case .specializations: "specializations"
    case .next: "next"
    case .chance: "chance"
    case .stays: "stays"
    case .ageFrom: "age_from"
    case .ageTo: "age_to"
    case .percent: "percent"
    }
  }
}
