// The help screen of a command: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS.

/// Renders the help of a command, as swift-argument-parser's `HelpGenerator` does.
///
///     OVERVIEW: Project earnings over several years.
///
///     USAGE: salary project <base-salary> [--years <years>] [--compound] [--no-compound]
///
///     ARGUMENTS:
///       <base-salary>           Starting annual salary.
///
///     OPTIONS:
///       --years <years>         Number of years to project. (default: 5)
///       --compound/--no-compound
///                               Compound the raises. (default: --compound)
///       --version               Show the version.
///       -h, --help              Show help information.
///
/// Labels are indented by 2; help text starts at column 26, or on the next line when the label
/// reaches it, and wraps there.
public struct HelpGenerator {
  /// The indentation of labels.
  public static let helpIndent = 2
  /// The column where help text starts.
  public static let labelColumnWidth = 26

  /// One labelled line (or more) of a section.
  public struct Element {
    /// The label: `-e, --experience <experience>`, `project, proj`.
    public var label: String
    /// The help text, including any `(values: …; default: …)` suffix.
    public var abstract: String

    /// The element wrapped to `screenWidth`, ending with a line break.
    public func rendered(screenWidth: Int) -> String {
      let paddedLabel = String(repeating: " ", count: HelpGenerator.helpIndent) + label
      guard !abstract.isEmpty else { return paddedLabel + "\n" }
      let wrappedAbstract = abstract.wrapped(
        to: screenWidth, wrappingIndent: HelpGenerator.labelColumnWidth)
      if paddedLabel.count < HelpGenerator.labelColumnWidth {
        return paddedLabel + wrappedAbstract.dropFirst(paddedLabel.count) + "\n"
      }
      return paddedLabel + "\n" + wrappedAbstract + "\n"
    }
  }

  /// A titled list of elements; rendered as nothing when empty.
  public struct Section {
    /// The title, rendered upper-case with a colon: `OPTIONS:`.
    public var header: String
    /// The elements, in order.
    public var elements: [Element]

    /// The section wrapped to `screenWidth`, or "" if it has no elements.
    public func rendered(screenWidth: Int) -> String {
      guard !elements.isEmpty else { return "" }
      return "\(header.uppercased()):\n"
        + elements.map { $0.rendered(screenWidth: screenWidth) }.joined()
    }
  }

  /// The commands from the root to the one whose help this is.
  public var commandStack: [CommandSpec]
  /// The abstract followed by the discussion.
  public var abstract: String
  /// The usage synopsis.
  public var usage: String
  /// Arguments, options and subcommands, in that order.
  public var sections: [Section]

  /// The help of the last command of `commandStack`.
  public init(commandStack: [CommandSpec]) {
    precondition(!commandStack.isEmpty, "help needs a command")
    let command = commandStack[commandStack.count - 1]
    self.commandStack = commandStack
    self.usage = UsageGenerator.usage(for: commandStack)
    var abstract = command.abstract
    if !command.discussion.isEmpty {
      if !abstract.isEmpty { abstract += "\n" }
      abstract += "\n\(command.discussion)"
    }
    self.abstract = abstract
    self.sections = Self.sections(for: commandStack)
  }

  /// The definitions help lists: the command's visible ones, then `--version`, then the help
  /// flags.
  public static func definitionsForHelp(_ commandStack: [CommandSpec]) -> [ArgumentDefinition] {
    commandStack[commandStack.count - 1].definitions.filter { !$0.isHidden }
      + builtInDefinitions(commandStack)
  }

  /// The automatic flags of the last command of `commandStack`: `--version` where a version
  /// is set along the stack, then `-h, --help` unless it is the built-in `help` command.
  public static func builtInDefinitions(_ commandStack: [CommandSpec]) -> [ArgumentDefinition] {
    var definitions: [ArgumentDefinition] = []
    if HelpNames.version(for: commandStack) != nil {
      definitions.append(
        builtInFlag(names: [HelpNames.versionFlag], abstract: "Show the version."))
    }
    let helpFlags = HelpNames.helpFlags(for: commandStack)
    if !helpFlags.isEmpty {
      definitions.append(builtInFlag(names: helpFlags, abstract: "Show help information."))
    }
    return definitions
  }

