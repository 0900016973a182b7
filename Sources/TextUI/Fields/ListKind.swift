import KriyaText

/// A value that is a list of rows: products with their prices, certifications with number and
/// dates. In the form it is one line of text (the same text spreadsheets and `kriya add` use);
/// Enter on it opens a `ListEditor`, a small table with a column per part.
public struct ListKind: FieldKind {
    public struct Column: Sendable {
        public let title: String
        public let width: Int
        public let kind: any FieldKind
        public let maxLength: Int
        public init(_ title: String, width: Int, kind: any FieldKind = TextKind(), maxLength: Int = 120) {
            self.title = title
            self.width = width
            self.kind = kind
            self.maxLength = maxLength
        }
    }

    public let columns: [Column]
    /// The text of the field as rows of cells, and back.
    public let rows: @Sendable (String) -> [[String]]
    public let text: @Sendable ([[String]]) -> String
    /// What the field shows beside its text (meeting days with their weekdays), if anything.
    public let summary: (@Sendable (String) -> String?)?

    public init(columns: [Column], rows: @escaping @Sendable (String) -> [[String]], text: @escaping @Sendable ([[String]]) -> String,
                summary: (@Sendable (String) -> String?)? = nil) {
        self.columns = columns
        self.rows = rows
        self.text = text
        self.summary = summary
    }

    public func accepts(_ c: Character) -> Bool { true }
    public func note(for text: String) -> String? { summary?(text) }
}

/// The table a list field opens into: a row per item, a column per part. Tab moves cell by
/// cell (past the last cell a new row starts), ↑/↓ row by row, Ctrl-N adds a row, Ctrl-R
/// removes one, Enter puts the list back into the form, Esc leaves the field as it was.
public struct ListEditor: Sendable {
    public enum Outcome: Equatable, Sendable { case editing, done, cancelled }

    public let kind: ListKind
    public private(set) var cells: [[TextField]]
    public private(set) var row = 0
    public private(set) var column = 0

    public init(_ kind: ListKind, text: String) {
        self.kind = kind
        cells = kind.rows(text).map { Self.row(kind, $0) }
        if cells.isEmpty { cells = [Self.row(kind, [])] }
    }

    private static func row(_ kind: ListKind, _ values: [String]) -> [TextField] {
        kind.columns.indices.map { i in TextField(i < values.count ? values[i] : "", maxLength: kind.columns[i].maxLength) }
    }

    /// The list as the field's text, empty rows left out.
    public var text: String {
        kind.text(cells.map { $0.map(\.text) }.filter { $0.contains { !$0.allSatisfy { $0 == " " } } })
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter, .f(2), .ctrl("s"):
            settleChoice()
            return .done
        case .escape: return .cancelled
        case .tab: move(by: 1)
        case .backTab: move(by: -1)
        case .up: settleChoice(); row = max(0, row - 1)
        case .down: settleChoice(); row = min(cells.count - 1, row + 1)
        case .ctrl("n"):
            settleChoice()
            cells.insert(Self.row(kind, []), at: row + 1)
            (row, column) = (row + 1, 0)
        case .ctrl("r"):
            cells.remove(at: row)
            if cells.isEmpty { cells = [Self.row(kind, [])] }
            (row, column) = (min(row, cells.count - 1), 0)
        default:
            let accepts = kind.columns[column].kind.accepts
            cells[row][column].handle(key, accept: accepts)
        }
        return .editing
    }

    /// Cell by cell; past the last cell of a filled last row, a new row.
    private mutating func move(by step: Int) {
        settleChoice()
        let width = kind.columns.count
        var index = row * width + column + step
        if index >= cells.count * width {
            guard cells[row].contains(where: { !$0.text.isEmpty }) else { return }
            cells.append(Self.row(kind, []))
        }
        index = max(0, index)
        (row, column) = (index / width, index % width)
    }

    /// A choice cell left with a few letters takes the best matching option.
    private mutating func settleChoice() {
        guard let choice = kind.columns[column].kind as? ChoiceKind else { return }
        let typed = cells[row][column].text
        guard !typed.isEmpty, choice.exact(typed) == nil, let best = choice.matches(typed, group: nil).first else { return }
        cells[row][column] = TextField(best.label, maxLength: kind.columns[column].maxLength)
    }

    /// Draws the table in `area` (under the field it edits): titles, rows, the keys.
    public func render(into grid: inout Grid, area: Rect, keys: String) {
        let rows = min(cells.count, max(1, area.height - 3))
        let first = row >= rows ? row - rows + 1 : 0
        let box = Rect(x: area.x, y: area.y, width: area.width, height: rows + 3)
        grid.fill(box, role: .normal)
        var x = area.x + 1
        for c in kind.columns {
            grid.put(DisplayWidth.pad(c.title, toCells: c.width), x: x, y: area.y, role: .header, limit: c.width)
            x += c.width + 1
        }
        for n in 0..<rows {
            let r = first + n, y = area.y + 1 + n
            x = area.x + 1
            for (i, c) in kind.columns.enumerated() {
                let here = r == row && i == column
                grid.fill(Rect(x: x, y: y, width: c.width, height: 1), role: here ? .selected : .search)
                let shown = cells[r][i].visible(width: c.width)
                grid.put(TerminalSafe.text(shown.text), x: x, y: y, role: here ? .selected : .search, limit: c.width)
                if here { grid.put("▏", x: x + min(shown.cursorColumn, c.width - 1), y: y, role: .selected) }
                x += c.width + 1
            }
        }
        grid.put(" " + keys, x: area.x, y: area.y + rows + 1, role: .muted, limit: area.width)
        grid.put(String(repeating: "─", count: area.width), x: area.x, y: area.y + rows + 2, role: .border, limit: area.width)
    }
}
