import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews
import TextUI

/// What a large registry's console is while the rest is read (issue 18): the artisans pane's
/// search and selection, answered through the store's index (every answer the one a full
/// read gives, each record the journal's current version), shown at once. Its keys act as the
/// artisans pane's do, so when every key typed is run again on the console it lands on the same
/// search and the same row; the first key it cannot do (open, edit, another pane…) stops it
/// interpreting, and that key and the ones after wait for the console.
public struct LoadingScreen {
    public private(set) var box = TextField("", maxLength: 80)
    public private(set) var searching = false
    public private(set) var list = ListState()
    public private(set) var rows: [Artisan] = []
    /// False while more match than `rows` holds.
    public private(set) var complete = true
    /// A key this screen cannot do was typed: the rest only wait for the console.
    public private(set) var waiting = false
    /// The search has changed since `rows` was read.
    private var stale = true
    private var limit = 200
    private let find: (String, Int) -> (shown: [Artisan], complete: Bool)?

    public enum Step: Equatable { case stay, quit }

    /// - Parameter find: the first matches of a query, as `ArtisanLookup.first`.
    public init(find: @escaping (String, Int) -> (shown: [Artisan], complete: Bool)?) {
        self.find = find
    }

    /// Reads the rows again when the search changed (once after several keys typed quickly).
    public mutating func refresh() {
        guard stale, !waiting else { return }
        stale = false
        guard let found = find(box.text, limit) else {
            // The snapshot changed under the index: only the full read can tell.
            waiting = true
            return
        }
        (rows, complete) = found
    }

    /// - Parameter page: the rows the console's list shows at this size (what paging moves by there).
    public mutating func handle(_ key: Key, page: Int) -> Step {
        guard !waiting else { return .stay }
        switch key {
        case .ctrl("c"): return .quit   // nothing can have changed yet: no need to confirm
        case .ctrl("l"): return .stay
        default: break
        }
        if searching {
            switch key {
            case .enter, .down, .tab: searching = false
            case .escape:
                searching = false
                setQuery("")
            case .f(1), .ctrl("z"): waiting = true
            default:
                let before = box.text
                box.handle(key)
                if box.text != before {
                    list = ListState()
                    stale = true
                }
            }
            return .stay
        }
        switch key {
        case .char("/"), .f(3): searching = true
        case .up, .char("k"): move(.up, page: page)
        case .down, .char("j"): move(.down, page: page)
        case .pageUp: move(.pageUp, page: page)
        case .pageDown: move(.pageDown, page: page)
        case .home, .char("g"): move(.first, page: page)
        case .end, .char("G"):
            refresh()
            if complete { move(.last, page: page) } else { waiting = true }
        case .escape where !box.text.isEmpty: setQuery("")
        case .escape: break   // as on the console: nothing to clear
        case .char("q"), .f(10): return .quit
        default: waiting = true
        }
        return .stay
    }

    private mutating func setQuery(_ text: String) {
        box = TextField(text, maxLength: 80)
        list = ListState()
        stale = true
    }

    /// Moves as the console's list would: rows further down are read first, so the selection
    /// lands where it will land there.
    private mutating func move(_ step: ListState.Move, page: Int) {
        refresh()
        let reach = list.selected + (step == .pageDown ? page : 1)
        if !complete && reach >= rows.count - 1 {
            limit = max(limit * 2, reach + 200)
            stale = true
            refresh()
        }
        list.move(step, count: rows.count, visible: page)
    }

    /// The artisans by name (or the search's matches), the selection, the search line with
    /// `n/count`, and what is going on at the bottom.
    public func render(total: Int, seconds: Int, lang: Lang, user: String, dataPath: String, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= 20, height >= 8 else { return grid }
        grid.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .title)
        grid.put(ConsoleState.titlePrefix + TerminalSafe.text(dataPath) + " · " + user, x: 0, y: 0, role: .title)
        let n = { L10n.count($0, lang) }
        let status = UIText.text(waiting ? .uiLoadingWaiting : .uiLoading, lang, n(total), seconds)
        let lines = Wrap.lines(status, width: width - 2).prefix(2)
        for (i, line) in lines.enumerated() { grid.put(" " + line, x: 0, y: height - lines.count + i, role: .warning) }
        let searchRow = height - lines.count - 1
        // The search line, as the console's: the box (or what the list is) and `n/count` on the right.
        let count = complete ? n(rows.count) : UIText.text(.uiLoadingMore, lang, n(rows.count))
        let counter = " \(n(rows.isEmpty ? 0 : list.selected + 1))/\(count) "
        let room = width - DisplayWidth.of(counter)
        if searching || !box.text.isEmpty {
            box.render(into: &grid, x: 0, y: searchRow, width: room - 1, prompt: " " + UIText.text(.uiSearchPrompt, lang),
                       cursor: searching, fill: false)
        } else {
            grid.put(" " + UIText.text(.uiLoadingByName, lang), x: 0, y: searchRow, role: .muted, limit: room - 1)
        }
        grid.put(counter, x: width - DisplayWidth.of(counter), y: searchRow, role: .muted)
        // The table: its two heading lines, then as many rows as fit above the search line.
        let visible = max(1, searchRow - 2 - 2)
        let first = list.firstShown(count: rows.count, visible: visible)
        var table = Table([.id(L10n.text(.fID, lang)), .init(L10n.text(.fName, lang), minWidth: 14),
                           .init(L10n.text(.fBusiness, lang), minWidth: 14),
                           .init("\(L10n.text(.fKelurahan, lang)) / \(L10n.text(.fKecamatan, lang))", minWidth: 10),
                           .init(L10n.text(.fPhone, lang), minWidth: 14)])
        for a in rows.dropFirst(first).prefix(visible) {
            table.add([a.id.description, a.name, a.business, Places.kelurahanAndKecamatan(a.kelurahan), a.phoneShown])
        }
        for (i, line) in table.render(width: width - 2).enumerated() where 2 + i < searchRow {
            let selected = i >= 2 && first + i - 2 == list.selected && !waiting
            if selected { grid.fill(Rect(x: 0, y: 2 + i, width: width, height: 1), role: .selected) }
            grid.put(" " + line, x: 0, y: 2 + i, role: i < 2 ? .header : selected ? .selected : .normal)
        }
        return grid
    }
}
