import ArgumentParsing
import SalaryCSV

/// One thread of `export`: reads a part of a scenarios file (``InputParts``) and projects
/// each row into its rows (CSV bytes, JSON lines, or values for a workbook), keeping them,
/// with one outcome a scenario, until ``PartWorkers`` hands them to the caller in file
/// order.
///
/// Each worker has its own ``ScenarioRunner`` (its parser and its copy of the command's
/// options); the markets and the ``ScenarioMemo`` of rows already made are shared.
final class ExportWorker: PartWorker, @unchecked Sendable {
  /// One scenario's result: where its rows end in the worker's bytes (and records), how
  /// many rows, or why it failed.
  struct Outcome {
    var end: Int
    /// Where its rows end in the worker's records, for ``RowEncoding/records``.
    var recordEnd = 0
    var rows: Int
    var failure: (any Error)?
  }

  /// The schema each JSON line names.
  static let schema = "salary.export/1"

  /// Bytes of scenarios a part holds: some five hundred, whose rows out (fifty times the
  /// bytes in) stay under a megabyte.
  static let partSize = 1 << 14

  let layout: ScenarioFile.Layout
  let runner: ScenarioRunner
  var writer: CSVWriter
  let encoding: RowEncoding
  let totals: Bool
  /// The rows of scenarios met before, shared by the workers; nil to project each.
  let memo: ScenarioMemo?
  /// The rows of each scenario of the last part, one after another.
  private(set) var bytes: [UInt8] = []
  private(set) var records: [[FieldValue]] = []
  /// One outcome a scenario of the last part.
  private(set) var outcomes: [Outcome] = []
  /// What stopped the last part before its end (the file's CSV), if something did.
  private(set) var failure: (any Error)?
  /// The memo's key of the row at hand, made in place.
  private var key: [UInt8] = []

  /// A worker for rows laid out as `layout` says, writing with a copy of `writer` (which
  /// must have written the header already).
  init(
    layout: ScenarioFile.Layout, runner: ScenarioRunner, writer: CSVWriter,
    encoding: RowEncoding, totals: Bool, memo: ScenarioMemo?
  ) {
    self.layout = layout
    self.runner = runner
    self.writer = writer
    self.encoding = encoding
    self.totals = totals
    self.memo = memo
  }

  func work(_ part: InputPart) {
    bytes.removeAll(keepingCapacity: true)
    records.removeAll(keepingCapacity: true)
    outcomes.removeAll(keepingCapacity: true)
    failure = nil
    var reader = CSVReader(resumingAtLine: part.line, fieldCount: layout.header.count)
    do {
      try ScenarioFile.reportingFileErrors(of: layout.file) {
        try part.bytes.withUnsafeBytes { bytes in
          try reader.parse(bytes) { project($0) }
        }
        try reader.finish { project($0) }
      }
    } catch {
      failure = error
    }
  }

  /// The rows of the last part, when every scenario of it was written and nothing stopped
  /// it: then ``bytes`` are its output as they are.
  var rowsIfEveryScenarioWritten: Int? {
    guard failure == nil else { return nil }
    var rows = 0
    for outcome in outcomes {
      guard outcome.failure == nil else { return nil }
      rows += outcome.rows
    }
    return rows
  }

  /// Calls `deliver` with each scenario's outcome and rows, in order; then throws what
  /// stopped the part, if something did.
  func take(
    _ deliver: (Outcome, ArraySlice<UInt8>, ArraySlice<[FieldValue]>) throws -> Void
  ) throws {
    var start = 0
    var recordStart = 0
    for outcome in outcomes {
      try deliver(outcome, bytes[start..<outcome.end], records[recordStart..<outcome.recordEnd])
      start = outcome.end
      recordStart = outcome.recordEnd
    }
    if let failure { throw failure }
  }

