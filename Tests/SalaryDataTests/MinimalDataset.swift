/// A small, valid dataset the validation tests break one line at a time.
///
/// Line numbers and columns in the tests refer to these texts (line 1 is the header).
enum MinimalDataset {
  static let files: [String: String] = [
    "sources.csv": """
    id,publisher,title,author,published,updated,kind,cites,note
    guide-a,Publisher A,Guide A,,2025-01-02,,guide,,
    guide-b,Publisher B,Guide B,,,,guide,,

    """,
    "places.csv": """
    id,name,kind,within,aliases,named_by
    us,United States,country,,usa,guide-a
    sf,"San Francisco, CA",metro,us,bay area,guide-b
    de,Germany,country,,germany,guide-a

    """,
    "levels.csv": """
    source,series,section,level,title,years_from,years_to,years_kind,track,aliases
    guide-a,ladder,Career,junior,Junior,0,2,experience,ic;management,jr
    guide-a,ladder,Career,senior,Senior,5,,experience,ic;management,sr

    """,
    "assumptions.csv": """
    id,value,unit,flag,reason
    range-coverage,50,percent,,Ranges are the middle half.
    open-span-years,5,years,,Open spans close after five years.
    typical-as-median,,,,Typical figures are medians.
    ladder,guide-a,source,,Guide A gives years for every level.
    span-entry,0 to 2,years,,Entry level is the first two years.
    career-horizon,30,years,,Levels speak for thirty years.

    """,
    "promotions.csv": """
    level,next,track,chance,stays,reason
    junior,senior,ic;management,0.9,0.2,Most move up.

    """,
    "pay.csv": """
    id,source,series,section,period,place,occupation,level,label,years_from,years_to,statistic,percentile,value,low,high,plus,relative_to,currency,note
    a-entry,guide-a,table,Pay,2025,us,devs,entry,Entry,0,2,range,,,60000,85000,,,USD,
    a-junior,guide-a,table,Pay,2025,us,devs,junior,Junior,,,median,,70000,,,,,USD,
    b-senior,guide-b,text,Pay,2025-03,us,devs,senior,Senior,5,,range,,,110000,140000,yes,,USD,
    b-sf,guide-b,text,Pay,2025-03,sf,devs,,SF,,,relative,,10,,,,us,USD,

    """,
    "countries.csv": """
    id,source,series,section,period,places,label,level,statistic,currency,value,low,high,plus,usd_value,usd_low,usd_high,note
    a-de,guide-a,global,World,2025,de,Germany,,range,EUR,,60000,95000,,,65000,105000,

    """,
    "outlook.csv": """
    id,source,section,occupation,area,measure,value,approximate,plus,period_from,period_to,cites,note
    a-growth,guide-a,Outlook,devs,us,employment_growth_percent,17,,,2022,2032,BLS,

    """,
    "education.csv": """
    id,source,section,path,measure,statistic,value,low,high,unit,plus,note
    a-bootcamp,guide-a,Education,bootcamp,duration,range,,12,24,weeks,,

    """,
    "specializations.csv": """
    id,name,kind,aliases,named_by,premium_named_by,note
    go,Go,language,golang,guide-a,guide-a,

    """,
  ]

  /// The files as bytes, after `change`.
  static func bytes(_ change: (inout [String: String]) -> Void = { _ in }) -> [String: [UInt8]] {
    var files = files
    change(&files)
    return files.mapValues { Array($0.utf8) }
  }

  /// Replaces line `line` (1-based) of `file`.
  static func replacing(_ file: String, line: Int, with text: String) -> [String: [UInt8]] {
    bytes { files in
      var lines = files[file]!.split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init)
      lines[line - 1] = text
      files[file] = lines.joined(separator: "\n")
    }
  }
}
