/// What it takes to undo a change: every record it wrote or removed, as it was before (nil:
/// the change created it) and the revision the change left it at (nil: the change removed it).
/// Undoing is a command like any other (`Command.undo`), so it is checked and audited; it is
/// refused when someone changed one of those records since, rather than losing their work.
public struct Reversal: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var id: EntityID
        public var before: Before?
        public var revAfter: Int?
    }

    public enum Before: Sendable, Equatable {
        case artisan(Artisan), session(BimtekSession), exhibition(Exhibition)
    }

    /// The command undone (`add-artisan`…), for messages and the audit.
    public var command: String
    public var entries: [Entry]
}

extension Dataset {
    /// How to undo `change`, computed from this state, the one before the change was applied.
    public func reversal(of change: Change) -> Reversal {
        var entries: [Reversal.Entry] = []
        for a in change.artisans { entries.append(.init(id: a.id, before: artisans[a.id].map(Reversal.Before.artisan), revAfter: a.rev)) }
        for s in change.sessions { entries.append(.init(id: s.id, before: sessions[s.id].map(Reversal.Before.session), revAfter: s.rev)) }
        for e in change.exhibitions { entries.append(.init(id: e.id, before: exhibitions[e.id].map(Reversal.Before.exhibition), revAfter: e.rev)) }
        for id in change.deleted { entries.append(.init(id: id, before: record(id), revAfter: nil)) }
        return Reversal(command: change.command, entries: entries)
    }

    private func record(_ id: EntityID) -> Reversal.Before? {
        switch id.kind {
        case .artisan: return artisans[id].map(Reversal.Before.artisan)
        case .session: return sessions[id].map(Reversal.Before.session)
        case .exhibition: return exhibitions[id].map(Reversal.Before.exhibition)
        }
    }

    private func currentRev(_ id: EntityID) -> Int? {
        switch id.kind {
        case .artisan: return artisans[id]?.rev
        case .session: return sessions[id]?.rev
        case .exhibition: return exhibitions[id]?.rev
        }
    }

    /// The records undoing writes: each one's earlier version at a new revision, or its removal.
    func plan(undo r: Reversal, into change: inout Change, audit: Bool) throws(CommandError) {
        change.detail = r.command
        for entry in r.entries {
            let now = currentRev(entry.id)
            guard now == entry.revAfter else { throw .conflict(entry.id, base: entry.revAfter ?? 0, current: now ?? 0) }
            change.targets.append(entry.id)
            switch entry.before {
            case nil:
                try checkUnreferenced(entry.id)
                change.deleted.append(entry.id)
            case .artisan(var a)?:
                a.rev = (now ?? a.rev) + 1
                if audit { change.fields += FieldDiff.between(artisans[a.id], a) }
                change.artisans.append(a)
            case .session(var s)?:
                s.rev = (now ?? s.rev) + 1
                if audit { change.fields += FieldDiff.between(sessions[s.id], s) }
                change.sessions.append(s)
            case .exhibition(var e)?:
                e.rev = (now ?? e.rev) + 1
                if audit { change.fields += FieldDiff.between(exhibitions[e.id], e) }
                change.exhibitions.append(e)
            }
        }
    }

    /// Throws when a session or an exhibition still names the artisan, or when a session or an
    /// exhibition has participants (their history would go with it).
    func checkUnreferenced(_ id: EntityID) throws(CommandError) {
        switch id.kind {
        case .artisan:
            let s = sessions.items.filter { $0.participant(id) != nil }.count
            let e = exhibitions.items.filter { $0.participant(id) != nil }.count
            if s + e > 0 { throw .referenced(id, sessions: s, exhibitions: e) }
        case .session:
            if let n = sessions[id]?.participants.count, n > 0 { throw .hasParticipants(id, n) }
        case .exhibition:
            if let n = exhibitions[id]?.participants.count, n > 0 { throw .hasParticipants(id, n) }
        }
    }
}
