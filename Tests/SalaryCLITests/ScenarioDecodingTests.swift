import ArgumentParsing
import SalaryCore
import Testing

@testable import SalaryCLI

/// A scenario's row, an inline scenario and the same options on `salary project`'s command
/// line decode into equal typed options: one reading of a projection's options.
@Suite struct ScenarioDecodingTests {
  static let model = PayModel(dataset: try! CommandContext.fixed(width: 80).loadDataset(nil))

  /// Options as a scenarios file's columns hold them, and as a command line.
  static let cases: [[(String, String)]] = [
    [
      ("experience", "3"), ("location", "austin"), ("specialization", "go"),
      ("path", "senior@2"), ("salary", "95k"), ("years", "12"), ("drift", "2%"),
      ("seed", "7"), ("currency", "EUR"), ("fx", "EUR=1.1"),
    ],
    [("level", "senior"), ("track", "management"), ("premium", "5%..15%"), ("paths", "500")],
    [("salary", "50000"), ("raise", "3%"), ("promotion", "15%@3"), ("promotion", "10%@6")],
    [("education", "bootcamp"), ("location", "denver"), ("start-year", "2030")],
    [("experience", "1"), ("source", "himalayas/levels"), ("inflation", "3"), ("timing", "1")],
  ]

  static func commandLine(_ options: [(String, String)]) throws -> ProjectionOptions {
    let arguments = ["project"] + options.flatMap { ["--\($0.0)", $0.1] }
    guard case .run(let invocation) = CommandParser(root: Commands.root).parse(arguments) else {
      throw ValidationError("the options do not parse: \(arguments)")
    }
    return try ProjectionOptions(invocation.values, model: model, currentYear: 2026)
  }

  @Test(arguments: cases.indices)
  func aRowAndACommandLineDecodeAlike(_ index: Int) throws {
    let options = Self.cases[index]
    let expected = try Self.commandLine(options)
    let runner = ScenarioRunner(
      projecting: Projecting(markets: Markets(model: Self.model)), currentYear: 2026,
      sharing: ParsedValues(arguments: ProjectCommand.spec.arguments))
    let row = Scenario(
      name: "row", arguments: [], options: options, origin: "s.csv:2",
      columns: Dictionary(options.enumerated().map { ($1.0, $0 + 2) }) { first, _ in first })
    #expect(try runner.options(row) == expected)
    let inline = Scenario(
      name: "inline", arguments: options.flatMap { ["--\($0.0)", $0.1] }, options: nil,
      origin: "--scenario 1")
    #expect(try runner.options(inline) == expected)
  }

  /// Options given outside the scenarios apply to each, the scenario's own winning.
  @Test func sharedOptionsComeFirst() throws {
    guard
      case .run(let invocation) = CommandParser(root: Commands.root).parse([
        "compare", "--years", "5", "--location", "seattle",
      ])
    else { throw ValidationError("the options do not parse") }
    let runner = ScenarioRunner(
      projecting: Projecting(markets: Markets(model: Self.model)), currentYear: 2026,
      sharing: invocation.values)
    let row = Scenario(
      name: "row", arguments: [], options: [("location", "austin"), ("experience", "2")],
      origin: "s.csv:2")
    let expected = try Self.commandLine([
      ("years", "5"), ("location", "austin"), ("experience", "2"),
    ])
    #expect(try runner.options(row) == expected)
  }
}