  /// Projects one row's scenario, or notes its problem, with its outcome: by copying the
  /// rows of a row met before with the same cells but the name, when the memo has them and
  /// the name needs no check; else by reading the row as a ``Scenario`` and projecting it.
  private func project(_ view: borrowing CSVRecordView) {
    var known: ScenarioMemo.Rows?
    if let memo {
      ScenarioMemo.key(of: view, skipping: layout.nameIndex, into: &key)
      known = memo.rows(for: key)
      if let known, let name = plainName(view) {
        let rows = append(known, name: name)
        outcomes.append(Outcome(end: bytes.count, recordEnd: records.count, rows: rows))
        return
      }
    }
    let start = bytes.count
    let recordStart = records.count
    do {
      let scenario = try layout.scenario(CSVRecord(view))
      let rows: Int
      if let memo {
        let kept: ScenarioMemo.Rows
        if let known {
          kept = known
        } else {
          kept = try rowsAfterName(try runner.run(scenario))
          memo.keep(kept, for: key)
        }
        var name = scenario.name
        rows = name.withUTF8 { append(kept, name: UnsafeRawBufferPointer($0)) }
      } else {
        rows = try append(try runner.run(scenario), name: scenario.name)
      }
      outcomes.append(Outcome(end: bytes.count, recordEnd: records.count, rows: rows))
    } catch {
      bytes.removeSubrange(start...)
      records.removeSubrange(recordStart...)
      outcomes.append(Outcome(end: start, recordEnd: recordStart, rows: 0, failure: error))
    }
  }

  /// The row's name as the scenario would have it, when it is sure to pass its checks: not
  /// empty, trimmed as ``ScenarioFile/Layout/scenario(_:)`` trims it, and the file repeats
  /// no name (which only the careful reading checks). Nil otherwise.
  private func plainName(_ view: borrowing CSVRecordView) -> UnsafeRawBufferPointer? {
    guard !layout.hasRepeatedNames, let name = view.trimmedBytes(at: layout.nameIndex),
      name.count > 0
    else { return nil }
    return name
  }

  /// A report's rows, every field after the name, for the memo.
  private func rowsAfterName(_ report: ProjectionReport) throws -> ScenarioMemo.Rows {
    switch encoding {
    case .csv:
      return .csv(
        ScenarioMemo.CSVRows(
          try report.encodedRows(configuration: writer.configuration, totals: totals)))
    case .jsonLines, .records:
      return .values(try report.records(totals: totals).rows)
    }
  }

  /// Appends a report's rows after `name`; returns how many.
  private func append(_ report: ProjectionReport, name: String) throws -> Int {
    switch encoding {
    case .csv:
      try report.appendCSVRows(to: &writer, &bytes, leading: [name], totals: totals)
    case .jsonLines:
      let table = try report.records(leading: [name], totals: totals)
      for row in table.rows {
        try RowEncoding.jsonLine(
          schema: Self.schema, header: ExportColumns.header, row, into: &bytes)
      }
    case .records:
      records += try report.records(leading: [name], totals: totals).rows
    }
    return report.projection.years.count + (totals ? 1 : 0)
  }

  /// Appends rows the memo kept after `name` (its UTF-8 bytes), as ``append(_:name:)``
  /// would have written them; returns how many.
  private func append(_ rows: ScenarioMemo.Rows, name: UnsafeRawBufferPointer) -> Int {
    switch rows {
    case .csv(let rows):
      let room = CSVRecordEncoder.maxTextFieldLength(name.count) + rows.longest + 8
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: rows.ends.count * room))
      let used = bytes.withUnsafeMutableBytes { bytes in
        rows.bytes.withUnsafeBytes { kept in
          var used = start
          var rowStart = 0
          for end in rows.ends {
            let row = UnsafeRawBufferPointer(rebasing: kept[rowStart..<end])
            // Text and encoded fields only: nothing to refuse.
            used += try! writer.encodeRecord(
              into: UnsafeMutableRawBufferPointer(rebasing: bytes[used...])
            ) { record throws(CSVNumberError) in
              record.appendText(utf8: name)
              record.append(encoded: row, count: rows.fieldCount)
            }
            rowStart = end
          }
          return used
        }
      }
      bytes.removeSubrange(used...)
      return rows.ends.count
    case .values(let rows):
      let name = FieldValue.text(String(decoding: name, as: UTF8.self))
      for row in rows {
        let values = CollectionOfOne(name).lazy + row
        if encoding == .records {
          records.append(Array(values))
        } else {
          // The values were written once already: no number here is refused.
          try! RowEncoding.jsonLine(
            schema: Self.schema, header: ExportColumns.header, values, into: &bytes)
        }
      }
      return rows.count
    }
  }
}
