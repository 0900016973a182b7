import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaPostgres
@testable import KriyaStore
import PostgresTestServer

/// Issue 31, finding 6: on PostgreSQL a login can do with `psql` no more than Kriya lets its
/// role do. Each login of docs/postgres-roles.sql tries, through psql, what the finding did
/// (lower the id high-water mark, delete records, rewrite an artisan, remove the audit trail)
/// and what a clerk going around Kriya could try next (the write functions with a forged
/// change); the records, ids and trail do not move, while Kriya's own door work still saves.
@Suite(.serialized) struct PostgresRolesTests {
    let server = PostgresServer.shared
    let sqlFolder = TempFolder("pg-roles-sql")

    /// Runs `sql` through psql as `login`: the exit status and what psql said.
    func psql(_ login: String, _ db: String, _ sql: String) throws -> (status: Int32, out: String) {
        try FileManager.default.createDirectory(atPath: sqlFolder.path, withIntermediateDirectories: true)
        let file = sqlFolder.path + "/\(UUID().uuidString).sql"
        try sql.write(toFile: file, atomically: true, encoding: .utf8)
        return shell("'\(server.psql)' -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p \(server.port) -U \(login) -d \(db) -f '\(file)'")
    }

    /// What a save could move: every record, the id marks, the trail and the change lines.
    func state(_ db: String) throws -> String {
        try psql("kriya", db, """
            SELECT (SELECT md5(string_agg(id || ':' || rev || ':' || body::text, ',' ORDER BY id)) FROM kriya_record),
                   (SELECT string_agg(kind || last, ',' ORDER BY kind) FROM kriya_last_id),
                   (SELECT count(*) FROM kriya_audit), (SELECT count(*) FROM kriya_change)
            """).out
    }

    /// Sets the roles up (the file as an admin runs it), a login per role, and two helpers any
    /// login may call: `bumped` (a record one revision on, a field changed) and `forge` (a change
    /// sent to the write functions as Kriya would send it, the change line matching the records).
    func setUp(_ db: String) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/postgres-roles.sql").path
        let roles = try psql("kriya", db, try String(contentsOfFile: script, encoding: .utf8))
        #expect(roles.status == 0, "\(roles.out)")
        for (login, role) in [("pintu_clerk", "clerk"), ("pintu_editor", "editor"), ("pintu_viewer", "viewer")] {
            _ = try psql("kriya", db, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(login)') THEN CREATE ROLE \(login) LOGIN IN ROLE kriya_\(role); END IF; END $$")
        }
        let helpers = try psql("kriya", db, """
            CREATE FUNCTION bumped(rid text, path text[], value jsonb) RETURNS jsonb LANGUAGE sql AS $$
              SELECT jsonb_set(jsonb_set(body::jsonb, '{rev}', to_jsonb(rev + 1)), path, value) FROM kriya_record WHERE id = rid $$;
            CREATE FUNCTION forge(cmd text, undoes text, body jsonb, deleted text[], marks bigint[] DEFAULT NULL) RETURNS bigint
            LANGUAGE plpgsql AS $$
            DECLARE line jsonb := jsonb_build_object('cmd', cmd, 'deleted', to_jsonb(coalesce(deleted, '{}')));
            BEGIN
              IF body IS NOT NULL THEN
                PERFORM kriya_put_records(ARRAY[body->>'id'], ARRAY[substr(body->>'id', 1, 1)], ARRAY[(body->>'rev')::int], ARRAY[body::json]);
                line := line || jsonb_build_object(CASE substr(body->>'id', 1, 1) WHEN 'A' THEN 'artisans' WHEN 'B' THEN 'sessions' ELSE 'exhibitions' END,
                                                   jsonb_build_array(body));
              END IF;
              RETURN kriya_save(cmd, undoes, 'now', 'psql', line::text, false, jsonb_build_object('cmd', cmd)::text, '{}', deleted,
                                false, CASE WHEN marks IS NULL THEN NULL ELSE ARRAY['A'] END, marks, NULL, false, NULL, NULL, NULL, NULL);
            END $$;
            GRANT EXECUTE ON FUNCTION bumped(text, text[], jsonb), forge(text, text, jsonb, text[], bigint[]) TO PUBLIC;
            """)
        #expect(helpers.status == 0, "\(helpers.out)")
    }

