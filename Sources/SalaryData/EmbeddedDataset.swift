import SalaryCore

/// The dataset in the repository's data/ folder, compiled into the binary so `salary`
/// works from any directory.
///
/// data/ stays the single copy: SwiftPM's `.embedInCode` rule turns each file into a
/// byte array at build time.
public enum EmbeddedDataset {
  /// The embedded files by name.
  public static var files: [String: [UInt8]] {
    [
      "sources.csv": PackageResources.sources_csv,
      "places.csv": PackageResources.places_csv,
      "levels.csv": PackageResources.levels_csv,
      "assumptions.csv": PackageResources.assumptions_csv,
      "pay.csv": PackageResources.pay_csv,
      "countries.csv": PackageResources.countries_csv,
      "outlook.csv": PackageResources.outlook_csv,
      "education.csv": PackageResources.education_csv,
      "specializations.csv": PackageResources.specializations_csv,
      "premiums.csv": PackageResources.premiums_csv,
      "rates.csv": PackageResources.rates_csv,
      "promotions.csv": PackageResources.promotions_csv,
      "workforce.csv": PackageResources.workforce_csv,
    ]
  }

  /// Loads the embedded dataset, checking each row as it is read.
  ///
  /// The checks that compare rows with each other are left out: the test suite makes them
  /// all for every build (`EmbeddedDatasetTests`), and they cost more than the rest of
  /// loading, which every command does at its start.
  ///
  /// - Throws: ``DatasetError`` if the embedded files are wrong, which the test suite
  ///   rules out for every build.
  public static func load() throws(DatasetError) -> Dataset {
    try DatasetLoader.load(files: files, location: location, validation: .rowsOnly)
  }

  /// How the embedded files are named in diagnostics.
  static func location(_ name: String) -> String { "data/" + name + " (embedded)" }
}
