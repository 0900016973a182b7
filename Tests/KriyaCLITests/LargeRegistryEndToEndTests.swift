import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 18 in a real terminal: a registry with the artisans' index opens on its list (the
/// journal's current versions) while the rest is read, a search typed meanwhile is answered
/// there, and the console lands on it. `kriya find` answers from the index as a full read would.
@Suite(.serialized) struct LargeRegistryEndToEndTests {
    let data = TempFolder("large")

    @Test(.enabled(if: ConsoleEndToEndTests.hasTmux)) func typedWhileLoadingIsKeptAndFindAgrees() throws {
        #expect(try Kriya.run(["demo", "--data", data.path, "--artisans", "20000"]).status == 0)
        let store = try Store(path: data.path)
        var a = store.data.artisans.items[4321]
        a.name = "Aaaa Pertama"
        try store.apply(.updateArtisan(a, baseRev: a.rev))

        let t = try TmuxSession(term: "xterm-256color", width: 100, height: 30)
        t.send("\(Kriya.binary) --data \(data.path) --lang id; echo EXIT=$?", enter: true)
        // Typed at once, before the console can be ready: a search for the renamed artisan.
        t.send("/aaaa pert")
        var sawFirstPage = false
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let screen = t.screen
            if screen.contains("Memuat 20.000 pelaku IKM") && screen.contains("\(a.id)  Aaaa Pertama")
                && screen.contains("Cari: aaaa pert") { sawFirstPage = true }
            if screen.contains("1 Pelaku IKM") { break }
            usleep(20_000)
        }
        #expect(t.waitFor("1 dari 20.000 cocok", seconds: 20), "the keys typed while loading ran:\n\(t.screen)")
        #expect(t.screen.contains("Aaaa Pertama"))
        // Reading 20,000 records takes this debug build most of a second: the search typed is
        // answered on the loading screen meanwhile (with the journal's name).
        #expect(sawFirstPage, "the search answered while loading")
        // Esc clears the search once ncurses has waited out its delay; then q is q, not Alt-q.
        t.key("Escape")
        #expect(t.waitForGone("Cari: aaaa pert"), "\(t.screen)")
        t.send("q")
        #expect(t.waitFor("EXIT=0"), "\(t.screen)")

        // The same answer from the index (find) as from every record.
        let found = try Kriya.run(["find", "aaaa", "pertama", "--data", data.path, "--json"])
        #expect(found.status == 0)
        #expect(found.stdout.contains("\"\(a.id)\""), "\(found.stdout)")
        #expect(try Store(path: data.path, lookup: .search).isDeferred, "the demo wrote the index")
    }
}
