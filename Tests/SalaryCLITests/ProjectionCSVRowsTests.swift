import ArgumentParsing
import SalaryCSV
import SalaryData
import Testing
import _TestSupport

@testable import SalaryCLI
@testable import SalaryCore

/// `ProjectionReport.appendCSVRows` encodes rows straight into memory, for `export`; these
/// tests hold it to the bytes of the writer's field-by-field methods, over seeded random
/// figures, names and every dialect.
@Suite struct ProjectionCSVRowsTests {
  /// The rows as `CSVWriter`'s `append…` methods write them, one field at a time.
  static func referenceRows(
    _ report: ProjectionReport, leading: [String], totals: Bool = false,
    to writer: inout CSVWriter, _ bytes: inout [UInt8]
  ) throws {
    let rate = report.request.profile.rate
    let profile = report.request.profile
    func start(_ kind: String) throws {
      for field in leading { writer.appendText(field, into: &bytes) }
      if let place = profile.isRemote ? "remote" : profile.place?.id {
        writer.appendText(place, into: &bytes)
      } else {
        writer.appendEmpty(into: &bytes)
      }
      try writer.appendNumber(profile.experience, fractionDigits: 2, into: &bytes)
      if let track = report.request.path?.track.rawValue {
        writer.appendText(track, into: &bytes)
      } else {
        writer.appendEmpty(into: &bytes)
      }
      writer.appendText(kind, into: &bytes)
    }
    func money(_ dollars: Double) throws {
      try writer.appendNumber(rate.fromDollars(dollars), fractionDigits: 0, into: &bytes)
    }
    let projection = report.projection
    func salaryPlace() throws {
      if let position = report.request.position {
        try writer.appendNumber(position.found * 100, fractionDigits: 2, into: &bytes)
        if position.isHeld {
          writer.appendText(
            position.found < position.percentile ? "below P1" : "above P99", into: &bytes)
        } else {
          writer.appendEmpty(into: &bytes)
        }
      } else {
        writer.appendEmpty(into: &bytes)
        writer.appendEmpty(into: &bytes)
      }
    }
    for year in projection.years {
      try start("year")
      try writer.appendInteger(year.index, into: &bytes)
      try writer.appendInteger(year.calendarYear, into: &bytes)
      if let experience = year.experience {
        try writer.appendNumber(experience, fractionDigits: 2, into: &bytes)
      } else {
        writer.appendEmpty(into: &bytes)
      }
      if let level = year.level {
        writer.appendText(level.key, into: &bytes)
      } else {
        writer.appendEmpty(into: &bytes)
      }
      try writer.appendNumber(year.studyShare, fractionDigits: 2, into: &bytes)
      for value in [
        year.pay, year.band.p10, year.band.p50, year.band.p90, year.cost, year.cumulative,
        year.realPay, year.presentValue,
      ] {
        try money(value)
      }
      writer.appendText(rate.currency.code, into: &bytes)
      try salaryPlace()
      writer.endRecord(into: &bytes)
    }
    guard totals else { return }
    try start("total")
    for _ in 0..<5 { writer.appendEmpty(into: &bytes) }
    let nominal = projection.nominal
    for value in [
      nominal.central, nominal.band.p10, nominal.band.p50, nominal.band.p90,
      projection.years.reduce(0) { $0 + $1.cost }, nominal.central, projection.real.central,
      projection.presentValue.central,
    ] {
      try money(value)
    }
    writer.appendText(rate.currency.code, into: &bytes)
    try salaryPlace()
    writer.endRecord(into: &bytes)
  }

