import ArgumentParsing
import SalaryCSV
import SalaryCore

/// The fast path of `estimate --batch`: a row read from the reader's bytes and written
/// straight into memory, allocating nothing. Every row it writes is the bytes the careful
/// path (``BatchEstimate/write(_:layout:row:to:_:)``) writes for it; its tests hold it to
/// that.
extension BatchEstimate {
  /// Writes the estimate of one row into `space` by the fast path, and returns how many bytes
  /// it took; or returns nil, having written nothing, for a row the careful path must take:
  /// one with a problem, or cells the fast path cannot be sure to read as it does.
  ///
  /// The bytes are those of ``write(_:layout:row:to:_:)`` for the same row.
  mutating func encode(
    _ record: borrowing CSVRecordView, row: Int, writer: inout CSVWriter,
    into space: UnsafeMutableRawBufferPointer
  ) -> Int? {
    guard let market = marketNumber(record) else { return nil }

    let experienceCell = cell(record, experienceColumn)
    let levelCell = cell(record, levelColumn)
    guard let experienceCell, let levelCell else { return nil }
    let hasExperience = experienceCell.count > 0 || defaults.experience != nil
    let hasLevel = levelCell.count > 0 || defaults.level != nil
    let experience: Double
    var level = -1
    switch (hasExperience, hasLevel) {
    case (true, false):
      let parsed =
        experienceCell.count > 0 ? Self.plainYears(experienceCell) : defaults.experience
      guard let parsed else { return nil }
      experience = parsed
    case (false, true):
      let found = levelCell.count > 0 ? levelSlots[levelNumber(levelCell)] : defaultLevel ?? -1
      guard found >= 0 else { return nil }
      level = found
      experience = fastLevels[found].experience
    default:
      return nil
    }
    guard let name = cell(record, nameColumn) else { return nil }
    let span: FigureMemo.Span
    if let known = figureMemo.span(market: market, experience: experience, level: level) {
      span = known
    } else {
      let rowMarket = rowMarkets[market]
      let lookup: QuantileLookup
      if level >= 0 {
        guard let found = rowMarket.lookup(at: fastLevels[level].level, slot: level) else {
          return nil
        }
        lookup = found
      } else {
        lookup = rowMarket.lookup
      }
      guard
        let made = try? rowMarket.figures(
          experience: experience, level: level >= 0 ? fastLevels[level].field : nil,
          lookup: lookup, configuration: configuration)
      else { return nil }
      span = figureMemo.keep(made, market: market, experience: experience, level: level)
    }
    let figures = figureMemo.bytes(span)
    let size =
      CSVRecordEncoder.maxTextFieldLength(name.count) + figures.count
      + CSVRecordEncoder.maxNumberFieldLength + 16
    guard space.count >= size else { return nil }
    return try? writer.encodeRecord(into: space) { fields throws(CSVNumberError) in
      try fields.appendInteger(row)
      if name.count > 0 { fields.appendText(utf8: name) } else { fields.appendEmpty() }
      fields.append(encoded: figures, count: Int(span.count))
    }
  }

  /// The trimmed bytes of the cell at `column` (``CSVRecordView/trimmedBytes(at:)``), empty
  /// when there is no such column; or nil when the careful path must decide.
  private func cell(_ record: borrowing CSVRecordView, _ column: Int) -> UnsafeRawBufferPointer? {
    guard column >= 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return record.trimmedBytes(at: column)
  }

  /// Years written as plain digits with an optional fraction (`4`, `12.5`), at most 15 digits,
  /// from 0 to 60: exactly what ``ValueReading/experience(_:)`` makes of them; nil for
  /// anything else, which it then judges.
  ///
  /// The digits make an integer below 2^53 and the divisor 10^k is exact, so the one division
  /// rounds correctly, as the standard library's parsing does (Clinger's fast path).
  static func plainYears(_ bytes: UnsafeRawBufferPointer) -> Double? {
    var digits: UInt64 = 0
    var digitCount = 0
    var fractionDigits = 0
    var seenPoint = false
    for (offset, byte) in bytes.enumerated() {
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        digits = digits &* 10 &+ UInt64(digit)
        digitCount += 1
        if seenPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: ".") && !seenPoint && offset > 0 {
        seenPoint = true
      } else {
        return nil
      }
    }
    guard digitCount > 0 && digitCount <= 15 && (!seenPoint || fractionDigits > 0) else {
      return nil
    }
    var divisor = 1.0
    for _ in 0..<fractionDigits { divisor *= 10 }
    let years = Double(digits) / divisor
    return years <= 60 ? years : nil
  }

  /// The row's market's place in ``rowMarkets``, resolving a market seen for the first time;
  /// nil when its cells need the careful path or the market has a problem.
  private mutating func marketNumber(_ record: borrowing CSVRecordView) -> Int? {
    var key = CellKey()
    for index in keyedMarketColumns.indices {
      guard let bytes = cell(record, keyedMarketColumns[index]) else { return nil }
      key.append(bytes)
    }
    if let found = marketIndex.find(key) {
      let slot = marketSlots[found]
      return slot >= 0 ? slot : nil
    }
    // What the careful path makes of the same cells.
    var strings: [String] = []
    var part = 0
    for offset in Self.marketColumns.indices {
      var text = ""
      if marketColumnPositions[offset] >= 0 {
        text = String(decoding: key.parts[part], as: UTF8.self)
        part += 1
      }
      strings.append(text)
    }
    marketIndex.insert(key)
    guard case .success(let market) = marketsByCells[strings] ?? resolveMarket(strings) else {
      marketSlots.append(-1)
      return nil
    }
    marketSlots.append(rowMarkets.count)
    rowMarkets.append(market)
    return rowMarkets.count - 1
  }

  /// The number of a level's key by the trimmed bytes of its cell, resolving a level seen for
  /// the first time.
  private mutating func levelNumber(_ bytes: UnsafeRawBufferPointer) -> Int {
    var key = CellKey()
    key.append(bytes)
    if let found = levelIndex.find(key) { return found }
    let text = String(decoding: bytes, as: UTF8.self)
    let number = levelIndex.insert(key)
    if let level = fastLevel(levels[text] ?? resolveLevel(text)) {
      levelSlots.append(fastLevels.count)
      fastLevels.append(level)
    } else {
      levelSlots.append(-1)
    }
    return number
  }

  /// What the fast path keeps of a resolved level; nil for a level with a problem.
  func fastLevel(_ resolved: Result<Level, RowProblem>) -> FastLevel? {
    guard case .success(let level) = resolved,
      let field = try? CSVEncodedFields([.text(level.key)], configuration: configuration)
    else { return nil }
    return FastLevel(level: level, experience: levelExperience(level), field: field)
  }

}
