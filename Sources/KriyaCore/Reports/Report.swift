/// A report for the council: sections of tables and bar charts, built from the data by the
/// report builders and drawn by the renderers (text, Markdown, HTML, CSV, the console pane).
public struct Report: Sendable {
    public var name: ReportName
    public var title: String
    /// Who and when, e.g. "Dekranasda Kota Malang · 29/11/2026".
    public var subtitle: String
    public var sections: [Section] = []

    public struct Section: Sendable {
        public var heading: String
        public var table: ReportTable?
        public var chart: BarChart?
        public var notes: [String] = []

        public init(heading: String, table: ReportTable? = nil, chart: BarChart? = nil, notes: [String] = []) {
            self.heading = heading; self.table = table; self.chart = chart; self.notes = notes
        }
    }
}

public enum ReportName: String, CaseIterable, Sendable {
    case coverage, training, certification, exhibitions, partners, board
}

public struct ReportTable: Sendable {
    public var columns: [String]
    /// Columns of numbers, aligned right.
    public var numeric: Set<Int>
    /// Text columns never cut short on a narrow screen (dates, phone numbers); numbers never are.
    public var fixed: Set<Int> = []
    public var rows: [[String]] = []
    /// Cells to draw the eye to (row, column): e.g. a kecamatan without a craft.
    public var highlighted: Set<Cell> = []
    /// The last row is a total (drawn apart).
    public var hasTotalRow = false

    public struct Cell: Hashable, Sendable {
        public var row: Int, column: Int
        public init(_ row: Int, _ column: Int) { self.row = row; self.column = column }
    }

    public init(columns: [String], numeric: Set<Int> = [], fixed: Set<Int> = []) {
        self.columns = columns
        self.numeric = numeric
        self.fixed = fixed
    }
}

/// Horizontal bars: a label, the value the bar's length follows, and the value as shown.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var shown: String
        public init(_ label: String, _ value: Double, _ shown: String) { self.label = label; self.value = value; self.shown = shown }
    }
    public var title: String
    public var bars: [Bar]
    public init(title: String, bars: [Bar]) { self.title = title; self.bars = bars }
    public var maximum: Double { bars.map(\.value).max() ?? 0 }
}

extension Report {
    /// Builds the named report from the data as of `today`.
    public static func make(_ name: ReportName, data: Dataset, today: CivilDate, lang: Lang) -> Report {
        switch name {
        case .coverage: return CoverageReport.make(data, today: today, lang: lang)
        case .training: return TrainingReport.make(data, today: today, lang: lang)
        case .certification: return CertificationReport.make(data, today: today, lang: lang)
        case .exhibitions: return ExhibitionReport.make(data, today: today, lang: lang)
        case .partners: return PartnersReport.make(data, today: today, lang: lang)
        case .board: return BoardReport.make(data, today: today, lang: lang)
        }
    }

    static func subtitle(_ today: CivilDate, _ lang: Lang) -> String {
        "Dekranasda Kota Malang · " + L10n.text(.rAsOf, lang, today.numeric)
    }

    /// A date range as short as it reads: "12–16/03/2025", "30/09–02/10/2026".
    static func dates(_ start: CivilDate, _ end: CivilDate) -> String {
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        if start == end { return start.numeric }
        if start.year != end.year { return "\(start.numeric)–\(end.numeric)" }
        if start.month != end.month { return "\(two(start.day))/\(two(start.month))–\(end.numeric)" }
        return "\(two(start.day))–\(end.numeric)"
    }

    /// "84%" for a share, "–" when there is nothing to divide by.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? "\(Int((Double(part) * 100 / Double(whole)).rounded()))%" : "–"
    }
}
