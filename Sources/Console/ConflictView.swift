import KriyaCore
import KriyaText
import TextUI

/// A save refused because someone else changed the record since the form opened: field by
/// field, theirs and yours. Fields only one side changed are merged without asking; for each
/// field both changed the user keeps theirs or theirs mine, then saves on top of their version.
struct ConflictView {
    var merge: ThreeWayMerge
    var selected = 0
    let id: EntityID
    let name: String
    /// Their version, the one the save now builds on: its values and revision.
    let theirs: [String: String]
    let theirsRev: Int
    /// Field key → label, as the form shows them.
    let labels: [String: String]
}

extension ConsoleState {
    /// Opens the conflict view for the open edit form against the newest stored version.
    /// When no field of the form changed on their side (an enrolment changed a session, say),
    /// there is nothing to show: the save goes ahead on their version at once.
    public mutating func showConflict() -> Effect {
        guard let open = form, let (id, _) = editing, let theirs = stored(id) else { return .none }
        let fields = open.fields.map(\.key)
        var mine: [String: String] = [:]
        for f in open.fields { mine[f.key] = f.value }
        let merge = ThreeWayMerge(fields: fields, base: editingBase, theirs: theirs.values, mine: mine)
        let view = ConflictView(merge: merge, id: id, name: theirs.name, theirs: theirs.values, theirsRev: theirs.rev,
                                labels: Dictionary(uniqueKeysWithValues: open.fields.map { ($0.key, $0.label) }))
        if merge.conflicts.isEmpty && merge.takenFromTheirs.isEmpty { return saveMerged(view) }
        conflict = view
        mode = .conflict
        return .none
    }

    mutating func updateConflict(_ key: Key) -> Effect {
        guard var view = conflict else { mode = .form; return .none }
        let count = view.merge.conflicts.count
        switch key {
        case .up, .char("k"): view.selected = max(0, view.selected - 1)
        case .down, .char("j"), .tab: view.selected = min(max(0, count - 1), view.selected + 1)
        case .left, .char("t"): if count > 0 { view.merge.conflicts[view.selected].keepMine = false }
        case .right, .char("m"): if count > 0 { view.merge.conflicts[view.selected].keepMine = true }
        case .char(" "): if count > 0 { view.merge.conflicts[view.selected].keepMine.toggle() }
        case .f(2), .ctrl("s"), .enter:
            conflict = nil
            return saveMerged(view)
        case .escape:
            conflict = nil
            mode = .form
            message = L10n.text(.uiConflictBack, lang)
            return .none
        default: break
        }
        conflict = view
        return .none
    }

    /// The form takes the merged values and their version as its new starting point, then saves.
    mutating func saveMerged(_ view: ConflictView) -> Effect {
        guard var open = form else { mode = .list; return .none }
        let result = view.merge.result
        for i in open.fields.indices {
            if let v = result[open.fields[i].key] { open.fields[i].set(v) }
            open.fields[i].rebase(view.theirs[open.fields[i].key] ?? "")
        }
        form = open
        editing = (view.id, view.theirsRev)
        editingBase = view.theirs
        mode = .form
        return updateForm(.f(2))
    }

    func renderConflict(_ grid: inout Grid, _ area: Rect) {
        guard let view = conflict else { return }
        let t = { (k: TextKey, a: [CustomStringConvertible]) in L10n.text(k, self.lang, arguments: a) }
        grid.put(" " + t(.uiConflictTitle, [view.id, TerminalSafe.text(view.name)]), x: area.x, y: area.y, role: .warning, limit: area.width)
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
        if view.merge.conflicts.isEmpty {
            grid.put(" " + t(.uiConflictNone, []), x: area.x, y: y, role: .normal, limit: area.width)
            y += 1
        }
        for (i, c) in view.merge.conflicts.enumerated() where y < area.y + area.height - 2 {
            let here = i == view.selected
            grid.put((here ? "▸" : " ") + (view.labels[c.field] ?? c.field), x: area.x, y: y, role: here ? .header : .normal, limit: labelWidth)
            // The kept side is marked and drawn as chosen; the other is dimmed.
            let theirs = (c.keepMine ? "○ " : "● ") + TerminalSafe.text(c.theirs.isEmpty ? "—" : c.theirs)
            let mine = (c.keepMine ? "● " : "○ ") + TerminalSafe.text(c.mine.isEmpty ? "—" : c.mine)
            grid.put(theirs, x: theirsX, y: y, role: c.keepMine ? .muted : (here ? .selected : .success), limit: column)
            grid.put(mine, x: mineX, y: y, role: c.keepMine ? (here ? .selected : .success) : .muted, limit: column)
            y += 1
        }
        // What was merged without asking, so nothing happens out of sight.
        y += 1
        for (fields, key) in [(view.merge.takenFromTheirs, TextKey.uiConflictTaken), (view.merge.keptMine, .uiConflictKept)] where !fields.isEmpty {
            let names = fields.map { view.labels[$0] ?? $0 }.joined(separator: ", ")
            for line in Wrap.lines(t(key, [names]), width: area.width - 2) where y < area.y + area.height {
                grid.put(" " + line, x: area.x, y: y, role: .normal, limit: area.width)
                y += 1
            }
        }
    }
}
