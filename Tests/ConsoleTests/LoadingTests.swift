import Foundation
import Testing
@testable import Console
@testable import KriyaCore
@testable import KriyaStore
import TextUI

/// Issue 18: a large registry's console lists and searches its artisans while the rest is
/// read, and runs the keys typed meanwhile once it is ready, landing where the loading screen was.
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
        let lookup = try #require(store.lookupWhileLoading())
        var screen = LoadingScreen { lookup.first($0, limit: $1) }
        screen.refresh()
        var grid = screen.render(total: store.artisanCount, seconds: 2, lang: .id, user: "tester", dataPath: dir, width: 80, height: 24)
        var text = grid.lines.joined(separator: "\n")
        #expect(grid.lines[4].contains("\(renamed)  Aaaa Baru"), "the journal's version, first by name")
        #expect(grid.roleLines[4].allSatisfy { $0 == "S" }, "selected, as on the console")
        #expect(text.contains("Memuat 2.000 pelaku IKM (2 detik)… Cari (/) dan ↑↓ sudah bisa"))
        #expect(grid.lines[21].hasPrefix(" Pelaku IKM menurut nama"))
        #expect(grid.lines[21].hasSuffix(" 1/lebih dari 200 "))
        // The rows fill the screen down to the search line.
        #expect(grid.lines[20].hasPrefix(" A-"))

        // A search, one of whose matches is further down than the rows first read: `n/count` exact.
        for key in [Key.char("/")] + "sri".map({ Key.char($0) }) { _ = screen.handle(key, page: 19) }
        screen.refresh()
        let all = try Store(path: dir)
        let expected = SearchIndex(all.data.artisans.items).search("sri").filter { !all.data.artisans.items[$0].archived }
        grid = screen.render(total: store.artisanCount, seconds: 3, lang: .id, user: "tester", dataPath: dir, width: 80, height: 24)
        text = grid.lines.joined(separator: "\n")
        #expect(grid.lines[21].hasPrefix(" Cari: sri▏"))
        #expect(grid.lines[21].hasSuffix(" 1/\(expected.count) "), "\(grid.lines[21])")
        #expect(grid.lines[4].contains(all.data.artisans.items[expected[0]].id.description))

        // A key it cannot do (open): said, and nothing more is taken.
        _ = screen.handle(.enter, page: 19)
        _ = screen.handle(.enter, page: 19)
        _ = screen.handle(.char("j"), page: 19)
        #expect(screen.waiting && screen.list.selected == 0)
        grid = screen.render(total: store.artisanCount, seconds: 3, lang: .en, user: "tester", dataPath: dir, width: 80, height: 24)
        #expect(grid.lines.joined(separator: "\n").contains("Reading 2,000 artisans (3 s)… The keys typed are kept and run when it is done."))
    }

    /// Two artisans archived (one in the snapshot, one in the journal since) and one renamed
    /// in the journal to come first: the keys typed on the loading screen, run again on the
    /// console once everything is read, land on the same search and the same artisan.
    @Test func keysTypedWhileLoadingLandOnTheSameRowOnTheConsole() throws {
        let dir = NSTemporaryDirectory() + "kriya-loading-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try Store(path: dir)
        try writer.replaceAll(with: DemoData.make(artisans: 3000, today: Self.today), reason: "test")
        let byName = SearchIndex(writer.data.artisans.items).search("")
        func archive(_ position: Int) throws {
            let a = writer.data.artisans.items[byName[position]]
            try writer.apply(.archiveArtisan(a.id, archived: true, baseRev: a.rev), context: Self.ctx)
        }
        try archive(1)
        try writer.compact()
        try archive(3)
        var renamed = writer.data.artisans.items[byName[2500]]
        renamed.name = "Aaaa Sri Baru"
        try writer.apply(.updateArtisan(renamed, baseRev: renamed.rev), context: Self.ctx)

        let typed = { (s: String) in s.map { Key.char($0) } }
        let scripts: [[Key]] = [
            [.down, .down, .down, .char("j")],
            [.pageDown, .pageDown, .down, .pageUp, .down],
            Array(repeating: .pageDown, count: 12) + [.up],   // past the rows first read
            [.char("/")] + typed("sri") + [.enter, .down, .down],
            [.char("/")] + typed("sri wa") + [.backspace, .backspace, .char("h"), .down, .down, .char("j")],
            [.char("/")] + typed("sri w") + [.backspace, .backspace, .char("h"), .down, .down],   // no match
            [.char("/")] + typed("batik") + [.escape, .down, .char("/")] + typed("kera") + [.tab, .pageDown, .down],
            [.char("/")] + typed("dinoyo") + [.enter, .down, .escape, .down, .char("g"), .down],
        ]
        for keys in scripts {
            let store = try Store(path: dir, lookup: .search)
            let lookup = try #require(store.lookupWhileLoading())
            var screen = LoadingScreen { lookup.first($0, limit: $1) }
            let page = BrowseScreen.listRows(Layout(width: 80, height: 24))
            for key in keys {
                screen.refresh()
                #expect(screen.handle(key, page: page) == .stay)
            }
            screen.refresh()
            try #require(!screen.waiting, "\(keys)")
            let shown = screen.rows.isEmpty ? nil : screen.rows[screen.list.selected].id
            try store.loadEverything()
            var console = ConsoleState(data: store.data, lang: .en, today: Self.today, dataPath: dir, user: "tester",
                                       index: store.takeSearchIndex())
            console.resize(width: 80, height: 24)
            for key in keys { _ = console.update(key) }
            let rows = console.browse.rows[.artisans] ?? []
            #expect(console.browse.selectedID(.artisans, console.shared) == shown, "\(keys)")
            #expect(console.browse.query[.artisans] ?? "" == screen.box.text)
            if screen.complete { #expect(rows.count == screen.rows.count, "\(keys)") }
            #expect(zip(rows, screen.rows).allSatisfy { store.data.artisans.items[$0].id == $1.id }, "\(keys): same order")
        }
    }

    /// The search taken for the loading screen keeps its snapshot open and answering after the
    /// full read let go of it (on another thread, while the screen may still be searching).
    @Test func theLoadingSearchOutlivesTheFullRead() throws {
        let (dir, _) = try prepared()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir, lookup: .search)
        let lookup = try #require(store.lookupWhileLoading())
        let before = try #require(lookup.first("sri", limit: 50))
        try store.loadEverything()
        #expect(!store.isDeferred)
        // Files opened after the full read must not take the snapshot's descriptor number.
        let after = try #require(lookup.first("sri", limit: 50), "the snapshot is still open")
        #expect(after.shown.map(\.id) == before.shown.map(\.id))
        let full = SearchIndex(store.data.artisans.items).search("sri").filter { !store.data.artisans.items[$0].archived }
        #expect(after.shown.map(\.id) == full.prefix(50).map { store.data.artisans.items[$0].id })
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
