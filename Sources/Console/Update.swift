import TextUI

/// What the loop must do after a key, beyond changing the state.
public enum Effect: Equatable, Sendable { case none, redraw, suspend }

extension ConsoleState {
    /// Applies one key; `visibleRows` is how many list rows the screen shows (for paging).
    public mutating func update(_ key: Key, visibleRows: Int) -> Effect {
        message = nil
        switch mode {
        case .help:
            mode = .list
            return .none
        case .search:
            return updateSearch(key)
        case .detail:
            switch Keymap.action(for: key) {
            case .up: detailOffset = max(0, detailOffset - 1)
            case .down: detailOffset += 1
            case .pageUp: detailOffset = max(0, detailOffset - visibleRows)
            case .pageDown: detailOffset += visibleRows
            case .first: detailOffset = 0
            case .back, .open: mode = .list
            case .quit: quit = true
            case .help: mode = .help
            case .redraw: return .redraw
            case .suspend: return .suspend
            default: break
            }
            return .none
        case .list:
            guard let action = Keymap.action(for: key) else { return .none }
            return perform(action, visibleRows: visibleRows)
        }
    }

    mutating func perform(_ action: Action, visibleRows: Int) -> Effect {
        let count = rows[pane]?.count ?? 0
        let current = selected[pane] ?? 0
        let page = max(1, visibleRows - 1)
        switch action {
        case .up: select(current - 1, visibleRows)
        case .down: select(current + 1, visibleRows)
        case .pageUp: select(current - page, visibleRows)
        case .pageDown: select(current + page, visibleRows)
        case .first: select(0, visibleRows)
        case .last: select(count - 1, visibleRows)
        case .nextPane: pane = Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!
        case .previousPane: pane = Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .pane(let p): pane = p
        case .startSearch: mode = .search
        case .open:
            if count > 0 { mode = .detail; detailOffset = 0 }
        case .back:
            if !(query[pane] ?? "").isEmpty { query[pane] = ""; refilter(pane) }
        case .help: mode = .help
        case .quit: quit = true
        case .redraw: return .redraw
        case .suspend: return .suspend
        }
        return .none
    }

    /// Moves the selection (kept inside the list) and scrolls only as much as needed.
    private mutating func select(_ row: Int, _ visibleRows: Int) {
        let count = rows[pane]?.count ?? 0
        selected[pane] = max(0, min(row, count - 1))
        offset[pane] = Scroll.offset(selected: selected[pane] ?? 0, current: offset[pane] ?? 0, visible: visibleRows, count: count)
    }

    /// In the search box every printable key is text; Enter keeps the result, Esc clears it.
    mutating func updateSearch(_ key: Key) -> Effect {
        let before = query[pane] ?? ""
        var q = before
        switch key {
        case .char(let c): q.append(c)
        case .backspace: if !q.isEmpty { q.removeLast() }
        case .ctrl("u"): q = ""
        case .ctrl("w"):
            while q.last == " " { q.removeLast() }
            while let last = q.last, last != " " { q.removeLast() }
        case .enter, .down, .tab:
            mode = .list
            return .none
        case .escape:
            q = ""
            mode = .list
        case .ctrl("c"):
            quit = true
            return .none
        default:
            return .none
        }
        query[pane] = q
        selected[pane] = 0
        offset[pane] = 0
        refilter(pane, previousQuery: before)
        return .none
    }
}
