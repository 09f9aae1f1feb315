import ArgumentParsing
import SalaryCSV
import SalaryCore

/// What a command answers: rows of one kind, defined once and shown as an aligned
/// table for people or as JSON/CSV records for scripts.
///
/// The table and the records may differ in shape (a table shows `$60,000–$85,000`
/// where a record has `low` and `high`), but both come from the same rows.
struct Listing {
  /// The records: the JSON objects, the CSV rows.
  var records: RecordTable
  /// The same rows for people.
  var table: TextTable
  /// Lines printed under the table: sources, assumptions, caveats.
  var notes: [String]

  /// Builds a listing from typed rows, a record field list and table columns.
  init<Row>(
    _ rows: [Row], fields: [(String, (Row) -> FieldValue)],
    columns: [(TextTable.Column, (Row) -> String)], notes: [String] = []
  ) {
    self.records = RecordTable(
      header: fields.map(\.0), rows: rows.map { row in fields.map { $0.1(row) } })
    self.table = TextTable(
      columns: columns.map(\.0), rows: rows.map { row in columns.map { $0.1(row) } })
    self.notes = notes
  }

  /// The table for people, with its notes, ending in a line break; it fits `width` columns.
  func text(width: Int) -> String {
    var text = table.rendered(width: width)
    if !notes.isEmpty {
      text += "\n" + notes.map { wrap($0, width: width).joined(separator: "\n") + "\n" }.joined()
    }
    return text
  }
}

/// A listing with the name of its `salary data` topic, which names its JSON schema:
/// `salary.data.levels/1`.
struct NamedListing: MachineReadable {
  var listing: Listing
  var topic: String
  /// The dataset listed, for the workbook's Sources sheet: every source and assumption.
  var dataset: Dataset? = nil

  func workbookExtras() -> WorkbookExtras { WorkbookExtras(dataset: dataset) }

  var schema: String { "salary.data.\(topic)/1" }
  func json() throws -> JSONValue {
    .object([("rows", .array(try listing.records.jsonObjects()))])
  }
  func records() throws -> RecordTable { listing.records }
}
