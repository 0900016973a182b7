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
            try write(change, planned: nil, at: now.timestamp, user: ctx.user)
            return (change, data.reversal(of: change))
        }
        data.commit(change)
        return (change, undo)
    }

    /// Many commands as one step (an import): all of them or none (as `Store.apply(adding:…)`).
    /// `alongside` writes in the same transaction (how to undo the import): saved with it or not at all.
    @discardableResult
    public func apply(adding new: [Artisan], then commands: [Command], as name: String, detail: String,
                      context: CommandContext? = nil, planned: Int? = nil,
                      alongside: ((Change) throws(StoreError) -> Void)? = nil) throws(StoreError) -> Change {
        try authorize(([new.isEmpty ? StaffRole.viewer : .editor] + commands.map(\.requiredRole)).max()!, name)
        let now = SystemInfo.now()
        let ctx = context ?? CommandContext(user: user, today: now.today, time: now.time, office: office)
        let (working, change) = try locked { () throws(StoreError) -> (Dataset, Change) in
            let planned_: (data: Dataset, change: Change)
            do throws(CommandError) {
                planned_ = try data.planBatch(adding: new, then: commands, name: name, detail: detail, context: ctx,
                                              planned: planned, keepingRecords: true)
            } catch { throw .command(CommandErrorBox(error: error)) }
            try write(planned_.change, planned: planned_.data, at: now.timestamp, user: ctx.user)
            try alongside?(planned_.change)
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
                         planned: plan.plannedAgainst) { [self] (change: Change) throws(StoreError) in
            let undo = ImportUndo(of: change, adding: plan.adds.count, file: detail, at: SystemInfo.now().timestamp, user: who, before: before)
            try db.exec("INSERT INTO kriya_note (name, body) VALUES ('last-import', $1) ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body",
                        [RecordLines.importUndo(undo)])
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
            try write(change, planned: nil, at: now.timestamp, user: who)
            // Taken back once: the note goes, so the same import cannot be undone twice.
            try db.exec("DELETE FROM kriya_note WHERE name = 'last-import'")
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
            try db.exec("DELETE FROM kriya_record")
            try db.exec("DELETE FROM kriya_note WHERE name = 'last-import'")   // it names ids of the data replaced
            let change = Change.replacingAll(with: dataset, reason: reason)
            try writeRecords(RecordLines.bodies(of: dataset))
            try writeHighWater(dataset.idHighWater)
            try writeLine(change, reload: true, at: now.timestamp, user: user)
            try writeAudit(change, at: now.timestamp, user: user)
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

    /// Inside `locked`: `change` with its records, the ids it used, its change line and its
    /// audit line. `planned` is the data as it will be (a batch), nil for one command.
    func write(_ change: Change, planned: Dataset?, at stamp: String, user: String) throws(StoreError) {
        let bodies = RecordLines.bodies(of: change)
        try writeRecords(bodies)
        if !change.deleted.isEmpty {
            try db.exec("DELETE FROM kriya_record WHERE id = ANY($1::text[])", [PGArray.text(change.deleted.map { Array($0.key.utf8) })])
        }
        var marks = (planned ?? data).idHighWater
        for id in bodies.map(\.id) + change.deleted { marks[id.kind] = max(marks[id.kind] ?? 0, id.number) }
        try writeHighWater(marks)
        let large = bodies.count > Self.changeLineLimit
        var line = change
        if large { (line.artisans, line.sessions, line.exhibitions, line.terms, line.members, line.partners) = ([], [], [], [], [], []) }
        try writeLine(line, reload: large, at: stamp, user: user)
        try writeAudit(change, at: stamp, user: user)
    }

    /// Inserts or replaces records, a few thousand to a statement.
    func writeRecords(_ bodies: [RecordLines.Body]) throws(StoreError) {
        for start in stride(from: 0, to: bodies.count, by: 5_000) {
            let part = bodies[start..<min(start + 5_000, bodies.count)]
            try db.exec("""
                INSERT INTO kriya_record (id, kind, rev, body)
                SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::json[])
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, rev = EXCLUDED.rev, body = EXCLUDED.body
                """, [PGArray.text(part.map { Array($0.id.key.utf8) }),
                      PGArray.text(part.map { Array($0.id.kind.rawValue.utf8) }),
                      PGArray.text(part.map { Array(String($0.rev).utf8) }),
                      PGArray.text(part.map(\.json))])
        }
    }

    /// The highest id of each kind ever used, never lowered.
    func writeHighWater(_ all: [EntityID.Kind: Int]) throws(StoreError) {
        let marks = all.filter { $0.value > 0 }
        guard !marks.isEmpty else { return }
        try db.exec("""
            INSERT INTO kriya_last_id (kind, last) SELECT * FROM unnest($1::text[], $2::int[])
            ON CONFLICT (kind) DO UPDATE SET last = greatest(kriya_last_id.last, EXCLUDED.last)
            """, [PGArray.text(marks.map { Array($0.key.rawValue.utf8) }), PGArray.text(marks.map { Array(String($0.value).utf8) })])
    }

    /// The change line others catch up from, and the announcement that wakes them.
    func writeLine(_ change: Change, reload: Bool, at stamp: String, user: String) throws(StoreError) {
        let line = RecordLines.change(change, at: stamp, user: user)
        let seq = try db.exec("INSERT INTO kriya_change (user_name, reload, line) VALUES ($1, $2, $3) RETURNING seq",
                              [Array(user.utf8), Array((reload ? "true" : "false").utf8), line]).int(0, 0) ?? lastSeq
        try db.exec("SELECT pg_notify('kriya', $1)", [String(seq)])
        // This store has applied it itself (after the commit), so it need not read it back;
        // a large one is in memory already as well.
        lastSeq = seq
    }

    func writeAudit(_ change: Change, at stamp: String, user: String) throws(StoreError) {
        try db.exec("INSERT INTO kriya_audit (at, user_name, role, cmd, targets, line) VALUES ($1, $2, $3, $4, $5::text[], $6)",
                    [Array(stamp.utf8), Array(user.utf8), Array(access.role.rawValue.utf8), Array(change.command.utf8),
                     PGArray.text(change.targets.map { Array($0.key.utf8) }),
                     RecordLines.audit(change, at: stamp, user: user, role: access.role)])
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
