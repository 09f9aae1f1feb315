import ArgumentParsing
import Foundation
import SalaryCSV
import SalaryCore
import Testing

@testable import SalaryCLI

/// One resolved market gives one answer: its exact quantiles, its table's, and what
/// `estimate`, `offer`, `project` (year 1) and `estimate --batch` print for the profile.
@Suite struct OneMarketTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var experience: String
    var options: [String]
    var testDescription: String { "\(experience) years \(options.joined(separator: " "))" }
  }

  static let cases = [
    Case(experience: "4", options: ["--location", "austin"]),
    Case(experience: "6.5", options: ["--specialization", "distributed-systems"]),
    Case(experience: "2", options: ["--location", "germany", "--currency", "EUR"]),
    Case(experience: "12", options: ["--source", "himalayas"]),
  ]

  /// A JSON document's object at `path`.
  static func object(_ text: String, _ path: String...) throws -> [String: Any] {
    var value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    for key in path {
      if let index = Int(key), let array = value as? [Any] {
        value = array[index]
      } else {
        value = try #require((value as? [String: Any])?[key])
      }
    }
    return try #require(value as? [String: Any])
  }

  @Test(arguments: cases)
  func everyCommandShowsTheMarketsFigures(_ testCase: Case) throws {
    let experience = Double(testCase.experience)!
    // The market, resolved as the options resolve it.
    let model = PayModel(dataset: try CommandContext.fixed(width: 80).loadDataset(nil))
    guard
      case .run(let invocation) = CommandParser(root: Commands.root).parse(
        ["estimate", "-e", testCase.experience] + testCase.options)
    else { throw ValidationError("the options do not parse") }
    let values = invocation.values
    let options = try ProfileOptions(
      values, model: model, place: try values.value(of: ProfileArguments.location, in: model))
    let market = try Markets(model: model).market(options.spec)

    // The table is within its documented accuracy of the exact quantiles.
    let table = try market.quantiles(at: experience)
    let mixture = try market.mixture(at: experience)
    for (p, value) in zip(Estimate.probabilities, table) {
      #expect(abs(value - mixture.quantile(p)) < 0.03, "P\(p)")
    }
    let expected = table.map { Int(market.rate.fromDollars($0).rounded()) }

    let estimate = salary(
      ["estimate", "-e", testCase.experience] + testCase.options + ["--format", "json"])
    let shown = try Self.object(estimate.stdout, "quantiles")
    #expect(["p10", "p25", "p50", "p75", "p90"].map { shown[$0] as? Int } == expected)

    let offer = salary(
      ["offer", "100000", "-e", testCase.experience] + testCase.options + ["--format", "json"])
    let placed = try Self.object(offer.stdout, "offers", "0")
    #expect(placed["p50"] as? Int == expected[2])
    #expect(placed["p25"] as? Int == expected[1] && placed["p75"] as? Int == expected[3])

    let project = salary(
      ["project", "-e", testCase.experience] + testCase.options + [
        "--format", "json", "--paths", "0",
      ])
    let first = try Self.object(project.stdout, "years", "0")
    #expect(first["pay"] as? Int == expected[2])

    let columns =
      ["name", "experience"]
      + stride(from: 0, to: testCase.options.count, by: 2).map {
        String(testCase.options[$0].dropFirst(2))
      }
    let cells =
      ["x", testCase.experience]
      + stride(from: 1, to: testCase.options.count, by: 2).map {
        testCase.options[$0]
      }
    let folder = try temporaryFolder([
      "p.csv": columns.joined(separator: ",") + "\n" + cells.joined(separator: ",") + "\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let batch = salary("estimate", "--batch", folder + "/p.csv")
    let row = try CSVReader.readRecords(from: Array(batch.stdout.utf8))[1].fields
    #expect(Array(row.suffix(5)).map { Int($0) } == expected)
  }
}
