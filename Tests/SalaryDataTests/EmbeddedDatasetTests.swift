import SalaryCore
import Testing

@testable import SalaryData

@Suite struct EmbeddedDatasetTests {
  @Test func theEmbeddedDatasetLoadsWithoutProblems() throws {
    do {
      let dataset = try EmbeddedDataset.load()
      #expect(dataset.sources.count == 11)
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
