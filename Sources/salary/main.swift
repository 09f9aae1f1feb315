// The `salary` executable: everything lives in SalaryCLI so tests can run it in-process.
import SalaryCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

exit(SalaryCommandLine.main(arguments: Array(CommandLine.arguments.dropFirst())))
