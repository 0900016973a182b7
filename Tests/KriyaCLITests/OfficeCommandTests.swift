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
}
