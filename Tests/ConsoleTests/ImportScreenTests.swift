import Foundation
import Testing
@testable import Console
@testable import KriyaCore
@testable import KriyaStore
import TextUI

/// A terminal that types the given keys and remembers the last screen.
final class ScriptedDevice: TerminalDevice {
    var keys: [Key]
    var last = Grid(width: 80, height: 24)
    /// Every frame drawn, as text.
    var screens: [String] = []
    var size: (width: Int, height: Int) = (80, 24)
    /// How often the bell rang.
    var bells = 0
    func bell() { bells += 1 }
    init(_ keys: [Key]) { self.keys = keys }
    /// Runs before each key is read (a colleague saving meanwhile, say).
    var onRead: (() -> Void)?
    func readKey(timeoutMilliseconds: Int) -> Key? {
        onRead?()
        // Out of keys: leave whatever is open (a form asks before discarding), then quit.
        if keys.isEmpty { keys = [.escape, .char("y"), .escape, .escape, .char("q")] }
        return keys.removeFirst()
    }
    /// Runs on each frame drawn (to keep one for a snapshot).
    var onDraw: ((Grid) -> Void)?
    func draw(_ grid: Grid) { last = grid; screens.append(grid.lines.joined(separator: "\n")); onDraw?(grid) }
    func redrawAll() {}
    func suspend() {}
}

/// Importing a spreadsheet from the console: the file name, the preview, Enter saves.
@Suite struct ImportScreenTests {
    static let sheet = "Nama;No HP/WA;Kelurahan;Nama Usaha;Kategori\r\nSiti Rahayu;0812-0000-1234;Dinoyo;Keramik Sekar Dinoyo;Keramik\r\n" +
        "Budi;0341 551234;Dinoyoo;Ukir Budi;Kayu\r\n"

    func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

    @Test func previewThenSaveAsOneStep() throws {
        let dir = NSTemporaryDirectory() + "kriya-console-import-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + ".csv"); try? FileManager.default.removeItem(atPath: dir + "-bad.csv") }
        FileManager.default.createFile(atPath: dir + ".csv", contents: Data(Self.sheet.utf8))
        let store = try Store(path: dir)

        // Preview only: Esc leaves nothing saved.
        var device = ScriptedDevice([.char("I")] + typed(dir + ".csv") + [.enter])
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        device.keys.append(.escape)
        app.run()
        #expect(device.screens.contains { $0.contains("Would add 1") && $0.contains("Enter imports 1 row") })
        // While a sheet is read, the status line says so (a large one takes seconds).
        #expect(device.screens.contains { $0.contains("Reading and checking \(dir).csv") })
        #expect(try Store(path: dir).data.artisans.count == 0)

        // Preview, then Enter: the good row is saved, the bad one handed back in a file.
        device = ScriptedDevice([.char("I")] + typed(dir + ".csv") + [.enter])
        let second = ConsoleApp(store: store, device: device, lang: .en, today: today)
        var state = second.state
        _ = state.update(.char("I"))
        #expect(state.topKind == .importPath)
        for key in typed("x.csv") { _ = state.update(key) }
        #expect(state.update(.enter) == .previewImport("x.csv", .skip))
        device.keys += [.enter, .char("u")]
        second.run()
        // u offers to take the import back; any key but y leaves it.
        let name = dir.split(separator: "/").last!
        #expect(device.screens.contains { $0.contains("Take back the import of \(name).csv?") && $0.contains("removes the 1 artisan it added") })
        #expect(try Store(path: dir).data.artisans.items.map(\.name) == ["Siti Rahayu"])

        // And y takes it back, as one step.
        let third = ScriptedDevice([.char("I")] + typed(dir + ".csv") + [.enter, .enter, .char("u"), .char("y")])
        try? FileManager.default.removeItem(atPath: dir + "-bad.csv")
        let store3 = try Store(path: dir + "-3")
        defer { try? FileManager.default.removeItem(atPath: dir + "-3") }
        let app3 = ConsoleApp(store: store3, device: third, lang: .en, today: today)
        app3.run()
        #expect(third.screens.contains { $0.contains("taken back: 1 removed, 0 put b") })
        #expect(try Store(path: dir + "-3").data.artisans.count == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "-bad.csv"))
        #expect(device.screens.contains { $0.contains("Added 1") })
        #expect(device.screens.contains { $0.contains("Saving 1 row as one step") })
        #expect(second.state.pane == .artisans && second.state.rows[.artisans]?.count == 1)
    }

    @Test func thePreviewScreenAt80x24() throws {
        var state = makeState()
        _ = state.update(.char("I"))
        for key in typed("/srv/data/daftar-ikm.csv") { _ = state.update(key) }
        try assertSnapshot(state.render(width: 80, height: 24), "import-prompt-80x24")
        _ = state.update(.enter)
        _ = state.deliver(.importPreview(ImportPreview(file: "/srv/data/daftar-ikm.csv", lines: [
            "Read daftar-ikm.csv: UTF-8, separator \";\", 2 rows.", "",
            "Would add 1, update 0; 0 unchanged; 0 already there, skipped; 0 repeated in the file; 1 bad.",
            "  row 3, column \"No HP/WA\": is not an Indonesian mobile number (expected 08… or +628…)"], ready: 1, existing: 0, updates: false)))
        try assertSnapshot(state.render(width: 80, height: 24), "import-preview-80x24")
        #expect(state.update(.enter) == .confirmImport)
        _ = state.update(.escape)
        #expect(state.topKind == .list && state.screen(ImportPreviewScreen.self) == nil)
    }

