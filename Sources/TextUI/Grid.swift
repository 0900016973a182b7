import KriyaText

/// One terminal cell: the character drawn there and its role. A wide character fills its
/// cell and leaves the next one empty (`text == ""`) as its continuation.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String = " ", _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

/// The screen as values: screens render into a grid, tests read it, the terminal layer
/// draws only the cells that changed.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), at most `limit` cells, made terminal-safe first; returns
    /// the cells used. Wide characters take two cells (or a space when only one is left);
    /// combining marks join the character before them.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = max(0, x)
        var lastCell: Int?
        for character in TerminalSafe.text(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                if let last = lastCell { cells[last].text.append(character) }
                continue
            }
            if col + w > end {
                if col < end { cells[y * width + col] = Cell(" ", role); col += 1 }
                break
            }
            cells[y * width + col] = Cell(String(character), role)
            lastCell = y * width + col
            if w == 2 { cells[y * width + col + 1] = Cell("", role) }
            col += w
        }
        return col - max(0, x)
    }

    /// Fills a rectangle with spaces of one role.
    public mutating func fill(_ rect: Rect, role: Role) {
        let r = rect.clipped(to: Rect(x: 0, y: 0, width: width, height: height))
        guard r.width > 0, r.height > 0 else { return }
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) { self[x, y] = Cell(" ", role) }
        }
    }

    /// The characters, one string per row (for tests and text snapshots).
    public var lines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }

    /// The roles, one letter per cell (the second layer of a snapshot).
    public var roleLines: [String] {
        (0..<height).map { y in String((0..<width).map { self[$0, y].role.code }) }
    }
}

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public func clipped(to other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(x + width, other.x + other.width), bottom = min(y + height, other.y + other.height)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
