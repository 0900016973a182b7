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
         Binding([.escape, .char("q"), .enter], .back, help: .uiHelpOtherClose, bar: .uiKeyBack, barKeys: "Esc"),
         Binding.otherKeys(.type, help: .uiHelpOtherClose)]
    }

    /// Rows the bindings have on the body (the title and the closing line take two).
    func room(_ layout: Layout) -> Int { max(1, layout.body.height - 2) }

    /// The rows drawn `width` wide: a binding's keys, then what it does, wrapped under itself
    /// when it is longer than the room beside the keys (nothing is cut).
    func lines(width: Int, _ shared: Shared) -> [(keys: String, text: String, enabled: Bool, keyWidth: Int)] {
        let keyWidth = min(20, rows.map { DisplayWidth.of($0.keyText(shared.lang)) }.max() ?? 10)
        return rows.flatMap { b in
            Wrap.lines(shared.t(b.help), width: max(10, width - keyWidth - 4)).enumerated().map { i, text in
                (i == 0 ? b.keyText(shared.lang) : "", text, b.enabled, keyWidth)
            }
        }
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        if action == .back { return .pop(.closed) }
        scroll.move(BrowseScreen.move(action), lines: lines(width: shared.layout.width, shared).count, visible: room(shared.layout))
        return .stay
    }

    /// Any other key closes the help.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step { .pop(.closed) }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        grid.fill(area, role: .normal)
        grid.put(" " + shared.t(.uiHelpTitle), x: area.x, y: area.y, role: .header, limit: area.width)
        let room = self.room(shared.layout)
        // The keys column as wide as its longest entry, so the descriptions keep the room.
        let lines = self.lines(width: area.width, shared)
        let first = scroll.firstShown(lines: lines.count, visible: room)
        var y = area.y + 1
        for line in lines.dropFirst(first).prefix(room) {
            grid.put("  " + DisplayWidth.pad(line.keys, toCells: line.keyWidth), x: area.x, y: y, role: line.enabled ? .keyBarKey : .muted)
            grid.put(line.text, x: area.x + line.keyWidth + 4, y: y, role: line.enabled ? .normal : .muted, limit: area.width - line.keyWidth - 4)
            y += 1
        }
        let hidden = lines.count - first - room
        let more = first > 0 || hidden > 0 ? "  ↑↓ " + shared.t(.uiHelpMore, first, max(0, hidden)) : ""
        grid.put("  " + shared.t(.uiHelpClose) + more, x: area.x, y: min(y, area.y + area.height - 1), role: .muted, limit: area.width)
    }

    /// Data changed elsewhere: nothing to redo. The keys of the screen below, as they were when F1 was pressed.
    public mutating func dataChanged(_ shared: Shared) {}
}
