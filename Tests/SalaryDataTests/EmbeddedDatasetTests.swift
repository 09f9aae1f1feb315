import SalaryCore
import Testing

@testable import SalaryData

@Suite struct EmbeddedDatasetTests {
  @Test func theEmbeddedDatasetLoadsWithoutProblems() throws {
    do {
      let dataset = try EmbeddedDataset.load()
      #expect(dataset.sources.count == 14)
      #expect(dataset.ladder.source == "himalayas")
      #expect(
        dataset.ladder.levels.map(\.key) == [
          "junior", "developer", "mid", "senior", "lead", "principal", "staff", "architect",
        ])
    } catch {
      Issue.record("the embedded dataset has problems:\n\(error)")
    }
  }
}

/// `salary` loads the embedded data checking rows only (``DatasetLoader/Validation/rowsOnly``);
/// this is the guarantee that the checks it leaves out cannot fail for it.
@Suite struct EmbeddedDatasetValidationTests {
  @Test func theEmbeddedDatasetPassesCompleteValidation() {
    do {
      _ = try DatasetLoader.load(
        files: EmbeddedDataset.files, location: EmbeddedDataset.location, validation: .complete)
    } catch {
      Issue.record("the embedded dataset fails complete validation:\n\(error)")
    }
  }

  @Test func checkingRowsOnlyReadsTheSameDataset() throws {
    let complete = try DatasetLoader.load(
      files: EmbeddedDataset.files, location: EmbeddedDataset.location, validation: .complete)
    let rowsOnly = try EmbeddedDataset.load()
    #expect(rowsOnly.sources == complete.sources)
    #expect(rowsOnly.payFigures == complete.payFigures)
    #expect(rowsOnly.levels == complete.levels)
    #expect(rowsOnly.places == complete.places)
    #expect(rowsOnly.countryFigures == complete.countryFigures)
    #expect(rowsOnly.outlook == complete.outlook)
    #expect(rowsOnly.education == complete.education)
    #expect(rowsOnly.specializations == complete.specializations)
    #expect(rowsOnly.premiums == complete.premiums)
    #expect(rowsOnly.rates == complete.rates)
    #expect(rowsOnly.assumptions == complete.assumptions)
    #expect(rowsOnly.ladder == complete.ladder)
  }

  /// The row checks still run: a broken embedded row would be reported.
  @Test func checkingRowsOnlyStillReportsABadRow() {
    var files = EmbeddedDataset.files
    files["rates.csv"]! += Array("x-rate,bls,Section,2025,inflation_objective,value,12%,\n".utf8)
    do {
      _ = try DatasetLoader.load(files: files, location: { $0 }, validation: .rowsOnly)
      Issue.record("a rate of '12%' was accepted")
    } catch {
      #expect(
        error.diagnostics.map(\.message) == [
          "'12%' in column 'value' is not a plain number (write 81000, not $81,000)"
        ])
    }
  }
}
