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
    /// The enrolled who match, those not yet in first; then those on the waitlist; then
    /// artisans who are not enrolled.
    public var enrolled: [EntityID] = []
    public var waiting: [EntityID] = []
    public var others: [EntityID] = []
    /// How many of the enrolled match as well as the first row does (several: Enter shows them
    /// and asks for a choice instead of taking the first).
    public var tied = 0
    /// The selection was moved with the arrows: Enter may act without letters typed.
    var pointed = false
    /// Enter came on a card's code: the confirmation says so, with the bell.
    var scanned = false
    /// The person highlighted when a colleague's save took them away (deleted, merged): the
    /// next Enter, F3 or F4 says so instead of acting on whoever moved into the row.
    var vanished: EntityID?

    public var rows: [EntityID] { enrolled + waiting + others }

    /// Enter on this search would have to guess between several people.
    public var ambiguous: Bool { tied > 1 && !pointed }
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

    /// What the door may do on the day shown (the core's rule, as the CLI and the store apply it).
    func door(_ shared: Shared) -> DoorState {
        shared.data.sessions[session]?.door(on: day, today: shared.today) ?? .notAMeetingDay
    }

    /// Why the door cannot mark anyone on the day shown: the core's refusal, in its words; nil
    /// while open.
    func doorRefusal(_ shared: Shared) -> String? {
        shared.data.sessions[session]?.doorRefusal(on: day, today: shared.today)?.message(shared.lang)
    }

    public func bindings(_ shared: Shared) -> [Binding] {
        let chosen = rows[safe: list.selected]
        let days = shared.data.sessions[session]?.days ?? []
        // Enter, F3, F4 and F7 on a shut day stay live (pressed, they say why the door is shut)
        // but leave the key bar: it offers only what the door can do now.
        let open = door(shared) == .open
        let own = [
            Binding([.enter], .present, help: .uiHelpPresent, bar: open ? .uiKeyPresent : nil, enabled: chosen != nil),
            Binding([.f(3), .alt("i")], .excused, help: .uiHelpExcused, bar: open ? .uiKeyExcused : nil, enabled: chosen != nil),
            Binding([.f(4), .alt("a")], .absent, help: .uiHelpAbsent, bar: open ? .uiKeyAbsent : nil, enabled: chosen != nil),
            // The key bar drops from the end what does not fit: the morning's keys come first.
            Binding([.f(7), .alt("n")], .walkIn, help: .uiHelpWalkIn, bar: open ? .uiKeyWalkIn : nil),
            Binding([.f(5), .alt("u")], .undo, help: .uiHelpUndo, bar: .uiKeyUndo),
            Binding([(.left, .left), (.right, .right)], help: .uiHelpDay, bar: .uiKeyDayMove, barKeys: "←→", enabled: days.count > 1),
            Binding([.f(6), .alt("c")], .closeDay, help: .uiHelpCloseDay, bar: .uiKeyCloseDay),
            Binding([.f(8), .alt("s")], .certificates, help: .uiHelpCertificates, bar: .uiKeyCertificates),
            Binding([.ctrl("p")], .print, help: .uiHelpPrintSheet),
            Binding([(.up, .up), (.down, .down)], help: .uiHelpMove),
            Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
            Binding([.escape], .back, help: .uiHelpCheckInBack, bar: .uiKeyBack),
        ] + (numbered > 0 ? [Binding((1...numbered).map { Key.char(Character(String($0))) }, .present, help: .uiHelpCheckInNumber)] : [])
        return own.typing(into: .uiHelpTypeSearch)
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        guard let s = shared.data.sessions[session] else { return .pop(.closed) }
        // A row's number while several are numbered: that one is checked in.
        if action == .present, case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= numbered {
            list.move(.to(n - 1), count: rows.count, visible: visible(shared.layout))
            pointed = true
        }
        let chosen = rows[safe: list.selected]
        let isEnrolled = chosen.map { enrolled.contains($0) } ?? false
        let name = chosen.map { shared.data.artisans[$0]?.name ?? $0.description } ?? ""
        if [.present, .excused, .absent].contains(action), let gone = vanished {
            vanished = nil
            return RecordActions.gone(gone, &shared)
        }
        if [.present, .excused, .absent, .walkIn].contains(action), let refusal = doorRefusal(shared) {
            // A past or closed day is not the door's: the same refusal the store would give.
            shared.message = refusal
            return .stay
        }
        switch action {
        case .back:
            if query.text.isEmpty { return .pop(.closed) }
            clear(shared)
        case .up, .down, .pageUp, .pageDown:
            list.move(BrowseScreen.move(action), count: rows.count, visible: visible(shared.layout))
            pointed = true
            vanished = nil
        case .left, .right:
            // Another meeting day.
            let days = s.days
            if let at = days.firstIndex(of: day) { day = days[max(0, min(days.count - 1, at + (action == .left ? -1 : 1)))] }
            refresh(shared)
        case .present:
            guard let chosen = aimedAt(&shared) else { return .stay }
            scanned = scannedID(shared) != nil
            if isEnrolled {
                return .run(.save(.checkIn(session: session, artisan: chosen, day: day, time: shared.now, enrol: false)))
            }
            let full = s.isFull
            let past = full ? " " + shared.t(.uiCheckInPastCapacity, L10n.enrolment(s, shared.lang)) : ""
            if waiting.contains(chosen) {
                let seats = L10n.enrolment(s, shared.lang)
                return shared.confirm(.enrolAtDoor(chosen, pastCapacity: full), title: shared.t(.uiCheckInWaitlistTitle),
                                      text: shared.t(.uiCheckInWaitlistAsk, name, seats) + past)
            }
            return shared.confirm(.enrolAtDoor(chosen, pastCapacity: full), title: shared.t(.uiCheckInEnrolTitle),
                                  text: shared.t(.uiCheckInEnrolAsk, name) + past)
        case .excused, .absent:
            guard let chosen = aimedAt(&shared) else { return .stay }
            guard isEnrolled else {
                shared.message = shared.t(waiting.contains(chosen) ? .uiCheckInMarkWaitlisted : .uiCheckInMarkNotEnrolled, name)
                return .stay
            }
            // Izin is asked why (Enter alone: no reason); alpa needs none.
            if action == .excused {
                return .push(PromptScreen(.reason(session: session, artisan: chosen, day: day, mark: .izin),
                                          label: shared.t(.uiExcusedReasonPrompt, name), value: "", maxLength: 80))
            }
            return .run(.save(.markAttendance(session: session, artisan: chosen, day: day, mark: .alpa, time: nil, note: nil)))
        case .undo:
            return .run(.undo)
        case .closeDay:
            guard door(shared) == .open || door(shared) == .past else {
                shared.message = doorRefusal(shared)
                return .stay
            }
            let missing = s.absentAtClosing(on: day).count
            return shared.confirm(.closeDay, title: shared.t(.uiCloseDayTitle), text: shared.t(.uiCheckInCloseAsk, day.numeric, missing))
        case .walkIn:
            return .push(FormScreen.walkIn(session, day, shared))
        case .print:
            return .run(.print(.attendance(session, day)))
        case .certificates:
            return .run(.save(.issueCertificates(session: session, pattern: shared.certificatePattern, year: day.year)))
        default: break
        }
        return .stay
    }

    /// The person Enter, F3 or F4 acts on: someone typed for or pointed at, and not one of
    /// several who fit the letters as well (then they are shown and the next key chooses).
    /// Nil, with the reason said, otherwise: the first row is never taken by chance.
    private mutating func aimedAt(_ shared: inout Shared) -> EntityID? {
        guard let chosen = rows[safe: list.selected], !query.text.isEmpty || pointed else {
            shared.message = shared.t(.uiCheckInTypeFirst)
            return nil
        }
        guard !ambiguous else {
            pointed = true
            shared.message = shared.t(.uiCheckInAmbiguous, tied, query.text)
            return nil
        }
        return chosen
    }

    /// The candidates a digit can pick (1–9): shown numbered while letters find several.
    var numbered: Int { query.text.contains(where: \.isLetter) && tied > 1 ? min(tied, 9) : 0 }

    /// Typing edits the search box (with the readline keys).
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        let before = query.text
        guard query.handle(key) else { return .ignored }
        if query.text != before {
            list = ListState()
            pointed = false
            vanished = nil
            refresh(shared)
        }
        return .stay
    }

    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step {
        switch outcome {
        case .answered(.enrolAtDoor(let artisan, let pastCapacity), yes: true):
            return .run(.save(.checkIn(session: session, artisan: artisan, day: day, time: shared.now, enrol: true, pastCapacity: pastCapacity)))
        case .answered(.closeDay, yes: true):
            return .run(.save(.closeDay(session: session, day: day)))
        case .typed(.reason(let sid, let who, let day, let mark), let text):
            return .run(.save(.markAttendance(session: sid, artisan: who, day: day, mark: mark ?? .izin, time: nil, note: text)))
        case .useExisting(let id):
            // The walk-in was someone already registered: that person is checked in.
            return letIn(id, shared)
        case .saved(let change):
            // A walk-in registered: now checked in (and enrolled).
            guard let id = change.targets.first, id.kind == .artisan else { return .stay }
            return letIn(id, shared)
        default:
            return shared.answer(outcome)
        }
    }

    /// Someone who came without being enrolled (a walk-in): enrolled and checked in, after a
    /// question when that goes past a full session's capacity.
    private func letIn(_ id: EntityID, _ shared: Shared) -> Step {
        let checkIn = Command.checkIn(session: session, artisan: id, day: day, time: shared.now, enrol: true)
        guard let s = shared.data.sessions[session], s.isFull,
              s.participant(id)?.enrolment != .registered else { return .run(.save(checkIn)) }
        let name = shared.data.artisans[id]?.name ?? id.description
        return shared.confirm(.enrolAtDoor(id, pastCapacity: true), title: shared.t(.uiCheckInEnrolTitle),
                              text: shared.t(.uiCheckInEnrolAsk, name) + " " + shared.t(.uiCheckInPastCapacity, L10n.enrolment(s, shared.lang)))
    }

    /// Saved from the door: say who and how, and clear the box for the next person.
    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        switch msg {
        case .saved(let change):
            let who = change.targets.dropFirst().first
            let mark = who.flatMap { shared.data.sessions[session]?.participant($0)?.mark(on: day) }
            switch change.command {
            case "check-in", "mark-attendance":
                let how = mark.map { L10n.value($0.mark, shared.lang) + ($0.time.map { " \($0)" } ?? "") + ($0.note.map { " (\($0))" } ?? "") } ?? ""
                let name = who.flatMap { shared.data.artisans[$0]?.name } ?? ""
                shared.message = shared.t(scanned && change.command == "check-in" ? .uiScannedIn : .uiCheckedIn, name, how)
                if scanned { shared.ringBell = true }
            default:
                shared.message = ChangeWords.summary(change, shared.lang, name: shared.data.title(of:))
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
        (pointed, scanned, vanished) = (false, false, nil)
        refresh(shared)
    }

    /// The door's list follows the other door's check-ins (the selection stays on its person).
    public mutating func dataChanged(_ shared: Shared) {
        let chosen = rows[safe: list.selected]
        refresh(shared)
        guard let chosen else { return }
        if let at = rows.firstIndex(of: chosen) {
            list.move(.to(at), count: rows.count, visible: visible(shared.layout))
        } else if shared.data.artisans[chosen].map({ $0.archived }) ?? true, !query.text.isEmpty || pointed {
            // Gone (deleted, merged away), not merely checked in elsewhere: said at the next key.
            vanished = chosen
        }
    }

    /// What is typed, when it is exactly an artisan's id: a card's code, as a barcode scanner
    /// types it (the whole code, then Enter).
    func scannedID(_ shared: Shared) -> EntityID? {
        let text = query.text.trimmingSpaces
        guard text.count >= 2, text.first.map({ $0 == "A" || $0 == "a" }) == true, let typed = EntityID(text), typed.kind == .artisan
        else { return nil }
        // A card printed at a door away from the office carries the door's id: its person here.
        let id = shared.data.officeID(ofWalkIn: typed) ?? typed
        return shared.data.artisans[id] != nil ? id : nil
    }

    /// The matches for what is typed.
    mutating func refresh(_ shared: Shared) {
        guard let s = shared.data.sessions[session] else { return }
        let data = shared.data
        // A card's code finds exactly its person, whatever list they are on.
        if let id = scannedID(shared) {
            let p = s.participant(id)
            enrolled = p?.enrolment == .registered ? [id] : []
            waiting = p?.enrolment == .waitlist ? [id] : []
            others = p == nil || p?.enrolment == .cancelled ? [id] : []
            tied = 1
            list = ListState()
            return
        }
        let words = BrowseScreen.words(query.text)
        // A phone in any spelling (0812…, +62 812…, its last digits as typed, 0 included).
        let phoneDigits = Phone.typedDigits(query.text)
        /// Whether the letters find the person: every word typed starts a word of the name,
        /// the business or the kelurahan (`bambang rah` is not "Anugerah"); and how well the
        /// first word meets the name: 4 a whole word of it, 3 the start of the first name, 2
        /// the start of another, 0 business or kelurahan only.
        func found(_ a: Artisan) -> (hit: Bool, fit: Int) {
            if let phoneDigits { return (Phone.matches(typed: phoneDigits, a.phone), 3) }
            let nameWords = Fold.string(a.name).split(separator: " ")
            let otherWords = Fold.string(a.business + " " + (Wilayah.kelurahan(code: a.kelurahan)?.name ?? "")).split(separator: " ")
            let hit = words.allSatisfy { w in nameWords.contains { $0.hasPrefix(w) } || otherWords.contains { $0.hasPrefix(w) } }
            guard let w = words.first else { return (hit, 3) }
            let fit = nameWords.contains { $0 == w } ? 4 : nameWords.first?.hasPrefix(w) == true ? 3
                : nameWords.contains { $0.hasPrefix(w) } ? 2 : 0
            return (hit, fit)
        }
        let registered = s.participants.filter { $0.enrolment == .registered }
        let waitlist = s.participants.filter { $0.enrolment == .waitlist }
        typealias Scored = (id: EntityID, done: Bool, fit: Int, name: String)
        let scored: [Scored] = registered.compactMap { p -> Scored? in
            guard let a = data.artisans[p.artisan] else { return nil }
            let f = found(a)
            guard f.hit else { return nil }
            return (p.artisan, p.mark(on: day) != nil, f.fit, a.name)
        }
        // Not yet marked before marked, then by how well the name fits the letters.
        let ranked = scored.sorted { a, b in
            if a.done != b.done { return !a.done }
            if a.fit != b.fit { return a.fit > b.fit }
            return a.name < b.name
        }
        enrolled = ranked.map(\.id)
        // Every enrolled person the letters find is a candidate, marked already or not, exact
        // name or not ("rudi" is Rudi and Rudi Hartono): Enter acts only on the one left, and
        // a digit picks among those shown.
        tied = query.text.isEmpty ? 0 : ranked.count
        waiting = query.text.isEmpty ? [] : waitlist.compactMap { p in data.artisans[p.artisan].flatMap { found($0).hit ? p.artisan : nil } }
        others = []
        if query.text.count >= 2 {
            let inside = Set((registered + waitlist).map(\.artisan))
            let items = data.artisans.items
            others = Array(shared.index.search(query.text).lazy.filter { !items[$0].archived && !inside.contains(items[$0].id) }
                .prefix(30).map { items[$0].id })
        }
        list.clamp(count: rows.count, visible: visible(shared.layout))
    }
}
