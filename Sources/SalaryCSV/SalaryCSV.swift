// SalaryCSV: RFC 4180 reading and spreadsheet-safe writing.