  private static func builtInFlag(names: [Name], abstract: String) -> ArgumentDefinition {
    ArgumentDefinition(
      kind: .named(names), update: .flag(setsTo: true), key: "", valueName: "",
      abstract: abstract, valueType: .string, allowedValues: [], defaultDescription: nil,
      isOptional: true, isRepeating: false, isComposite: false, isHidden: false)
  }

  private static func sections(for commandStack: [CommandSpec]) -> [Section] {
    var positionalElements: [Element] = []
    var optionElements: [Element] = []
    var definitions = definitionsForHelp(commandStack)[...]
    while let definition = definitions.popFirst() {
      let label: String
      if definition.isComposite {
        var group = [definition]
        while let next = definitions.first, next.key == definition.key {
          group.append(next)
          definitions.removeFirst()
        }
        label = group.map(\.synopsisForHelp).joined(separator: "/")
      } else {
        label = definition.synopsisForHelp
      }
      let description = [definition.abstract, valuesAndDefault(of: definition)]
        .filter { !$0.isEmpty }.joined(separator: " ")
      let element = Element(label: label, abstract: description)
      if definition.isPositional {
        positionalElements.append(element)
      } else {
        optionElements.append(element)
      }
    }

    let subcommandElements = commandStack[commandStack.count - 1].subcommands.map { command in
      Element(
        label: ([command.name] + command.aliases).joined(separator: ", "),
        abstract: command.abstract)
    }
    return [
      Section(header: "Arguments", elements: positionalElements),
      Section(header: "Options", elements: optionElements),
      Section(header: "Subcommands", elements: subcommandElements),
    ]
  }

  /// `(values: a, b; default: a)`, `(values: a, b)`, `(default: a)` or "".
  private static func valuesAndDefault(of definition: ArgumentDefinition) -> String {
    let values = definition.allowedValues.filter { !$0.isEmpty }.joined(separator: ", ")
    let defaultValue = definition.defaultDescription ?? ""
    switch (values.isEmpty, defaultValue.isEmpty) {
    case (true, true): return ""
    case (false, true): return "(values: \(values))"
    case (true, false): return "(default: \(defaultValue))"
    case (false, false): return "(values: \(values); default: \(defaultValue))"
    }
  }

  /// Whether the command has subcommands to list.
  public var includesSubcommands: Bool {
    sections.contains { $0.header == "Subcommands" && !$0.elements.isEmpty }
  }

  /// The help screen at `screenWidth` columns, without the final line break the runner adds.
  public func rendered(screenWidth: Int) -> String {
    let renderedSections =
      sections
      .map { $0.rendered(screenWidth: screenWidth) }
      .filter { !$0.isEmpty }
      .joined(separator: "\n")
    let renderedAbstract =
      abstract.isEmpty ? "" : "OVERVIEW: \(abstract)".wrapped(to: screenWidth) + "\n\n"
    let renderedUsage = usage.isEmpty ? "" : "USAGE: \(usage)\n\n"
    var helpSubcommandMessage = ""
    if includesSubcommands {
      var names = commandStack.map(\.name)
      names.insert("help", at: 1)
      helpSubcommandMessage =
        "\n  See '\(names.joined(separator: " ")) <subcommand>' for detailed help."
    }
    return renderedAbstract + renderedUsage + renderedSections + helpSubcommandMessage
  }

  /// `Usage: …` and `  See '… --help' for more information.`, as errors show them.
  public func usageMessage() -> String {
    var message = usage.isEmpty ? "" : "Usage: \(usage)"
    if let helpFlag = HelpNames.primaryHelpFlag(for: commandStack) {
      if !message.isEmpty { message += "\n" }
      let names = commandStack.map(\.name).joined(separator: " ")
      message += "  See '\(names) \(helpFlag.synopsisString)' for more information."
    }
    return message
  }
}
