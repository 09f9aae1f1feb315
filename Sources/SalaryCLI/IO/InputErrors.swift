import ArgumentParsing
import SalaryCSV
import SalaryData

/// What `body` gives, with the messages for what is wrong with an input file at `path`
/// itself: it cannot be read (`Cannot read the scenarios file 'x.csv': …`, with `noun`
/// naming it), or its CSV is broken (`x.csv:14:9: unterminated quoted field`).
///
/// - Throws: ``CommandFailure`` for a file that cannot be read, ``ValidationError`` for a
///   CSV error, and any other error of `body` as it is.
func reportingInputErrors<Value>(
  of path: String, named noun: String? = nil, _ body: () throws -> Value
) throws -> Value {
  do {
    return try body()
  } catch let error as LocalFileError {
    let what = noun.map { "\($0) '\(path)'" } ?? "'\(path)'"
    throw CommandFailure("Cannot read \(what): \(error.reason).")
  } catch let error as CSVError {
    throw ValidationError(error.description(inFile: path))
  }
}
