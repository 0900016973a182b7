import KriyaCore
import KriyaText

/// A report as lines of styled text, for the terminal: aligned tables that fit the width, with
/// empty cells marked, and bar charts drawn with block characters (or `#` where the terminal
/// has no UTF-8). The CLI prints the plain text; the console colours the styles.
public enum ReportText {
    public enum Style: Sendable { case plain, title, heading, highlight, bar, note, total }
    public struct Span: Sendable {
        public var text: String
        public var style: Style
        public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
    }
    public typealias Line = [Span]

    public static func plain(_ report: Report, width: Int, unicode: Bool = true) -> [String] {
        lines(report, width: width, unicode: unicode).map { line in
            var text = line.map(\.text).joined()
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }

    public static func lines(_ report: Report, width: Int, unicode: Bool = true) -> [Line] {
        let width = max(40, width)
        var out: [Line] = [[Span(TerminalSafe.text(report.title), .title)], [Span(report.subtitle, .note)]]
        for section in report.sections {
            out.append([])
            out.append([Span(TerminalSafe.text(section.heading), .heading)])
            if let table = section.table { out += self.table(table, width: width, unicode: unicode) }
            if let chart = section.chart {
                if section.table != nil { out.append([]) }
                // A chart that is the whole section needs no second title.
                out += bars(chart, width: width, unicode: unicode).dropFirst(chart.title == section.heading ? 1 : 0)
            }
            for note in section.notes {
                for piece in Wrap.lines(TerminalSafe.text(note), width: width) { out.append([Span(piece, .note)]) }
            }
        }
        guard !unicode else { return out }
        return out.map { line in line.map { Span(ascii($0.text), $0.style) } }
    }

    /// The typographic characters reports use, for terminals without UTF-8.
    static func ascii(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        let table: [Character: String] = ["·": "-", "–": "-", "—": "-", "…": "...", "≤": "<=", "×": "x", "─": "-", "█": "#"]
        return String(text.flatMap { table[$0] ?? String($0) })
    }

    /// Empty cells of a count table read "·", so the gaps stand out even without colour.
    static func table(_ t: ReportTable, width: Int, unicode: Bool) -> [Line] {
        let gap = 2
        let rows = t.rows.map { $0.map { TerminalSafe.text($0) } }
        let data = t.columns.indices.map { i in rows.map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }.max() ?? 0 }
        var widths = t.columns.indices.map { max(DisplayWidth.of(t.columns[$0]), data[$0]) }
        var total = widths.reduce(0, +) + gap * (widths.count - 1)
        let kept = t.numeric.union(t.fixed)
        // On a narrow screen: free text gives way first (down to 12 cells), then the headings of
        // numbers, dates and phones (never their values), then free text again (down to 4).
        let steps: [(Int) -> Bool] = [
            { !kept.contains($0) && widths[$0] > 12 },
            { kept.contains($0) && widths[$0] > max(data[$0], 3) },
            { !kept.contains($0) && widths[$0] > 4 },
        ]
        for step in steps {
            while total > width, let i = widths.indices.filter(step).max(by: { widths[$0] < widths[$1] }) {
                widths[i] -= 1
                total -= 1
            }
        }
        func line(_ cells: [String], row: Int?, style: Style) -> Line {
            var spans: Line = []
            for i in widths.indices {
                if i > 0 { spans.append(Span(String(repeating: " ", count: gap))) }
                let cell = i < cells.count ? cells[i] : ""
                let marked = row.map { t.highlighted.contains(.init($0, i)) } ?? false
                let text = marked ? (unicode ? "·" : ".") : cell
                spans.append(Span(DisplayWidth.pad(text, toCells: widths[i], alignRight: t.numeric.contains(i)), marked ? .highlight : style))
            }
            return spans
        }
        var out = [line(t.columns, row: nil, style: .heading)]
        out.append([Span(widths.map { String(repeating: unicode ? "─" : "-", count: $0) }.joined(separator: "  "), .note)])
        for (r, cells) in rows.enumerated() {
            let isTotal = t.hasTotalRow && r == rows.count - 1
            out.append(line(cells, row: r, style: isTotal ? .total : .plain))
        }
        return out
    }

    static func bars(_ chart: BarChart, width: Int, unicode: Bool) -> [Line] {
        guard !chart.bars.isEmpty else { return [] }
        let labelWidth = min(24, chart.bars.map { DisplayWidth.of(TerminalSafe.text($0.label)) }.max() ?? 0)
        let shownWidth = chart.bars.map { DisplayWidth.of($0.shown) }.max() ?? 0
        let room = max(10, width - labelWidth - shownWidth - 4)
        let maximum = chart.maximum
        var out: [Line] = [[Span(TerminalSafe.text(chart.title), .note)]]
        for bar in chart.bars {
            let eighths = maximum > 0 ? Int((bar.value / maximum * Double(room * 8)).rounded()) : 0
            out.append([Span(DisplayWidth.pad(TerminalSafe.text(bar.label), toCells: labelWidth) + "  "),
                        Span(drawn(eighths, unicode: unicode), .bar),
                        Span(" " + bar.shown)])
        }
        return out
    }

    /// A bar `eighths`/8 cells long: full blocks and one partial block (▏…▉).
    static func drawn(_ eighths: Int, unicode: Bool) -> String {
        guard unicode else { return String(repeating: "#", count: (eighths + 4) / 8) }
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
