import Foundation
import Testing
@testable import Console
@testable import KriyaCore
@testable import KriyaStore
import TextUI

/// `u`, `D` and the question before archiving or deleting, through a real store.
@Suite struct UndoScreenTests {
    func store() throws -> (Store, String) {
        let dir = NSTemporaryDirectory() + "kriya-undo-\(UUID().uuidString.prefix(8))"
        let store = try Store(path: dir)
        try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Siti Rahayu", phone: "0812-0000-1234",
                                            kelurahan: "35.73.05.1004", business: "Keramik Sekar Dinoyo", category: .keramikGerabah)))
        try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Budi Santoso", phone: "0813-0000-5678",
                                            kelurahan: Wilayah.kelurahan[0].code, business: "Topeng Budi", category: .kayuUkirTopeng)))
        var s = BimtekSession(id: EntityID(.session, 1), title: "Bimtek Glasir", organiser: "Dekranasda", venue: "Aula",
                              start: today.adding(days: 7), end: today.adding(days: 8))
        s.capacity = 20
        try store.apply(.addSession(s))
        try store.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 2), role: .peserta))
        return (store, dir)
    }

    @Test func anEditIsUndoneAndNothingElseIs() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Edit Budi's business (the first row, by name), save, undo; a second u has nothing left.
        let device = ScriptedDevice([.char("e")] + Array(repeating: Key.tab, count: 4) + [.ctrl("u")] + "Topeng Baru".map { .char($0) }
                                    + [.f(2), .char("u"), .char("u"), .char("h"), .escape, .char("q")])
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        app.run()
        #expect(device.screens.contains { $0.contains("Topeng Baru") })
        #expect(device.screens.contains { $0.contains("Undone: Artisan changed: Budi Santoso") }, "who, by name")
        #expect(device.screens.contains { $0.contains("Nothing of yours to undo") })
        // h: the audit trail of the record, newest first: the undo, then the edit.
        let history = try #require(device.screens.first { $0.contains("History of A-000002 Budi Santoso") })
        let undo = try #require(history.range(of: "Artisan changed")), edit = try #require(history.range(of: "Topeng Budi → Topeng Baru"))
        #expect(history.contains("Undone: Artisan changed") && history.contains("Topeng Baru → Topeng Budi") && undo.lowerBound < edit.lowerBound)
        let now = try Store(path: dir)
        #expect(now.data.artisans[EntityID(.artisan, 2)]?.business == "Topeng Budi" && now.data.artisans[EntityID(.artisan, 2)]?.rev == 3)
        #expect(String(decoding: FileManager.default.contents(atPath: dir + "/audit.jsonl") ?? Data(), as: UTF8.self).contains(#""cmd":"undo""#))
    }

    @Test func anArtisanWithHistoryIsArchivedOneWithoutIsDeletedAndUndoBringsThemBack() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Budi (first by name) attended a session: D offers to archive. Siti has no history: D deletes.
        let device = ScriptedDevice([.char("D")])
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        device.onRead = { if device.keys.isEmpty && device.screens.count == 2 { device.keys = [.char("y"), .char("D"), .char("y")] } }
        var shots: [Grid] = []
        device.onDraw = { _ in
            guard shots.isEmpty, app.state.topKind == .confirm else { return }
            shots.append(snapshotScreen(app.state))
        }
        app.run()
        try assertSnapshot(#require(shots.first), "confirm-archive-80x24")
        #expect(device.screens.contains { $0.contains("Archived A-000002: Budi Santoso") })
        #expect(device.screens.contains { $0.contains("Delete Siti Rahayu?") && $0.contains("Nothing refers to") })
        var now = try Store(path: dir)
        #expect(now.data.artisans[EntityID(.artisan, 2)]?.archived == true && now.data.artisans[EntityID(.artisan, 1)] == nil)
        #expect(now.data.sessions.items[0].participant(EntityID(.artisan, 2)) != nil)
        // Two undos: Siti comes back, then Budi leaves the archive.
        let again = ScriptedDevice([.char("u"), .char("u"), .char("q")])
        let second = ConsoleApp(store: store, device: again, lang: .en, today: today)
        second.state.undoStack = app.state.undoStack
        second.run()
        now = try Store(path: dir)
        #expect(now.data.artisans[EntityID(.artisan, 1)]?.name == "Siti Rahayu" && now.data.artisans[EntityID(.artisan, 2)]?.archived == false)
        #expect(again.screens.last?.contains("Budi Santoso") == true && again.screens.last?.contains("Siti Rahayu") == true)
    }
}
