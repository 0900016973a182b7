import Foundation
import Testing
import KriyaCore
import KriyaPostgres
import KriyaStore
import PostgresTestServer

/// Issue 19: the command line on a PostgreSQL database says exactly what it says on a data
/// folder holding the same records, and its changes are the same.
@Suite(.serialized) struct PostgresCommandTests {
    /// The same demo data in a folder (`kriya demo`) and in a new database.
    static func twins(_ name: String) throws -> (folder: TempFolder, database: String)? {
        guard let address = try PostgresServer.shared.database(name) else { return nil }
        let folder = TempFolder(name)
        #expect(try Kriya.run(["demo", "--data", folder.path]).status == 0)
        let files = try Store(path: folder.path)
        try PostgresStore(address: address).replaceAll(with: files.data, reason: "demo data")
        return (folder, address.text)
    }

    /// Runs `args` against both; the output with where the data lives taken out.
    static func both(_ args: [String], _ twins: (folder: TempFolder, database: String)) throws -> (files: Kriya.Result, database: Kriya.Result) {
        let files = try Kriya.run(args + ["--data", twins.folder.path])
        let database = try Kriya.run(args + ["--data", twins.database])
        return (files, database)
    }

    @Test func readingCommandsSayTheSameOnBoth() throws {
        guard let twins = try Self.twins("reading") else { return }
        for args in [["find", "sri"], ["find", "--category", "batik", "--limit", "50"], ["show", "A-000007"], ["show", "B-000002"],
                     ["show", "P-000003", "--json"], ["agenda", "--days", "400"], ["report", "coverage"], ["report", "training"],
                     ["report", "exhibitions", "--format", "csv"], ["export", "artisans", "--format", "csv"], ["board"]] {
            let (files, database) = try Self.both(args, twins)
            #expect(files.status == 0 && database.status == 0, "\(args): \(database.stderr)")
            #expect(files.stdout == database.stdout, "kriya \(args.joined(separator: " ")) differs")
            #expect(!database.stdout.isEmpty)
        }
    }

