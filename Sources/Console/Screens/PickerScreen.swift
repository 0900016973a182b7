import KriyaCore
import KriyaText
import TextUI

/// Choosing an artisan by typing part of a name, business, place or phone: the search box
/// has the focus, the matches narrow as you type, ↑/↓ choose, Enter enrols the artisan in the
/// session (or proposes them for the exhibition) `event`.
public struct PickerScreen: Screen {
    public let event: EntityID
    public var query = TextField("", maxLength: 80)
    /// The artisans found, best match first: ids, never positions in the table (a colleague's
    /// delete, merge or import undo moves those).
    public var results: [EntityID] = []
    public var list = ListState()
    /// The person highlighted when a colleague's save took them away: the next Enter says so
    /// instead of acting on whoever moved into the row; moving or typing forgets it.
    var vanished: EntityID?

    init(event: EntityID, _ shared: Shared) {
        self.event = event
        results = Self.matches("", shared)
    }

    public var kind: ScreenKind { .picker }

    static func matches(_ q: String, _ shared: Shared) -> [EntityID] {
        let items = shared.data.artisans.items
        return Array(shared.index.search(q).lazy.filter { !shared.isArchived($0) }.prefix(500).map { items[$0].id })
    }

    /// Rows of matches the body has room for (the title, the box and a gap take three).
    func visible(_ layout: Layout) -> Int { max(1, layout.body.height - 3) }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([.enter], .enrol, help: event.kind == .session ? .uiHelpPickerEnrol : .uiHelpPickerPropose, bar: .uiKeyEnrol,
                 enabled: !results.isEmpty),
         Binding([(.up, .up), (.down, .down)], help: .uiHelpMove, bar: .uiKeyChoose, barKeys: "↑↓"),
         Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
         Binding([.escape], .back, help: .uiHelpPickerBack, bar: .uiKeyCancel)]
            .typing(into: .uiHelpTypeSearch)
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .back: return .pop(.closed)
        case .enrol:
            if let vanished {
                self.vanished = nil
                return RecordActions.gone(vanished, &shared)
            }
            guard let artisan = results[safe: list.selected] else { return .stay }
            // The person shown, or said gone: never whoever is now in that row.
            guard let a = shared.data.artisans[artisan], !a.archived else { return RecordActions.gone(artisan, &shared) }
            return .run(.save(event.kind == .session ? .enrol(session: event, artisan: artisan, role: .peserta)
                                                     : .propose(exhibition: event, artisan: artisan)))
        default:
            list.move(BrowseScreen.move(action), count: results.count, visible: visible(shared.layout))
            vanished = nil
            return .stay
        }
    }

    /// Typing (with the readline keys) narrows the matches.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        let before = query.text
        guard query.handle(key) else { return .ignored }
        if query.text != before {
            results = Self.matches(query.text, shared)
            list = ListState()
            vanished = nil
        }
        return .stay
    }

    /// A colleague's save: the matches are looked up again for the same text, and the
    /// highlight stays on the same person when they are still there.
    public mutating func dataChanged(_ shared: Shared) {
        let chosen = results[safe: list.selected]
        results = Self.matches(query.text, shared)
        list.clamp(count: results.count, visible: visible(shared.layout))
        guard let chosen else { return }
        if let at = results.firstIndex(of: chosen) {
            list.move(.to(at), count: results.count, visible: visible(shared.layout))
        } else {
            vanished = chosen
        }
    }

    /// Enrolled (or proposed): back where the picker was opened, saying how (registered, or
    /// waitlisted when the session is full).
    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        guard case .saved(let change) = msg, let artisan = change.targets.last else { return shared.report(msg) }
        let name = shared.data.artisans[artisan]?.name ?? artisan.description
        if event.kind == .session {
            let s = shared.data.sessions[event]
            let how = s?.participant(artisan).map { L10n.value($0.enrolment, shared.lang) } ?? ""
            shared.message = shared.t(.uiEnrolledAs, name, s?.title ?? event.description, how)
        } else {
            shared.message = shared.t(.uiProposedFor, name, shared.data.exhibitions[event]?.name ?? event.description)
        }
        return .pop(.closed)
    }

    /// The artisans already in the event (not withdrawn).
    func alreadyIn(_ shared: Shared) -> Set<EntityID> {
        if event.kind == .session {
            return Set(shared.data.sessions[event]?.participants.filter { $0.enrolment != .cancelled }.map(\.artisan) ?? [])
        }
        return Set(shared.data.exhibitions[event]?.participants.filter { $0.curation.isActive }.map(\.artisan) ?? [])
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        let title = shared.data.sessions[event]?.title ?? shared.data.exhibitions[event]?.name ?? event.description
        let heading: UIKey = event.kind == .session ? .uiPickerTitle : .uiPickerProposeTitle
        grid.put(" " + shared.t(heading, TerminalSafe.text(title)), x: area.x, y: area.y, role: .header, limit: area.width)
        query.render(into: &grid, x: area.x, y: area.y + 1, width: area.width, prompt: " " + shared.t(.uiSearchPrompt))
        let enrolled = alreadyIn(shared)
        let rows = visible(shared.layout)
        let mark = " ✓ " + shared.t(event.kind == .session ? .uiPickerEnrolled : .uiPickerProposed)
        let first = list.firstShown(count: results.count, visible: rows)
        for i in 0..<min(rows, max(0, results.count - first)) {
            let row = first + i, y = area.y + 3 + i
            guard let a = shared.data.artisans[results[row]] else { continue }
            let role: Role = row == list.selected ? .selected : .normal
            if role == .selected { grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            let place = Wilayah.kelurahan(code: a.kelurahan)?.name ?? ""
            // Lead space, place 12, phone 14, three gaps; the mark when enrolled; names share the rest.
            let flexible = max(20, area.width - 1 - 12 - 14 - 3 - (enrolled.contains(a.id) ? DisplayWidth.of(mark) : 0))
            var line = DisplayWidth.pad(TerminalSafe.text(a.name), toCells: flexible / 2) + " "
                + DisplayWidth.pad(TerminalSafe.text(a.business), toCells: flexible - flexible / 2) + " "
                + DisplayWidth.pad(place, toCells: 12) + " " + DisplayWidth.pad(a.phoneShown, toCells: 14)
            if enrolled.contains(a.id) { line += mark }
            grid.put(" " + line, x: area.x, y: y, role: role, limit: area.width)
        }
    }
}
