import KriyaCore
import KriyaText
import KriyaViews
import TextUI

/// What the keys of the lists and of a record's detail do to a record: the same in both
/// places, so they are written once.
enum RecordActions {
    static func perform(_ action: Action, on id: EntityID?, _ shared: inout Shared) -> Step {
        switch action {
        case .undo: return .run(.undo)
        case .schedule: return .push(ScheduleScreen(day: shared.today))
        case .today: return .push(TodayScreen(shared))
        default: break
        }
        guard let id else { return .stay }
        switch action {
        case .editRecord: return FormScreen.edit(id, shared).map { .push($0) } ?? .stay
        case .enrol where id.kind.isEvent: return .push(PickerScreen(event: id, shared))
        case .enrol where id.kind == .artisan: return askWhichSession(id, &shared)
        case .merge where id.kind == .artisan: return askWhichDuplicate(id, &shared)
        case .showCode where id.kind == .artisan: return .push(CodeScreen(artisan: id))
        case .participants where id.kind.isEvent: return .push(ParticipantsScreen(event: id))
        case .checkIn where id.kind == .session: return CheckInScreen(session: id, shared).map { .push($0) } ?? .stay
        case .history: return .run(.history(id))
        case .remove where id.kind == .artisan: return askToRemove(id, shared)
        case .remove where id.kind.isRemovable: return askToDelete(id, &shared)
        default: return .stay
        }
    }

    /// `d`: archive the artisan when anything refers to them, delete otherwise; ask first.
    static func askToRemove(_ id: EntityID, _ shared: Shared) -> Step {
        guard let a = shared.data.artisans[id] else { return .stay }
        let sessions = shared.data.sessions(of: id).count, exhibitions = shared.data.exhibitions(of: id).count
        if sessions + exhibitions > 0 {
            return shared.confirm(.save(.archiveArtisan(id, archived: true, baseRev: a.rev)), title: shared.t(.uiArchiveTitle, a.name),
                                  text: shared.t(.uiArchiveText, a.name, id, sessions, exhibitions))
        }
        return shared.confirm(.save(.delete(id, baseRev: a.rev)), title: shared.t(.uiDeleteTitle, a.name), text: shared.t(.uiDeleteText, a.name, id))
    }

    /// `d` on a board member, a partner or a term: deleted when nothing names it, asked first;
    /// when something does, said at once (what names it), with no question that promises more.
    static func askToDelete(_ id: EntityID, _ shared: inout Shared) -> Step {
        guard let rev = shared.stored(id)?.rev, let name = shared.data.title(of: id) else { return .stay }
        let ctx = CommandContext(user: shared.user, today: shared.today, time: ClockTime(hour: 0, minute: 0)!)
        do { _ = try shared.data.plan(.delete(id, baseRev: rev), ctx, audit: false) } catch {
            shared.message = error.message(shared.lang)
            return .stay
        }
        return shared.confirm(.save(.delete(id, baseRev: rev)), title: shared.t(.uiDeleteTitle, TerminalSafe.text(name)),
                              text: shared.t(.uiDeleteCouncilText, TerminalSafe.text(name), id))
    }

    /// `+` on an artisan: a menu of the sessions open to them.
    static func askWhichSession(_ artisan: EntityID, _ shared: inout Shared) -> Step {
        guard let a = shared.data.artisans[artisan] else { return .stay }
        let open = shared.data.sessionsOpen(to: artisan, today: shared.today)
        guard !open.isEmpty else {
            shared.message = shared.t(.uiEnrolNoSession, a.name)
            return .stay
        }
        // A full session still takes them, on its waitlist: said before choosing.
        let items = open.map { s in
            let full = s.isFull
            return "\(s.start.short(shared.lang))  \(TerminalSafe.text(s.title)) · " + (full ? shared.t(.uiEnrolFull) : L10n.enrolment(s, shared.lang))
        }
        return .push(MenuScreen(.enrolIn(artisan, sessions: open.map(\.id)), title: shared.t(.uiEnrolInTitle, TerminalSafe.text(a.name)), items: items))
    }

