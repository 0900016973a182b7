import KriyaCore
import TextUI

/// The people of one session or exhibition, to work on one at a time: enrol or propose more
/// (`+`), withdraw (`-`); for an exhibition also accept (`a`), reject (`r`), give a booth (`b`)
/// and type what they sold (`$`). Every change is a command: checked, audited, undone with `u`.
public struct ParticipantsView: Equatable, Sendable {
    public var event: EntityID
    public var selected = 0
    public var offset = 0
    /// A booth number being typed for the selected participant; until the first key it holds
    /// the current one, which typing replaces.
    public var booth: TextField?
    var boothUntouched = false
}

extension ConsoleState {
    mutating func openParticipants() {
        guard let id = selectedID(pane), id.kind != .artisan else { return }
        participants = ParticipantsView(event: id)
        mode = .participants
    }

    /// The participants in the order staff read them: enrolled, waitlist, withdrawn (a session);
    /// accepted, proposed, rejected, withdrawn (an exhibition); by name within each.
    func participantRows(_ event: EntityID) -> [EntityID] {
        let name = { (id: EntityID) in self.data.artisans[id]?.name ?? id.description }
        if let s = data.sessions[event] {
            let order: [Enrolment] = [.registered, .waitlist, .cancelled]
            return s.participants.sorted {
                let (a, b) = (order.firstIndex(of: $0.enrolment)!, order.firstIndex(of: $1.enrolment)!)
                return a != b ? a < b : name($0.artisan) < name($1.artisan)
            }.map(\.artisan)
        }
        if let e = data.exhibitions[event] {
            let order: [Curation] = [.accepted, .proposed, .rejected, .withdrawn]
            return e.participants.sorted {
                let (a, b) = (order.firstIndex(of: $0.curation)!, order.firstIndex(of: $1.curation)!)
                return a != b ? a < b : name($0.artisan) < name($1.artisan)
            }.map(\.artisan)
        }
        return []
    }

    mutating func updateParticipants(_ key: Key, visibleRows: Int) -> Effect {
        guard var view = participants else { mode = .list; return .none }
        let rows = participantRows(view.event)
        let chosen = rows.indices.contains(view.selected) ? rows[view.selected] : nil
        if var booth = view.booth {
            // Typing a booth: Enter saves it (empty clears it), Esc leaves it as it was.
            switch key {
            case .escape: view.booth = nil
            case .enter:
                view.booth = nil
                participants = view
                guard let chosen else { return .none }
                return .save(.assignBooth(exhibition: view.event, artisan: chosen, booth: booth.text))
            default:
                if view.boothUntouched, case .char = key { booth = TextField("", maxLength: 12) }
                view.boothUntouched = false
                booth.handle(key)
                view.booth = booth
            }
            participants = view
            return .none
        }
        let exhibition = view.event.kind == .exhibition
        switch key {
        case .up, .char("k"): view.selected = max(0, view.selected - 1)
        case .down, .char("j"): view.selected = min(max(0, rows.count - 1), view.selected + 1)
        case .pageUp: view.selected = max(0, view.selected - visibleRows)
        case .pageDown: view.selected = min(max(0, rows.count - 1), view.selected + visibleRows)
        case .home: view.selected = 0
        case .end: view.selected = max(0, rows.count - 1)
        case .escape, .char("q"), .f(10):
            participants = nil
            mode = .list
            return .none
        case .char("+"), .f(7):
            participants = view
            openPicker(for: view.event)
            return .none
        case .char("u"):
            participants = view
            return undoLast()
        case .char("-"), .delete, .char("w"):
            guard let chosen else { break }
            participants = view
            return .save(exhibition ? .setCuration(exhibition: view.event, artisan: chosen, curation: .withdrawn)
                                    : .withdraw(session: view.event, artisan: chosen))
        case .char("a") where exhibition, .char("r") where exhibition, .char("p") where exhibition:
            guard let chosen else { break }
            participants = view
            let curation: Curation = key == .char("a") ? .accepted : key == .char("r") ? .rejected : .proposed
            return .save(.setCuration(exhibition: view.event, artisan: chosen, curation: curation))
        case .char("b") where exhibition:
            guard let chosen, let p = data.exhibitions[view.event]?.participant(chosen) else { break }
            view.booth = TextField(p.booth ?? "", maxLength: 12)
            view.boothUntouched = true
        case .char("g") where exhibition:
            participants = view
            openSalesGrid(view.event)
            return .none
        case .char("$") where exhibition, .char("s") where exhibition:
            guard let chosen else { break }
            participants = view
            openSalesForm(view.event, chosen)
            return .none
        default: break
        }
        view.offset = Scroll.offset(selected: view.selected, current: view.offset, visible: max(1, visibleRows - 2), count: rows.count)
        participants = view
        return .none
    }

    /// A change from this screen was saved: say what happened to whom.
    mutating func participantSaved(_ change: Change) {
        let who = change.targets.dropFirst().first
        let name = who.flatMap { data.artisans[$0]?.name } ?? ""
        // The selection stays on the person just changed, wherever the change moved them.
        if var view = participants, let who, let at = participantRows(view.event).firstIndex(of: who) {
            view.selected = at
            participants = view
        }
        message = L10n.text(.uiParticipantSaved, lang, name, change.command + (change.detail.map { ": " + $0 } ?? ""))
    }
}
