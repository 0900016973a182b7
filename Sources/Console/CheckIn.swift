import KriyaCore
import KriyaText
import TextUI

/// The door on a Bimtek morning: the search box always has the focus; a few letters of a
/// name, business or phone and Enter check the person in (late after the start time plus the
/// grace period). Someone not enrolled is found among all artisans and, once confirmed,
/// enrolled and checked in; someone not in Kriya at all gets the short walk-in form.
public struct CheckInView: Equatable, Sendable {
    public var session: EntityID
    public var day: CivilDate
    public var query = TextField("", maxLength: 40)
    public var selected = 0
    /// The enrolled who match, those not yet in first; then artisans who are not enrolled.
    public var enrolled: [EntityID] = []
    public var others: [EntityID] = []
    /// Waiting for y: enrol this artisan at the door and check them in.
    public var pendingEnrol: EntityID?
    /// Waiting for y: mark everyone not yet in absent.
    public var pendingClose = false
    /// The selection was moved with the arrows: Enter may act without letters typed.
    var pointed = false

    var rows: [EntityID] { enrolled + others }
}

extension ConsoleState {
    /// Opens the door for the selected session, on today's meeting day (or the next one,
    /// or the last one once the course is over).
    mutating func openCheckIn() {
        guard pane == .sessions, let id = selectedID(.sessions), let s = data.sessions[id] else { return }
        let days = s.days
        let day = days.first { $0 == today } ?? days.first { $0 > today } ?? days.last ?? today
        checkIn = CheckInView(session: id, day: day)
        refreshCheckIn()
        mode = .checkIn
    }

    /// The matches for what is typed.
    mutating func refreshCheckIn() {
        guard var view = checkIn, let s = data.sessions[view.session] else { return }
        let words = ConsoleState.words(view.query.text)
        let digits = view.query.text.filter(\.isNumber)
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
            return (p.artisan, p.mark(on: view.day) != nil, f.namePrefix, a.name)
        }
        // Not yet marked before marked, a name that starts with the letters before one that has them inside.
        view.enrolled = scored.sorted { a, b in
            if a.done != b.done { return !a.done }
            if a.prefix != b.prefix { return a.prefix }
            return a.name < b.name
        }.map(\.id)
        view.others = []
        if view.query.text.count >= 2 {
            let inside = Set(registered.map(\.artisan))
            let items = data.artisans.items
            view.others = Array(index.search(view.query.text).lazy.filter { !items[$0].archived && !inside.contains(items[$0].id) }
                .prefix(30).map { items[$0].id })
        }
        view.selected = min(view.selected, max(0, view.rows.count - 1))
        checkIn = view
    }

    mutating func updateCheckIn(_ key: Key, visibleRows: Int) -> Effect {
        guard var view = checkIn, let s = data.sessions[view.session] else { mode = .list; return .none }
        if let pending = view.pendingEnrol {
            view.pendingEnrol = nil
            checkIn = view
            guard key == .char("y") || key == .char("Y") else { message = nil; return .none }
            return .save(.checkIn(session: view.session, artisan: pending, day: view.day, time: now, enrol: true))
        }
        if view.pendingClose {
            view.pendingClose = false
            checkIn = view
            guard key == .char("y") || key == .char("Y") else { message = nil; return .none }
            return .save(.closeDay(session: view.session, day: view.day))
        }
        let chosen = view.rows.indices.contains(view.selected) ? view.rows[view.selected] : nil
        let isEnrolled = chosen.map { view.enrolled.contains($0) } ?? false
        switch key {
        case .escape:
            if view.query.text.isEmpty { checkIn = nil; mode = .list; return .none }
            view.query = TextField("", maxLength: 40)
            view.selected = 0
        case .up: view.selected = max(0, view.selected - 1); view.pointed = true
        case .down: view.selected = min(max(0, view.rows.count - 1), view.selected + 1); view.pointed = true
        case .pageUp: view.selected = max(0, view.selected - visibleRows); view.pointed = true
        case .pageDown: view.selected = min(max(0, view.rows.count - 1), view.selected + visibleRows); view.pointed = true
        case .left, .right:
            // Another meeting day.
            let days = s.days
            if let at = days.firstIndex(of: view.day) {
                view.day = days[max(0, min(days.count - 1, at + (key == .left ? -1 : 1)))]
            }
        case .enter:
            // An Enter with nothing typed and nobody pointed at would check in whoever is first.
            guard let chosen, !view.query.text.isEmpty || view.pointed else {
                message = L10n.text(.uiCheckInTypeFirst, lang)
                break
            }
            if isEnrolled {
                return .save(.checkIn(session: view.session, artisan: chosen, day: view.day, time: now, enrol: false))
            }
            view.pendingEnrol = chosen
            message = L10n.text(.uiCheckInEnrolAsk, lang, data.artisans[chosen]?.name ?? chosen.description)
        case .f(3), .alt("i"), .f(4), .alt("a"):
            guard let chosen, isEnrolled else { break }
            let mark: AttendanceMark = key == .f(3) || key == .alt("i") ? .izin : .alpa
            return .save(.markAttendance(session: view.session, artisan: chosen, day: view.day, mark: mark, time: nil, note: nil))
        case .f(5), .alt("u"):
            return undoLast()
        case .f(6), .alt("c"):
            let missing = s.participants.filter { $0.enrolment == .registered && $0.mark(on: view.day) == nil }.count
            view.pendingClose = true
            message = L10n.text(.uiCheckInCloseAsk, lang, view.day.numeric, missing)
        case .f(7), .alt("n"):
            checkIn = view
            openWalkIn(view.session, view.day)
            return .none
        case .f(8), .alt("s"):
            return .save(.issueCertificates(session: view.session, pattern: certificatePattern, year: view.day.year))
        default:
            let before = view.query.text
            view.query.handle(key)
            if view.query.text != before { view.selected = 0; view.pointed = false }
        }
        checkIn = view
        refreshCheckIn()
        return .none
    }

    /// Saved from the door: say who and how, and clear the box for the next person.
    mutating func checkInSaved(_ change: Change) {
        guard var view = checkIn else { return }
        let who = change.targets.dropFirst().first.flatMap { data.artisans[$0]?.name } ?? ""
        let p = change.targets.dropFirst().first.flatMap { data.sessions[view.session]?.participant($0)?.mark(on: view.day) }
        switch change.command {
        case "check-in", "mark-attendance":
            let how = p.map { L10n.value($0.mark, lang) + ($0.time.map { " \($0)" } ?? "") } ?? ""
            message = L10n.text(.uiCheckedIn, lang, who, how)
        default:
            message = (change.detail ?? change.command)
        }
        view.query = TextField("", maxLength: 40)
        view.selected = 0
        view.pointed = false
        checkIn = view
        refreshCheckIn()
    }

    /// The door's message when a check-in is refused (another door was quicker).
    mutating func checkInRefused(_ error: CommandError) {
        if case .alreadyCheckedIn(let id, let time, let by) = error {
            message = L10n.text(.uiAlreadyIn, lang, data.artisans[id]?.name ?? id.description, time?.description ?? "?", by ?? "?")
        } else {
            message = error.message(lang).replacingAll("\n", with: " ")
        }
        if var view = checkIn {
            view.query = TextField("", maxLength: 40)
            checkIn = view
            refreshCheckIn()
        }
    }
}