    /// A sheet of artisans already stored: skipped at first; `u` reads it again to update them
    /// from it, and Enter saves those updates.
    @Test func uUpdatesArtisansAlreadyStored() throws {
        let dir = NSTemporaryDirectory() + "kriya-console-update-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + ".csv") }
        let store = try Store(path: dir)
        try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Siti Rahayu", phone: "0812-0000-1234",
                                            kelurahan: Wilayah.resolveKelurahan("Dinoyo")!.code, business: "Keramik Sekar", category: .keramikGerabah)))
        let sheet = "Nama;No HP/WA;Kelurahan;Nama Usaha;Kategori;Merek\r\nSiti Rahayu;0812-0000-1234;Dinoyo;Keramik Sekar;Keramik;Sekar\r\n"
        FileManager.default.createFile(atPath: dir + ".csv", contents: Data(sheet.utf8))

        let device = ScriptedDevice([.char("I")] + typed(dir + ".csv") + [.enter, .char("u"), .enter])
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        app.run()
        #expect(device.screens.contains { $0.contains("Nothing new to import · u: update the 1 already stored") })
        #expect(device.screens.contains { $0.contains("Would add 0, update 1") && $0.contains("Enter imports 1 row · u: skip those already stored") })
        let stored = try Store(path: dir).data.artisans.items
        #expect(stored.count == 1 && stored[0].brand == "Sekar" && stored[0].rev == 2)
    }

    /// A sheet whose 1,100 rows are all stored already: the preview lists the first thousand
    /// and says how many more there are and where to see them all.
    @Test func aLongPreviewSaysHowManyMore() throws {
        let dir = NSTemporaryDirectory() + "kriya-console-long-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: dir + ".csv") }
        let store = try Store(path: dir)
        let dinoyo = Wilayah.resolveKelurahan("Dinoyo")!.code
        let people = (1...1_100).map { n in
            Artisan(id: EntityID(.artisan, 1), name: "Perajin \(n)", phone: "0812\(10_000_000 + n)", kelurahan: dinoyo,
                    business: "Usaha \(n)", category: .batik)
        }
        try store.apply(batch: people.map { .addArtisan($0) }, as: "test", detail: "")
        let sheet = "Nama;No HP/WA;Kelurahan;Nama Usaha;Kategori\n" + people.map { "\($0.name);\($0.phone);Dinoyo;\($0.business);Batik\n" }.joined()
        FileManager.default.createFile(atPath: dir + ".csv", contents: Data(sheet.utf8))

        let device = ScriptedDevice([.char("I")] + typed(dir + ".csv") + [.enter] + Array(repeating: .pageDown, count: 80))
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        app.run()
        #expect(device.screens.contains { $0.contains("already there as A-001000") })
        #expect(!device.screens.contains { $0.contains("already there as A-001001") })
        #expect(device.screens.contains { $0.contains("… and 100 more lines") })
    }
}

/// Tab in the import's file prompt.
@Suite struct PathCompletionTests {
    let folder: [(name: String, folder: Bool)] = [("daftar-ikm-2025.csv", false), ("daftar-ikm-2026.csv", false),
                                                   ("Unduhan", true), (".cache", true), ("rekap.xlsx", false)]

    @Test func completesAsFarAsTheNamesAgree() {
        #expect(PathCompletion.complete("daf", entries: folder) ==
                .init(path: "daftar-ikm-202", candidates: ["daftar-ikm-2025.csv", "daftar-ikm-2026.csv"]))
        #expect(PathCompletion.complete("daftar-ikm-2026", entries: folder) == .init(path: "daftar-ikm-2026.csv", candidates: []))
        #expect(PathCompletion.complete("~/Und", entries: folder) == .init(path: "~/Unduhan/", candidates: []))
        #expect(PathCompletion.complete("x", entries: folder) == .init(path: "x", candidates: []))
        // Hidden names only when a dot is typed.
        #expect(PathCompletion.complete("", entries: folder).candidates == ["Unduhan/", "daftar-ikm-2025.csv", "daftar-ikm-2026.csv", "rekap.xlsx"])
        #expect(PathCompletion.complete(".c", entries: folder).path == ".cache/")
    }

    @Test func tabInThePromptCompletesFromTheFolder() throws {
        let dir = NSTemporaryDirectory() + "kriya-tab-\(UUID().uuidString.prefix(8))/"
        try FileManager.default.createDirectory(atPath: dir + "Unduhan", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "Unduhan/daftar-ikm.csv", contents: Data(ImportScreenTests.sheet.utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "data")
        let device = ScriptedDevice([.char("I")] + (dir + "Und").map { Key.char($0) } + [.tab, .char("d"), .tab, .enter])
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        app.run()
        #expect(device.screens.contains { $0.contains("Read \(dir)Unduhan/daftar-ikm.csv") })
    }
}
