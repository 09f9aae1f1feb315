import Foundation

/// A workbook as Python's `zipfile` and `xml.etree` read it, independently of our writer:
/// whether the archive checks, its part names, that every XML part parses, and each
/// sheet's cells with their types, styles and values (text with Excel's `_xHHHH_` escapes
/// decoded), plus each cell style's number format.
public struct WorkbookDump: Sendable {
  /// One cell: its reference (`B7`), type (`n`, `inlineStr`, `b`), style index and value.
  public struct Cell: Sendable, Equatable {
    public var reference: String
    public var type: String
    public var style: Int
    public var value: String

    public init(reference: String, type: String, style: Int, value: String) {
      self.reference = reference
      self.type = type
      self.style = style
      self.value = value
    }
  }

  /// Whether `testzip()` found every entry's CRC right.
  public var checks: Bool
  public var names: [String]
  /// The sheet names, in order.
  public var sheetNames: [String]
  /// Each sheet's rows (by sheet name), each row its cells.
  public var sheets: [String: [[Cell]]]
  /// Each cell style's number format code (`General` for none), by style index.
  public var formats: [String]
  /// Each cell style's boldness, by style index.
  public var bold: [Bool]
  /// The contents of every entry, as text.
  public var parts: [String: String]

  /// The rows of the first sheet.
  public var firstSheet: [[Cell]] { sheets[sheetNames[0]] ?? [] }

  /// Reads the workbook at `path`; `withSheets: false` skips the cells of the sheets and
  /// the parsing of big ones.
  public static func read(_ path: String, withSheets: Bool = true) throws -> WorkbookDump {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path, withSheets ? "1" : "0"]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problem = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw DumpError(message: String(decoding: problem, as: UTF8.self))
    }
    let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    var sheets: [String: [[Cell]]] = [:]
    for (name, rows) in json["sheets"] as! [String: [[[Any]]]] {
      sheets[name] = rows.map { row in
        row.map { cell in
          Cell(
            reference: cell[0] as! String, type: cell[1] as! String, style: cell[2] as! Int,
            value: cell[3] as! String)
        }
      }
    }
    return WorkbookDump(
      checks: json["checks"] as! Bool, names: json["names"] as! [String],
      sheetNames: json["sheetNames"] as! [String], sheets: sheets,
      formats: json["formats"] as! [String], bold: json["bold"] as! [Bool],
      parts: json["parts"] as! [String: String])
  }

  /// What Python said when it could not read the workbook.
  public struct DumpError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  static let script = #"""
    import json, re, sys, zipfile
    import xml.etree.ElementTree as ET
    M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
    R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
    def unescape(text):
        return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), text)
    z = zipfile.ZipFile(sys.argv[1])
    out = {'checks': z.testzip() is None, 'names': z.namelist(), 'parts': {}, 'sheets': {}}
    for name in z.namelist():
        data = z.read(name)
        small = not name.startswith('xl/worksheets/sheet') or len(data) < 200000
        if small or sys.argv[2] == '1':
            ET.fromstring(data)
        if small:
            out['parts'][name] = data.decode('utf-8')
    book = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels}
    out['sheetNames'] = []
    for sheet in book.iter(M + 'sheet'):
        name = sheet.get('name')
        out['sheetNames'].append(name)
        if sys.argv[2] != '1':
            continue
        rows = []
        for row in ET.fromstring(z.read('xl/' + targets[sheet.get(R + 'id')])).iter(M + 'row'):
            cells = []
            for c in row.iter(M + 'c'):
                t = c.get('t', 'n')
                if t == 'inlineStr':
                    value = unescape(''.join(x.text or '' for x in c.iter(M + 't')))
                else:
                    value = c.find(M + 'v').text
                cells.append([c.get('r'), t, int(c.get('s', '0')), value])
            rows.append(cells)
        out['sheets'][name] = rows
    styles = ET.fromstring(z.read('xl/styles.xml'))
    codes = {int(f.get('numFmtId')): f.get('formatCode') for f in styles.iter(M + 'numFmt')}
    fonts = [f.find(M + 'b') is not None for f in styles.find(M + 'fonts')]
    xfs = list(styles.find(M + 'cellXfs'))
    out['formats'] = [codes.get(int(x.get('numFmtId')), 'General') for x in xfs]
    out['bold'] = [fonts[int(x.get('fontId'))] for x in xfs]
    print(json.dumps(out))
    """#
}
