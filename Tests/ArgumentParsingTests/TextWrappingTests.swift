// Wrapping of help text: the 26-column label column, the 53/54-column edge, other widths.

import Testing

@testable import ArgumentParsing

/// Wrapping at the label column and at the edges of the width.
@Suite("Text wrapping")
struct TextWrappingTests {
  /// Help text after the labels has 80 - 26 = 54 columns, but a chunk of 54 characters is cut
  /// at its last space, so a word ending on column 54 that is followed by more text moves down.
  @Test("a word ending on the last column moves down unless it ends the text")
  func lastColumnEdge() {
    let fits53 = String(repeating: "a", count: 50) + " bc"  // 53 characters
    let fits54 = String(repeating: "a", count: 50) + " bcd"  // 54 characters
    #expect(
      fits54.wrapped(to: 80, wrappingIndent: 26) == String(repeating: " ", count: 26) + fits54)
    #expect(
      (fits53 + " z").wrapped(to: 80, wrappingIndent: 26)
        == String(repeating: " ", count: 26) + fits53 + "\n" + String(repeating: " ", count: 26)
        + "z")
    #expect(
      (fits54 + " z").wrapped(to: 80, wrappingIndent: 26)
        == String(repeating: " ", count: 26) + String(repeating: "a", count: 50) + "\n"
        + String(repeating: " ", count: 26) + "bcd z")
  }

  @Test("the recorded --location line breaks before 'paris,' at 80 columns")
  func recordedLocationLine() {
    let text =
      "Work location. (values: remote, london, berlin, paris, madrid, lisbon, dublin; "
      + "default: remote)"
    let indent = String(repeating: " ", count: 26)
    #expect(
      text.wrapped(to: 80, wrappingIndent: 26)
        == indent + "Work location. (values: remote, london, berlin,\n" + indent
        + "paris, madrid, lisbon, dublin; default: remote)")
    #expect(
      text.wrapped(to: 60, wrappingIndent: 26)
        == indent + "Work location. (values: remote,\n" + indent
        + "london, berlin, paris, madrid,\n"
        + indent + "lisbon, dublin; default: remote)")
  }

  @Test("labels shorter than 24 characters share the line; longer ones get their own")
  func labelColumn() {
    let short = HelpGenerator.Element(label: String(repeating: "x", count: 23), abstract: "Help.")
    let exact = HelpGenerator.Element(label: String(repeating: "x", count: 24), abstract: "Help.")
    #expect(
      short.rendered(screenWidth: 80) == "  " + String(repeating: "x", count: 23) + " Help.\n")
    #expect(
      exact.rendered(screenWidth: 80)
        == "  " + String(repeating: "x", count: 24) + "\n" + String(repeating: " ", count: 26)
        + "Help.\n")
    let bare = HelpGenerator.Element(label: "<subcommands>", abstract: "")
    #expect(bare.rendered(screenWidth: 80) == "  <subcommands>\n")
  }

  @Test("line breaks are kept, empty lines stay unindented, long words overflow")
  func lineBreaksAndLongWords() {
    #expect("one\n\ntwo".wrapped(to: 20, wrappingIndent: 2) == "  one\n\n  two")
    #expect("abcdefghij klm".wrapped(to: 5) == "abcdefghij\nklm")
    #expect("abcdefghij".wrapped(to: 5) == "abcdefghij")
    #expect("".wrapped(to: 80) == "")
  }

  @Test("no room left after the indent gives no text, as upstream in release builds")
  func noRoom() {
    #expect("anything".wrapped(to: 26, wrappingIndent: 26) == "")
    #expect("anything".wrapped(to: 0) == "")
  }

  @Test("the overview wraps at the full width")
  func overview() {
    let command = CommandSpec(
      name: "tool",
      abstract: "One two three four five six seven eight nine ten eleven twelve thirteen.")
    let help = HelpGenerator(commandStack: [command]).rendered(screenWidth: 40)
    #expect(
      help == """
        OVERVIEW: One two three four five six
        seven eight nine ten eleven twelve
        thirteen.

        USAGE: tool

        OPTIONS:
          -h, --help              Show help
                                  information.

        """)
  }
}
