// SalaryCLI: the command line.
