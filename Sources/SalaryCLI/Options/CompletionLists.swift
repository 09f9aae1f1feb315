import ArgumentParsing
import SalaryCore
import SalaryData

/// The words a shell completes for the options that name something in the dataset: the
/// embedded dataset's places, levels, specializations, guides and currencies.
///
/// Each list is a ``CompletionKind/computedList(_:)``: asked for only when a completion
/// script or `--experimental-dump-help` is made, so an ordinary command never loads the
/// dataset for it. The words are ids, which the resolvers accept and which need no quoting
/// in a shell (`san-francisco`, not `"San Francisco, CA"`).
enum CompletionLists {
  /// The embedded dataset's model, loaded once, or `nil` if it cannot be (then nothing is
  /// offered, and the command itself will say why).
  private static let model: PayModel? = (try? EmbeddedDataset.load()).map(PayModel.init)

  /// `--location`: `remote`, then every place with figures, by id.
  static let places = CompletionKind.computedList {
    guard let dataset = model?.dataset else { return [] }
    return (dataset.remotePlace == nil ? [] : ["remote"]) + dataset.placesWithFigures.map(\.id)
  }

  /// `--level`: the ladder's level keys, junior to the top.
  static let levels = CompletionKind.computedList {
    model?.dataset.ladder.levels.map(\.key) ?? []
  }

  /// `--specialization`: every specialization's id.
  static let specializations = CompletionKind.computedList {
    model?.dataset.specializations.map(\.id) ?? []
  }

  /// `--source` of the estimating commands: the guides with curves, then their series.
  static let selectors = CompletionKind.computedList { model?.selectorNames ?? [] }

  /// `--source` of `data pay`: every source's id.
  static let sources = CompletionKind.computedList {
    model?.dataset.sources.map(\.id) ?? []
  }

  /// `--currency`: the dollar, then each currency the guides convert, by code.
  static let currencies = CompletionKind.computedList {
    guard let dataset = model?.dataset else { return [] }
    var codes = ["USD"]
    for figure in dataset.countryFigures
    where !codes.contains(figure.currency.code) && dataset.exchangeRate(for: figure.currency) != nil
    {
      codes.append(figure.currency.code)
    }
    return codes
  }

  /// A file to read, such as a CSV file of profiles or scenarios.
  static let inputFile = CompletionKind.anyFile

  /// A dataset folder.
  static let folder = CompletionKind.directory

  /// An `--out` file: the extensions that pick a format.
  static let outputFile = CompletionKind.file(extensions: ["csv", "xlsx", "json", "jsonl"])
}
