import KriyaCore
import KriyaStore

/// A database's part of the one save sequence (`SavePath`): the writers' lock is a transaction
/// (an advisory lock inside it), and the commit is one call of `kriya_save`, which writes the
/// change, its audit line and its note together and checks them against the login's role.
extension PostgresStore: SaveMedium {
    public func underWritersLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try locked(body)
    }

    public func holds(_ needed: StaffRole, _ action: String) throws(StoreError) {
        guard access.role >= needed else {
            throw .forbiddenByDatabase(action: action, needed: needed, role: access.role, login: db.login)
        }
    }

    public func lastImportNote() throws(StoreError) -> ImportUndo? {
        let row = try db.exec("SELECT body FROM kriya_note WHERE name = 'last-import'")
        guard row.count == 1 else { return nil }
        return RecordLines.readImportUndo(row.withBytes(0, 0) { Array($0) })
    }

    public var foldsLargeChanges: Bool { false }

    public func commit(_ save: PendingSave) throws(StoreError) {
        var note: [UInt8]?
        var drop = false
        switch save.note {
        case .kept: break
        case .set(let undo): note = RecordLines.importUndo(undo)
        case .dropped: drop = true
        }
        let whole = save.replacing ? save.after : nil
        try write(save.change, records: whole.map(RecordLines.bodies(of:)), at: save.stamp, user: save.user,
                  replacing: save.replacing, marks: whole?.idHighWater, note: note, dropNote: drop)
    }

    /// After the transaction committed: memory follows.
    public func settle(_ save: PendingSave) {
        if let after = save.after { data = after } else { data.commit(save.change) }
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
        // A save of one line's worth brings its records in the same call; more are staged first
        // (a few thousand to a statement).
        let arrays = { (part: ArraySlice<RecordLines.Body>) -> [[UInt8]?] in
            [PGArray.text(part.map { Array($0.id.key.utf8) }), PGArray.text(part.map { Array($0.id.kind.rawValue.utf8) }),
             PGArray.text(part.map { Array(String($0.rev).utf8) }), PGArray.text(part.map(\.json))]
        }
        let inline = bodies.count <= Self.lineLimit
        if !inline {
            for start in stride(from: 0, to: bodies.count, by: 5_000) {
                try db.exec("SELECT kriya_put_records($1::text[], $2::text[], $3::int[], $4::json[])",
                            arrays(bodies[start..<min(start + 5_000, bodies.count)]))
            }
        }
        let reload = replacing || bodies.count > Self.lineLimit
        var line = change
        if reload { (line.artisans, line.sessions, line.exhibitions, line.terms, line.members, line.partners) = ([], [], [], [], [], []) }
        let shown = marks?.filter { $0.value > 0 }
        let text = { (value: String) -> [UInt8]? in Array(value.utf8) }
        let undoes: [UInt8]? = change.command == "undo" ? change.detail.flatMap(text) : nil
        let auditLine: [UInt8]? = audit ? RecordLines.audit(change, at: stamp, user: user, role: access.role) : nil
        let markKinds: [UInt8]? = shown.map { PGArray.text($0.keys.map { Array($0.rawValue.utf8) }) }
        let markValues: [UInt8]? = shown.map { m in PGArray.text(m.keys.map { Array(String(m[$0]!).utf8) }) }
        let params: [[UInt8]?] = [text(change.command), undoes, text(stamp), text(user), RecordLines.change(line, at: stamp, user: user),
                                  text(String(reload)), auditLine,
                                  PGArray.text(change.targets.map { Array($0.key.utf8) }), PGArray.text(change.deleted.map { Array($0.key.utf8) }),
                                  text(String(replacing)), markKinds, markValues, note, text(String(dropNote))]
            + (inline ? arrays(bodies[...]) : [nil, nil, nil, nil])
        let seq = try db.exec("""
            SELECT kriya_save($1, $2, $3, $4, $5, $6::boolean, $7, $8::text[], $9::text[], $10::boolean, $11::text[], $12::bigint[], $13,
                              $14::boolean, $15::text[], $16::text[], $17::int[], $18::json[])
            """, params).int(0, 0) ?? lastSeq
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
