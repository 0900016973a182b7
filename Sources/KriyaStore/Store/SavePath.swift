import KriyaCore

/// One save as the sequence hands it to the medium that writes it (`SaveMedium.commit`).
public struct PendingSave: Sendable {
    /// What is written, and what its audit line says.
    public var change: Change
    /// The data as it will be, when the sequence worked it out whole (a batch, a replacement);
    /// nil: the data now with `change` applied.
    public var after: Dataset?
    /// The change is too large for one line and its records are not in `change`: the medium
    /// writes `after` whole (files only: see `SaveMedium.foldsLargeChanges`).
    public var folded = false
    /// Every record is replaced by `after` (demo data; an admin's).
    public var replacing = false
    /// How to take the last import back, kept or replaced with this change, or dropped with it.
    public var note: Note = .kept
    /// When, and which Unix user (the audit trail's `user`).
    public var stamp: String
    public var user: String

    public enum Note: Sendable {
        case kept, set(ImportUndo), dropped
    }
}

/// What a medium (a data folder, a database) does for the one save sequence that every change
/// follows on either (issue 31, `SavePath`): the sequence decides who may do what and plans the
/// change; the medium only locks, catches up, and commits.
///
/// `commit` is the promise: the change, its audit line and its note are kept all together or
/// not at all. On files the journal line (or the new generation's journal header) carries the
/// audit line, so a save cut off before `audit.jsonl` is written has it written from there at the
/// next save; the note is staged before and committed with the line. On PostgreSQL all of it
/// is one transaction.
public protocol SaveMedium: RecordStore {
    /// Runs `body` under the writers' lock, caught up with what others saved (and with what a
    /// save cut off left half-done put right). On a database, one transaction.
    func underWritersLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T
    /// Under the lock, caught up: refused unless this user's role (as last decided) is `needed`.
    func holds(_ needed: StaffRole, _ action: String) throws(StoreError)
    /// Under the lock: how to take the last import back, if anything can be.
    func lastImportNote() throws(StoreError) -> ImportUndo?
    /// Under the lock: writes `save` whole or not at all; afterwards only warns.
    func commit(_ save: PendingSave) throws(StoreError)
    /// Once the lock is let go after a commit: memory follows, where the medium has not
    /// already made it follow under the lock.
    func settle(_ save: PendingSave)
    /// True: a change too large for one line is written as the whole data (a data folder's
    /// next generation); false: its records are written one by one (a database).
    var foldsLargeChanges: Bool { get }
}

/// The save sequence, written once for both media: authorise (the role decided again now),
/// the context (who, today, the desk's office), under the writers' lock caught up, the role
/// the change needs on the data as it is now, plan in the core, commit; then memory follows.
public enum SavePath {
    /// `plan` runs under the lock and says what to save (nil: nothing, e.g. a dry run) and what
    /// to hand back.
    static func run<M: SaveMedium, T>(_ medium: M, needing role: StaffRole, _ action: String, context: CommandContext?,
                                      _ plan: (CommandContext, String) throws(StoreError) -> (PendingSave?, T)) throws(StoreError) -> T {
        try medium.authorize(role, action)
        // A door does the door's work; records, imports and deletions stay the office's.
        if let door = medium.door, let name = CommandName(rawValue: action), !name.atTheDoor {
            throw .notAtTheDoor(action: action, door: door.name)
        }
        let now = SystemInfo.now()
        let ctx = context ?? CommandContext(user: medium.user, today: now.today, time: now.time, office: medium.office)
        let (save, result) = try medium.underWritersLock { () throws(StoreError) -> (PendingSave?, T) in
            let (save, result) = try plan(ctx, now.timestamp)
            if let save { try medium.commit(save) }
            return (save, result)
        }
        if let save { medium.settle(save) }
        return result
    }

    static func planned<T>(_ body: () throws(CommandError) -> T) throws(StoreError) -> T {
        do throws(CommandError) { return try body() } catch { throw .command(CommandErrorBox(error: error)) }
    }
}

extension SaveMedium {
    /// Checks `command` against the latest state (other staff's saves included), saves it with
    /// its audit line and applies it; returns what was written and how to undo it (worked out
    /// from the state it was checked against, under the same lock).
    public func applyUndoably(_ command: Command, context: CommandContext? = nil) throws(StoreError) -> (change: Change, undo: Reversal) {
        try SavePath.run(self, needing: command.requiredRole, command.name, context: context) { ctx, stamp throws(StoreError) in
            // The role on the data as it is now: a mark on a day another desk closed meanwhile is a correction.
            try holds(data.requiredRole(for: command, today: ctx.today), command.name)
            let change = try SavePath.planned { () throws(CommandError) in try data.plan(command, ctx) }
            return (PendingSave(change: change, stamp: stamp, user: ctx.user), (change, data.reversal(of: change)))
        }
    }

