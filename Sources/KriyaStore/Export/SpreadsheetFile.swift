/// A table as a CSV file that Excel, LibreOffice and Google Sheets open correctly: UTF-8 with
/// a byte-order mark (without it Excel reads UTF-8 as the Windows code page), RFC 4180 quoting,
/// CRLF line ends, and no cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`
/// typed into a name): those get a leading apostrophe, which the importer takes off again.
///
/// Written here rather than with the CSV library's writer, which makes one stream call per
/// byte: 15 s for 100k artisans against well under a second this way. Reading stays with the
/// library.
public enum SpreadsheetFile {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func csv(headings: [String], rows: [[String]], delimiter: Character = ",") -> [UInt8] {
        var out = byteOrderMark
        out.reserveCapacity(rows.count * 200)
        let separator = UInt8(delimiter.asciiValue ?? 0x2C)
        func write(_ cells: [String], guard: Bool) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(separator) }
                let text = `guard` ? guarded(cell) : cell
                let needsQuotes = text.utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                guard needsQuotes else { out.append(contentsOf: text.utf8); continue }
                out.append(0x22)
                for byte in text.utf8 {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        write(headings, guard: false)
        for row in rows { write(row, guard: true) }
        return out
    }

    /// `=1+1` → `'=1+1`; phones like `+62 812…` too, since a spreadsheet reads them as a sum.
    static func guarded(_ cell: String) -> String {
        guard let first = cell.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return cell }
        return "'" + cell
    }
}