    /// `M` on an artisan: who may be the same person (shared phone, NIB or NIK; same name in
    /// the same kelurahan), to merge into this one.
    static func askWhichDuplicate(_ keep: EntityID, _ shared: inout Shared) -> Step {
        guard let a = shared.data.artisans[keep] else { return .stay }
        let candidates = shared.data.duplicates(of: keep)
        guard !candidates.isEmpty else {
            shared.message = shared.t(.uiMergeNone, a.name)
            return .stay
        }
        let items = candidates.map { c in
            let place = Wilayah.kelurahan(code: c.artisan.kelurahan)?.name ?? ""
            let why = c.field == "name" ? shared.t(.uiMergeSameName) : shared.t(.uiMergeSame, shared.t(CommandError.fieldLabel(c.field)))
            return TerminalSafe.text("\(c.artisan.id)  \(c.artisan.name) · \(place) · \(c.artisan.phoneShown) (\(why))")
        }
        return .push(MenuScreen(.mergeInto(keep, others: candidates.map(\.artisan.id)), title: shared.t(.uiMergeTitle, TerminalSafe.text(a.name), keep), items: items))
    }

    /// A menu's choice: the session to enrol in, or the duplicate to merge (asked first).
    static func chose(_ purpose: MenuPurpose, _ index: Int, _ shared: inout Shared) -> Step {
        switch purpose {
        case .enrolIn(let artisan, let sessions):
            // The session shown, or said gone: never the one now in its place.
            guard let sid = sessions[safe: index] else { return .stay }
            guard shared.data.sessions[sid] != nil else { return gone(sid, &shared) }
            return .run(.save(.enrol(session: sid, artisan: artisan, role: .peserta)))
        case .mergeInto(let keep, let others):
            guard let oid = others[safe: index] else { return .stay }
            guard let other = shared.data.artisans[oid], !other.archived else { return gone(oid, &shared) }
            guard let kept = shared.data.artisans[keep] else { return gone(keep, &shared) }
            let (s, e) = (shared.data.sessions(of: other.id).count, shared.data.exhibitions(of: other.id).count)
            return shared.confirm(.save(.mergeArtisans(keep: keep, other: other.id, keepRev: kept.rev, otherRev: other.rev)),
                                  title: shared.t(.uiMergeAskTitle),
                                  text: shared.t(.uiMergeAsk, TerminalSafe.text(other.name), other.id, TerminalSafe.text(kept.name), keep, s, e))
        default:
            return .stay
        }
    }

    /// A record chosen from a menu that another desk removed (deleted, merged, an import taken
    /// back) since the menu opened: said, nothing done.
    static func gone(_ id: EntityID, _ shared: inout Shared) -> Step {
        shared.message = shared.t(.uiRecordGone, id)
        return .stay
    }

    /// A change from a list or a record's detail was saved: say what happened to whom.
    /// True when the record left the list (archived or deleted).
    @discardableResult
    static func saved(_ change: Change, _ shared: inout Shared) -> Bool {
        guard let id = change.targets.first else { return false }
        switch change.command {
        case "merge-artisans":
            // The duplicate left the list: the one kept is what to look at.
            shared.message = ChangeWords.summary(change, shared.lang, name: shared.data.title(of:))
            return false
        case "archive-artisan", "delete":
            shared.message = shared.t(change.deleted.isEmpty ? .uiArchived : .uiDeleted, id, change.artisans.first?.name ?? "")
            if change.artisans.isEmpty { shared.message = shared.t(.uiDeletedRecord, id) }
            return true
        default:
            let who = change.targets.first { $0.kind == .artisan }.flatMap { shared.data.artisans[$0]?.name } ?? ""
            // Which session or fair, too: "masuk daftar tunggu" alone does not say where.
            let event = change.targets.first { $0.kind.isEvent }.flatMap { shared.data.title(of: $0) }
            let summary = ChangeWords.summary(change, shared.lang, name: shared.data.title(of:))
            shared.message = shared.t(.uiParticipantSaved, who, summary + (event.map { " · " + $0 } ?? ""))
            return false
        }
    }

    /// The audit trail arrived: shown over the screen that asked.
    static func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        if case .history(let entries, let id) = msg { return .push(HistoryScreen(entries: entries, of: id)) }
        return shared.report(msg)
    }
}
