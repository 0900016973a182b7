/// What taking an import back needs: the ids it gave the artisans it added (one run of
/// numbers, `Dataset.addArtisans` hands them out in order) and the artisans it updated, as they
/// were before.
public struct ImportUndo: Sendable, Equatable {
    /// The file imported, when and by whom (for messages and the audit).
    public var file: String
    public var at: String
    public var user: String
    public var added: ClosedRange<Int>?
    public var before: [Artisan]

    public init(file: String, at: String, user: String, added: ClosedRange<Int>?, before: [Artisan]) {
        self.file = file; self.at = at; self.user = user; self.added = added; self.before = before
    }

    /// How to take back `change`, an import saved: the artisans it added (its first `adding`
    /// targets, numbered in a row) and the versions its updates replaced.
    public init(of change: Change, adding: Int, file: String, at: String, user: String, before: [Artisan]) {
        let added = change.targets.prefix(adding).map(\.number)
        self.init(file: file, at: at, user: user, added: added.first.map { $0...added.last! }, before: before)
    }

    /// Why an artisan of the import stays as it is.
    public enum Keep: Equatable, Sendable {
        /// Someone changed the record after the import.
        case changedSince
        /// The artisan now takes part in sessions or exhibitions.
        case takingPart(sessions: Int, exhibitions: Int)
    }

    public struct Outcome: Equatable, Sendable {
        public var removed: [EntityID] = []
        public var restored: [Artisan] = []
        public var kept: [(id: EntityID, why: Keep)] = []
        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.removed == b.removed && a.restored == b.restored && a.kept.map(\.id) == b.kept.map(\.id) && a.kept.map(\.why) == b.kept.map(\.why)
        }
    }
}

extension Dataset {
    /// Takes an import back: the artisans it added are removed and the ones it updated get their
    /// earlier version back (at a new revision), except those changed since or now taking part
    /// in a session or an exhibition: those are kept, and said why.
    public func undoing(_ u: ImportUndo) -> ImportUndo.Outcome {
        var out = ImportUndo.Outcome()
        var taking: [EntityID: (sessions: Int, exhibitions: Int)] = [:]
        for s in sessions.items { for p in s.participants { taking[p.artisan, default: (0, 0)].sessions += 1 } }
        for e in exhibitions.items { for p in e.participants { taking[p.artisan, default: (0, 0)].exhibitions += 1 } }
        if let added = u.added {
            for n in added {
                guard let now = artisans[EntityID(.artisan, n)] else { continue }   // deleted since
                let id = now.id   // as stored: with its office, if it names one
                if now.rev != 1 { out.kept.append((id, .changedSince)) }
                else if let t = taking[id] { out.kept.append((id, .takingPart(sessions: t.sessions, exhibitions: t.exhibitions))) }
                else { out.removed.append(id) }
            }
        }
        for var old in u.before {
            guard let now = artisans[old.id] else { continue }
            guard now.rev == old.rev + 1 else { out.kept.append((old.id, .changedSince)); continue }
            old.rev = now.rev + 1
            out.restored.append(old)
        }
        return out
    }
}

extension Change {
    /// The one step that takes an import back as `outcome` says: the artisans it added
    /// removed, the versions it replaced put back.
    public static func undoingImport(_ undo: ImportUndo, _ outcome: ImportUndo.Outcome) -> Change {
        var change = Change(command: CommandName.undoImport.rawValue)
        change.detail = undo.file
        change.artisans = outcome.restored
        change.deleted = outcome.removed
        change.targets = outcome.removed + outcome.restored.map(\.id)
        return change
    }
}
