import KriyaCore
import KriyaText
import TextUI

/// Choosing an artisan by typing part of a name, business, place or phone: the search box
/// has the focus, the matches narrow as you type, ↑/↓ choose, Enter enrols the artisan in the
/// session (or proposes them for the exhibition) `event`.
public struct ArtisanPicker: Equatable, Sendable {
    public var event: EntityID
    /// Where Esc and a save go back to.
    public var returnMode: ConsoleState.Mode = .list
    public var query = TextField("", maxLength: 80)
    /// Positions in the artisans table, best match first.
    public var results: [Int] = []
    public var selected = 0
    public var offset = 0
}

extension ConsoleState {
    /// The picker for the selected session or exhibition (or `event`, from its participants).
    mutating func openPicker(for event: EntityID? = nil) {
        guard let id = event ?? selectedID(pane), id.kind != .artisan else { return }
        var picker = ArtisanPicker(event: id)
        picker.returnMode = event == nil ? .list : .participants
        picker.results = pickerMatches("")
        self.picker = picker
        mode = .picker
    }

    func pickerMatches(_ q: String) -> [Int] {
        let items = data.artisans.items
        return Array(index.search(q).lazy.filter { !items[$0].archived }.prefix(500))
    }

    mutating func updatePicker(_ key: Key, visibleRows: Int) -> Effect {
        guard var p = picker else { mode = .list; return .none }
        switch key {
        case .escape:
            picker = nil
            mode = p.returnMode
            return .none
        case .enter:
            guard p.selected < p.results.count else { return .none }
            let artisan = data.artisans.items[p.results[p.selected]].id
            return .save(p.event.kind == .session ? .enrol(session: p.event, artisan: artisan, role: .peserta)
                                                  : .propose(exhibition: p.event, artisan: artisan))
        case .up: p.selected = max(0, p.selected - 1)
        case .down: p.selected = min(max(0, p.results.count - 1), p.selected + 1)
        case .pageUp: p.selected = max(0, p.selected - visibleRows)
        case .pageDown: p.selected = min(max(0, p.results.count - 1), p.selected + visibleRows)
        default:
            let before = p.query.text
            p.query.handle(key)
            if p.query.text != before {
                p.results = pickerMatches(p.query.text)
                p.selected = 0
                p.offset = 0
            }
        }
        p.offset = Scroll.offset(selected: p.selected, current: p.offset, visible: max(1, visibleRows - 3), count: p.results.count)
        picker = p
        return .none
    }

    /// Enrolled (or proposed): back where the picker was opened, saying how (registered, or
    /// waitlisted when the session is full).
    mutating func pickerSaved(event: EntityID, artisan: EntityID) {
        mode = picker?.returnMode ?? .list
        picker = nil
        let name = data.artisans[artisan]?.name ?? artisan.description
        if event.kind == .session {
            let s = data.sessions[event]
            let how = s?.participant(artisan).map { L10n.value($0.enrolment, lang) } ?? ""
            message = L10n.text(.uiEnrolledAs, lang, name, s?.title ?? event.description, how)
        } else {
            message = L10n.text(.uiProposedFor, lang, name, data.exhibitions[event]?.name ?? event.description)
        }
    }

    /// The artisans already in the event (not withdrawn).
    func alreadyIn(_ event: EntityID) -> Set<EntityID> {
        if event.kind == .session {
            return Set(data.sessions[event]?.participants.filter { $0.enrolment != .cancelled }.map(\.artisan) ?? [])
        }
        return Set(data.exhibitions[event]?.participants.filter { $0.curation.isActive }.map(\.artisan) ?? [])
    }

    func picker(_ grid: inout Grid, _ area: Rect) {
        guard let p = picker else { return }
        let title = data.sessions[p.event]?.title ?? data.exhibitions[p.event]?.name ?? p.event.description
        let heading: TextKey = p.event.kind == .session ? .uiPickerTitle : .uiPickerProposeTitle
        grid.put(" " + L10n.text(heading, lang, TerminalSafe.text(title)), x: area.x, y: area.y, role: .header, limit: area.width)
        let prompt = " " + L10n.text(.uiSearchPrompt, lang)
        let used = grid.put(prompt, x: area.x, y: area.y + 1, role: .search)
        let shown = p.query.visible(width: area.width - used - 1)
        grid.fill(Rect(x: used, y: area.y + 1, width: area.width - used, height: 1), role: .search)
        grid.put(TerminalSafe.text(shown.text), x: used, y: area.y + 1, role: .search)
        grid.put("▏", x: used + shown.cursorColumn, y: area.y + 1, role: .search)
        let enrolled = alreadyIn(p.event)
        let rows = area.height - 3
        let items = data.artisans.items
        let mark = " ✓ " + L10n.text(p.event.kind == .session ? .uiPickerEnrolled : .uiPickerProposed, lang)
        for i in 0..<min(rows, max(0, p.results.count - p.offset)) {
            let row = p.offset + i, y = area.y + 3 + i
            let a = items[p.results[row]]
            let role: Role = row == p.selected ? .selected : .normal
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
