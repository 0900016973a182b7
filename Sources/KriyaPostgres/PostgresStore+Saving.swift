import KriyaCore
import KriyaStore

extension PostgresStore {
    /// Checks `command` against the latest state in the database (other offices' saves
    /// included) and saves it as one transaction; returns what was written and how to undo it.
    public func applyUndoably(_ command: Command, context: CommandContext? = nil) throws(StoreError) -> (change: Change, undo: Reversal) {
        try authorize(command.requiredRole, command.name)
        let now = SystemInfo.now()
        let ctx = context ?? CommandContext(user: user, today: now.today, time: now.time, office: office)
        let (change, undo) = try locked { () throws(StoreError) -> (Change, Reversal) in
            try holdsRole(for: command, today: ctx.today)
            let change: Change
            do throws(CommandError) { change = try data.plan(command, ctx) } catch { throw .command(CommandErrorBox(error: error)) }
            try write(change, at: now.timestamp, user: ctx.user)
            return (change, data.reversal(of: change))
        }
        data.commit(change)
        return (change, undo)
    }

    /// Many commands as one step (an import): all of them or none (as `Store.apply(adding:…)`).
    /// `note` is saved in the same transaction (how to undo the import): with it or not at all.
    @discardableResult
    public func apply(adding new: [Artisan], then commands: [Command], as name: String, detail: String,
                      context: CommandContext? = nil, planned: Int? = nil,
                      note: ((Change) -> [UInt8])? = nil) throws(StoreError) -> Change {
        try authorize(([new.isEmpty ? StaffRole.viewer : .editor] + commands.map(\.requiredRole)).max()!, name)
        let now = SystemInfo.now()
        let ctx = context ?? CommandContext(user: user, today: now.today, time: now.time, office: office)
        let (working, change) = try locked { () throws(StoreError) -> (Dataset, Change) in
            let planned_: (data: Dataset, change: Change)
            do throws(CommandError) {
                planned_ = try data.planBatch(adding: new, then: commands, name: name, detail: detail, context: ctx,
                                              planned: planned, keepingRecords: true)
            } catch { throw .command(CommandErrorBox(error: error)) }
            try write(planned_.change, at: now.timestamp, user: ctx.user, note: note?(planned_.change))
            return planned_
        }
        data = working
        return change
    }

    /// Saves an import plan (as `Store.save(_:detail:)`), with how to take it back in the same
    /// transaction.
    @discardableResult
    public func save(_ plan: ImportPlan, detail: String, context: CommandContext? = nil) throws(StoreError) -> Change {
        let before = plan.replacedVersions(in: data)
        let who = context?.user ?? user
        return try apply(adding: plan.adds, then: plan.updateCommands, as: "import", detail: detail, context: context,
                         planned: plan.plannedAgainst) { (change: Change) in
            RecordLines.importUndo(ImportUndo(of: change, adding: plan.adds.count, file: detail, at: SystemInfo.now().timestamp,
                                              user: who, before: before))
        }
    }

    /// Takes the last import back (as `Store.takeBackLastImport`), in one transaction.
    public func takeBackLastImport(dryRun: Bool = false, context: CommandContext? = nil) throws(StoreError) -> (ImportUndo, ImportUndo.Outcome)? {
        if !dryRun { try authorize(.admin, "undo-import") }
        let now = SystemInfo.now()
        let who = context?.user ?? user
        var done: Change?
        let found = try locked { () throws(StoreError) -> (ImportUndo, ImportUndo.Outcome)? in
            let row = try db.exec("SELECT body FROM kriya_note WHERE name = 'last-import'")
            guard row.count == 1, let undo = RecordLines.readImportUndo(row.withBytes(0, 0) { Array($0) }) else { return nil }
            let outcome = data.undoing(undo)
            if dryRun { return (undo, outcome) }
            let change = Change.undoingImport(undo, outcome)
            // Taken back once: the note goes, so the same import cannot be undone twice.
            try write(change, at: now.timestamp, user: who, dropNote: true)
            done = change
            return (undo, outcome)
        }
        if let done { data.commit(done) }
        return found
    }

    /// Replaces every record with `dataset` (demo data, a copy from files) as one transaction.
    public func replaceAll(with dataset: Dataset, reason: String) throws(StoreError) {
        try authorize(.admin, "replace-all")
        let now = SystemInfo.now()
        try locked { () throws(StoreError) in
            // The last import's note names ids of the data replaced: it goes.
            try write(.replacingAll(with: dataset, reason: reason), records: RecordLines.bodies(of: dataset), at: now.timestamp, user: user,
                      replacing: true, marks: dataset.idHighWater, dropNote: true)
        }
        data = dataset
    }

