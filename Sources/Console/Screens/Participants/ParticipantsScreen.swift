import KriyaCore
import TextUI

/// The people of one session or exhibition, to work on one at a time: enrol or propose more
/// (`+`), withdraw (`-`); for an exhibition also accept (`a`), reject (`r`), give a booth (`b`)
/// and type what they sold (`$`). Every change is a command: checked, audited, undone with `u`.
public struct ParticipantsScreen: Screen {
    public let event: EntityID
    public var list = ListState()
    /// A mark being corrected: whose, and on which day once chosen.
    /// A correction under way: whose, and which day (the day menu holds the days it offered).
    var correcting: (artisan: EntityID, day: CivilDate?)?
    /// `/`: narrows the list by name, business, kelurahan or phone (a long list at the door).
    var search = TextField("", maxLength: 40)
    var searching = false

    init(event: EntityID) { self.event = event }

    public var kind: ScreenKind { .participants }
    var exhibition: Bool { event.kind == .exhibition }

    /// Rows of people the body has room for (the heading and the column titles take two, the
    /// line under the list one).
    func visible(_ layout: Layout) -> Int { max(1, layout.body.height - 3 - (searchShown ? 1 : 0)) }
    var searchShown: Bool { searching || !search.text.isEmpty }

    public func bindings(_ shared: Shared) -> [Binding] {
        if searching {
            return [Binding([.enter, .down, .tab], .keepSearch, help: .uiHelpKeepSearch, bar: .uiKeyDone, barKeys: "Enter"),
                    Binding([.escape], .clearSearch, help: .uiHelpClearSearch, bar: .uiKeyCancel)]
                .typing(into: .uiHelpTypeSearch)
        }
        let someone = !rows(shared).isEmpty
        var out = [Binding([.char("+"), .f(7)], .add, help: exhibition ? .uiHelpPropose : .uiHelpEnrol, bar: .uiKeyAdd),
                   Binding([.char("-"), .delete, .char("w")], .withdraw, help: .uiHelpWithdraw, bar: .uiKeyWithdraw, enabled: someone)]
        if exhibition {
            out += [Binding([.char("a")], .accept, help: .uiHelpAccept, bar: .uiKeyAccept, enabled: someone),
                    Binding([.char("r")], .reject, help: .uiHelpReject, bar: .uiKeyReject, enabled: someone),
                    Binding([.char("p")], .propose, help: .uiHelpProposeAgain, enabled: someone),
                    Binding([.char("b")], .booth, help: .uiHelpBooth, bar: .uiKeyBooth, enabled: someone),
                    Binding([.char("$"), .char("s")], .sales, help: .uiHelpSales, bar: .uiKeySales, enabled: someone),
                    Binding([.char("t")], .salesGrid, help: .uiHelpSalesGrid, bar: .uiKeyGrid),
                    Binding([.ctrl("p")], .print, help: .uiHelpPrintDelegation)]
        }
        else {
            out.append(Binding([.char("c")], .correct, help: .uiHelpCorrect, bar: .uiKeyCorrect, enabled: someone))
            out.append(Binding([.ctrl("p")], .print, help: .uiHelpPrintSession))
        }
        return out + [Binding([.char("/"), .f(3)], .startSearch, help: .uiHelpSearch, bar: .uiKeySearch),
                      Binding([.char("u")], .undo, help: .uiHelpUndo, bar: .uiKeyUndo),
                      Binding([.char("h")], .history, help: .uiHelpHistory)]
            + Binding.moving(letters: true)
            + [Binding([.escape, .char("q"), .f(10)], .back, help: search.text.isEmpty ? .uiHelpBackToList : .uiHelpClearSearch,
                       bar: .uiKeyBack, barKeys: "Esc")]
    }

    /// The participants in the order staff read them: enrolled, waitlist, withdrawn (a session);
    /// accepted, proposed, rejected, withdrawn (an exhibition); by name within each.
    func rows(_ shared: Shared) -> [EntityID] {
        let all = everyone(shared)
        guard !search.text.isEmpty else { return all }
        let words = BrowseScreen.words(search.text)
        // A phone in any spelling: 0812…, +62 812…, 812… all meet the stored +62812….
        let phone = Phone.searchKey(search.text)
        return all.filter { id in
            guard let a = shared.data.artisans[id] else { return false }
            if let phone, Phone.matches(a.phone, phone) { return true }
            return BrowseScreen.matches(words, [a.name, a.business, Wilayah.kelurahan(code: a.kelurahan)?.name ?? ""])
        }
    }

