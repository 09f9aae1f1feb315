import SalaryCSV

extension CSVRecordView {
  /// The bytes of the cell at `index` with the spaces at either end left out, as
  /// ``Swift/StringProtocol/trimmingSpaces`` leaves them out of its text; or nil when
  /// trimming bytes might not give what that gives.
  ///
  /// That trims characters, and a space joins a character with a combining mark after it
  /// (or a prepended mark before it), so a space is only trimmed here when the byte beside
  /// it is ASCII; otherwise the caller goes by the text.
  ///
  /// - Precondition: `index` is a field of the record.
  func trimmedBytes(at index: Int) -> UnsafeRawBufferPointer? {
    let bytes = self.bytes(at: index)
    var start = 0
    var end = bytes.count
    while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
    if start > 0 && start < end && bytes[start] >= 0x80 { return nil }
    let untrimmedEnd = end
    while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
    if end < untrimmedEnd && end > start && bytes[end - 1] >= 0x80 { return nil }
    return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
  }
}