    // MARK: - One transaction

    /// Runs `body` in a transaction under the writers' lock, after catching up.
    func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try db.transaction { () throws(StoreError) -> T in
            try db.exec("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
            try catchUp()
            return try body()
        }
    }

    /// Inside `locked`: `change` through the database's one way in (`kriya_save`, see
    /// `PostgresRules`): its records staged a few thousand to a statement, then the records,
    /// the id high-water marks, the change line and the audit line written in one call. A change
    /// with more records than a line holds is announced as `reload`. `audit: false` is a copy,
    /// whose trail was put in first; `replacing`, `marks` and `dropNote` are an admin's.
    func write(_ change: Change, records: [RecordLines.Body]? = nil, at stamp: String, user: String, audit: Bool = true,
               replacing: Bool = false, marks: [EntityID.Kind: Int]? = nil, note: [UInt8]? = nil, dropNote: Bool = false) throws(StoreError) {
        let bodies = records ?? RecordLines.bodies(of: change)
        for start in stride(from: 0, to: bodies.count, by: 5_000) {
            let part = bodies[start..<min(start + 5_000, bodies.count)]
            try db.exec("SELECT kriya_put_records($1::text[], $2::text[], $3::int[], $4::json[])",
                        [PGArray.text(part.map { Array($0.id.key.utf8) }),
                         PGArray.text(part.map { Array($0.id.kind.rawValue.utf8) }),
                         PGArray.text(part.map { Array(String($0.rev).utf8) }),
                         PGArray.text(part.map(\.json))])
        }
        let reload = replacing || bodies.count > Self.changeLineLimit
        var line = change
        if reload { (line.artisans, line.sessions, line.exhibitions, line.terms, line.members, line.partners) = ([], [], [], [], [], []) }
        let shown = marks?.filter { $0.value > 0 }
        let seq = try db.exec("""
            SELECT kriya_save($1, $2, $3, $4, $5, $6::boolean, $7, $8::text[], $9::text[], $10::boolean, $11::text[], $12::bigint[], $13, $14::boolean)
            """, [Array(change.command.utf8), change.command == "undo" ? change.detail.map { Array($0.utf8) } : nil,
                  Array(stamp.utf8), Array(user.utf8), RecordLines.change(line, at: stamp, user: user),
                  Array(String(reload).utf8),
                  audit ? RecordLines.audit(change, at: stamp, user: user, role: access.role) : nil,
                  PGArray.text(change.targets.map { Array($0.key.utf8) }),
                  PGArray.text(change.deleted.map { Array($0.key.utf8) }),
                  Array(String(replacing).utf8),
                  shown.map { PGArray.text($0.keys.map { Array($0.rawValue.utf8) }) },
                  shown.map { m in PGArray.text(m.keys.map { Array(String(m[$0]!).utf8) }) },
                  note, Array(String(dropNote).utf8)]).int(0, 0) ?? lastSeq
        // This store has applied it itself (after the commit), so it need not read it back;
        // a large one is in memory already as well.
        lastSeq = seq
    }

    public func authorize(_ needed: StaffRole, _ action: String) throws(StoreError) {
        access = (try? PostgresAccess.decide(db)) ?? access
        guard access.role >= needed else {
            throw .forbiddenByDatabase(action: action, needed: needed, role: access.role, login: db.login)
        }
    }

    /// Inside `locked`, caught up: the role the command needs on the data as it is now (as
    /// `Store.holdsRole`).
    func holdsRole(for command: Command, today: CivilDate) throws(StoreError) {
        let needed = data.requiredRole(for: command, today: today)
        guard access.role >= needed else {
            throw .forbiddenByDatabase(action: command.name, needed: needed, role: access.role, login: db.login)
        }
    }
}

/// PostgreSQL's text form of an array: `{"a","b"}`, each element quoted, `"` and `\` escaped.
enum PGArray {
    static func text(_ elements: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = [0x7B]
        out.reserveCapacity(elements.reduce(2) { $0 + $1.count + 3 })
        for (i, e) in elements.enumerated() {
            if i > 0 { out.append(0x2C) }
            out.append(0x22)
            for b in e {
                if b == 0x22 || b == 0x5C { out.append(0x5C) }
                out.append(b)
            }
            out.append(0x22)
        }
        out.append(0x7D)
        return out
    }
}