    @Test func changesFromTheCommandLineLandInTheDatabase() throws {
        guard let twins = try Self.twins("changes") else { return }
        let db = twins.database
        let added = try Kriya.run(["add", "artisan", "--data", db, "--name", "Zulaikha Baru", "--phone", "0812-0000-9999",
                                   "--kelurahan", "Dinoyo", "--business", "Keramik Zulaikha", "--category", "keramik"])
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(added.stdout.range(of: #"A-\d{6}"#, options: .regularExpression).map { String(added.stdout[$0]) })
        #expect(id == "A-000301")
        let found = try Kriya.run(["find", "zulaikha", "--data", db])
        #expect(found.stdout.contains(id) && found.stdout.contains("Dinoyo, Lowokwaru"))
        let history = try Kriya.run(["history", id, "--data", db])
        #expect(history.status == 0 && history.stdout.contains("Artisan added") && history.stdout.contains("Zulaikha Baru"), "\(history.stdout)")

        // An import, then taken back: as on files.
        let sheet = twins.folder.path + "-sheet.csv"
        try "Nama,No. HP,Kelurahan,Nama usaha,Kategori\nSiti Impor,0812-7777-0001,Dinoyo,Gerabah Siti,keramik\nBudi Impor,0812-7777-0002,Kasin,Batik Budi,batik\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let imported = try Kriya.run(["import", "artisans", sheet, "--data", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try PostgresStore(address: DatabaseAddress(db)!).data.artisans.count == 303)
        let undone = try Kriya.run(["import", "undo", "--data", db])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(try PostgresStore(address: DatabaseAddress(db)!).data.artisans.count == 301)
        let again = try Kriya.run(["import", "undo", "--data", db])
        #expect(again.status != 0 || !again.stdout.contains("A-000302"), "the same import taken back twice")
        // A deleted id is not handed out again: the next artisan is A-000304.
        let next = try Kriya.run(["add", "artisan", "--data", db, "--name", "Setelah Impor", "--phone", "0812-0000-9998",
                                  "--kelurahan", "Kasin", "--business", "Usaha", "--category", "batik"])
        #expect(next.stdout.contains("A-000304"), "\(next.stdout)")
    }

    @Test func commandsAboutTheFilesSayTheyNeedAFolder() throws {
        guard let twins = try Self.twins("folderonly") else { return }
        for command in ["check", "compact", "demo"] {
            let r = try Kriya.run([command, "--data", twins.database, "--lang", "id"])
            #expect(r.status == 64, "\(command)")
            #expect(r.stderr.contains("`kriya \(command)` bekerja pada folder data"), "\(r.stderr)")
        }
        let access = try Kriya.run(["access", "--data", twins.database])
        #expect(access.status == 0 && access.stdout.contains("kriya_editor") && access.stdout.contains("kriya is admin"), "\(access.stdout)")
    }

    /// `data = "postgres://…"` in the config file selects the database; --data still wins.
    @Test func theConfigFileCanNameTheDatabase() throws {
        guard let twins = try Self.twins("config") else { return }
        let config = TempFolder("config")
        try FileManager.default.createDirectory(atPath: config.path + "/kriya", withIntermediateDirectories: true)
        try "data = \"\(twins.database)\"\n".write(toFile: config.path + "/kriya/config.toml", atomically: true, encoding: .utf8)
        // A home of its own: were the config ignored, the artisan would land in its default folder.
        let env = ["XDG_CONFIG_HOME": config.path, "KRIYA_DATA": "", "HOME": config.path, "XDG_DATA_HOME": config.path + "/share"]
        let added = try Kriya.run(["add", "artisan", "--name", "Lewat Config", "--phone", "0812-0000-9997", "--kelurahan", "Kasin",
                                   "--business", "Usaha", "--category", "batik"], env: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try PostgresStore(address: DatabaseAddress(twins.database)!).data.artisans.items.contains { $0.name == "Lewat Config" })
        let folder = try Kriya.run(["find", "lewat", "--data", twins.folder.path], env: env)
        #expect(folder.stdout.contains("No artisans match") || !folder.stdout.contains("Lewat Config"), "\(folder.stdout)")
    }

    /// The roles of docs/postgres-roles.sql, given to three offices' logins: Kriya refuses what
    /// a role may not do and names the GRANT that would allow it; the database refuses the same
    /// to psql (a viewer writes nothing, a clerk cannot touch the audit trail).
    @Test func databaseRolesDecideWhatEachLoginMayDo() throws {
        guard let twins = try Self.twins("roles") else { return }
        let server = PostgresServer.shared
        let db = String(twins.database.split(separator: "/").last!)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/postgres-roles.sql").path
        func psql(_ login: String, _ args: [String]) throws {
            try PostgresServer.run(server.psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(server.port)",
                                                 "-U", login, "-d", db] + args)
        }
        try psql("kriya", ["-f", script])
        for (login, role) in [("meja_klojen", "clerk"), ("tamu", "viewer"), ("kepala", "admin")] {
            try psql("kriya", ["-c", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(login)') THEN CREATE ROLE \(login) LOGIN IN ROLE kriya_\(role); END IF; END $$"])
        }
        let at = { (login: String) in server.url(db).replacingOccurrences(of: "kriya@", with: "\(login)@") }
        let add = ["add", "artisan", "--name", "Dari Meja", "--phone", "0812-4444-0001", "--kelurahan", "Kasin", "--business", "U", "--category", "batik"]

        let clerk = try Kriya.run(add + ["--data", at("meja_klojen")])
        #expect(clerk.status == 0, "\(clerk.stderr)")
        let deleted = try Kriya.run(["delete", "A-000301", "--data", at("meja_klojen"), "--lang", "id"])
        #expect(deleted.status == 77)
        #expect(deleted.stderr.contains("meja_klojen berperan petugas") && deleted.stderr.contains("GRANT kriya_admin TO meja_klojen"), "\(deleted.stderr)")
        let viewer = try Kriya.run(add + ["--data", at("tamu")])
        #expect(viewer.status == 77 && viewer.stderr.contains("GRANT kriya_clerk TO tamu"), "\(viewer.stderr)")
        #expect(try Kriya.run(["find", "sri", "--data", at("tamu")]).status == 0)
        #expect(try Kriya.run(["access", "--data", at("kepala")]).stdout.contains("kepala is admin"))
        #expect(try Kriya.run(["delete", "A-000301", "--data", at("kepala")]).status == 0)

        #expect(throws: (any Error).self) { try psql("tamu", ["-c", "UPDATE kriya_record SET rev = 9"]) }
        #expect(throws: (any Error).self) { try psql("meja_klojen", ["-c", "DELETE FROM kriya_audit"]) }
        let store = try PostgresStore(address: DatabaseAddress(twins.database)!)
        #expect(store.data.artisans.count == 300)   // 300 + Dari Meja − Dari Meja
        #expect(store.history(of: EntityID(.artisan, 301)).first?.command == "delete")
    }

    /// `kriya doctor` on a database: the tables, this login's role, the connection; a password
    /// file others can read (libpq would skip it) is a thing to fix.
    @Test func theDoctorExaminesADatabase() throws {
        guard let twins = try Self.twins("doctor") else { return }
        let home = TempFolder("doctor-home")
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        let sound = try Kriya.run(["doctor", "--data", twins.database], env: ["HOME": home.path])
        #expect(sound.status == 0, "\(sound.stdout)")
        #expect(sound.stdout.contains("PostgreSQL") && sound.stdout.contains("Kriya's tables version \(PostgresStore.schemaVersion), 300 artisans")
                && sound.stdout.contains("login kriya is admin here") && sound.stdout.contains("on this machine"), "\(sound.stdout)")
        FileManager.default.createFile(atPath: home.path + "/.pgpass", contents: Data("127.0.0.1:*:*:kriya:x\n".utf8),
                                       attributes: [.posixPermissions: 0o644])
        let open = try Kriya.run(["doctor", "--data", twins.database], env: ["HOME": home.path])
        #expect(open.status == 1 && open.stdout.contains(".pgpass can be read by others (mode 644)"), "\(open.stdout)")
        let missing = try Kriya.run(["doctor", "--data", twins.database + "_gone", "--lang", "id"], env: ["HOME": home.path])
        #expect(missing.status == 1 && missing.stdout.contains("data tidak dapat dibuka") && missing.stdout.contains("does not exist"), "\(missing.stdout)")
    }

    @Test func aDatabaseNotSetUpIsToldInTheUsersLanguage() throws {
        guard let address = try PostgresServer.shared.database("bare", migrated: false) else { return }
        let r = try Kriya.run(["find", "sri", "--data", address.text, "--lang", "id"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("Kriya belum disiapkan di basis data ini") && r.stderr.contains("kriya migrate --data"), "\(r.stderr)")
    }
}

/// Issue 19: `kriya copy` folder → database → folder loses nothing: every record byte for
/// byte, the audit trail line for line, and the ids used (a deleted one stays used).
@Suite(.serialized) struct CopyCommandTests {
    @Test func aFolderCopiedToADatabaseAndBackIsTheSame() throws {
        guard let address = try PostgresServer.shared.database("copy", migrated: false) else { return }
        let start = TempFolder("copy-from"), end = TempFolder("copy-back")
        #expect(try Kriya.run(["demo", "--data", start.path]).status == 0)
        // A history worth keeping: two artisans added and the newest deleted (its id stays used,
        // and no record shows it).
        #expect(try Kriya.run(["add", "artisan", "--data", start.path, "--name", "Tetap Ada", "--phone", "0812-3333-0002",
                               "--kelurahan", "Dinoyo", "--business", "Keramik 🏺", "--category", "keramik"]).status == 0)
        let added = try Kriya.run(["add", "artisan", "--data", start.path, "--name", "Hapus Saya", "--phone", "0812-3333-0001",
                                   "--kelurahan", "Kasin", "--business", "Usaha \"kutip\" \\ garis", "--category", "batik"])
        #expect(added.stdout.contains("A-000302"), "\(added.stderr)")
        #expect(try Kriya.run(["delete", "A-000302", "--data", start.path]).status == 0)

        let there = try Kriya.run(["copy", "--from", start.path, "--to", address.text])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("301 artisans") && there.stdout.contains("read back and equal"), "\(there.stdout)")
        let back = try Kriya.run(["copy", "--from", address.text, "--to", end.path])
        #expect(back.status == 0, "\(back.stderr)")