    func everyone(_ shared: Shared) -> [EntityID] {
        let name = { (id: EntityID) in shared.data.artisans[id]?.name ?? id.description }
        if let s = shared.data.sessions[event] {
            let order: [Enrolment] = [.registered, .waitlist, .cancelled]
            return s.participants.sorted {
                let (a, b) = (order.firstIndex(of: $0.enrolment)!, order.firstIndex(of: $1.enrolment)!)
                return a != b ? a < b : name($0.artisan) < name($1.artisan)
            }.map(\.artisan)
        }
        if let e = shared.data.exhibitions[event] {
            let order: [Curation] = [.accepted, .proposed, .rejected, .withdrawn]
            return e.participants.sorted {
                let (a, b) = (order.firstIndex(of: $0.curation)!, order.firstIndex(of: $1.curation)!)
                return a != b ? a < b : name($0.artisan) < name($1.artisan)
            }.map(\.artisan)
        }
        return []
    }

    func chosen(_ shared: Shared) -> EntityID? { rows(shared)[safe: list.selected] }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        let rows = self.rows(shared)
        let chosen = rows[safe: list.selected]
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            list.move(BrowseScreen.move(action), count: rows.count, visible: visible(shared.layout))
        case .back:
            guard search.text.isEmpty else { return perform(.clearSearch, key: key, &shared) }
            return .pop(.closed)
        case .startSearch: searching = true
        case .keepSearch: searching = false
        case .clearSearch:
            (searching, search) = (false, TextField("", maxLength: 40))
            list = ListState()
        case .add: return .push(PickerScreen(event: event, shared))
        case .undo: return .run(.undo)
        case .history: return .run(.history(chosen ?? event))
        case .salesGrid: return .push(SalesGridScreen(exhibition: event, people: rows, shared))
        case .print:
            // An exhibition has one document; a session a choice of four.
            guard let s = shared.data.sessions[event] else { return .run(.print(.delegation(event))) }
            let items = [shared.t(.uiPrintSheet, s.dayToPrint(today: shared.today).full(shared.lang)), shared.t(.dParticipantsTitle),
                         shared.t(.dCardsTitle), shared.t(.uiPrintCertificates)]
            return .push(MenuScreen(.printFor(event), title: shared.t(.uiPrintTitle), items: items))
        default:
            guard let chosen else { return .stay }
            switch action {
            case .withdraw:
                return askWithdraw(chosen, shared)
            case .correct:
                guard let s = shared.data.sessions[event] else { return .stay }
                let begun = s.days.filter { $0 <= shared.today }
                guard !begun.isEmpty else { shared.message = shared.t(.uiCorrectNoDay); return .stay }
                correcting = (chosen, begun.count == 1 ? begun[0] : nil)
                if begun.count == 1 { return markMenu(chosen, begun[0], shared) }
                return .push(MenuScreen(.attendanceDay(begun), title: shared.t(.uiCorrectDayTitle, shared.data.artisans[chosen]?.name ?? ""),
                                        items: begun.map { $0.long(shared.lang) }, selected: begun.count - 1))
            case .reject:
                let name = shared.data.artisans[chosen]?.name ?? ""
                return .push(PromptScreen(.curationNote(exhibition: event, artisan: chosen), label: shared.t(.uiRejectReasonPrompt, name),
                                          value: "", maxLength: 120))
            case .accept, .propose:
                let curation: Curation = action == .accept ? .accepted : .proposed
                return .run(.save(.setCuration(exhibition: event, artisan: chosen, curation: curation)))
            case .booth:
                let current = shared.data.exhibitions[event]?.participant(chosen)?.booth ?? ""
                let name = shared.data.artisans[chosen]?.name ?? ""
                return .push(PromptScreen(.booth(exhibition: event, artisan: chosen), label: shared.t(.uiBoothPrompt, name), value: current))
            case .sales:
                return FormScreen.sales(event, chosen, shared).map { .push($0) } ?? .stay
            default: break
            }
        }
        return .stay
    }

    /// While searching, keys are text; the list narrows as one types.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        guard searching else { return .ignored }
        let before = search.text
        guard search.handle(key) else { return .ignored }
        if search.text != before { list = ListState() }
        return .stay
    }

    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step {
        switch outcome {
        case .chose(.attendanceDay(let offered), let i):
            guard let who = correcting?.artisan, let day = offered[safe: i] else { return .stay }
            correcting = (who, day)
            return markMenu(who, day, shared)
        case .chose(.printFor(let session), let i):
            guard let s = shared.data.sessions[session] else { return .stay }
            let jobs: [PrintJob] = [.attendance(session, s.dayToPrint(today: shared.today)), .participants(session), .cards(session), .certificates(session)]
            return jobs.indices.contains(i) ? .run(.print(jobs[i])) : .stay
        case .chose(.attendanceMark, let i):
            guard let who = correcting?.artisan, let day = correcting?.day else { return .stay }
            correcting = nil
            let mark = Self.marks[safe: i]
            // Once the day's door is shut the change is a correction: it says why (the core's rule).
            if shared.data.sessions[event]?.door(on: day, today: shared.today).onlyByCorrection == true {
                return .push(PromptScreen(.reason(session: event, artisan: who, day: day, mark: mark), label: shared.t(.uiCorrectionReasonPrompt),
                                          value: "", maxLength: 80))
            }
            guard let mark else { return .run(.save(.clearAttendance(session: event, artisan: who, day: day))) }
            if mark == .izin || mark == .sakit {
                return .push(PromptScreen(.reason(session: event, artisan: who, day: day, mark: mark), label: shared.t(.uiReasonPrompt),
                                          value: "", maxLength: 80))
            }
            return .run(.save(.markAttendance(session: event, artisan: who, day: day, mark: mark, time: nil, note: nil)))
        case .typed(.reason(let sid, let who, let day, let mark), let text):
            guard let mark else { return .run(.save(.clearAttendance(session: sid, artisan: who, day: day, reason: text))) }
            return .run(.save(.markAttendance(session: sid, artisan: who, day: day, mark: mark, time: nil, note: text)))
        case .typed(.curationNote(let exhibition, let artisan), let text):
            return .run(.save(.setCuration(exhibition: exhibition, artisan: artisan, curation: .rejected, note: text)))
        case .typed(.booth(let exhibition, let artisan), let text):
            return .run(.save(.assignBooth(exhibition: exhibition, artisan: artisan, booth: text)))
        case .saved(let change):
            said(change, &shared)
            return .stay
        default:
            return shared.answer(outcome)
        }
    }

    /// The marks offered when correcting, in the order the office says them; the last item of
    /// the menu takes the mark away.
    static let marks: [AttendanceMark] = [.hadir, .terlambat, .izin, .sakit, .alpa]

    func markMenu(_ who: EntityID, _ day: CivilDate, _ shared: Shared) -> Step {
        let current = shared.data.sessions[event]?.participant(who)?.mark(on: day)?.mark
        let items = Self.marks.map { L10n.value($0, shared.lang) } + [shared.t(.uiCorrectClear)]
        return .push(MenuScreen(.attendanceMark, title: shared.t(.uiCorrectMarkTitle, shared.data.artisans[who]?.name ?? "", day.numeric),
                                items: items, selected: current.flatMap { Self.marks.firstIndex(of: $0) } ?? 0))
    }

    /// `-` asks first, saying what stays on record.
    func askWithdraw(_ who: EntityID, _ shared: Shared) -> Step {
        let name = shared.data.artisans[who]?.name ?? who.description
        if let e = shared.data.exhibitions[event] {
            return shared.confirm(.save(.setCuration(exhibition: event, artisan: who, curation: .withdrawn)), title: shared.t(.uiWithdrawTitle, name),
                                  text: shared.t(.uiWithdrawExhibition, name, e.name))
        }
        guard let s = shared.data.sessions[event], let p = s.participant(who) else { return .stay }
        let marked = p.attendance.count
        let certificate = p.certificate.map { shared.t(.uiWithdrawCertificate, $0) } ?? ""
        return shared.confirm(.save(.withdraw(session: event, artisan: who)), title: shared.t(.uiWithdrawTitle, name),
                              text: shared.t(.uiWithdrawSession, name, s.title, marked) + certificate)
    }

    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        guard case .saved(let change) = msg else { return RecordActions.receive(msg, &shared) }
        said(change, &shared)
        return .stay
    }

    /// A change from this screen was saved: say what happened to whom, and keep the selection
    /// on that person wherever the change moved them.
    mutating func said(_ change: Change, _ shared: inout Shared) {
        let who = change.targets.dropFirst().first
        if let who, let at = rows(shared).firstIndex(of: who) {
            list.move(.to(at), count: rows(shared).count, visible: visible(shared.layout))
        }
        let name = who.flatMap { shared.data.artisans[$0]?.name } ?? ""
        shared.message = shared.t(.uiParticipantSaved, name, ChangeWords.summary(change, shared.lang, name: shared.data.title(of:)))
    }

    public mutating func dataChanged(_ shared: Shared) {
        list.clamp(count: rows(shared).count, visible: visible(shared.layout))
    }
}
