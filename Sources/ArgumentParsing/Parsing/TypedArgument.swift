// An argument's declaration together with how its text becomes a typed value.

/// An option or positional argument and the conversion of its text into a value of a type,
/// declared side by side, so that the bounds and the error text of each value sit beside
/// the option they belong to (as swift-argument-parser keeps a `transform` beside its
/// `@Option`).
///
/// The conversion may need something to resolve names against (`Context`, such as a
/// dataset); a conversion that needs nothing has a `Void` context.
///
///     static let years = TypedArgument<Int, Void>(
///       .option("years", help: "Years to project, from 1 to 60.", default: "10")
///     ) { raw throws(InvalidValue) in
///       guard let years = Int(raw), (1...60).contains(years) else {
///         throw InvalidValue(reason: "a projection runs from 1 to 60 years")
///       }
///       return years
///     }
///     let horizon = try values.value(of: years)  // 10, or the value given
public struct TypedArgument<Value, Context>: Sendable {
  /// The declaration, for parsing, help and usage.
  public let spec: ArgumentSpec
  /// Turns one value as typed into the typed value, or says why it cannot.
  public let convert: @Sendable (_ raw: String, _ context: Context) throws(InvalidValue) -> Value

  /// Declares `spec` with the conversion of its values.
  public init(
    _ spec: ArgumentSpec,
    convert: @escaping @Sendable (_ raw: String, _ context: Context) throws(InvalidValue) -> Value
  ) {
    self.spec = spec
    self.convert = convert
  }

  /// The key its values are found by.
  @inlinable public var key: String { spec.key }
}

extension TypedArgument where Context == Void {
  /// Declares `spec` with a conversion that needs no context.
  public init(
    _ spec: ArgumentSpec,
    convert: @escaping @Sendable (_ raw: String) throws(InvalidValue) -> Value
  ) {
    self.init(spec) { raw, _ throws(InvalidValue) in try convert(raw) }
  }
}

extension ParsedValues {
  /// The typed value of `argument`: its last value given, or its default, converted; `nil`
  /// when it has neither.
  ///
  /// - Throws: ``ParserError/unableToParseValue(name:value:key:reason:)`` naming the option
  ///   as typed, when the conversion rejects the value.
  @inlinable
  public func value<Value, Context>(
    of argument: TypedArgument<Value, Context>, in context: Context
  ) throws(ParserError) -> Value? {
    guard hasValue(argument.key) else { return nil }
    return try value(argument.key) { raw throws(InvalidValue) in
      try argument.convert(raw, context)
    }
  }

  /// The typed value of a context-free `argument`; see ``value(of:in:)``.
  @inlinable
  public func value<Value>(of argument: TypedArgument<Value, Void>) throws(ParserError) -> Value? {
    try value(of: argument, in: ())
  }

  /// Every value given for a repeating `argument`, each converted, in order.
  ///
  /// - Throws: ``ParserError/unableToParseValue(name:value:key:reason:)`` for the first value
  ///   the conversion rejects.
  @inlinable
  public func values<Value, Context>(
    of argument: TypedArgument<Value, Context>, in context: Context
  ) throws(ParserError) -> [Value] {
    try values(argument.key) { raw throws(InvalidValue) in try argument.convert(raw, context) }
  }

  /// Every value of a context-free repeating `argument`; see ``values(of:in:)``.
  @inlinable
  public func values<Value>(of argument: TypedArgument<Value, Void>) throws(ParserError)
    -> [Value]
  {
    try values(of: argument, in: ())
  }
}
