import KriyaCore
import KriyaText
import TextUI

/// The door on a Bimtek morning: the search box always has the focus; a few letters of a
/// name, business or phone and Enter check the person in (late after the start time plus the
/// grace period). Someone not enrolled is found among all artisans and, once confirmed,
/// enrolled and checked in; someone not in Kriya at all gets the short walk-in form.
/// Letters are the search, so the door's own keys are F-keys with Alt twins.
public struct CheckInScreen: Screen {
    public let session: EntityID
    public var day: CivilDate
    public var query = TextField("", maxLength: 40)
    public var list = ListState()
    /// The enrolled who match, those not yet in first; then artisans who are not enrolled.
    public var enrolled: [EntityID] = []
    public var others: [EntityID] = []
    /// The selection was moved with the arrows: Enter may act without letters typed.
    var pointed = false

    public var rows: [EntityID] { enrolled + others }
    public var selected: Int { list.selected }

    /// The door of a session, on today's meeting day (or the next one, or the last one once
    /// the course is over).
    init?(session id: EntityID, _ shared: Shared) {
        guard let s = shared.data.sessions[id] else { return nil }
        let days = s.days
        session = id
        day = days.first { $0 == shared.today } ?? days.first { $0 > shared.today } ?? days.last ?? shared.today
        refresh(shared)
    }

    public var kind: ScreenKind { .checkIn }

    /// Where the list of people starts in the body (under the counters and the search box).
    static let listTop = 7
    func visible(_ layout: Layout) -> Int { max(1, layout.body.height - Self.listTop) }

    public func bindings(_ shared: Shared) -> [Binding] {
        let chosen = rows[safe: list.selected]
        let isEnrolled = chosen.map { enrolled.contains($0) } ?? false
        let days = shared.data.sessions[session]?.days ?? []
        return [
            Binding([.enter], .present, help: .uiHelpPresent, bar: .uiKeyPresent, enabled: chosen != nil),
            Binding([.f(3), .alt("i")], .excused, help: .uiHelpExcused, bar: .uiKeyExcused, enabled: isEnrolled),
            Binding([.f(4), .alt("a")], .absent, help: .uiHelpAbsent, bar: .uiKeyAbsent, enabled: isEnrolled),
            // The key bar drops from the end what does not fit: the morning's keys come first.
            Binding([.f(7), .alt("n")], .walkIn, help: .uiHelpWalkIn, bar: .uiKeyWalkIn),
            Binding([.f(5), .alt("u")], .undo, help: .uiHelpUndo, bar: .uiKeyUndo),
            Binding([(.left, .left), (.right, .right)], help: .uiHelpDay, bar: .uiKeyDayMove, barKeys: "←→", enabled: days.count > 1),
            Binding([.f(6), .alt("c")], .closeDay, help: .uiHelpCloseDay, bar: .uiKeyCloseDay),
            Binding([.f(8), .alt("s")], .certificates, help: .uiHelpCertificates, bar: .uiKeyCertificates),
            Binding([(.up, .up), (.down, .down)], help: .uiHelpMove),
            Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
            Binding([.escape], .back, help: .uiHelpCheckInBack, bar: .uiKeyBack),
        ]
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        guard let s = shared.data.sessions[session] else { return .pop(.closed) }
        let chosen = rows[safe: list.selected]
        let isEnrolled = chosen.map { enrolled.contains($0) } ?? false
        switch action {
        case .back:
            if query.text.isEmpty { return .pop(.closed) }
            clear(shared)
        case .up, .down, .pageUp, .pageDown:
            list.move(BrowseScreen.move(action), count: rows.count, visible: visible(shared.layout))
            pointed = true
        case .left, .right:
            // Another meeting day.
            let days = s.days
            if let at = days.firstIndex(of: day) { day = days[max(0, min(days.count - 1, at + (action == .left ? -1 : 1)))] }
            refresh(shared)
        case .present:
            // An Enter with nothing typed and nobody pointed at would check in whoever is first.
            guard let chosen, !query.text.isEmpty || pointed else {
                shared.message = shared.t(.uiCheckInTypeFirst)
                return .stay
            }
            if isEnrolled {
                return .run(.save(.checkIn(session: session, artisan: chosen, day: day, time: shared.now, enrol: false)))
            }
            let name = shared.data.artisans[chosen]?.name ?? chosen.description
            return shared.confirm(.enrolAtDoor(chosen), title: shared.t(.uiCheckInEnrolTitle), text: shared.t(.uiCheckInEnrolAsk, name))
        case .excused, .absent:
            guard let chosen, isEnrolled, !query.text.isEmpty || pointed else {
                shared.message = shared.t(.uiCheckInTypeFirst)
                return .stay
            }
            let mark: AttendanceMark = action == .excused ? .izin : .alpa
            return .run(.save(.markAttendance(session: session, artisan: chosen, day: day, mark: mark, time: nil, note: nil)))
        case .undo:
            return .run(.undo)
        case .closeDay:
            let missing = s.participants.filter { $0.enrolment == .registered && $0.mark(on: day) == nil }.count
            return shared.confirm(.closeDay, title: shared.t(.uiKeyCloseDay), text: shared.t(.uiCheckInCloseAsk, day.numeric, missing))
        case .walkIn:
            return .push(FormScreen.walkIn(session, day, shared))
        case .certificates:
            return .run(.save(.issueCertificates(session: session, pattern: shared.certificatePattern, year: day.year)))
        default: break
        }
        return .stay
    }

