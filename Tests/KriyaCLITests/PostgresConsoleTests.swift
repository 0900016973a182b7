import Foundation
import Testing
import KriyaCore
import KriyaPostgres
import KriyaStore
import PostgresTestServer

/// Issue 19: two consoles on one PostgreSQL database, in tmux as two staff would use them.
@Suite(.serialized) struct PostgresConsoleTests {
    static let hasTmux = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

    /// What one console saves, the other shows within two seconds (LISTEN/NOTIFY, no reopening);
    /// the same artisan edited in both is a conflict shown field by field, never overwritten.
    @Test(.enabled(if: hasTmux)) func twoConsolesOnOneDatabase() throws {
        guard let address = try PostgresServer.shared.database("consoles") else { return }
        let today = SystemInfo.now().today
        try PostgresStore(address: address).replaceAll(with: DemoData.make(artisans: 300, today: today, user: "demo"), reason: "demo data")
        let first = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        let second = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        for t in [first, second] {
            t.send("\(Kriya.binary) --data \(address.text); echo EXIT=$?", enter: true)
            #expect(t.waitFor("1 Artisans"), "\(t.screen)")
        }
        // The second desk searches for what the first is about to type.
        second.send("/")
        second.send("pertama")
        #expect(second.waitFor("Nothing matches"), "\(second.screen)")
        first.send("e")
        #expect(first.waitFor("Edit A-"), "\(first.screen)")
        for _ in 0..<4 { first.key("Tab") }   // to the business
        first.key("C-u")
        first.send("Usaha Pertama")
        first.key("F2")
        #expect(first.waitFor("Saved A-"), "\(first.screen)")
        let saved = Date()
        #expect(second.waitFor("Usaha Pertama", seconds: 10), "\(second.screen)")
        let seen = Date().timeIntervalSince(saved)
        #expect(seen < 2.0, "seen after \(seen) s")
        second.key("Escape")
        #expect(second.waitForGone("pertama"))

        // Both open the same artisan (the first row); the first saves, the second is refused
        // with both versions on screen and keeps the first's.
        for t in [first, second] {
            t.send("e")
            #expect(t.waitFor("Edit A-"), "\(t.screen)")
            for _ in 0..<4 { t.key("Tab") }
            t.key("C-u")
        }
        first.send("Usaha Kedua")
        first.key("F2")
        #expect(first.waitFor("Saved A-"), "\(first.screen)")
        second.send("Usaha Ketiga")
        second.key("F2")
        #expect(second.waitFor("was changed by someone else"), "\(second.screen)")
        #expect(second.screen.contains("Usaha Kedua") && second.screen.contains("Usaha Ketiga"), "\(second.screen)")
        second.key("Left")          // keep theirs
        second.key("F2")
        #expect(second.waitFor("Saved A-"), "\(second.screen)")
        let fresh = try PostgresStore(address: address)
        #expect(fresh.data.artisans.items.contains { $0.business == "Usaha Kedua" })
        #expect(!fresh.data.artisans.items.contains { $0.business == "Usaha Ketiga" })
        for t in [first, second] {
            t.send("q")
            #expect(t.waitFor("EXIT=0"), "\(t.screen)")
        }
    }

    /// On a database there is no data folder for drafts: a form cut off by a dropped SSH
    /// connection (SIGHUP) is kept in the user's own state folder and comes back.
    @Test(.enabled(if: hasTmux)) func aFormCutOffOnADatabaseComesBack() throws {
        guard let address = try PostgresServer.shared.database("drafts") else { return }
        try PostgresStore(address: address).replaceAll(with: DemoData.make(artisans: 50, today: SystemInfo.now().today, user: "demo"),
                                                       reason: "demo data")
        let t = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        let command = "\(Kriya.binary) --data \(address.text); echo EXIT=$?"
        t.send(command, enter: true)
        #expect(t.waitFor("1 Artisans"), "\(t.screen)")
        t.send("a")
        #expect(t.waitFor("New artisan"))
        t.send("Draf Basis Data")
        #expect(t.waitFor("Draf Basis Data"))
        // The connection drops: SIGHUP to this test's own console, by its pid.
        #expect(t.signal(SIGHUP, child: "\(Kriya.binary) --data \(address.text)"))
        #expect(t.waitFor("EXIT=129"), "\(t.screen)")
        let state = t.home.path + "/.local/state/kriya"
        #expect(FileManager.default.fileExists(atPath: state), "no drafts kept under \(state)")
        t.send(command, enter: true)
        #expect(t.waitFor("is back"), "\(t.screen)")
        #expect(t.screen.contains("Draf Basis Data"))
        t.key("Escape")
        #expect(t.waitFor("Discard the changes?"))
        t.send("y")
        t.send("q")
        #expect(t.waitFor("EXIT=0"))
    }

    /// The database out of reach (its door shut, the console's connection cut): the console
    /// says so once, in the user's language, stays usable, and says when it is back.
    @Test(.enabled(if: hasTmux)) func aConsoleSaysWhenTheDatabaseIsOutOfReach() throws {
        guard let address = try PostgresServer.shared.database("reach") else { return }
        try PostgresStore(address: address).replaceAll(with: DemoData.make(artisans: 50, today: SystemInfo.now().today, user: "demo"),
                                                       reason: "demo data")
        let server = PostgresServer.shared
        let name = String(address.text.split(separator: "/").last!)
        func psql(_ sql: String) throws {
            try PostgresServer.run(server.psql, ["-X", "-q", "-h", "127.0.0.1", "-p", "\(server.port)", "-U", "kriya", "-d", "postgres", "-c", sql])
        }
        let t = try TmuxSession(term: "xterm-256color", width: 100, height: 24)
        t.send("\(Kriya.binary) --data \(address.text) --lang id; echo EXIT=$?", enter: true)
        #expect(t.waitFor("1 Pelaku IKM"), "\(t.screen)")
        try psql("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
        try psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
        #expect(t.waitFor("Data tidak dapat dijangkau sejak", seconds: 10), "\(t.screen)")
        t.key("Down")            // still browsing
        try psql("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
        // The next try comes after the pause (15 s), then the screen says it is back.
        #expect(t.waitFor("Tersambung lagi", seconds: 30), "\(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"), "\(t.screen)")
    }
}
