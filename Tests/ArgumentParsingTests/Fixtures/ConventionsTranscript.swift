// The recorded behaviour of swift-argument-parser 1.8.2 that the parser reproduces.
//
// Origin: the project's shared reference `cli-conventions.txt` (stdout, stderr and exit code
// of a small `salary` command built on swift-argument-parser 1.8.2). The literal's value is a
// byte-for-byte copy of that file (swift-format indents the lines; Swift strips the indent).
// Kept here so the tests stand alone in the repository; do not edit by hand.

/// The transcript: `$ salary …` lines, each followed by `--- stdout:` or `--- stderr:`, the
/// output, and `[exit N]`; the last case (`COLUMNS=60`) has neither marker nor exit line.
/// The literal ends with one more empty line than the file, as a closing `"""` drops one.
let conventionsTranscript = #"""
  # How swift-argument-parser 1.8.2 behaves, recorded from a small 'salary' command built on it
  # (stdout, stderr and exit code of each call). The hand-written parser follows these conventions.

  $ salary 
  --- stdout:
  OVERVIEW: Estimate and project salaries from band data.

  Reads salary bands from a CSV file and interpolates by experience.

  USAGE: salary <subcommand>

  OPTIONS:
    --version               Show the version.
    -h, --help              Show help information.

  SUBCOMMANDS:
    estimate                Estimate a salary for a profile.
    project, proj           Project earnings over several years.
    export                  Export a projection table as CSV.

    See 'salary help <subcommand>' for detailed help.
  [exit 0]

  $ salary --help
  --- stdout:
  OVERVIEW: Estimate and project salaries from band data.

  Reads salary bands from a CSV file and interpolates by experience.

  USAGE: salary <subcommand>

  OPTIONS:
    --version               Show the version.
    -h, --help              Show help information.

  SUBCOMMANDS:
    estimate                Estimate a salary for a profile.
    project, proj           Project earnings over several years.
    export                  Export a projection table as CSV.

    See 'salary help <subcommand>' for detailed help.
  [exit 0]

  $ salary -h
  --- stdout:
  OVERVIEW: Estimate and project salaries from band data.

  Reads salary bands from a CSV file and interpolates by experience.

  USAGE: salary <subcommand>

  OPTIONS:
    --version               Show the version.
    -h, --help              Show help information.

  SUBCOMMANDS:
    estimate                Estimate a salary for a profile.
    project, proj           Project earnings over several years.
    export                  Export a projection table as CSV.

    See 'salary help <subcommand>' for detailed help.
  [exit 0]

  $ salary help
  --- stdout:
  OVERVIEW: Estimate and project salaries from band data.

  Reads salary bands from a CSV file and interpolates by experience.

  USAGE: salary <subcommand>

  OPTIONS:
    --version               Show the version.
    -h, --help              Show help information.

  SUBCOMMANDS:
    estimate                Estimate a salary for a profile.
    project, proj           Project earnings over several years.
    export                  Export a projection table as CSV.

    See 'salary help <subcommand>' for detailed help.
  [exit 0]

  $ salary help estimate
  --- stdout:
  OVERVIEW: Estimate a salary for a profile.

  USAGE: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]

  OPTIONS:
    -e, --experience <experience>
                            Years of professional experience.
    --location <location>   Work location. (values: remote, london, berlin,
                            paris, madrid, lisbon, dublin; default: remote)
    --specialization <specialization>
                            Specialization key, e.g. backend.
    --format <format>       Output format. (values: text, json, csv; default:
                            text)
    -v, --verbose           Print intermediate values.
    --version               Show the version.
    -h, --help              Show help information.

  [exit 0]

  $ salary estimate --help
  --- stdout:
  OVERVIEW: Estimate a salary for a profile.

  USAGE: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]

  OPTIONS:
    -e, --experience <experience>
                            Years of professional experience.
    --location <location>   Work location. (values: remote, london, berlin,
                            paris, madrid, lisbon, dublin; default: remote)
    --specialization <specialization>
                            Specialization key, e.g. backend.
    --format <format>       Output format. (values: text, json, csv; default:
                            text)
    -v, --verbose           Print intermediate values.
    --version               Show the version.
    -h, --help              Show help information.

  [exit 0]

  $ salary project --help
  --- stdout:
  OVERVIEW: Project earnings over several years.

  USAGE: salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] [--no-compound]

  ARGUMENTS:
    <base-salary>           Starting annual salary.

  OPTIONS:
    --years <years>         Number of years to project. (default: 5)
    --raise <raise>         Annual raise in percent. (default: 3.0)
    --compound/--no-compound
                            Compound the raises. (default: --compound)
    --version               Show the version.
    -h, --help              Show help information.

  [exit 0]

  $ salary export -h
  --- stdout:
  OVERVIEW: Export a projection table as CSV.

  USAGE: salary export --output <path> [--delimiter <delimiter>] [<inputs> ...]

  ARGUMENTS:
    <inputs>                Input files.

  OPTIONS:
    -o, --output <path>     Output file path.
    --delimiter <delimiter> Field delimiter. (default: ,)
    --version               Show the version.
    -h, --help              Show help information.

  [exit 0]

  $ salary --version
  --- stdout:
  0.1.0
  [exit 0]

  $ salary estimate --version
  --- stdout:
  0.1.0
  [exit 0]

  $ salary bogus
  --- stderr:
  Error: Unexpected argument 'bogus'
  Usage: salary <subcommand>
    See 'salary --help' for more information.
  [exit 64]

  $ salary estimat
  --- stderr:
  Error: Unexpected argument 'estimat'
  Usage: salary <subcommand>
    See 'salary --help' for more information.
  [exit 64]

  $ salary --bogus
  --- stderr:
  Error: Unknown option '--bogus'
  Usage: salary <subcommand>
    See 'salary --help' for more information.
  [exit 64]

  $ salary estimate
  --- stderr:
  Error: Missing expected argument '--experience <experience>'
  Help:  -e <experience>  Years of professional experience.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate --experiance 3
  --- stderr:
  Error: Missing expected argument '--experience <experience>'
  Help:  -e <experience>  Years of professional experience.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e
  --- stderr:
  Error: Missing value for '-e <experience>'
  Help:  -e <experience>  Years of professional experience.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e abc
  --- stderr:
  Error: The value 'abc' is invalid for '-e <experience>'
  Help:  -e <experience>  Years of professional experience.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 --format xml
  --- stderr:
  Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json' or 'csv'.
  Help:  --format <format>  Output format.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 --location tokyo
  --- stderr:
  Error: The value 'tokyo' is invalid for '--location <location>'. Please provide one of the following:
    - remote
    - london
    - berlin
    - paris
    - madrid
    - lisbon
    - dublin
  Help:  --location <location>  Work location.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 extra
  --- stderr:
  Error: Unexpected argument 'extra'
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 extra more
  --- stderr:
  Error: 2 unexpected arguments: 'extra', 'more'
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e=-2
  --- stderr:
  Error: Experience must be zero or more years.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e -2
  --- stderr:
  Error: Missing value for '-e <experience>'
  Help:  -e <experience>  Years of professional experience.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 --verbose=yes
  --- stderr:
  Error: The option '--verbose' does not take any value, but 'yes' was specified.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 --specialization fail
  --- stderr:
  Error: No band found for specialization 'fail'.
  [exit 1]

  $ salary estimate --experience=4 -v --format=json
  --- stdout:
  estimate 4.0 remote json true
  [exit 0]

  $ salary estimate -ve 4
  --- stdout:
  estimate 4.0 remote text true
  [exit 0]

  $ salary project 50000
  --- stdout:
  project 50000.0 5 3.0 true
  [exit 0]

  $ salary proj 50000 --no-compound --raise 2.5
  --- stdout:
  project 50000.0 5 2.5 false
  [exit 0]

  $ salary project
  --- stderr:
  Error: Missing expected argument '<base-salary>'
  Help:  <base-salary>  Starting annual salary.
  Usage: salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] [--no-compound]
    See 'salary project --help' for more information.
  [exit 64]

  $ salary project -- -5
  --- stdout:
  project -5.0 5 3.0 true
  [exit 0]

  $ salary project 50000 --compound --no-compound
  --- stdout:
  project 50000.0 5 3.0 false
  [exit 0]

  $ salary export
  --- stderr:
  Error: Missing expected argument '--output <path>'
  Help:  -o <path>  Output file path.
  Usage: salary export --output <path> [--delimiter <delimiter>] [<inputs> ...]
    See 'salary export --help' for more information.
  [exit 64]

  $ salary export -o out.csv a.csv b.csv
  --- stdout:
  export out.csv , ["a.csv", "b.csv"]
  [exit 0]

  $ salary export --output
  --- stderr:
  Error: Missing value for '--output <path>'
  Help:  --output <path>  Output file path.
  Usage: salary export --output <path> [--delimiter <delimiter>] [<inputs> ...]
    See 'salary export --help' for more information.
  [exit 64]

  $ salary help bogus
  --- stdout:
  OVERVIEW: Estimate and project salaries from band data.

  Reads salary bands from a CSV file and interpolates by experience.

  USAGE: salary <subcommand>

  OPTIONS:
    --version               Show the version.
    -h, --help              Show help information.

  SUBCOMMANDS:
    estimate                Estimate a salary for a profile.
    project, proj           Project earnings over several years.
    export                  Export a projection table as CSV.

    See 'salary help <subcommand>' for detailed help.
  [exit 0]

  $ salary estimate help
  --- stderr:
  Error: Missing expected argument '--experience <experience>'
  Help:  -e <experience>  Years of professional experience.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 --formt json
  --- stderr:
  Error: Unknown option '--formt'. Did you mean '--format'?
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 --locaton berlin
  --- stderr:
  Error: Unknown option '--locaton'. Did you mean '--location'?
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 -x
  --- stderr:
  Error: Unknown option '-x'
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e 3 -e 4
  --- stdout:
  estimate 4.0 remote text false
  [exit 0]

  $ salary estimate -e 3 --format json --format csv
  --- stdout:
  estimate 3.0 remote csv false
  [exit 0]

  $ salary project -5
  --- stderr:
  Error: Missing expected argument '<base-salary>'
  Help:  <base-salary>  Starting annual salary.
  Usage: salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] [--no-compound]
    See 'salary project --help' for more information.
  [exit 64]

  $ salary project 50000 --raise -2
  --- stderr:
  Error: Missing value for '--raise <raise>'
  Help:  --raise <raise>  Annual raise in percent.
  Usage: salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] [--no-compound]
    See 'salary project --help' for more information.
  [exit 64]

  $ salary project 50000 --raise=-2
  --- stdout:
  project 50000.0 5 -2.0 true
  [exit 0]

  $ salary project 50000 --years 2.5
  --- stderr:
  Error: The value '2.5' is invalid for '--years <years>'
  Help:  --years <years>  Number of years to project.
  Usage: salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] [--no-compound]
    See 'salary project --help' for more information.
  [exit 64]

  $ salary project abc
  --- stderr:
  Error: The value 'abc' is invalid for '<base-salary>'
  Help:  <base-salary>  Starting annual salary.
  Usage: salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] [--no-compound]
    See 'salary project --help' for more information.
  [exit 64]

  $ salary estimate -e 3 -vx
  --- stderr:
  Error: Unknown option '-x'
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary export -o
  --- stderr:
  Error: Missing value for '-o <path>'
  Help:  -o <path>  Output file path.
  Usage: salary export --output <path> [--delimiter <delimiter>] [<inputs> ...]
    See 'salary export --help' for more information.
  [exit 64]

  $ salary --version extra
  --- stdout:
  0.1.0
  [exit 0]

  $ salary estimate -help
  --- stderr:
  Error: Unknown option '-help'
     or: Missing value for '-e <experience>' in '-help'
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate -e abc --help
  --- stderr:
  Error: The value 'abc' is invalid for '-e <experience>'
  Help:  -e <experience>  Years of professional experience.
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary estimate --bogus -h
  --- stdout:
  OVERVIEW: Estimate a salary for a profile.

  USAGE: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]

  OPTIONS:
    -e, --experience <experience>
                            Years of professional experience.
    --location <location>   Work location. (values: remote, london, berlin,
                            paris, madrid, lisbon, dublin; default: remote)
    --specialization <specialization>
                            Specialization key, e.g. backend.
    --format <format>       Output format. (values: text, json, csv; default:
                            text)
    -v, --verbose           Print intermediate values.
    --version               Show the version.
    -h, --help              Show help information.

  [exit 0]

  $ salary -h estimate
  --- stdout:
  OVERVIEW: Estimate and project salaries from band data.

  Reads salary bands from a CSV file and interpolates by experience.

  USAGE: salary <subcommand>

  OPTIONS:
    --version               Show the version.
    -h, --help              Show help information.

  SUBCOMMANDS:
    estimate                Estimate a salary for a profile.
    project, proj           Project earnings over several years.
    export                  Export a projection table as CSV.

    See 'salary help <subcommand>' for detailed help.
  [exit 0]

  $ salary estimate -e 3 -- extra
  --- stderr:
  Error: Unexpected argument 'extra'
  Usage: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]
    See 'salary estimate --help' for more information.
  [exit 64]

  $ salary project 1 --raise=
  --- stderr:
  Error: Missing value for '--raise <raise>'
  Help:  --raise <raise>  Annual raise in percent.
  Usage: salary project <base-salary> [--years <years>] [--raise <raise>] [--compound] [--no-compound]
    See 'salary project --help' for more information.
  [exit 64]

  $ salary --version --help
  --- stdout:
  OVERVIEW: Estimate and project salaries from band data.

  Reads salary bands from a CSV file and interpolates by experience.

  USAGE: salary <subcommand>

  OPTIONS:
    --version               Show the version.
    -h, --help              Show help information.

  SUBCOMMANDS:
    estimate                Estimate a salary for a profile.
    project, proj           Project earnings over several years.
    export                  Export a projection table as CSV.

    See 'salary help <subcommand>' for detailed help.
  [exit 0]

  $ salary --generate-completion-script bogus
  --- stderr:
  Error: Can't generate completion scripts for 'bogus'.
  Please use --generate-completion-script=<shell> with one of:
      zsh bash fish
  Usage: salary <subcommand>
    See 'salary --help' for more information.
  [exit 64]

  $ COLUMNS=60 salary estimate --help
  OVERVIEW: Estimate a salary for a profile.

  USAGE: salary estimate --experience <experience> [--location <location>] [--specialization <specialization>] [--format <format>] [--verbose]

  OPTIONS:
    -e, --experience <experience>
                            Years of professional experience.
    --location <location>   Work location. (values: remote,
                            london, berlin, paris, madrid,
                            lisbon, dublin; default: remote)
    --specialization <specialization>
                            Specialization key, e.g. backend.
    --format <format>       Output format. (values: text,
                            json, csv; default: text)
    -v, --verbose           Print intermediate values.
    --version               Show the version.
    -h, --help              Show help information.


  """#
