import KriyaCore
import KriyaStore

/// The store on PostgreSQL (docs/postgres.md): the same records, revisions, conflicts, ids
/// and audit trail as the flat files, for councils that share one registry.
///
/// It works as the files do: every save takes one lock (a transaction-scoped advisory lock
/// instead of `kriya.lock`), catches up with what others saved (the change lines after the
/// last one read, instead of the journal's tail), checks the command against that state in
/// the core, and writes the change, its records, the id high-water marks and the audit line
/// in the same transaction. Because every writer holds the lock from its first write to its
/// commit, change numbers become visible in order, so "everything after the last number
/// read" never skips a change.
public final class PostgresStore {
    /// The advisory lock every writer (and `kriya migrate`) takes.
    static let lockKey = 5_735_020_118

    public let address: String
    /// Who saves (the Unix user, as on files): the audit trail's `user`.
    public let user: String
    public internal(set) var data = Dataset()
    /// Records the database holds that could not be read (a body edited by hand).
    public internal(set) var issues: [LoadIssue] = []
    public internal(set) var warnings: [StoreWarning] = []
    public var onWarning: ((StoreWarning) -> Void)?
    /// The office this desk registers new records for (`EntityID.office`): 0 for none.
    public var office = 0
    /// This login's role, from its database roles (see `PostgresAccess`).
    public internal(set) var access = AccessDecision(role: .viewer, reason: .notListed)

    let db: PGConnection
    /// The last change line read (or written) by this store.
    var lastSeq = 0

    /// Connects and reads everything. A database Kriya was never set up in, or one set up by
    /// an older Kriya, is refused with what to run (`kriya migrate`); a newer one as on files.
    public init(address: DatabaseAddress, user: String? = nil) throws(StoreError) {
        self.address = address.text
        self.user = user ?? SystemInfo.userName()
        db = try PGConnection(address)
        let found = try PostgresSchema.version(of: db)
        guard found == PostgresSchema.version else {
            if found > PostgresSchema.version {
                throw .newerFormat(path: address.text, found: found, supported: PostgresSchema.version)
            }
            throw .notSetUp(address: address.text, found: found, needed: PostgresSchema.version)
        }
        try db.listen("kriya")
        // Changes made while the network was down were announced to no one: read everything.
        db.onReconnect = { [unowned self] in
            _ = try? db.listen("kriya")
            lastSeq = -1
        }
        try load()
        access = try PostgresAccess.decide(db)
    }

    /// The version of Kriya's tables this program reads and makes.
    public static var schemaVersion: Int { PostgresSchema.version }

    /// Sets up (or brings up to date) Kriya's tables in the database at `address`.
    public static func migrate(_ address: DatabaseAddress) throws(StoreError) -> (from: Int, to: Int) {
        try PostgresSchema.migrate(try PGConnection(address))
    }

    // MARK: - Reading

