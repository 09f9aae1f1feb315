// What kind of text an option or positional argument accepts, checked while parsing.

/// The check applied to a value as soon as it is parsed.
///
/// Values are kept as the strings the user typed and converted again by the typed accessors of
/// ``ParsedValues``; checking them during parsing is what makes a bad value reported before a
/// later `--help`, as swift-argument-parser does (`-e abc --help` is an error).
///
///     let years = ValueType.custom { raw in
///       guard let n = Int(raw), (1...60).contains(n) else {
///         throw InvalidValue(reason: "must be between 1 and 60")
///       }
///     }
public struct ValueType: Sendable {
  /// Throws ``InvalidValue`` when `raw` is not acceptable.
  public var check: @Sendable (_ raw: String) throws(InvalidValue) -> Void

  /// Any string.
  public static let string = ValueType { _ throws(InvalidValue) in }

  /// A whole number as `Int(_:)` reads it (`+5`, `-5`, but not `2.5`).
  public static let integer = ValueType { raw throws(InvalidValue) in
    guard Int(raw) != nil else { throw InvalidValue() }
  }

  /// A number as `Double(_:)` reads it (`4`, `2.5`, `1e3`).
  public static let double = ValueType { raw throws(InvalidValue) in
    guard Double(raw) != nil else { throw InvalidValue() }
  }

  /// A check of your own; throw ``InvalidValue`` with a reason to explain the rejection.
  public static func custom(
    _ check: @escaping @Sendable (_ raw: String) throws(InvalidValue) -> Void
  ) -> ValueType {
    ValueType(check: check)
  }
}
