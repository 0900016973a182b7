import Foundation
import Testing
@testable import Console
@testable import KriyaCore
import KriyaStore
import TextUI

/// Issue 30, finding 2: a screen open while another desk saves acts on the person it shows, or
/// says the record is gone and refuses; never on whoever moved into the row it remembered.
@Suite struct StalePositionTests {
    let now = SystemInfo.now().today

    /// A session today with Ani enrolled; three Fajars in Kriya who are not.
    func store() throws -> (Store, String) {
        let dir = NSTemporaryDirectory() + "kriya-stale-\(UUID().uuidString.prefix(8))"
        let store = try Store(path: dir, user: "ratna")
        for (i, name) in ["Ani Wijaya", "Fajar Hidayat", "Fajar Nugroho", "Fajar Sidik"].enumerated() {
            try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: name, phone: "0812-0000-500\(i)",
                                                kelurahan: Wilayah.kelurahan[i].code, business: "Usaha \(name)", category: .batik)))
        }
        try store.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Pewarna Alam", organiser: "Dekranasda",
                                                  venue: "Aula", start: now, end: now)))
        try store.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta))
        return (store, dir)
    }

    /// Runs `keys` on the console; at the `.resize` in them another desk runs `colleague`, and
    /// the console looks for news before the next key (as it does twice a second).
    func run(_ keys: [Key], on store: Store, colleague: @escaping () throws -> Void) -> ScriptedDevice {
        let device = ScriptedDevice(keys)
        var done = false
        device.onRead = {
            guard !done, device.keys.first == .resize else { return }
            done = true
            do { try colleague() } catch { Issue.record("the other desk: \(error)") }
        }
        let app = ConsoleApp(store: store, device: device, lang: .en, today: now)
        app.lookEveryNanoseconds = 0   // looks for news after every key, as it would within half a second
        app.run()
        return device
    }

    func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }
    func enrolled(_ dir: String) throws -> Set<EntityID> {
        Set(try #require(try Store(path: dir).data.sessions.items.first).participants.map(\.artisan))
    }

    @Test func thePickerRefusesSomeoneDeletedMeanwhile() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let other = try Store(path: dir, user: "budi.s")
        // The enrol picker on "fajar n": Fajar Nugroho alone, highlighted; then he is deleted.
        let keys: [Key] = [.char("2"), .char("p"), .char("+")] + typed("fajar n") + [.resize, .enter, .escape, .escape, .char("q")]
        let device = run(keys, on: store) {
            let fajar = try #require(other.data.artisans[EntityID(.artisan, 3)])
            try other.apply(.delete(fajar.id, baseRev: fajar.rev))
        }
        #expect(device.screens.contains { $0.contains("A-000003 is no longer there") }, "\(device.screens.last ?? "")")
        #expect(try enrolled(dir) == [EntityID(.artisan, 1)])
    }

    @Test func thePickerKeepsItsPersonWhenAMergeMovesTheRows() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let other = try Store(path: dir, user: "budi.s")
        // "fajar": three rows; ↓ to the second; the first is merged away at another desk, so
        // the second row now holds someone else. Enter enrols the one highlighted: the same person.
        var probe = ConsoleState(data: store.data, lang: .en, today: now, dataPath: dir, user: "ratna")
        for k: Key in [.char("2"), .char("p"), .char("+")] + typed("fajar") + [.down] { _ = probe.update(k) }
        let picker = try #require(probe.screen(PickerScreen.self))
        let (first, second) = (picker.results[0], picker.results[1])
        let keys: [Key] = [.char("2"), .char("p"), .char("+")] + typed("fajar") + [.down, .resize, .enter, .escape, .char("q")]
        _ = run(keys, on: store) {
            let keep = try #require(other.data.artisans[EntityID(.artisan, 1)]), gone = try #require(other.data.artisans[first])
            try other.apply(.mergeArtisans(keep: keep.id, other: gone.id, keepRev: keep.rev, otherRev: gone.rev))
        }
        #expect(try enrolled(dir) == [EntityID(.artisan, 1), second])
    }

    @Test func aMenuOfRecordsHoldsWhatItOffered() throws {
        // The enrol menu on an artisan's record names the sessions it offered; a session added
        // at another desk before the choice does not shift which one is taken.
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var probe = ConsoleState(data: store.data, lang: .en, today: now, dataPath: dir, user: "ratna")
        _ = probe.update(.char("1"))
        for k in typed("/fajar n") + [Key.enter, .char("+")] { _ = probe.update(k) }
        guard case .menu(.enrolIn(let who, let offered)) = probe.topKind else { Issue.record("\(probe.topKind)"); return }
        #expect(who == EntityID(.artisan, 3) && offered == [EntityID(.session, 1)])
    }

    @Test func theDoorRefusesSomeoneDeletedMeanwhile() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let other = try Store(path: dir, user: "budi.s")
        // At the door, "fajar n" finds Fajar Nugroho (not enrolled, from the registry); he is
        // deleted at another desk; Enter says so instead of offering whoever is now first.
        let keys: [Key] = [.char("2"), .char("c")] + typed("fajar n") + [.resize, .enter, .char("y"), .escape, .escape, .char("q")]
        let device = run(keys, on: store) {
            let fajar = try #require(other.data.artisans[EntityID(.artisan, 3)])
            try other.apply(.delete(fajar.id, baseRev: fajar.rev))
        }
        #expect(device.screens.contains { $0.contains("A-000003 is no longer there") }, "\(device.screens.suffix(2))")
        #expect(try enrolled(dir) == [EntityID(.artisan, 1)])
    }

    @Test func theListKeepsItsRecordWhenAnImportIsTakenBack() throws {
        // An import taken back at another desk removes rows above the one selected: the list
        // stays on the same artisan (BrowseScreen.reload keeps the selected ids).
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var state = ConsoleState(data: store.data, lang: .en, today: now, dataPath: dir, user: "ratna")
        for k in typed("/fajar s") + [Key.enter] { _ = state.update(k) }
        let chosen = try #require(state.selectedID(.artisans))
        var data = store.data
        data.artisans = RecordTable(data.artisans.items.filter { $0.id != EntityID(.artisan, 2) })
        state.replaceData(data)
        #expect(state.selectedID(.artisans) == chosen)
    }
}
