import Foundation
import SalaryData
import Testing

@testable import SalaryCLI

@Test func scratchPrintListings() throws {
  let d = try EmbeddedDataset.load()
  for (name, listing) in [
    ("sources", DataListings.sources(d)), ("levels", DataListings.levels(d)),
    ("pay", DataListings.pay(d)), ("locations", DataListings.locations(d)),
    ("countries", DataListings.countries(d)), ("outlook", DataListings.outlook(d)),
    ("education", DataListings.education(d)), ("specializations", DataListings.specializations(d)),
    ("assumptions", DataListings.assumptions(d)),
  ] {
    let text = try listing.rendered(as: .table, width: 80)
    try text.write(toFile: "/tmp/scratch/\(name).txt", atomically: true, encoding: .utf8)
    try listing.rendered(as: .json, width: 80).write(toFile: "/tmp/scratch/\(name).json", atomically: true, encoding: .utf8)
    try listing.rendered(as: .csv, width: 80).write(toFile: "/tmp/scratch/\(name).csv", atomically: true, encoding: .utf8)
  }
}
