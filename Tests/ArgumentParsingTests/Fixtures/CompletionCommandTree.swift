// A small tree with every completion kind, for the generators' and the dump's tests.

@testable import ArgumentParsing

/// `tool fetch` (options and a file positional) and `tool data show` (a folder), below a
/// root with a version.
let completionRoot = CommandSpec(
  name: "tool",
  abstract: "Fetch and show data.",
  version: "1.0.0",
  subcommands: [
    CommandSpec(
      name: "fetch", aliases: ["get"],
      abstract: "Fetch a file.",
      arguments: [
        .option(
          "track", short: "t", help: "Career track.", allowedValues: ["ic", "management"],
          default: "ic"),
        .option("place", help: "A place.", completion: .computedList { ["san-jose", "sf"] }),
        .option("out", valueName: "file", completion: .file(extensions: ["csv", "json"])),
        .option("tag", help: "A tag: any word.", isRepeating: true),
        .flag("verbose", short: "v", help: "Say more."),
        .flag("color", inversion: .prefixedNo, default: nil, help: "Colour it."),
        .positional("input", help: "The file to read.", completion: .anyFile),
      ]),
    CommandSpec(
      name: "data", abstract: "Inspect data.",
      subcommands: [
        CommandSpec(
          name: "show", abstract: "Show a folder.",
          arguments: [
            .positional("dir", help: "A folder.", completion: .directory),
            .option("cmd", help: "From a command.", completion: .shellCommand("ls")),
          ])
      ]),
  ])
