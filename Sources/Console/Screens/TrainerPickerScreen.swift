import KriyaCore
import KriyaText
import TextUI

/// F5 on a session's trainers: who can teach, found by typing. The board (the current one
/// first), then the people partners named, then artisans matching what is typed (an artisan
/// teaching their own craft). Enter adds the one highlighted to the form below; a name not
/// in any list is simply typed into the field.
public struct TrainerPickerScreen: Screen {
    let session: String
    public var query = TextField("", maxLength: 80)
    var rows: [TrainerChoice] = []
    public var list = ListState()

    init(for session: String, _ shared: Shared) {
        self.session = session
        rows = Self.matches("", shared)
    }

    public var kind: ScreenKind { .trainerPicker }

    static func matches(_ q: String, _ shared: Shared) -> [TrainerChoice] {
        let words = BrowseScreen.words(q)
        let council = shared.data.trainerChoices(today: shared.today).filter { BrowseScreen.matches(words, [$0.name, $0.note]) }
        guard !words.isEmpty else { return council }
        // Artisans who are also on the board are there already, by their seat.
        let seated = Set(shared.data.members.items.compactMap(\.artisan))
        let items = shared.data.artisans.items
        let artisans = shared.index.search(q).lazy.filter { !items[$0].archived && !seated.contains(items[$0].id) }.prefix(200).map { i in
            let a = items[i]
            return TrainerChoice(name: a.name, ref: a.id, note: "\(shared.t(.uiPickerArtisan)) · \(a.business)")
        }
        return council + artisans
    }

    func visible(_ layout: Layout) -> Int { max(1, layout.body.height - 3) }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([.enter], .open, help: .uiHelpPickerPick, bar: .uiKeyAdd, enabled: !rows.isEmpty),
         Binding([(.up, .up), (.down, .down)], help: .uiHelpMove, bar: .uiKeyChoose, barKeys: "↑↓"),
         Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
         Binding([.escape], .back, help: .uiHelpPickerBack, bar: .uiKeyCancel)]
            .typing(into: .uiHelpTypeSearch)
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .back: return .pop(.closed)
        case .open:
            guard let choice = rows[safe: list.selected] else { return .stay }
            return .pop(.pickedTrainer(choice))
        default:
            list.move(BrowseScreen.move(action), count: rows.count, visible: visible(shared.layout))
            return .stay
        }
    }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        let before = query.text
        guard query.handle(key) else { return .ignored }
        if query.text != before {
            rows = Self.matches(query.text, shared)
            list = ListState()
        }
        return .stay
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        let title = session.trimmingSpaces.isEmpty ? "Bimtek" : session
        grid.put(" " + shared.t(.uiTrainerPickerTitle, TerminalSafe.text(title)), x: area.x, y: area.y, role: .header, limit: area.width)
        query.render(into: &grid, x: area.x, y: area.y + 1, width: area.width, prompt: " " + shared.t(.uiSearchPrompt))
        let shown = visible(shared.layout)
        let first = list.firstShown(count: rows.count, visible: shown)
        let nameWidth = max(16, (area.width - 2) * 2 / 5)
        for i in 0..<min(shown, max(0, rows.count - first)) {
            let row = first + i, y = area.y + 3 + i
            let role: Role = row == list.selected ? .selected : .normal
            if role == .selected { grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            let c = rows[row]
            let note = c.ref?.kind == .member ? shared.t(.uiPickerBoard) + " · " + c.note : c.note
            grid.put(" " + DisplayWidth.pad(TerminalSafe.text(c.name), toCells: nameWidth) + "  " + TerminalSafe.text(note),
                     x: area.x, y: y, role: role, limit: area.width)
        }
        if rows.isEmpty { grid.put(" " + shared.t(.cNone), x: area.x, y: area.y + 3, role: .muted, limit: area.width) }
    }

    /// Data changed elsewhere: the choices looked up again for the same text, the highlight on
    /// the same one when it is still there.
    public mutating func dataChanged(_ shared: Shared) {
        let chosen = rows[safe: list.selected]
        rows = Self.matches(query.text, shared)
        list.clamp(count: rows.count, visible: visible(shared.layout))
        if let chosen, let at = rows.firstIndex(of: chosen) { list.move(.to(at), count: rows.count, visible: visible(shared.layout)) }
    }
}
