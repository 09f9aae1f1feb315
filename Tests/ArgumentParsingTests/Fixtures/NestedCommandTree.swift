// A deeper tree than the transcript's, for nested subcommands, discussions and the
// argument kinds the transcript does not use.

@testable import ArgumentParsing

/// `salary data levels` and `salary data sources`, below a root with one leaf beside them.
let nestedRoot = CommandSpec(
  name: "salary",
  abstract: "Estimate and project salaries from band data.",
  version: "0.2.0",
  subcommands: [
    CommandSpec(
      name: "data",
      abstract: "Inspect the published figures.",
      subcommands: [
        CommandSpec(
          name: "levels",
          aliases: ["lv"],
          abstract: "List the levels of a career ladder.",
          discussion: """
            Levels come from the guides' tables, in order of seniority.

            EXAMPLES:
              salary data levels --track ic
              salary data levels --track management --color data/
            """,
          arguments: [
            .option(
              "track", short: "t", help: "Career track.", allowedValues: ["ic", "management"],
              default: "ic"),
            .option("source", help: "Only these sources.", isRepeating: true),
            .flag("color", inversion: .prefixedNo, default: nil, help: "Colour the output."),
            .positional("folders", help: "Data folders to read.", isRepeating: true),
          ]),
        CommandSpec(name: "sources", abstract: "List the sources and their publishers."),
      ]),
    CommandSpec(
      name: "convert",
      abstract: "Convert an amount between currencies.",
      arguments: [
        .positional("amount", help: "The amount.", type: .double),
        .positional("currency", help: "The target currency.", default: "USD"),
        .option(
          "years", help: "Years of inflation to apply.",
          type: .custom { raw throws(InvalidValue) in
            guard let years = Int(raw), (1...60).contains(years) else {
              throw InvalidValue(reason: "must be between 1 and 60")
            }
          }),
      ]),
  ])

/// A dispatcher for ``nestedRoot`` whose leaf handlers print their values.
func nestedDispatcher() -> CommandDispatcher<String, String> {
  var dispatcher = CommandDispatcher<String, String>(root: nestedRoot)
  dispatcher.register("data", "levels") { invocation, out, _ in
    let values = invocation.values
    let track = try values.string("track")
    out.write(
      "levels \(track) \(values.strings("source")) \(values.flag("color")) "
        + "\(values.strings("folders"))\n")
    return ExitStatus.success
  }
  dispatcher.register("convert") { invocation, out, _ in
    let values = invocation.values
    let amount = try values.double("amount")
    let currency = try values.string("currency")
    let years = values.hasValue("years") ? try values.int("years") : 0
    out.write("convert \(amount) \(currency) \(years)\n")
    return ExitStatus.success
  }
  return dispatcher
}
