// The real command tree's declaration, which release builds do not check at run time.

import Testing

@testable import SalaryCLI

@Suite struct CommandTreeTests {
  /// Names are unique, none is reserved, defaults pass their own checks, and only the last
  /// positional argument repeats: a failure stops the test run, as it would a debug build.
  @Test func theCommandTreeIsDeclaredConsistently() {
    Commands.root.checkDeclaration()
    #expect(Commands.root.subcommands.map(\.name).contains("estimate"))
  }
}
