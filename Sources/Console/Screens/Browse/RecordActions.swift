import KriyaCore
import KriyaViews
import TextUI

/// What the keys of the lists and of a record's detail do to a record: the same in both
/// places, so they are written once.
enum RecordActions {
    static func perform(_ action: Action, on id: EntityID?, _ shared: inout Shared) -> Step {
        switch action {
        case .undo: return .run(.undo)
        case .schedule: return .push(ScheduleScreen(day: shared.today))
        default: break
        }
        guard let id else { return .stay }
        switch action {
        case .editRecord: return FormScreen.edit(id, shared).map { .push($0) } ?? .stay
        case .enrol where id.kind != .artisan: return .push(PickerScreen(event: id, shared))
        case .participants where id.kind != .artisan: return .push(ParticipantsScreen(event: id))
        case .checkIn where id.kind == .session: return CheckInScreen(session: id, shared).map { .push($0) } ?? .stay
        case .history: return .run(.history(id))
        case .remove where id.kind == .artisan: return askToRemove(id, shared)
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

    /// An archive or a delete was saved.
    static func removed(_ change: Change, _ shared: inout Shared) {
        guard let id = change.targets.first else { return }
        shared.message = shared.t(change.deleted.isEmpty ? .uiArchived : .uiDeleted, id, change.artisans.first?.name ?? "")
    }

    /// The audit trail arrived: shown over the screen that asked.
    static func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        if case .history(let entries, let id) = msg { return .push(HistoryScreen(entries: entries, of: id)) }
        return shared.report(msg)
    }
}
