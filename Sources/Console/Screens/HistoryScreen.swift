import KriyaText
import KriyaCore
import KriyaViews
import TextUI

/// A record's audit trail: who changed what, when. Kept as entries and wrapped at the width
/// it is drawn at, so a resize re-wraps it.
public struct HistoryScreen: Screen {
    let entries: [AuditEntry]
    let id: EntityID
    var scroll = TextScroll()

    init(entries: [AuditEntry], of id: EntityID) {
        self.entries = entries
        self.id = id
    }

    public var kind: ScreenKind { .history }

    func lines(_ shared: Shared, width: Int) -> [String] {
        HistoryText.lines(entries, of: id, title: shared.data.title(of: id) ?? "", lang: shared.lang, width: width - 2,
                          name: { shared.data.title(of: $0) })
    }

    public func bindings(_ shared: Shared) -> [Binding] {
        Binding.moving(letters: true) + [
            Binding([.escape, .enter, .char("h"), .char("q")], .back, help: .uiHelpBack, bar: .uiKeyBack, barKeys: "Esc"),
        ]
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        if action == .back { return .pop(.closed) }
        let body = shared.layout.body
        scroll.move(BrowseScreen.move(action), lines: lines(shared, width: body.width).count, visible: body.height)
        return .stay
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        let lines = self.lines(shared, width: area.width)
        let first = scroll.firstShown(lines: lines.count, visible: area.height)
        for (i, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
            grid.put(line, x: area.x + 1, y: area.y + i, role: i == 0 && first == 0 ? .header : .normal, limit: area.width - 1)
        }
    }

    /// Data changed elsewhere: nothing to redo. The audit lines read when it opened; a record's history only grows.
    public mutating func dataChanged(_ shared: Shared) {}
}

/// The keys of the screen it was opened on (F1), one binding a row with what it does; keys
/// that cannot act there now are greyed. Generated from that screen's bindings.
public struct HelpScreen: Screen {
    let rows: [Binding]
    var scroll = TextScroll()

    init(of screen: any Screen, _ shared: Shared) {
        rows = (screen.bindings(shared) + Binding.common).limited(to: shared.role)
    }

    public var kind: ScreenKind { .help }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([(.up, .up), (.down, .down), (.char("k"), .up), (.char("j"), .down)], help: .uiHelpMove),
         Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
         Binding([.escape, .char("q"), .enter], .back, help: .uiHelpClose, bar: .uiKeyBack, barKeys: "Esc")]
    }

    /// Rows the bindings have on the body (the title and the closing line take two).
    func room(_ layout: Layout) -> Int { max(1, layout.body.height - 2) }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        if action == .back { return .pop(.closed) }
        scroll.move(BrowseScreen.move(action), lines: rows.count, visible: room(shared.layout))
        return .stay
    }

    /// Any other key closes the help.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step { .pop(.closed) }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        grid.fill(area, role: .normal)
        grid.put(" " + shared.t(.uiHelpTitle), x: area.x, y: area.y, role: .header, limit: area.width)
        let room = self.room(shared.layout)
        let first = scroll.firstShown(lines: rows.count, visible: room)
        var y = area.y + 1
        // The keys column as wide as its longest entry, so the descriptions keep the room.
        let keyWidth = min(20, rows.map { DisplayWidth.of($0.keyLabels) }.max() ?? 10)
        for b in rows.dropFirst(first).prefix(room) {
            grid.put("  " + DisplayWidth.pad(b.keyLabels, toCells: keyWidth), x: area.x, y: y, role: b.enabled ? .keyBarKey : .muted)
            grid.put(shared.t(b.help), x: area.x + keyWidth + 4, y: y, role: b.enabled ? .normal : .muted, limit: area.width - keyWidth - 4)
            y += 1
        }
        let hidden = rows.count - first - room
        let more = first > 0 || hidden > 0 ? "  ↑↓ " + shared.t(.uiHelpMore, first, max(0, hidden)) : ""
        grid.put("  " + shared.t(.uiHelpClose) + more, x: area.x, y: min(y, area.y + area.height - 1), role: .muted, limit: area.width)
    }

    /// Data changed elsewhere: nothing to redo. The keys of the screen below, as they were when F1 was pressed.
    public mutating func dataChanged(_ shared: Shared) {}
}
