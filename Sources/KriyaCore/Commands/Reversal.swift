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
        case term(Term), member(BoardMember), partner(Partner)
    }

    /// The command undone (`add-artisan`…), for messages and the audit.
    public var command: String
    public var entries: [Entry]
    /// Whom and what the undone change was about (the person checked in and the session), so
    /// the message can say who and which.
    public var about: [EntityID] = []
}

extension Dataset {
    /// How to undo `change`, computed from this state, the one before the change was applied.
    public func reversal(of change: Change) -> Reversal {
        var entries: [Reversal.Entry] = []
        for a in change.artisans { entries.append(.init(id: a.id, before: artisans[a.id].map(Reversal.Before.artisan), revAfter: a.rev)) }
        for s in change.sessions { entries.append(.init(id: s.id, before: sessions[s.id].map(Reversal.Before.session), revAfter: s.rev)) }
        for e in change.exhibitions { entries.append(.init(id: e.id, before: exhibitions[e.id].map(Reversal.Before.exhibition), revAfter: e.rev)) }
        for t in change.terms { entries.append(.init(id: t.id, before: terms[t.id].map(Reversal.Before.term), revAfter: t.rev)) }
        for m in change.members { entries.append(.init(id: m.id, before: members[m.id].map(Reversal.Before.member), revAfter: m.rev)) }
        for p in change.partners { entries.append(.init(id: p.id, before: partners[p.id].map(Reversal.Before.partner), revAfter: p.rev)) }
        for id in change.deleted { entries.append(.init(id: id, before: record(id), revAfter: nil)) }
        var undo = Reversal(command: change.command, entries: entries)
        undo.about = change.targets
        return undo
    }

    private func record(_ id: EntityID) -> Reversal.Before? {
        switch id.kind {
        case .artisan: return artisans[id].map(Reversal.Before.artisan)
        case .session: return sessions[id].map(Reversal.Before.session)
        case .exhibition: return exhibitions[id].map(Reversal.Before.exhibition)
        case .term: return terms[id].map(Reversal.Before.term)
        case .member: return members[id].map(Reversal.Before.member)
        case .partner: return partners[id].map(Reversal.Before.partner)
        }
    }

    public func currentRev(_ id: EntityID) -> Int? {
        switch id.kind {
        case .artisan: return artisans[id]?.rev
        case .session: return sessions[id]?.rev
        case .exhibition: return exhibitions[id]?.rev
        case .term: return terms[id]?.rev
        case .member: return members[id]?.rev
        case .partner: return partners[id]?.rev
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
            case .artisan(let a)?: restore(a, now: now, from: artisans, as: \.artisans, audit: audit, into: &change)
            case .session(let s)?: restore(s, now: now, from: sessions, as: \.sessions, audit: audit, into: &change)
            case .exhibition(let e)?: restore(e, now: now, from: exhibitions, as: \.exhibitions, audit: audit, into: &change)
            case .term(let t)?: restore(t, now: now, from: terms, as: \.terms, audit: audit, into: &change)
            case .member(let m)?: restore(m, now: now, from: members, as: \.members, audit: audit, into: &change)
            case .partner(let p)?: restore(p, now: now, from: partners, as: \.partners, audit: audit, into: &change)
            }
        }
    }

    /// Writes a record back as it was, at the revision after the current one, with its diff.
    private func restore<R: Record>(_ record: R, now: Int?, from table: RecordTable<R>, as list: WritableKeyPath<Change, [R]>,
                                    audit: Bool, into change: inout Change) {
        var r = record
        r.rev = (now ?? r.rev) + 1
        if audit { change.fields += FieldDiff.between(table[r.id], r) }
        change[keyPath: list].append(r)
    }

    /// Throws when a session or an exhibition still names the artisan, or when a session or an
    /// exhibition has participants (their history would go with it).
    func checkUnreferenced(_ id: EntityID) throws(CommandError) {
        switch id.kind {
        case .artisan:
            let s = sessions.items.filter { $0.participant(id) != nil || $0.trainerRefs.contains(id) }.count
            let e = exhibitions.items.filter { $0.participant(id) != nil }.count
            if s + e > 0 { throw .referenced(id, sessions: s, exhibitions: e) }
            if let m = members.items.first(where: { $0.artisan == id }) { throw .linkedToBoard(id, member: m.id) }
        case .member:
            let s = sessions.items.filter { $0.trainerRefs.contains(id) }.count
            if s > 0 { throw .referenced(id, sessions: s, exhibitions: 0) }
        case .partner:
            let s = sessions.items.filter { $0.partners.contains(id) }.count
            let e = exhibitions.items.filter { $0.partners.contains(id) }.count
            if s + e > 0 { throw .referenced(id, sessions: s, exhibitions: e) }
        case .term:
            let n = members.items.filter { $0.term == id }.count
            if n > 0 { throw .termHasMembers(id, n) }
        case .session:
            if let n = sessions[id]?.participants.count, n > 0 { throw .hasParticipants(id, n) }
        case .exhibition:
            if let n = exhibitions[id]?.participants.count, n > 0 { throw .hasParticipants(id, n) }
        }
    }
}