    @Test func aClerksLoginDoesNoMoreWithPsqlThanKriyaLetsAClerk() throws {
        guard let twins = try PostgresCommandTests.twins("dbroles") else { return }
        let db = String(twins.database.split(separator: "/").last!)
        try setUp(db)
        let at = { (login: String) in self.server.url(db).replacingOccurrences(of: "kriya@", with: "\(login)@") }

        // A session of four days ending today, A-000001 enrolled and marked on its first day
        // (an admin's correction), A-000002 enrolled.
        let today = SystemInfo.now().today, first = today.adding(days: -3)
        let admin = try PostgresStore(address: DatabaseAddress(twins.database)!)
        let (added, _) = try admin.applyUndoably(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Pintu", organiser: "Dekranasda",
                                                                           venue: "Aula", start: first, end: today)))
        let session = added.sessions[0].id
        for n in 1...2 { _ = try admin.applyUndoably(.enrol(session: session, artisan: EntityID(.artisan, n), role: .peserta)) }
        _ = try admin.applyUndoably(.markAttendance(session: session, artisan: EntityID(.artisan, 1), day: first, mark: .hadir,
                                                    time: nil, note: "daftar hadir kertas"))
        // A-000301 added and deleted: its id stays used.
        let (gone, _) = try admin.applyUndoably(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Hapus Saja", phone: "0812-4444-0100",
                                                                    kelurahan: Wilayah.kelurahan[0].code, business: "U", category: .batik)))
        _ = try admin.applyUndoably(.delete(gone.artisans[0].id, baseRev: gone.artisans[0].rev))

        // Through Kriya, the clerk does the door's work; the database's own columns say who.
        let checkin = try Kriya.run(["checkin", session.description, "A-000002", "--data", at("pintu_clerk")])
        #expect(checkin.status == 0, "\(checkin.stderr)")
        let walkIn = try Kriya.run(["add", "artisan", "--name", "Datang Langsung", "--phone", "0812-4444-0101", "--kelurahan", "Kasin",
                                    "--business", "Keripik", "--category", "makanan", "--data", at("pintu_clerk")])
        #expect(walkIn.status == 0 && walkIn.stdout.contains("A-000302"), "\(walkIn.stdout)\(walkIn.stderr)")
        let who = try psql("kriya", db, "SELECT cmd || ' ' || login || ' ' || role FROM kriya_audit ORDER BY seq DESC LIMIT 2")
        #expect(who.out == "add-artisan pintu_clerk clerk\ncheck-in pintu_clerk clerk\n", "\(who.out)")

        let before = try state(db)
        #expect(before.contains("A302"), "\(before)")
        let sid = session.key
        let attempts: [(sql: String, says: String)] = [
            // What the finding did, straight at the tables.
            ("UPDATE kriya_last_id SET last = 1", "permission denied"),
            ("DELETE FROM kriya_record WHERE id = 'A-000002'", "permission denied"),
            ("UPDATE kriya_record SET body = jsonb_set(body::jsonb, '{name}', '\"Palsu\"')::json WHERE id = 'A-000001'", "permission denied"),
            ("DELETE FROM kriya_audit", "permission denied"),
            ("INSERT INTO kriya_audit (at, user_name, cmd, targets, line) VALUES ('x', 'y', 'z', '{}', '{}')", "permission denied"),
            // Around Kriya through its own write functions.
            ("SELECT forge('check-in', NULL, bumped('A-000001', '{name}', '\"Palsu\"'), '{}')", "may not change A-000001"),
            ("SELECT forge('check-in', NULL, bumped('\(sid)', '{title}', '\"Palsu\"'), '{}')", "may not change \(sid)"),
            ("SELECT forge('clear-attendance', NULL, bumped('\(sid)', '{participants,0,attendance}', '[]'), '{}')", "may not change \(sid)"),
            ("SELECT forge('update-artisan', NULL, bumped('A-000001', '{name}', '\"Palsu\"'), '{}')", "update-artisan needs editor"),
            ("SELECT forge('delete', NULL, NULL, ARRAY['A-000002'])", "delete needs admin"),
            ("SELECT forge('undo', 'add-artisan', NULL, ARRAY['A-000002'])", "may not remove A-000002"),
            ("SELECT forge('add-artisan', NULL, jsonb_set(jsonb_set(bumped('A-000299', '{rev}', '1'), '{id}', '\"A-000301\"'), '{phone}', '\"081299990000\"'), '{}')",
             "an id already used"),
            ("SELECT forge('add-artisan', NULL, NULL, '{}', ARRAY[1])", "only an admin"),
            ("SELECT kriya_save('check-in', NULL, 'now', 'psql', '{\"cmd\":\"check-in\"}', false, NULL, '{}', '{}', false, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL)",
             "only an admin"),
            // A change line that says something else than the records written.
            ("BEGIN; SELECT kriya_put_records(ARRAY['A-000303'], ARRAY['A'], ARRAY[1], ARRAY[jsonb_set(bumped('A-000299', '{rev}', '1'), '{id}', '\"A-000303\"')::json]); SELECT kriya_save('add-artisan', NULL, 'now', 'psql', '{\"cmd\":\"add-artisan\"}', false, '{\"cmd\":\"add-artisan\"}', '{}', '{}', false, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL); COMMIT",
             "does not say what is written"),
        ]
        for attempt in attempts {
            let r = try psql("pintu_clerk", db, attempt.sql)
            #expect(r.status != 0 && r.out.contains(attempt.says), "\(attempt.sql): \(r.out)")
        }
        #expect(try state(db) == before)

        // The door's part of the session, today, the database lets a clerk change (as Kriya
        // does); the same login may take back an artisan it just added, nobody else's.
        let door = try psql("pintu_clerk", db, "SELECT forge('mark-attendance', NULL, bumped('\(sid)', '{participants,1,attendance,0,mark}', '\"terlambat\"'), '{}') > 0")
        #expect(door.status == 0 && door.out == "t\n", "\(door.out)")
        let undo = try psql("pintu_clerk", db, "SELECT forge('undo', 'add-artisan', NULL, ARRAY['A-000302']) > 0")
        #expect(undo.status == 0, "\(undo.out)")
        let last = try psql("kriya", db, "SELECT cmd || ' ' || login || ' ' || role || ' ' || array_to_string(targets, ',') FROM kriya_audit ORDER BY seq DESC LIMIT 1")
        #expect(last.out == "undo pintu_clerk clerk A-000302\n", "\(last.out)")

        // The console's own flow at the door, as the clerk's login: a walk-in registered and
        // checked in, then both taken back (wrong person); the database lets the clerk take back
        // the add once nothing refers to it any more, and not while the session does.
        let desk = try PostgresStore(address: DatabaseAddress(at("pintu_clerk"))!)
        let registered = try desk.applyUndoably(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Salah Orang", phone: "0812-4444-0102",
                                                                kelurahan: Wilayah.kelurahan[0].code, business: "U", category: .batik)))
        let person = registered.change.artisans[0].id
        let checked = try desk.applyUndoably(.checkIn(session: session, artisan: person, day: today, time: SystemInfo.now().time, enrol: true))
        let early = try psql("pintu_clerk", db, "SELECT forge('undo', 'add-artisan', NULL, ARRAY['\(person.key)'])")
        #expect(early.status != 0 && early.out.contains("may not remove \(person.key)"), "\(early.out)")
        try desk.apply(.undo(checked.undo))
        try desk.apply(.undo(registered.undo))
        #expect(try PostgresStore(address: DatabaseAddress(twins.database)!).data.artisans[person] == nil)
    }

    @Test func noLoginLowersIdsOrRemovesTheTrailAndOnlyAnAdminDeletes() throws {
        guard let twins = try PostgresCommandTests.twins("dbroles2") else { return }
        let db = String(twins.database.split(separator: "/").last!)
        try setUp(db)
        let at = { (login: String) in self.server.url(db).replacingOccurrences(of: "kriya@", with: "\(login)@") }
        let before = try state(db)
        // Even the owner's login (a superuser here) is held by the triggers.
        for (sql, says) in [("UPDATE kriya_last_id SET last = 1", "an id once handed out stays used"),
                            ("DELETE FROM kriya_last_id", "an id once handed out stays used"),
                            ("DELETE FROM kriya_audit", "only ever added to"),
                            ("TRUNCATE kriya_audit", "only ever added to"),
                            ("UPDATE kriya_change SET line = ''", "only ever added to")] {
            let r = try psql("kriya", db, sql)
            #expect(r.status != 0 && r.out.contains(says), "\(sql): \(r.out)")
        }
        // An editor changes records but deletes none, with Kriya or without.
        let editor = try psql("pintu_editor", db, "SELECT forge('delete', NULL, NULL, ARRAY['A-000002'])")
        #expect(editor.status != 0 && editor.out.contains("delete needs admin"), "\(editor.out)")
        let viaKriya = try Kriya.run(["delete", "A-000002", "--data", at("pintu_editor")])
        #expect(viaKriya.status == 77, "\(viaKriya.stderr)")
        // A viewer stages nothing.
        let viewer = try psql("pintu_viewer", db, "SELECT kriya_put_records(ARRAY['A-000001'], ARRAY['A'], ARRAY[9], ARRAY['{}'::json])")
        #expect(viewer.status != 0 && viewer.out.contains("pintu_viewer may only read"), "\(viewer.out)")
        #expect(try state(db) == before)
        // What an editor may do, Kriya saves through the same functions.
        let merged = try Kriya.run(["merge", "A-000002", "A-000003", "--data", at("pintu_editor")])
        #expect(merged.status == 0, "\(merged.stderr)")
        let audit = try psql("kriya", db, "SELECT cmd || ' ' || login || ' ' || role FROM kriya_audit ORDER BY seq DESC LIMIT 1")
        #expect(audit.out == "merge-artisans pintu_editor editor\n", "\(audit.out)")

        // A grant made by hand later, around the functions, is what the doctor points out.
        let home = TempFolder("pg-roles-home")
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        #expect(try Kriya.run(["doctor", "--data", twins.database], env: ["HOME": home.path]).status == 0)
        _ = try psql("kriya", db, "GRANT UPDATE ON kriya_record TO pintu_editor")
        let doctor = try Kriya.run(["doctor", "--data", twins.database, "--lang", "id"], env: ["HOME": home.path])
        #expect(doctor.status == 1 && doctor.stdout.contains("pintu_editor dapat menulis tabel Kriya secara langsung"), "\(doctor.stdout)")
    }

    /// A database of Kriya's tables version 3, given the older roles file (clerks could write the
    /// tables): `kriya migrate` takes those grants back, and the desks carry on.
    @Test func migratingAnOlderDatabaseTakesTheOldGrantsBack() throws {
        guard let address = try server.database("olderroles", migrated: false) else { return }
        let db = String(address.text.split(separator: "/").last!)
        let older = PostgresSchema.steps[0..<3].flatMap { $0 }.joined(separator: ";\n") + ";\nUPDATE kriya_schema SET version = 3;\n"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/postgres-roles.sql").path
        let roles = try String(contentsOfFile: script, encoding: .utf8)
        let made = try psql("kriya", db, older + String(roles[..<roles.range(of: "GRANT USAGE ON SCHEMA")!.lowerBound]) + """
            GRANT USAGE ON SCHEMA public TO kriya_viewer;
            GRANT SELECT ON kriya_schema, kriya_record, kriya_change, kriya_last_id, kriya_audit, kriya_note TO kriya_viewer;
            GRANT INSERT, UPDATE, DELETE ON kriya_record, kriya_note TO kriya_clerk;
            GRANT INSERT, UPDATE ON kriya_last_id TO kriya_clerk;
            GRANT INSERT ON kriya_change, kriya_audit TO kriya_clerk;
            GRANT USAGE ON SEQUENCE kriya_change_seq_seq, kriya_audit_seq_seq TO kriya_clerk;
            DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pintu_clerk') THEN CREATE ROLE pintu_clerk LOGIN IN ROLE kriya_clerk; END IF; END $$;
            """)
        #expect(made.status == 0, "\(made.out)")
        let clerk = server.url(db).replacingOccurrences(of: "kriya@", with: "pintu_clerk@")
        let add = ["add", "artisan", "--name", "Sebelum Migrasi", "--phone", "0812-4444-0201", "--kelurahan", "Kasin", "--business", "U",
                   "--category", "batik", "--data", clerk]
        #expect(try Kriya.run(add).status == 66)   // an older database: migrate first
        let migrated = try Kriya.run(["migrate", "--data", address.text])
        #expect(migrated.status == 0 && migrated.stdout.contains("version \(PostgresStore.schemaVersion) (were 3)"), "\(migrated.stdout)\(migrated.stderr)")
        let direct = try psql("pintu_clerk", db, "INSERT INTO kriya_last_id VALUES ('A', 0)")
        #expect(direct.status != 0 && direct.out.contains("permission denied"), "\(direct.out)")
        let added = try Kriya.run(add)
        #expect(added.status == 0 && added.stdout.contains("A-000001"), "\(added.stdout)\(added.stderr)")
    }

    /// The database's table of who may make which change is the core's (`StaffRole.required`).
    @Test func theDatabasesTableOfRolesIsTheCores() throws {
        guard let address = try server.database("roletable") else { return }
        let db = String(address.text.split(separator: "/").last!)
        let rows = try psql("kriya", db, "SELECT cmd || '=' || role FROM kriya_command_role ORDER BY cmd").out.split(separator: "\n")
        let table = Dictionary(uniqueKeysWithValues: rows.map { row in
            let parts = row.split(separator: "=").map(String.init)
            return (parts[0], parts[1])
        })
        // Both ways: every change the core knows, with its role (undo's is the undone change's).
        for name in CommandName.allCases where name != .undo {
            #expect(table[name.rawValue] == name.role?.rawValue, "\(name.rawValue): the database says \(table[name.rawValue] ?? "nothing")")
        }
        #expect(table.count == CommandName.allCases.count - 1, "\(table.keys.sorted())")
    }
}
