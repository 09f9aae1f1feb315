import SalaryCore

extension Row {
  /// The span in `years_from` and `years_to`; `nil` when both are empty.
  ///
  /// An empty `years_to` makes an open span (`5+`). Reports a `years_to` without a
  /// `years_from`, negative years and an end that is not after the start.
  func span(_ diagnostics: Diagnostics) -> ExperienceSpan? {
    let from = number(.yearsFrom, diagnostics)
    let to = number(.yearsTo, diagnostics)
    switch (from, to) {
    case (nil, nil):
      return nil  // both empty, or malformed and already reported
    case (nil, .some):
      if isEmpty(.yearsFrom) {
        report(.yearsFrom, "a span with years_to needs years_from too", to: diagnostics)
      }
      return nil
    case (let from?, let to):
      guard from >= 0 else {
        report(
          .yearsFrom, "years_from must be zero or more, not \(self[.yearsFrom])",
          to: diagnostics)
        return nil
      }
      if let to, to <= from {
        report(
          .yearsTo,
          "years_to (\(self[.yearsTo])) must be after years_from (\(self[.yearsFrom]))",
          to: diagnostics)
        return nil
      }
      return ExperienceSpan(from: from, to: to)
    }
  }
}
