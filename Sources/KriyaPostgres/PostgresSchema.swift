import KriyaStore

/// The tables Kriya keeps in a database, versioned: `kriya migrate` runs the steps a database
/// has not had yet, and a database newer than the program is refused (an older Kriya could
/// drop what it does not know).
///
/// - `kriya_record`: every record as the JSON object of a snapshot line (`body`), with its id
///   and revision beside it for the database's own use.
/// - `kriya_change`: every saved change as the journal line the files would hold, numbered;
///   other consoles catch up by reading the lines after the last they saw. A change too large
///   for one line (an import) is `reload`: readers read everything again.
/// - `kriya_last_id`: the highest id of each kind ever handed out (a deleted id is never reused).
/// - `kriya_audit`: the audit trail, the same sealed lines as `audit.jsonl`, with who, when,
///   what and which records in columns for queries.
/// - `kriya_note` (version 2): small named notes, e.g. how to take the last import back.
/// - Version 5: the door's commands (`pack-door`, `sync-door`) in `kriya_command_role`.
/// - Version 4: `kriya_save` and `kriya_put_records`, the only way to write (`PostgresRules`);
///   `kriya_audit.login` and `kriya_change.login`, the database login that saved.
/// - Version 3: ids may name an office (`A-3573-000123`); `kriya_record.id` and
///   `kriya_audit.targets` keep them without it (`A-000123`), which identifies a record.
enum PostgresSchema {
    /// Each version's statements. Released steps are never edited, only new ones appended.
    static let steps: [[String]] = [
        [
            "CREATE TABLE kriya_schema (version integer NOT NULL)",
            "INSERT INTO kriya_schema VALUES (0)",
            """
            CREATE TABLE kriya_record (
                id text PRIMARY KEY,
                kind text NOT NULL,
                rev integer NOT NULL,
                body json NOT NULL)
            """,
            """
            CREATE TABLE kriya_change (
                seq bigserial PRIMARY KEY,
                at timestamptz NOT NULL DEFAULT now(),
                user_name text NOT NULL,
                reload boolean NOT NULL DEFAULT false,
                line text NOT NULL)
            """,
            "CREATE TABLE kriya_last_id (kind text PRIMARY KEY, last integer NOT NULL)",
            """
            CREATE TABLE kriya_audit (
                seq bigserial PRIMARY KEY,
                at text NOT NULL,
                user_name text NOT NULL,
                role text,
                cmd text NOT NULL,
                targets text[] NOT NULL,
                line text NOT NULL)
            """,
            "CREATE INDEX kriya_audit_targets ON kriya_audit USING gin (targets)",
        ],
        [
            // Small notes the store keeps beside the records: `last-import` (how to take the
            // last import back, the lines of `last-import.jsonl`).
            "CREATE TABLE kriya_note (name text PRIMARY KEY, body text NOT NULL)",
        ],
        [
            // Ids may name an office (A-3573-000123), which a Kriya of version 2 cannot read:
            // it must refuse the database. The key columns keep the id without it.
            "COMMENT ON COLUMN kriya_record.id IS 'the id without its office: A-000123; body holds the id as shown'",
        ],
        // The database holds the roles itself: writes only through kriya_save (PostgresRules).
        PostgresRules.step,
        [
            // A session's door taken away from the office and brought back (issue 33): an editor's.
            "INSERT INTO kriya_command_role (cmd, role) VALUES ('pack-door', 'editor'), ('sync-door', 'editor')",
        ],
    ]

    static var version: Int { steps.count }

    /// The schema version of the database; 0 when Kriya has never been set up in it.
    static func version(of db: PGConnection) throws(StoreError) -> Int {
        let exists = try db.exec("SELECT to_regclass('kriya_schema') IS NOT NULL")
        guard exists.string(0, 0) == "t" else { return 0 }
        return try db.exec("SELECT version FROM kriya_schema").int(0, 0) ?? 0
    }

    /// Brings the database up to this program's version, all steps in one transaction (two
    /// people migrating at once: the second waits, then finds nothing to do).
    /// Returns the versions before and after.
    @discardableResult
    static func migrate(_ db: PGConnection) throws(StoreError) -> (from: Int, to: Int) {
        try db.transaction { () throws(StoreError) -> (from: Int, to: Int) in
            try db.exec("SELECT pg_advisory_xact_lock(\(PostgresStore.lockKey))")
            let found = try version(of: db)
            guard found <= version else {
                throw .newerFormat(path: db.address, found: found, supported: version)
            }
            // Nothing to do: nothing written (a login that may only use the tables can ask).
            guard found < version else { return (found, version) }
            for step in steps[found...] {
                for statement in step { try db.exec(statement) }
            }
            try db.exec("UPDATE kriya_schema SET version = $1", [String(version)])
            return (found, version)
        }
    }
}
