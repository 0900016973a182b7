import KriyaText

/// An aligned text table that fits a width: every cell is made terminal-safe, measured in
/// display cells (wide characters count two), and the widest columns give way first.
public struct Table {
    public struct Column {
        public var title: String
        public var alignRight: Bool
        /// Never narrower than this (dates).
        public var minWidth: Int
        /// Never cut at all: an id (`A-3573-000123` with an office) must be readable whole.
        public var whole: Bool
        public init(_ title: String, alignRight: Bool = false, minWidth: Int = 4, whole: Bool = false) {
            self.title = title
            self.alignRight = alignRight
            self.minWidth = minWidth
            self.whole = whole
        }

        /// An id column: never cut.
        public static func id(_ title: String) -> Column { Column(title, minWidth: 8, whole: true) }
        /// An amount of money: never cut ("Rp16.984.0…" would be another sum), right-aligned.
        public static func money(_ title: String) -> Column { Column(title, alignRight: true, minWidth: 8, whole: true) }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func add(_ cells: [String]) {
        rows.append(cells.map { TerminalSafe.text($0) })
    }

    /// The table's lines, at most `width` cells wide (nil: as wide as the content).
    public func render(width: Int?) -> [String] {
        let gap = 2
        var widths = columns.indices.map { i in
            max(DisplayWidth.of(columns[i].title), rows.map { DisplayWidth.of($0[i]) }.max() ?? 0)
        }
        if let width {
            var total = widths.reduce(0, +) + gap * (columns.count - 1)
            // Shrink the widest shrinkable column one cell at a time until it fits.
            while total > width {
                guard let i = widths.indices.filter({ !columns[$0].whole && widths[$0] > columns[$0].minWidth })
                    .max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
                total -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            let parts = cells.indices.map { i in
                DisplayWidth.pad(cells[i], toCells: widths[i], alignRight: columns[i].alignRight)
            }
            var text = parts.joined(separator: String(repeating: " ", count: gap))
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = [line(columns.map(\.title))]
        out.append(line(widths.map { String(repeating: "─", count: $0) }))
        out.append(contentsOf: rows.map(line))
        return out
    }
}

