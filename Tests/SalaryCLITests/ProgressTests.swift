import Testing

@testable import SalaryCLI

/// A clock the test moves by hand, and what the progress line wrote.
private final class Recorder {
  var now = 100.0
  var written: [String] = []

  func progress(enabled: Bool = true, unit: String = "rows") -> Progress {
    Progress(
      unit: unit, enabled: enabled, clock: { self.now }, output: { self.written.append($0) })
  }
}

@Suite struct ProgressTests {
  @Test func drawsRowsRateAndTimeLeftAtMostTenTimesASecond() {
    let recorder = Recorder()
    var progress = recorder.progress()
    recorder.now += 0.05
    progress.update(done: 1, fraction: 0.001)
    #expect(recorder.written.isEmpty, "not before a tenth of a second")
    recorder.now += 0.15
    progress.update(done: 50_000, fraction: 0.25)
    #expect(recorder.written == ["\r50,000 rows, 250,000 rows/s, about 1s left   "])
    recorder.now += 0.05
    progress.update(done: 65_000, fraction: 0.3)
    #expect(recorder.written.count == 1, "not again within a tenth of a second")
    recorder.now += 0.55
    progress.update(done: 400_000, fraction: nil)
    #expect(recorder.written.last == "\r400,000 rows, 500,000 rows/s   ")
    progress.finish()
    #expect(recorder.written.last == "\r" + String(repeating: " ", count: 60) + "\r")
  }

  /// At a high rate the clock is read only every few thousand rows, and still on time.
  @Test func aFastLoopReadsTheClockRarely() {
    let recorder = Recorder()
    var reads = 0
    var progress = Progress(
      unit: "rows", enabled: true,
      clock: {
        reads += 1
        return recorder.now
      }, output: { recorder.written.append($0) })
    for row in 1...1_000_000 {
      recorder.now += 1e-6  // a million rows a second
      progress.update(done: row, fraction: nil)
    }
    #expect(reads < 100, "\(reads) clock reads")
    // A second of work: drawn several times, never more than ten.
    #expect(recorder.written.count >= 5 && recorder.written.count <= 10, "\(recorder.written)")
  }

  @Test func silentWhenNotATerminalAndWhenNothingWasDrawn() {
    let recorder = Recorder()
    var off = recorder.progress(enabled: false)
    recorder.now += 10
    off.update(done: 1_000, fraction: 0.5)
    off.finish()
    var quick = recorder.progress()
    quick.update(done: 1, fraction: nil)
    quick.finish()
    #expect(recorder.written.isEmpty)
  }

  @Test func exportCountsScenarios() {
    let recorder = Recorder()
    var progress = recorder.progress(unit: "scenarios")
    recorder.now += 2
    progress.update(done: 30, fraction: nil)
    #expect(recorder.written == ["\r30 scenarios, 15 scenarios/s   "])
  }
}