    /// Many commands as one step (an import): all of them or none, each checked against the
    /// state the ones before it left. Starts with many new artisans, checked and added all at
    /// once (`Dataset.addArtisans`). `planned`: the highest artisan id when the batch was worked
    /// out (a new artisan with the phone or NIB of one added since refuses the whole batch).
    /// `note`: how to undo it, saved with it. A batch larger than a journal line holds is
    /// written as the whole data (the records are not kept in the change returned).
    @discardableResult
    public func apply(adding new: [Artisan], then commands: [Command], as name: String, detail: String,
                      context: CommandContext? = nil, planned: Int? = nil,
                      note: ((Change) -> ImportUndo)? = nil) throws(StoreError) -> Change {
        // The batch needs the role of its most demanding part (new artisans: an editor's).
        let needed = ([new.isEmpty ? StaffRole.viewer : .editor] + commands.map(\.requiredRole)).max()!
        return try SavePath.run(self, needing: needed, name, context: context) { ctx, stamp throws(StoreError) in
            try holds(([needed] + commands.map { data.requiredRole(for: $0, today: ctx.today) }).max()!, name)
            let keep = new.count + commands.count <= Self.lineLimit || !foldsLargeChanges
            let (after, change) = try SavePath.planned { () throws(CommandError) in
                try data.planBatch(adding: new, then: commands, name: name, detail: detail, context: ctx, planned: planned, keepingRecords: keep)
            }
            var save = PendingSave(change: change, after: after, folded: !keep, stamp: stamp, user: ctx.user)
            if let note { save.note = .set(note(change)) }
            return (save, change)
        }
    }

    /// Saves an import plan as one step, with how to take it back: refused, with nothing saved,
    /// when a colleague changed one of its artisans meanwhile, or registered one of the new ones
    /// since the file was read.
    @discardableResult
    public func save(_ plan: ImportPlan, detail: String, context: CommandContext? = nil) throws(StoreError) -> Change {
        let before = plan.replacedVersions(in: data)
        let who = context?.user ?? user
        return try apply(adding: plan.adds, then: plan.updateCommands, as: CommandName.import.rawValue, detail: detail, context: context,
                         planned: plan.plannedAgainst) { change in
            ImportUndo(of: change, adding: plan.adds.count, file: detail, at: SystemInfo.now().timestamp, user: who, before: before)
        }
    }

    /// Takes the last import back as one step: removes the artisans it added and puts back the
    /// earlier version of those it updated, except any changed since or now taking part in a
    /// session or an exhibition (kept, and listed in the outcome); the note goes with it, so the
    /// same import cannot be undone twice. Nil when there is no import to take back. With
    /// `dryRun`, says what it would do and changes nothing.
    public func takeBackLastImport(dryRun: Bool = false, context: CommandContext? = nil) throws(StoreError) -> (ImportUndo, ImportUndo.Outcome)? {
        try SavePath.run(self, needing: dryRun ? .viewer : CommandName.undoImport.role!, CommandName.undoImport.rawValue, context: context) { ctx, stamp throws(StoreError) in
            guard let undo = try lastImportNote() else { return (nil, nil) }
            let outcome = data.undoing(undo)
            if dryRun { return (nil, (undo, outcome)) }
            let change = Change.undoingImport(undo, outcome)
            var save = PendingSave(change: change, note: .dropped, stamp: stamp, user: ctx.user)
            if change.targets.count > Self.lineLimit && foldsLargeChanges {
                var after = data
                after.commit(change)
                (save.after, save.folded) = (after, true)
            }
            return (save, (undo, outcome))
        }
    }

    /// Replaces every record with `dataset` (demo data): one commit, so a kill half-way leaves
    /// the old data whole or the new data whole. The last import's note, which names ids of the
    /// data replaced, goes with it.
    public func replaceAll(with dataset: Dataset, reason: String) throws(StoreError) {
        try SavePath.run(self, needing: CommandName.replaceAll.role!, CommandName.replaceAll.rawValue, context: nil) { ctx, stamp throws(StoreError) in
            (PendingSave(change: .replacingAll(with: dataset, reason: reason), after: dataset, folded: true, replacing: true,
                         note: .dropped, stamp: stamp, user: ctx.user), ())
        }
    }

    /// Changes up to this many go into one journal or change line; larger ones are written as
    /// the whole data (a 30 MB line would be read back on every open).
    public static var lineLimit: Int { 2_000 }
}
