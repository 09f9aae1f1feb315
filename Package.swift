// swift-tools-version:6.0
// salary: estimates back-end developer pay and projects it over a career,
// from published career guides. No package dependencies, by design.
import PackageDescription

/// Every folder under Sources/ and Tests/ except the data module's own. The data
/// module lives at the package root (`path: "."`) so it can embed the top-level
/// data/ folder; it must exclude everything else it would otherwise see.
let foldersOutsideTheDataModule = [
  "Sources/SalaryCore", "Sources/SalaryCSV", "Sources/SalaryWorkbook", "Sources/ArgumentParsing",
  "Sources/SalaryCLI",
  "Sources/salary",
  "Sources/salary-bench", "Tests", "README.md", "CHANGELOG.md",
]

let package = Package(
  name: "salary",
  products: [
    .executable(name: "salary", targets: ["salary"]),
    .library(name: "SalaryCore", targets: ["SalaryCore"]),
    .library(name: "SalaryCSV", targets: ["SalaryCSV"]),
    .library(name: "SalaryWorkbook", targets: ["SalaryWorkbook"]),
    .library(name: "ArgumentParsing", targets: ["ArgumentParsing"]),
    .library(name: "SalaryData", targets: ["SalaryData"]),
    .library(name: "SalaryCLI", targets: ["SalaryCLI"]),
  ],
  dependencies: [],
  targets: [
    // The numeric core: types, curves, consensus, factors, projection. No I/O.
    .target(name: "SalaryCore", linkerSettings: [.linkedLibrary("m")]),
    // RFC 4180 reading and spreadsheet-safe writing. Knows nothing of salaries.
    .target(name: "SalaryCSV"),
    // Office Open XML workbooks (.xlsx): a streaming ZIP writer, typed sheets, styles and
    // line charts. Knows nothing of salaries.
    .target(name: "SalaryWorkbook"),
    // A command-line argument parser with help, usage and errors in the manner of
    // swift-argument-parser, and "Did you mean" suggestions. Knows nothing of salaries.
    .target(name: "ArgumentParsing"),
    // Reads data/ (embedded in the binary) or a user's folder into SalaryCore types.
    .target(
      name: "SalaryData",
      dependencies: ["SalaryCore", "SalaryCSV", "ArgumentParsing"],
      path: ".",
      exclude: foldersOutsideTheDataModule,
      sources: ["Sources/SalaryData"],
      resources: [.embedInCode("data")]
    ),
    // The commands: typed options, reports, rendering, file output, the streaming engines.
    // A library so tests call it in-process.
    .target(
      name: "SalaryCLI",
      dependencies: [
        "SalaryCore", "SalaryCSV", "SalaryWorkbook", "SalaryData", "ArgumentParsing",
      ]),
    // Release builds link statically: no dynamic loader at start-up (see DESIGN.md's speed
    // section), and the binary runs on a machine without the Swift runtime.
    .executableTarget(
      name: "salary", dependencies: ["SalaryCLI"],
      linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]),
    // `swift run -c release salary-bench`: measures the targets of DESIGN.md's speed section.
    // Not a product: users install `salary` only. It depends on the `salary` executable so
    // that one `swift run` builds both; SwiftPM orders the build and links nothing of it.
    .executableTarget(
      name: "salary-bench", dependencies: ["salary", "SalaryCore", "SalaryData", "SalaryWorkbook"]),

    .target(name: "_TestSupport", path: "Tests/_TestSupport"),
    .testTarget(
      name: "SalaryCoreTests", dependencies: ["SalaryCore", "SalaryData", "_TestSupport"]),
    .testTarget(name: "SalaryCSVTests", dependencies: ["SalaryCSV", "_TestSupport"]),
    .testTarget(
      name: "SalaryWorkbookTests", dependencies: ["SalaryWorkbook", "salary-bench", "_TestSupport"]),
    .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing", "_TestSupport"]),
    .testTarget(name: "SalaryDataTests", dependencies: ["SalaryData", "_TestSupport"]),
    // The README's library example, as a program using the package compiles it.
    .testTarget(name: "LibraryExampleTests", dependencies: ["SalaryCore", "SalaryData"]),
    // Goldens/ holds the exact output every command prints (JSON, CSV headers, the dumped
    // help), read by path.
    .testTarget(
      name: "SalaryCLITests", dependencies: ["SalaryCLI", "_TestSupport"], exclude: ["Goldens"]),
    .testTarget(
      name: "SalaryEndToEndTests",
      dependencies: ["salary", "salary-bench", "SalaryCSV", "_TestSupport"]),
  ]
)
