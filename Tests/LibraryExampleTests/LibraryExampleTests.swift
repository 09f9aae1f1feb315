// The README's library example, compiled as a program that uses the package would compile
// it (no @testable), and run: its text must be the README's, and it must print what the
// README says it prints.

import Foundation
import SalaryCore
import SalaryData
import Testing

/// The README's example, line for line between the markers, with `print` captured.
func libraryExample(print: (Any...) -> Void) throws {
  // README example: begin
  let dataset = try EmbeddedDataset.load()
  let model = PayModel(dataset: dataset)

  // 4 years in Austin in distributed systems: P10 to P90 of base pay, in US dollars.
  let austin = try Market(
    model: model,
    spec: MarketSpec(
      place: try dataset.place(named: "austin"),
      specialization: try dataset.specialization(named: "distributed-systems")))
  print(try austin.estimate(experience: 4).quantiles.map { Int($0.rounded()) })

  // Ten years from 1 year of experience in Germany, in euros, with the dataset's defaults.
  let germany = try Market(
    model: model,
    spec: MarketSpec(
      place: try dataset.place(named: "germany"), rate: try dataset.exchangeRate(named: "EUR")))
  let career = try germany.projection(from: 1, choices: ProjectionChoices(startYear: 2026))
  print(Int(germany.rate.fromDollars(career.projection.nominal.central).rounded()))
  // README example: end
}

@Suite struct LibraryExampleTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The lines between the first line containing `begin` and the next one that is `end`
  /// (once trimmed), without their common indentation.
  static func example(in text: String, from begin: String, to end: String) -> [String] {
    let lines = text.components(separatedBy: "\n")
    guard let first = lines.firstIndex(where: { $0.contains(begin) }),
      let last = lines[(first + 1)...].firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == end
      })
    else { return [] }
    let body = lines[(first + 1)..<last]
    let indent =
      body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return body.map { $0.count >= indent ? String($0.dropFirst(indent)) : $0 }
  }

  @Test func theReadmeShowsThisCode() throws {
    let source = try String(contentsOfFile: #filePath, encoding: .utf8)
    let readme = try String(
      contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
    let compiled = Self.example(
      in: source, from: "// README example: begin", to: "// README example: end")
    let shown = Self.example(in: readme, from: "```swift", to: "```")
    #expect(compiled.count > 10)
    #expect(
      Array(shown.drop { $0.hasPrefix("```") || $0.hasPrefix("import") || $0.isEmpty })
        == compiled)
  }

  @Test func itPrintsWhatTheReadmeSays() throws {
    var printed: [String] = []
    try libraryExample { items in
      printed.append(items.map { "\($0)" }.joined(separator: " "))
    }
    #expect(printed == ["[88008, 104539, 127658, 157332, 188480]", "883686"])
  }
}
