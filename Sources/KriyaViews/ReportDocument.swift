import KriyaCore

/// A report as a document: Markdown, or one self-contained HTML file (tables and SVG bar
/// charts, no scripts, no outside files) that prints on A4 for the mayor's office. The HTML is
/// well-formed XML, so tools (and the tests) can parse it.
public enum ReportDocument {
    public static func markdown(_ r: Report) -> String {
        var out = "# \(md(r.title))\n\n_\(md(r.subtitle))_\n"
        for s in r.sections {
            out += "\n## \(md(s.heading))\n\n"
            if let t = s.table {
                out += "| " + t.columns.map(md).joined(separator: " | ") + " |\n"
                out += "|" + t.columns.indices.map { t.numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
                for (i, row) in t.rows.enumerated() {
                    let cells = row.enumerated().map { c, cell in t.highlighted.contains(.init(i, c)) ? "**·**" : md(cell) }
                    let isTotal = t.hasTotalRow && i == t.rows.count - 1
                    out += "| " + (isTotal ? cells.map { $0.isEmpty ? "" : "**\($0)**" } : cells).joined(separator: " | ") + " |\n"
                }
            }
            if let chart = s.chart {
                out += "\n\(md(chart.title)):\n\n```\n" + ReportText.bars(chart, width: 80, unicode: true).dropFirst()
                    .map { $0.map(\.text).joined() }.joined(separator: "\n") + "\n```\n"
            }
            for note in s.notes { out += "\n\(md(note))\n" }
        }
        return out
    }

    public static func html(_ r: Report, lang: Lang) -> String {
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(lang.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <title>\(x(r.title))</title>
            <style>
            @page { size: A4; margin: 16mm 14mm; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #222; max-width: 190mm; margin: 0 auto; }
            h1 { font-size: 16pt; margin: 0 0 2pt; color: #5a2d0c; }
            p.sub { margin: 0 0 10pt; color: #666; }
            h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #c9a27e; color: #5a2d0c; }
            section { page-break-inside: avoid; break-inside: avoid; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
            th, td { border: 1px solid #d5c8bb; padding: 2pt 4pt; vertical-align: top; }
            th { background: #f3ebe3; text-align: left; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            td.empty { background: #fbd9d3; color: #a3261b; text-align: center; font-weight: bold; }
            tr.total td { font-weight: bold; border-top: 2px solid #5a2d0c; }
            p.note { color: #555; font-size: 8.5pt; margin: 3pt 0; }
            svg { display: block; margin: 4pt 0; }
            svg text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9px; fill: #222; }
            </style>
            </head>
            <body>
            <h1>\(x(r.title))</h1>
            <p class="sub">\(x(r.subtitle))</p>

            """
        for s in r.sections {
            out += "<section>\n<h2>\(x(s.heading))</h2>\n"
            if let t = s.table { out += table(t) }
            if let chart = s.chart { out += svg(chart) }
            for note in s.notes { out += "<p class=\"note\">\(x(note))</p>\n" }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    static func table(_ t: ReportTable) -> String {
        var out = "<table>\n<thead><tr>"
        for (i, c) in t.columns.enumerated() { out += t.numeric.contains(i) ? "<th class=\"n\">\(x(c))</th>" : "<th>\(x(c))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            out += t.hasTotalRow && r == t.rows.count - 1 ? "<tr class=\"total\">" : "<tr>"
            for (c, cell) in row.enumerated() {
                if t.highlighted.contains(.init(r, c)) { out += "<td class=\"empty\">0</td>" }
                else { out += t.numeric.contains(c) ? "<td class=\"n\">\(x(cell))</td>" : "<td>\(x(cell))</td>" }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Horizontal bars, 18 px a row, labels left, values right of each bar.
    static func svg(_ chart: BarChart) -> String {
        let rowHeight = 18, labelWidth = 170, barRoom = 390, width = 680
        let height = 22 + chart.bars.count * rowHeight
        let maximum = chart.maximum
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(x(chart.title))\">\n"
        out += "<text x=\"0\" y=\"12\" font-weight=\"bold\">\(x(chart.title))</text>\n"
        for (i, bar) in chart.bars.enumerated() {
            let y = 20 + i * rowHeight
            let length = maximum > 0 ? Int((bar.value / maximum * Double(barRoom)).rounded()) : 0
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 12)\" text-anchor=\"end\">\(x(bar.label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\" height=\"\(rowHeight - 5)\" fill=\"#b5651d\"/>"
            out += "<text x=\"\(labelWidth + length + 5)\" y=\"\(y + 12)\">\(x(bar.shown))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// Text for XML: the five special characters escaped, control characters dropped.
    static func x(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                if (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func md(_ text: String) -> String {
        x(text).replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
}
