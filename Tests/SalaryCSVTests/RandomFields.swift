import SalaryCSV
import _TestSupport

// Random fields for the writer's property tests, drawn from a seeded generator.

/// Pieces random text is made of: the characters CSV and spreadsheets care about, non-ASCII
/// text, a combining accent (which fuses with a quote into one Character) and formula triggers.
let textPieces: [String] = [
  "a", "Z", "7", " ", "ü", "東京", "😀", "\u{301}", "\"", "\"\"", ",", ";", "\r", "\n", "\r\n",
  "\t", "'", "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FEFF}",
  "1.5", "0,035",
]

/// Up to six pieces of text.
func randomText(using rng: inout SplitMix64) -> String {
  var text = ""
  for _ in 0..<Int.random(in: 0...6, using: &rng) {
    text += textPieces.randomElement(using: &rng)!
  }
  return text
}

/// A field: text four times in ten, a number of any size three times (with up to
/// `maxFractionDigits` decimals), an integer twice, an empty field once.
func randomField(using rng: inout SplitMix64, maxFractionDigits: Int) -> CSVField {
  switch Int.random(in: 0..<10, using: &rng) {
  case 0..<4:
    return .text(randomText(using: &rng))
  case 4..<7:
    let magnitude = [1.0, 100, 100_000, 1e9, 1e14].randomElement(using: &rng)!
    let value = Double.random(in: -magnitude...magnitude, using: &rng)
    return .number(value, fractionDigits: Int.random(in: 0...maxFractionDigits, using: &rng))
  case 7, 8:
    return .integer(Int.random(in: -999_999_999_999_999...999_999_999_999_999, using: &rng))
  default:
    return .empty
  }
}
