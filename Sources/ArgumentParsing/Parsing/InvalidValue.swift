// How a value conversion says "no", with or without a reason.

/// Thrown by a value conversion to reject what the user typed.
///
/// Without a reason the message lists the allowed values, if any:
///
///     The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'csv'.
///
/// With a reason it is appended after a colon, as swift-argument-parser does with the
/// description of an error thrown by a `transform` closure:
///
///     The value '-5' is invalid for '--years <years>': must be between 1 and 60
public struct InvalidValue: Error, Equatable, Sendable {
  /// Why the value was rejected, in lower case and without a final period, or `nil`.
  public var reason: String?

  /// Creates a rejection, optionally with a reason shown to the user.
  public init(reason: String? = nil) {
    self.reason = reason
  }
}
