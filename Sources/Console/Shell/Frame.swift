import KriyaCore
import KriyaText
import TextUI

/// Draws the console: the title line, the tabs and menu bar, the screens (bottom up from the
/// last one that covers the body), the status line and the top screen's key bar. A pure
/// function of the state and the size.
extension ConsoleState {
    public static let minimumSize = Layout.minimum

    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        let layout = Layout(width: width, height: height)
        guard !layout.tooSmall else {
            tooSmall(&grid)
            return grid
        }
        var shared = self.shared
        shared.layout = layout
        titleLine(&grid)
        tabs(&grid)
        let screens: [any Screen] = [browse] + stack
        let base = screens.lastIndex { !$0.isOverlay } ?? 0
        for screen in screens[base...] { screen.render(shared, into: &grid, area: layout.body) }
        statusLine(&grid, shared, row: layout.statusRow)
        KeyBar.render((Binding.common + top.bindings(shared)).limited(to: shared.role).bar(shared.lang).map { (" " + $0.key, " " + $0.label) }, into: &grid, row: layout.keyBarRow)
        return grid
    }

    private func tooSmall(_ grid: inout Grid) {
        let text = shared.t(.uiTooSmall, grid.width, grid.height)
        let lines = Wrap.lines(text, width: grid.width - 2)
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            grid.put(l, x: max(0, (grid.width - DisplayWidth.of(l)) / 2), y: top + i, role: .warning)
        }
    }

    /// The start of every screen's title line (the loading screen's too).
    static let titlePrefix = " Kriya · Dekranasda Kota Malang · "

    private func titleLine(_ grid: inout Grid) {
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), role: .title)
        let name = stack.reversed().lazy.compactMap { $0.title(self.shared) }.first ?? browse.paneName(browse.pane, shared)
        let left = Self.titlePrefix + (shared.doorTitle.map { $0 + " · " } ?? "") + name
        grid.put(left, x: 0, y: 0, role: .title)
        // The data folder and user on the right; a long path keeps its end (`…/share/kriya`).
        let tail = " · \(shared.user) "
        let room = grid.width - DisplayWidth.of(left) - 2 - DisplayWidth.of(tail)
        guard room >= 8 else { return }
        var path = shared.dataPath
        if DisplayWidth.of(path) > room { path = "…" + String(path.suffix(room - 1)) }
        let right = path + tail
        grid.put(right, x: grid.width - DisplayWidth.of(right), y: 0, role: .title)
    }

    private func tabs(_ grid: inout Grid) {
        // Where the five names and the menu bar do not fit (80 columns), the other panes show
        // their number only: the active one is named, and every pane is still a key away.
        let full = Pane.allCases.map { " \($0.rawValue + 1) \(browse.paneName($0, shared)) " }
        let menu = MenuBar.layout(width: grid.width, shared.lang).first.map { grid.width - $0.x } ?? 0
        let fits = 1 + full.reduce(0) { $0 + DisplayWidth.of($1) + 1 } + menu <= grid.width
        var x = 1
        for p in Pane.allCases {
            let label = fits || p == browse.pane ? full[p.rawValue] : " \(p.rawValue + 1) "
            x += grid.put(label, x: x, y: 1, role: p == browse.pane ? .tabActive : .tab) + 1
        }
        MenuBar.render(&grid, tabsEnd: x, open: (top as? MenuScreen)?.barGroup, shared.lang)
    }

    private func statusLine(_ grid: inout Grid, _ shared: Shared, row: Int) {
        if let busy = shared.busy {
            grid.put(" " + busy, x: 0, y: row, role: .warning, limit: grid.width)
            return
        }
        for screen in ([browse] + stack).reversed() {
            if screen.renderStatus(shared, into: &grid, row: row) { return }
            if !screen.passesStatusThrough { break }
        }
        if let message = shared.message {
            let role: Role = shared.quitPending ? .warning : .search
            // A message never loses its end (a date, a key, who): one too long for the line
            // takes the row above it as well, over the bottom of the body, until the next key.
            guard DisplayWidth.of(message) > grid.width - 2 else {
                grid.put(" " + message, x: 0, y: row, role: role, limit: grid.width)
                return
            }
            var lines = Wrap.lines(message, width: grid.width - 2)
            if lines.count > 2 { lines = [lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), toCells: grid.width - 2)] }
            for (i, line) in lines.enumerated() {
                let y = row - lines.count + 1 + i
                grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), role: .normal)
                grid.put(" " + line, x: 0, y: y, role: role, limit: grid.width)
            }
        }
    }
}
