import Foundation
import Testing
@testable import Console
@testable import KriyaCore
@testable import KriyaStore
import TextUI

/// Issue 18: a large registry's console shows its first page while the rest is read, and
/// runs the keys typed meanwhile once it is ready.
@Suite struct LoadingTests {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!
    static let ctx = CommandContext(user: "tester", today: today, time: ClockTime(hour: 9, minute: 0)!)

    /// A compacted demo (with the artisans' index) and one artisan renamed in the journal
    /// since, to the first name in the list.
    func prepared() throws -> (String, EntityID) {
        let dir = NSTemporaryDirectory() + "kriya-loading-\(UUID().uuidString.prefix(8))"
        let store = try Store(path: dir)
        try store.replaceAll(with: DemoData.make(artisans: 2000, today: Self.today), reason: "test")
        var a = store.data.artisans.items[1234]
        a.name = "Aaaa Baru"
        try store.apply(.updateArtisan(a, baseRev: a.rev), context: Self.ctx)
        return (dir, a.id)
    }

    @Test func theFirstPageIsTheCurrentOneAndSaysWhatIsGoingOn() throws {
        let (dir, renamed) = try prepared()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir, lookup: .search)
        #expect(store.isDeferred)
        let page = try store.findArtisans("", limit: 30).shown
        let grid = LoadingView.render(page: page, total: store.artisanCount, seconds: 2, lang: .id, user: "tester",
                                      dataPath: dir, width: 80, height: 24)
        let text = grid.lines.joined(separator: "\n")
        #expect(grid.lines[5].contains("\(renamed)  Aaaa Baru"), "the journal's version, first by name")
        #expect(text.contains("Memuat 2000 pelaku IKM (2 detik)"))
        #expect(text.contains("Halaman pertama, menurut nama"))
        // The rows fill the screen above the status lines and no further.
        #expect(grid.lines[20].hasPrefix(" A-"))
        #expect(grid.lines[21].trimmingCharacters(in: .whitespaces).isEmpty)
    }

    /// The index file's search index serves the console when the journal changed no artisan's
    /// searched text (it finds what one made from the records finds, new artisans appended);
    /// after a rename it is made again.
    @Test func theIndexFileServesTheConsoleWhenNothingChangedSince() throws {
        let dir = NSTemporaryDirectory() + "kriya-loading-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try Store(path: dir)
        try writer.replaceAll(with: DemoData.make(artisans: 1500, today: Self.today), reason: "test")
        // A session changed since: the artisans are still the snapshot's.
        let s = writer.data.sessions.items[0]
        try writer.apply(.updateSession(s, baseRev: s.rev), context: Self.ctx)

        let store = try Store(path: dir, lookup: .search)
        try store.loadEverything()
        let index = try #require(store.takeSearchIndex())
        #expect(!(store.takeSearchIndex() != nil), "handed over once")
        let made = SearchIndex(store.data.artisans.items)
        for q in ["", "sri", "batik lowokwaru", "keramik", "0812-0000-01", "dinoyo ukir", "zzz"] {
            #expect(index.search(q) == made.search(q), "\(q)")
        }

        // Artisans changed where the search does not look (a note, an address) and a new one:
        // the file's index still serves, the new artisan appended, and finds what a fresh one does.
        var noted = writer.data.artisans.items[3]
        noted.notes = "ditelepon 30/11"
        try writer.apply(.updateArtisan(noted, baseRev: noted.rev), context: Self.ctx)
        var moved = writer.data.artisans.items[900]
        moved.address = "Jl. Bendungan Sutami No. 3"
        try writer.apply(.updateArtisan(moved, baseRev: moved.rev), context: Self.ctx)
        var new = Artisan(id: EntityID(.artisan, 1), name: "Yohana Kristanti", phone: "0857-1111-2222",
                          kelurahan: writer.data.artisans.items[0].kelurahan, business: "Batik Yohana", category: .batik)
        new.products = [Product(name: "Selendang batik")]
        try writer.apply(.addArtisan(new), context: Self.ctx)
        let grown = try Store(path: dir, lookup: .search)
        try grown.loadEverything()
        let fitted = try #require(grown.takeSearchIndex(), "a note, an address and a new artisan")
        let fresh = SearchIndex(grown.data.artisans.items)
        #expect(fitted.count == grown.data.artisans.count)
        for q in ["", "yohana", "selendang", "sri", "batik lowokwaru", "0857-1111", "bendungan", "zzz"] {
            #expect(fitted.hits(q) == fresh.hits(q), "\(q)")
        }
        #expect(fitted.search("yohana").count == 1)

        var a = writer.data.artisans.items[7]
        a.name = "Zaenal Baru"
        try writer.apply(.updateArtisan(a, baseRev: a.rev), context: Self.ctx)
        let after = try Store(path: dir, lookup: .search)
        try after.loadEverything()
        #expect(!(after.takeSearchIndex() != nil), "the journal renamed an artisan")

        // Opened for a lookup, then a compaction folds the rename into a new snapshot before
        // the full read: that index (of the old snapshot) must not be handed over.
        let stale = try Store(path: dir, lookup: .search)
        #expect(stale.isDeferred)
        try writer.compact()
        try stale.loadEverything()
        #expect(!(stale.takeSearchIndex() != nil), "the index of a generation no longer in force")
    }

    @Test func afterLoadingTheStoreIsWholeAndTypedKeysRunFirst() throws {
        let (dir, _) = try prepared()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir, lookup: .search)
        let device = ScriptedDevice([])
        guard case .ready = try ConsoleApp.finishLoading(store, device: device, lang: .en) else {
            Issue.record("not ready")
            return
        }
        #expect(!store.isDeferred)
        let full = try Store(path: dir)
        #expect(store.data.artisans.items == full.data.artisans.items)
        #expect(store.data.sessions.items == full.data.sessions.items)
        let screen = ScriptedDevice([])
        let app = ConsoleApp(store: store, device: screen, lang: .en, today: Self.today)
        app.run(keys: [.char("/"), .char("s"), .char("r"), .char("i")])
        // The first frame the console draws already holds the search typed while it loaded.
        #expect(screen.screens.first?.contains("Search: sri") == true, "\(screen.screens.first ?? "")")
    }
}
