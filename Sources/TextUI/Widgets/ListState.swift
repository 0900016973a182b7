/// The scroll state of a list, kept by the screen that shows it (ratatui's `ListState`): the
/// selected row and the first row shown. Moves may overshoot; every move clamps both to the
/// rows there are and the rows the layout gives the list, so paging moves by what is seen.
public struct ListState: Equatable, Sendable {
    public var selected = 0
    public var offset = 0

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    public enum Move: Equatable, Sendable {
        case up, down, pageUp, pageDown, first, last
        case to(Int)
    }

    /// Applies a move in a list of `count` rows of which `visible` are shown.
    public mutating func move(_ move: Move, count: Int, visible: Int) {
        let page = max(1, visible)
        switch move {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .first: selected = 0
        case .last: selected = count - 1
        case .to(let row): selected = row
        }
        clamp(count: count, visible: visible)
    }

    /// Keeps the selection inside the list and on screen (after new data, a delete, a resize).
    public mutating func clamp(count: Int, visible: Int) {
        selected = max(0, min(selected, count - 1))
        offset = Scroll.offset(selected: selected, current: offset, visible: visible, count: count)
    }

    /// The first row to draw in `visible` rows, without changing the state (render is pure).
    public func firstShown(count: Int, visible: Int) -> Int {
        Scroll.offset(selected: max(0, min(selected, count - 1)), current: offset, visible: visible, count: count)
    }
}

/// The scroll position of a page of text (a detail, the help, a history): never past the
/// point where the last line is on the last row, so ↑ always moves at once.
public struct TextScroll: Equatable, Sendable {
    public var offset = 0

    public init(offset: Int = 0) { self.offset = offset }

    /// Scrolls for a list move over `lines` lines shown `visible` at a time.
    public mutating func move(_ move: ListState.Move, lines: Int, visible: Int) {
        let page = max(1, visible)
        switch move {
        case .up: offset -= 1
        case .down: offset += 1
        case .pageUp: offset -= page
        case .pageDown: offset += page
        case .first: offset = 0
        case .last: offset = lines
        case .to(let line): offset = line
        }
        offset = max(0, min(offset, lines - visible))
    }

    /// The first line to draw.
    public func firstShown(lines: Int, visible: Int) -> Int { max(0, min(offset, lines - visible)) }
}