        let a = try Store(path: start.path), b = try Store(path: end.path)
        #expect(try b.difference(from: a.data, auditTrail: a.auditTrail().lines) == nil)
        #expect(try b.auditTrail().lines.count == 1 + 3)   // demo, add, add, delete
        #expect(FileManager.default.contents(atPath: start.path + "/audit.jsonl") == FileManager.default.contents(atPath: end.path + "/audit.jsonl"))
        // The deleted id stays used in both copies.
        let next = try Kriya.run(["add", "artisan", "--data", end.path, "--name", "Sesudah Salin", "--phone", "0812-3333-0003",
                                  "--kelurahan", "Kasin", "--business", "U", "--category", "batik"])
        #expect(next.stdout.contains("A-000303"), "\(next.stdout)")
        let inDatabase = try Kriya.run(["add", "artisan", "--data", address.text, "--name", "Sesudah Salin", "--phone", "0812-3333-0003",
                                        "--kelurahan", "Kasin", "--business", "U", "--category", "batik"])
        #expect(inDatabase.stdout.contains("A-000303"), "\(inDatabase.stdout)")
        #expect(try Kriya.run(["history", "A-000302", "--data", address.text]).stdout.contains("Hapus Saya"))

        // A second copy into a store that holds something is refused, and nothing changes there.
        let again = try Kriya.run(["copy", "--from", start.path, "--to", address.text, "--lang", "id"])
        #expect(again.status == 73)
        #expect(again.stderr.contains("sudah berisi data"), "\(again.stderr)")
        #expect(try PostgresStore(address: address).data.artisans.count == 302)
    }

    /// `kriya backup` of a database writes a data folder that `kriya check` finds sound and
    /// that holds every record (as `grep` and `jq` will read it).
    @Test func aDatabasesBackupIsADataFolder() throws {
        guard let twins = try PostgresCommandTests.twins("backup") else { return }
        let parent = TempFolder("db-backups")
        let made = try Kriya.run(["backup", "--data", twins.database, "--to", parent.path])
        #expect(made.status == 0, "\(made.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(folders.count == 1 && folders[0].hasPrefix("kriya-"), "\(folders)")
        let folder = parent.path + "/" + folders[0]
        let check = try Kriya.run(["check", "--data", folder])
        #expect(check.status == 0 && check.stdout.contains("sound"), "\(check.stdout)")
        let files = try Store(path: twins.folder.path), copy = try Store(path: folder)
        // Records and ids as in the twin folder; the trail is the database's (its one replace-all line).
        #expect(try copy.difference(from: files.data, auditTrail: copy.auditTrail().lines) == nil)
        #expect(try copy.auditTrail().lines.count == 1)
        #expect(RecordLinesCount.artisanLines(in: folder) == 300)
    }
}

/// Counts the artisans' snapshot lines of a folder, as `grep -c` would.
enum RecordLinesCount {
    static func artisanLines(in folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard let name = names.first(where: { $0.hasPrefix("artisans.") && $0.hasSuffix(".jsonl") }),
              let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").filter { $0.contains("\"name\"") }.count
    }
}
