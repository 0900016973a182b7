import KriyaCore
import KriyaText
import TextUI

/// The values to save on top of their version, as the conflict view resolved them.
public struct ConflictResolution {
    public let id: EntityID
    public let values: [String: String]
    public let theirs: [String: String]
    public let rev: Int
}

/// A save refused because someone else changed the record since the form opened: field by
/// field, theirs and yours. Fields only one side changed are merged without asking; for each
/// field both changed the user keeps theirs or theirs mine, then saves on top of their version.
public struct ConflictScreen: Screen {
    var merge: ThreeWayMerge
    var selected = 0
    let id: EntityID
    let name: String
    /// Their version, the one the save now builds on: its values and revision.
    let theirs: [String: String]
    let theirsRev: Int
    /// Field key → label, as the form shows them.
    let labels: [String: String]

    init(merge: ThreeWayMerge, id: EntityID, name: String, theirs: [String: String], theirsRev: Int, labels: [String: String]) {
        self.merge = merge
        self.id = id
        self.name = name
        self.theirs = theirs
        self.theirsRev = theirsRev
        self.labels = labels
    }

    var resolution: ConflictResolution { ConflictResolution(id: id, values: merge.result, theirs: theirs, rev: theirsRev) }

    public var kind: ScreenKind { .conflict }

    public func bindings(_ shared: Shared) -> [Binding] {
        let some = !merge.conflicts.isEmpty
        return [Binding([.f(2), .ctrl("s"), .enter], .save, help: .uiHelpConflictSave, bar: .uiKeySave),
                Binding([.left, .char("t")], .theirs, help: .uiHelpConflictTheirs, bar: .uiKeyTheirs, enabled: some),
                Binding([.right, .char("m")], .mine, help: .uiHelpConflictMine, bar: .uiKeyMine, enabled: some),
                Binding([.char(" ")], .toggle, help: .uiHelpConflictToggle, enabled: some),
                Binding([(.up, .up), (.down, .down), (.char("k"), .up), (.char("j"), .down), (.tab, .down)],
                        help: .uiHelpConflictChoose, bar: .uiKeyChoose, barKeys: "↑↓", enabled: merge.conflicts.count > 1),
                Binding([.escape], .back, help: .uiHelpConflictBack, bar: .uiKeyCancel)]
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        let count = merge.conflicts.count
        switch action {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, count - 1), selected + 1)
        case .theirs: if count > 0 { merge.conflicts[selected].keepMine = false }
        case .mine: if count > 0 { merge.conflicts[selected].keepMine = true }
        case .toggle: if count > 0 { merge.conflicts[selected].keepMine.toggle() }
        case .save: return .pop(.merged(resolution))
        case .back:
            shared.message = shared.t(.uiConflictBack)
            return .pop(.closed)
        default: break
        }
        return .stay
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        let t = { (k: UIKey, a: [CustomStringConvertible]) in UIText.text(k, shared.lang, arguments: a) }
        grid.fill(area, role: .normal)
        grid.put(" " + t(.uiConflictTitle, [id, TerminalSafe.text(name)]), x: area.x, y: area.y, role: .warning, limit: area.width)
        var y = area.y + 1
        for line in Wrap.lines(t(.uiConflictHelp, []), width: area.width - 2) {
            grid.put(" " + line, x: area.x, y: y, role: .muted, limit: area.width)
            y += 1
        }
        y += 1
        let labelWidth = 16
        let column = (area.width - labelWidth - 4) / 2
        let theirsX = area.x + labelWidth + 2, mineX = theirsX + column + 1
        grid.put(" " + t(.uiConflictField, []), x: area.x, y: y, role: .header, limit: labelWidth)
        grid.put(t(.uiConflictTheirs, []), x: theirsX, y: y, role: .header, limit: column)
        grid.put(t(.uiConflictMine, []), x: mineX, y: y, role: .header, limit: column)
        y += 1
        if merge.conflicts.isEmpty {
            grid.put(" " + t(.uiConflictNone, []), x: area.x, y: y, role: .normal, limit: area.width)
            y += 1
        }
        for (i, c) in merge.conflicts.enumerated() where y < area.y + area.height - 2 {
            let here = i == selected
            grid.put((here ? "▸" : " ") + (labels[c.field] ?? c.field), x: area.x, y: y, role: here ? .header : .normal, limit: labelWidth)
            // The kept side is marked and drawn as chosen; the other is dimmed.
            let theirs = (c.keepMine ? "○ " : "● ") + TerminalSafe.text(c.theirs.isEmpty ? "—" : c.theirs)
            let mine = (c.keepMine ? "● " : "○ ") + TerminalSafe.text(c.mine.isEmpty ? "—" : c.mine)
            grid.put(theirs, x: theirsX, y: y, role: c.keepMine ? .muted : (here ? .selected : .success), limit: column)
            grid.put(mine, x: mineX, y: y, role: c.keepMine ? (here ? .selected : .success) : .muted, limit: column)
            y += 1
        }
        // What was merged without asking, so nothing happens out of sight.
        y += 1
        for (fields, key) in [(merge.takenFromTheirs, UIKey.uiConflictTaken), (merge.keptMine, .uiConflictKept)] where !fields.isEmpty {
            let names = fields.map { labels[$0] ?? $0 }.joined(separator: ", ")
            for line in Wrap.lines(t(key, [names]), width: area.width - 2) where y < area.y + area.height {
                grid.put(" " + line, x: area.x, y: y, role: .normal, limit: area.width)
                y += 1
            }
        }
    }

    /// Data changed elsewhere: nothing to redo. Shows both versions as they were; saving checks the revision again.
    public mutating func dataChanged(_ shared: Shared) {}
}
