import ArgumentParsing
import SalaryCore
import SalaryData

/// The answer of `salary data check`: what a valid dataset holds, or every problem.
struct DatasetCheck {
  var path: String
  var problems: [DataDiagnostic] = []
  var counts: [(String, Int)] = []

  init(path: String, problems: [DataDiagnostic]) {
    self.path = path
    self.problems = problems
  }

  init(path: String, dataset: Dataset) {
    self.path = path
    self.counts = [
      ("sources", dataset.sources.count), ("pay figures", dataset.payFigures.count),
      ("levels", dataset.levels.count), ("places", dataset.places.count),
      ("country figures", dataset.countryFigures.count),
      ("outlook figures", dataset.outlook.count), ("education figures", dataset.education.count),
      ("specializations", dataset.specializations.count),
      ("premium figures", dataset.premiums.count), ("rates", dataset.rates.count),
      ("promotion steps", dataset.promotions.count), ("age groups", dataset.workforce.count),
      ("assumptions", dataset.assumptions.count),
    ]
  }

  /// The answer for people, fitted to `width` columns.
  func table(width: Int) -> String {
    if problems.isEmpty {
      let summary = counts.map { "\($1) \($0)" }.joined(separator: ", ")
      return "\(path): ok\n" + wrap(summary + ".", width: width - 2).map { "  \($0)\n" }.joined()
    }
    let count = problems.count
    return problems.map { "\($0)\n" }.joined()
      + wrap(
        "\(path): \(count) problem\(count == 1 ? "" : "s"). A dataset with any problem is not "
          + "used; fix \(count == 1 ? "it" : "them") and check again.", width: width
      ).joined(separator: "\n") + "\n"
  }

  func json() throws -> JSONValue {
    JSONValue.object([
      ("path", .string(path)),
      ("ok", .bool(problems.isEmpty)),
      (
        "problems",
        .array(
          problems.map {
            .object([
              ("file", .string($0.file)), ("line", .number(Double($0.line))),
              ("column", .number(Double($0.column))), ("message", .string($0.message)),
            ])
          })
      ),
      ("counts", .object(counts.map { ($0.0.replacingSpaces, .number(Double($0.1))) })),
    ])
  }

  /// One record a problem.
  func records() throws -> RecordTable {
    Listing(
      problems,
      fields: [
        ("file", { .text($0.file) }), ("line", { .integer($0.line) }),
        ("column", { .integer($0.column) }), ("message", { .text($0.message) }),
      ], columns: []
    ).records
  }
}

extension DatasetCheck: MachineReadable {
  var schema: String { "salary.data.check/1" }
}

extension String {
  fileprivate var replacingSpaces: String {
    String(map { $0 == " " ? "_" : $0 })
  }
}
