// SalaryCSV: RFC 4180 reading and spreadsheet-safe writing.
//
// This module knows nothing of salaries. It holds a strict, streaming CSV reader over UTF-8
// bytes (`CSVReader`), a writer whose output spreadsheets read back without surprises
// (`CSVWriter`), and the decimal formatter both the writer and the command line use
// (`formatDecimal(_:maxFractionDigits:minFractionDigits:)`).
//
// It imports nothing, not even Foundation, so that the command line starts fast.