    /// Every other key edits the search box (with the readline keys).
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        let before = query.text
        guard query.handle(key) else { return .ignored }
        if query.text != before {
            list = ListState()
            pointed = false
            refresh(shared)
        }
        return .stay
    }

    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step {
        switch outcome {
        case .answered(.enrolAtDoor(let artisan), yes: true):
            return .run(.save(.checkIn(session: session, artisan: artisan, day: day, time: shared.now, enrol: true)))
        case .answered(.closeDay, yes: true):
            return .run(.save(.closeDay(session: session, day: day)))
        case .saved(let change):
            // A walk-in registered: now checked in (and enrolled).
            guard let id = change.targets.first else { return .stay }
            return .run(.save(.checkIn(session: session, artisan: id, day: day, time: shared.now, enrol: true)))
        default:
            return shared.answer(outcome)
        }
    }

    /// Saved from the door: say who and how, and clear the box for the next person.
    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        switch msg {
        case .saved(let change):
            let who = change.targets.dropFirst().first
            let mark = who.flatMap { shared.data.sessions[session]?.participant($0)?.mark(on: day) }
            switch change.command {
            case "check-in", "mark-attendance":
                let how = mark.map { L10n.value($0.mark, shared.lang) + ($0.time.map { " \($0)" } ?? "") } ?? ""
                shared.message = shared.t(.uiCheckedIn, who.flatMap { shared.data.artisans[$0]?.name } ?? "", how)
            default:
                shared.message = change.detail ?? change.command
            }
        case .refused(.alreadyCheckedIn(let id, let time, let by)):
            // Another door was quicker.
            shared.message = shared.t(.uiAlreadyIn, shared.data.artisans[id]?.name ?? id.description, time?.description ?? "?", by ?? "?")
        default:
            _ = shared.report(msg)
        }
        clear(shared)
        return .stay
    }

    mutating func clear(_ shared: Shared) {
        query = TextField("", maxLength: 40)
        list = ListState()
        pointed = false
        refresh(shared)
    }

    /// The door's list follows the other door's check-ins (the selection stays on its person).
    public mutating func dataChanged(_ shared: Shared) {
        let chosen = rows[safe: list.selected]
        refresh(shared)
        if let chosen, let at = rows.firstIndex(of: chosen) { list.move(.to(at), count: rows.count, visible: visible(shared.layout)) }
    }

    /// The matches for what is typed.
    mutating func refresh(_ shared: Shared) {
        guard let s = shared.data.sessions[session] else { return }
        let data = shared.data
        let words = BrowseScreen.words(query.text)
        let digits = query.text.filter(\.isNumber)
        func found(_ a: Artisan) -> (hit: Bool, namePrefix: Bool) {
            let name = Fold.string(a.name)
            let text = name + " " + Fold.string(a.business)
            let phone = a.phone.filter(\.isNumber)
            let hit = words.allSatisfy { text.contains($0) || (!digits.isEmpty && phone.contains(digits)) }
            let prefix = words.first.map { w in name.hasPrefix(w) || name.contains(" " + w) } ?? true
            return (hit, prefix)
        }
        let registered = s.participants.filter { $0.enrolment == .registered }
        typealias Scored = (id: EntityID, done: Bool, prefix: Bool, name: String)
        let scored: [Scored] = registered.compactMap { p -> Scored? in
            guard let a = data.artisans[p.artisan] else { return nil }
            let f = found(a)
            guard f.hit else { return nil }
            return (p.artisan, p.mark(on: day) != nil, f.namePrefix, a.name)
        }
        // Not yet marked before marked, a name that starts with the letters before one that has them inside.
        enrolled = scored.sorted { a, b in
            if a.done != b.done { return !a.done }
            if a.prefix != b.prefix { return a.prefix }
            return a.name < b.name
        }.map(\.id)
        others = []
        if query.text.count >= 2 {
            let inside = Set(registered.map(\.artisan))
            let items = data.artisans.items
            others = Array(shared.index.search(query.text).lazy.filter { !items[$0].archived && !inside.contains(items[$0].id) }
                .prefix(30).map { items[$0].id })
        }
        list.clamp(count: rows.count, visible: visible(shared.layout))
    }
}
