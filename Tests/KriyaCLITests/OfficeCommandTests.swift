import Foundation
import Testing
import KriyaCore
import KriyaPostgres
import KriyaStore
import PostgresTestServer

/// Issue 19: a desk that says which office it is (`KRIYA_OFFICE`, or `office` in the config)
/// registers records whose ids name it, on a folder and on a database, and they travel whole.
@Suite(.serialized) struct OfficeCommandTests {
    static let add = ["add", "artisan", "--name", "Siti Kantor", "--phone", "0812-9999-0001", "--kelurahan", "Dinoyo",
                      "--business", "Keramik Siti", "--category", "keramik"]

    @Test func aDeskWithAnOfficeCodeRegistersItsIDs() throws {
        let data = TempFolder("office-cli")
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let added = try Kriya.run(Self.add + ["--data", data.path], env: ["KRIYA_OFFICE": "3573"])
        #expect(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "A-3573-000301", "\(added.stdout) \(added.stderr)")
        // Found by the number alone, shown whole even at 80 columns.
        #expect(try Kriya.run(["show", "A-000301", "--data", data.path]).stdout.hasPrefix("A-3573-000301  Siti Kantor"))
        let found = try Kriya.run(["find", "siti", "kantor", "--data", data.path], env: ["COLUMNS": "80"])
        #expect(found.stdout.contains("A-3573-000301  Siti Kantor"), "\(found.stdout)")
        #expect(try Kriya.run(["history", "A-3573-000301", "--data", data.path]).stdout.contains("Siti Kantor"))
        #expect(try Kriya.run(["check", "--data", data.path]).status == 0)

        // A code that is not a regency's four digits is said, and ignored.
        let config = TempFolder("office-config")
        try FileManager.default.createDirectory(atPath: config.path + "/kriya", withIntermediateDirectories: true)
        try "office = \"35\"\n".write(toFile: config.path + "/kriya/config.toml", atomically: true, encoding: .utf8)
        let odd = try Kriya.run(["add", "artisan", "--name", "Tanpa Kode", "--phone", "0812-9999-0002", "--kelurahan", "Kasin",
                                 "--business", "U", "--category", "batik", "--data", data.path], env: ["XDG_CONFIG_HOME": config.path])
        #expect(odd.stdout.contains("A-000302"), "\(odd.stdout)")
    }

    @Test func officeIDsGoToADatabaseAndBackWhole() throws {
        guard let address = try PostgresServer.shared.database("officecopy", migrated: false) else { return }
        let start = TempFolder("office-from"), end = TempFolder("office-back")
        #expect(try Kriya.run(["demo", "--data", start.path]).status == 0)
        #expect(try Kriya.run(Self.add + ["--data", start.path], env: ["KRIYA_OFFICE": "3573"]).status == 0)
        #expect(try Kriya.run(["copy", "--from", start.path, "--to", address.text]).status == 0)
        let there = try Kriya.run(["history", "A-000301", "--data", address.text])
        #expect(there.stdout.contains("Siti Kantor"), "\(there.stdout)")
        #expect(try Kriya.run(["copy", "--from", address.text, "--to", end.path]).status == 0)
        let back = try Store(path: end.path), first = try Store(path: start.path)
        #expect(try back.difference(from: first.data, auditTrail: first.auditTrail().lines) == nil)
        #expect(back.formatOnDisk == 4)
        #expect(back.data.artisans.items.last?.id.description == "A-3573-000301")
        // The next desk of another office goes on with the same sequence.
        let next = try Kriya.run(Self.add.map { $0 == "0812-9999-0001" ? "0812-9999-0003" : $0 } + ["--data", address.text],
                                 env: ["KRIYA_OFFICE": "3579"])
        #expect(next.stdout.contains("A-3579-000302"), "\(next.stdout) \(next.stderr)")
    }

    /// `kriya init` sets a desk up once: its data and office kept in the config (other settings
    /// and comments kept), so plain commands use them; a second init changes them in place.
    @Test func initSetsTheDeskUp() throws {
        let home = TempFolder("init-home")
        let configDir = home.path + "/.config/kriya"
        try FileManager.default.createDirectory(atPath: configDir, withIntermediateDirectories: true)
        try "# Meja Klojen\ntheme = \"batik\"\n\n[documents]\ncity = \"Malang\"\n".write(toFile: configDir + "/config.toml", atomically: true, encoding: .utf8)
        let env = ["HOME": home.path, "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "", "KRIYA_DATA": "", "KRIYA_OFFICE": ""]
        let made = try Kriya.run(["init", "--data", home.path + "/data", "--office", "3573", "--lang", "id"], env: env)
        #expect(made.status == 0 && made.stdout.contains("A-3573-000123"), "\(made.stdout) \(made.stderr)")
        let added = try Kriya.run(["add", "artisan", "--name", "Lewat Init", "--phone", "0812-1111-0001", "--kelurahan", "Kasin",
                                   "--business", "U", "--category", "batik"], env: env)
        #expect(added.stdout.contains("A-3573-000001"), "\(added.stdout) \(added.stderr)")
        #expect(try Store(path: home.path + "/data").data.artisans.count == 1)
        #expect(try Kriya.run(["init", "--office", "3507"], env: env).status == 0)
        let config = try String(contentsOfFile: configDir + "/config.toml", encoding: .utf8)
        #expect(config.contains("# Meja Klojen") && config.contains("theme = \"batik\"") && config.contains("city = \"Malang\""))
        #expect(config.components(separatedBy: "office = ").count == 2 && config.contains("office = \"3507\""), "\(config)")
        #expect(config.range(of: "office")!.lowerBound < config.range(of: "[documents]")!.lowerBound)
        let refused = try Kriya.run(["init", "--office", "35"], env: env)
        #expect(refused.status == 64 && refused.stderr.contains("3573"))
    }
}
