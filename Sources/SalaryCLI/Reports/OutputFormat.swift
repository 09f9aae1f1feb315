import ArgumentParsing

/// How a command prints its answer: a table for people, JSON or CSV for scripts.
enum OutputFormat: String, CaseIterable, Sendable {
  case table
  case json
  case csv
}