    /// Reads every record, the id high-water marks and the number of the last change, as one
    /// consistent state (one repeatable-read snapshot).
    func load() throws(StoreError) {
        var fresh = Dataset()
        var found: [LoadIssue] = []
        let seq = try db.transaction("REPEATABLE READ READ ONLY") { () throws(StoreError) -> Int in
            let last = try db.exec("SELECT coalesce(max(seq), 0) FROM kriya_change").int(0, 0) ?? 0
            // In id order, as the tables keep them. Sorted here, not by the server: as text,
            // A-1000000 comes before A-999999, and every record after it would be inserted
            // out of order (a million artisans: quadratic).
            let rows = try db.exec("SELECT id, body FROM kriya_record")
            var order: [(id: EntityID, row: Int)] = []
            order.reserveCapacity(rows.count)
            for row in 0..<rows.count {
                let text = rows.string(row, 0) ?? ""
                guard let id = EntityID(text) else {
                    found.append(LoadIssue(file: "kriya_record", line: row + 1, reason: "not an id: \(text)", raw: []))
                    continue
                }
                order.append((id, row))
            }
            order.sort { $0.id < $1.id }
            // Read on two cores; libpq's rows are read-only once received, safe from either.
            let result = SharedRows(rows), sorted = order
            let (decoded, problems) = RecordLines.read(count: sorted.count) { i in
                (sorted[i].id.kind, result.rows.bytes(sorted[i].row, 1))
            }
            fresh = decoded
            for (i, problem) in problems {
                let (id, row) = order[i]
                found.append(LoadIssue(file: "kriya_record", line: row + 1, reason: "\(id): \(problem)",
                                       raw: rows.withBytes(row, 1) { Array($0.prefix(4096)) }))
            }
            let ids = try db.exec("SELECT kind, last FROM kriya_last_id")
            for row in 0..<ids.count {
                if let kind = ids.string(row, 0).flatMap(EntityID.Kind.init(rawValue:)), let last = ids.int(row, 1) {
                    fresh.reserve(upTo: EntityID(kind, last))
                }
            }
            return last
        }
        data = fresh
        issues = found
        lastSeq = seq
    }

    /// Applies the changes others saved since the last one read; a large batch among them
    /// (or a lost connection) reads everything again. True when anything changed.
    @discardableResult
    func catchUp() throws(StoreError) -> Bool {
        if lastSeq < 0 { try load(); return true }
        let rows = try db.exec("SELECT seq, reload, line FROM kriya_change WHERE seq > $1 ORDER BY seq", [String(lastSeq)])
        guard rows.count > 0 else { return false }
        for row in 0..<rows.count {
            let seq = rows.int(row, 0) ?? lastSeq
            if rows.string(row, 1) == "t" { try load(); return true }
            switch rows.withBytes(row, 2, RecordLines.readChange) {
            case .success(let change): data.commit(change)
            case .failure(let problem):
                issues.append(LoadIssue(file: "kriya_change", line: seq, reason: problem.reason, raw: []))
            }
            lastSeq = seq
        }
        return true
    }

    /// Reads what other staff saved, when the database has said there is something (it
    /// announces every save). True when anything changed.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        guard try db.takeNotifications() else { return false }
        return try catchUp()
    }

    /// The database login: its database roles decide what it may do (`PostgresAccess`).
    public var login: String { db.login }
    /// Whether the connection is encrypted (TLS).
    public var encrypted: Bool { db.encrypted }
    /// The server's version, e.g. `15.8`.
    public var serverVersion: String { db.serverVersion }
    /// The host connected to; empty for a local socket.
    public var host: String { db.host }

    /// This login's role now (asked again: a role granted or revoked applies at once); the
    /// last known one while the database cannot be reached.
    public func currentRole() -> StaffRole {
        // Not worth a wait to connect, nor a long one for an answer (the console asks once a
        // second): the next save asks again anyway.
        guard db.isConnected else { return access.role }
        let patience = db.answerWithin
        db.answerWithin = min(patience, 5)
        defer { db.answerWithin = patience }
        access = (try? PostgresAccess.decide(db)) ?? access
        return access.role
    }

    /// Every audit entry about `id`, newest first (as `Store.history`).
    public func history(of id: EntityID) -> [AuditEntry] {
        guard let rows = try? db.exec("SELECT line FROM kriya_audit WHERE targets @> ARRAY[$1] ORDER BY seq DESC", [id.key]) else {
            return []
        }
        return (0..<rows.count).compactMap { row in
            rows.withBytes(row, 0, RecordLines.readAudit).flatMap { $0.targets.contains(id) ? $0 : nil }
        }
    }
}

extension PostgresStore {
    public var location: String { address }
    public var shortLocation: String { (try? DatabaseAddress(address))??.short ?? address }
}

/// A statement's rows handed to the reading threads: a PGresult is read-only once received.
private final class SharedRows: @unchecked Sendable {
    let rows: PGResult
    init(_ rows: PGResult) { self.rows = rows }
}
