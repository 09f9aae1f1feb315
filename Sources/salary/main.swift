// The `salary` executable: everything lives in SalaryCLI so tests can run it in-process.