  /// A figure: mostly money-like, sometimes an edge (zero, a half to round, negative, near
  /// the largest magnitude written at the smallest rate).
  static func figure(_ random: inout SplitMix64) -> Double {
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return 0
    case 1: return -0.0
    case 2: return Double(Int.random(in: -1_000_000...1_000_000, using: &random)) + 0.5
    case 3: return Double.random(in: -1e12...1e12, using: &random)
    case 4: return Double.random(in: 0..<1, using: &random)
    default: return Double.random(in: 0...2_000_000, using: &random)
    }
  }

  static let nameParts = [
    "s1", "move to Seattle", "say \"hi\"", "=1+1", "-5", "+x", "@me", "\tTab", "＝", "Zürich",
    "a,b", "a;b", "line\r\nbreak", "", " ", "'quoted'",
  ]

  /// A report of a real projection with its figures, levels, currency and rate replaced by
  /// random ones.
  static func randomReport(
    _ base: ProjectionReport, levels: [Level], _ random: inout SplitMix64
  ) -> ProjectionReport {
    var report = base
    let count = Int.random(in: 1...12, using: &random)
    report.projection.years = (1...count).map { index in
      var year = base.projection.years[0]
      year.index = index
      year.calendarYear = Int.random(in: 1_900...2_200, using: &random)
      year.experience =
        Bool.random(using: &random) ? nil : Double.random(in: 0...60, using: &random)
      year.level = Bool.random(using: &random) ? nil : levels.randomElement(using: &random)
      year.studyShare = Double.random(in: 0...1, using: &random)
      year.pay = figure(&random)
      year.band = Band(p10: figure(&random), p50: figure(&random), p90: figure(&random))
      year.cost = figure(&random)
      year.cumulative = figure(&random)
      year.realPay = figure(&random)
      year.presentValue = figure(&random)
      return year
    }
    func total() -> Projection.Total {
      Projection.Total(
        central: figure(&random),
        band: Band(p10: figure(&random), p50: figure(&random), p90: figure(&random)))
    }
    report.projection.nominal = total()
    report.projection.real = total()
    report.projection.presentValue = total()
    let currency = ["USD", "EUR", "GBP", "INR"].randomElement(using: &random)!
    let rate = ExchangeRate(
      currency: CurrencyCode(currency)!,
      dollarsPerUnit: currency == "USD" ? 1 : Double.random(in: 0.01...2, using: &random),
      origin: .given)
    let market = report.request.profile.market
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
      let found = Double.random(in: 0...1, using: &random)
      report.request.position = SalaryPosition(
        salary: figure(&random), found: found, percentile: min(max(found, 0.01), 0.99),
        percentilePay: figure(&random))
    default: report.request.position = nil
    }
    report.request.profile = Profile(
      market: try! Market(model: market.model, spec: MarketSpec(rate: rate)),
      experience: report.request.profile.experience, level: nil)
    return report
  }

  static func baseReport() throws -> (ProjectionReport, [Level]) {
    let model = PayModel(dataset: try EmbeddedDataset.load())
    let runner = scenarioRunner(model)
    let report = try runner.run(
      Scenario(name: "base", arguments: ["--experience", "3"], options: nil, origin: "test"))
    return (report, model.dataset.ladder.levels)
  }

  @Test(arguments: [
    CSVWriter.Configuration.rfc4180, .excel, .european,
    CSVWriter.Configuration(delimiter: "\t", writesByteOrderMark: true),
  ])
  func rowsMatchTheFieldByFieldWriter(_ configuration: CSVWriter.Configuration) throws {
    let (base, levels) = try Self.baseReport()
    for seed in UInt64(1)...300 {
      var random = SplitMix64(seed: seed)
      var fast = CSVWriter(configuration: configuration)
      var reference = CSVWriter(configuration: configuration)
      var fastBytes: [UInt8] = []
      var referenceBytes: [UInt8] = []
      // A scenario's name, and sometimes a second leading field.
      let leadingCount = Int.random(in: 1...2, using: &random)
      // A writer that has written a header, or one at the very start (the byte order mark).
      if Bool.random(using: &random) {
        for key in Array(repeating: "name", count: leadingCount) + ProjectionReport.csvHeader {
          fast.appendText(key, into: &fastBytes)
          reference.appendText(key, into: &referenceBytes)
        }
        fast.endRecord(into: &fastBytes)
        reference.endRecord(into: &referenceBytes)
      }
      // Two reports in a row, so the second meets the state the first left.
      for _ in 0..<2 {
        let report = Self.randomReport(base, levels: levels, &random)
        let leading = (0..<leadingCount).map { _ in
          (0..<Int.random(in: 1...3, using: &random)).map { _ in
            Self.nameParts.randomElement(using: &random)!
          }.joined()
        }
        let totals = Bool.random(using: &random)
        let before = fastBytes.count
        // The values JSON lines and workbooks get: the same fields, written one by one
        // from the same writer state.
        var plain = fast
        var plainBytes: [UInt8] = []
        try report.appendCSVRows(to: &fast, &fastBytes, leading: leading, totals: totals)
        try Self.referenceRows(
          report, leading: leading, totals: totals, to: &reference, &referenceBytes)
        #expect(
          fastBytes == referenceBytes,
          "seed \(seed): \(String(decoding: fastBytes, as: UTF8.self))")
        for row in try report.records(leading: leading, totals: totals).rows {
          for value in row { try value.append(to: &plain, &plainBytes) }
          plain.endRecord(into: &plainBytes)
        }
        #expect(Array(fastBytes[before...]) == plainBytes, "seed \(seed)")
      }
    }
  }

  /// What `project --format csv` writes: no leading field.
  @Test func rowsWithoutALeadingField() throws {
    let (base, levels) = try Self.baseReport()
    var random = SplitMix64(seed: 7)
    let report = Self.randomReport(base, levels: levels, &random)
    var fast = CSVWriter()
    var reference = CSVWriter()
    var fastBytes: [UInt8] = []
    var referenceBytes: [UInt8] = []
    try report.appendCSVRows(to: &fast, &fastBytes)
    try Self.referenceRows(report, leading: [], to: &reference, &referenceBytes)
    #expect(fastBytes == referenceBytes)
  }

  /// A figure that cannot be written appends nothing and leaves the writer as it was.
  @Test(arguments: [Double.nan, .infinity, -.infinity, 1e15, -2e15])
  func aFigureThatCannotBeWrittenAppendsNothing(_ bad: Double) throws {
    let (base, levels) = try Self.baseReport()
    var random = SplitMix64(seed: 11)
    let good = Self.randomReport(base, levels: levels, &random)
    var broken = good
    broken.projection.years[broken.projection.years.count - 1].realPay = bad
    var writer = CSVWriter(configuration: .excel)
    var bytes: [UInt8] = [1, 2, 3]
    #expect(throws: CSVNumberError.self) {
      try broken.appendCSVRows(to: &writer, &bytes, leading: ["s"])
    }
    #expect(bytes == [1, 2, 3])
    // The writer is still at the start: the good rows get the byte order mark.
    var reference = CSVWriter(configuration: .excel)
    var referenceBytes: [UInt8] = [1, 2, 3]
    try good.appendCSVRows(to: &writer, &bytes, leading: ["s"])
    try Self.referenceRows(good, leading: ["s"], to: &reference, &referenceBytes)
    #expect(bytes == referenceBytes)
  }
}
