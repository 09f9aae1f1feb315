// SalaryCore: the numeric core. Pure: no I/O, no Foundation.
