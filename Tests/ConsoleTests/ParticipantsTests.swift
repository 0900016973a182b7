import Foundation
import Testing
@testable import Console
@testable import KriyaCore
@testable import KriyaStore
import TextUI

/// The participants of a session and the delegation of an exhibition, worked on with the keys.
@Suite struct ParticipantsTests {
    func store() throws -> (Store, String) {
        let dir = NSTemporaryDirectory() + "kriya-people-\(UUID().uuidString.prefix(8))"
        let store = try Store(path: dir)
        let people = [("Siti Rahayu", "Keramik Sekar Dinoyo", CraftCategory.keramikGerabah), ("Budi Santoso", "Topeng Budi", .kayuUkirTopeng),
                      ("Ani Wijaya", "Batik Ani", .batik)]
        for (i, p) in people.enumerated() {
            try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: p.0, phone: "0812-0000-100\(i)",
                                                kelurahan: Wilayah.kelurahan[i].code, business: p.1, category: p.2)))
        }
        var s = BimtekSession(id: EntityID(.session, 1), title: "Bimtek Glasir", organiser: "Dekranasda", venue: "Aula",
                              start: today.adding(days: 7), end: today.adding(days: 8))
        s.capacity = 1
        try store.apply(.addSession(s))
        try store.apply(.addExhibition(Exhibition(id: EntityID(.exhibition, 1), name: "Inacraft 2027", level: .nasional,
                                                  start: today.adding(days: -3), end: today.adding(days: 1))))
        for n in 1...3 { try store.apply(.propose(exhibition: EntityID(.exhibition, 1), artisan: EntityID(.artisan, n))) }
        // The fair asks for halal; Ani has it, valid through the fair.
        var ani = try #require(store.data.artisans[EntityID(.artisan, 3)])
        ani.certifications = [Certification(kind: .halal, number: "ID35", validUntil: today.adding(days: 400))]
        try store.apply(.updateArtisan(ani, baseRev: ani.rev))
        var fair = try #require(store.data.exhibitions.items.first)
        fair.requiredCertifications = [.halal]
        try store.apply(.updateExhibition(fair, baseRev: fair.rev))
        return (store, dir)
    }

    @Test func aDelegationIsAcceptedRejectedGivenBoothsAndSales() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Rows by name: Ani, Budi, Siti; the selection stays on whoever was just changed.
        // Accept Ani, give her A1; reject Budi (he moves to the end: the selection follows him);
        // up to Siti, accept her and try A1 for her too (refused), then A2; she sold Rp 3.250.000
        // in 12 transactions.
        func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }
        var keys: [Key] = [.char("3"), .char("p"), .char("a"), .char("b")]
        keys += typed("A1") + [.enter, .char("j"), .char("r"), .enter, .char("k"), .char("a"), .char("b")]   // no reason given
        keys += typed("a1") + [.enter, .char("b")]
        keys += typed("A2") + [.enter, .char("$")]
        keys += typed("3.250.000") + [.tab] + typed("12") + [.f(2)]
        let device = ScriptedDevice(keys)
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        var shot: Grid?
        device.onRead = {
            guard device.keys.isEmpty, shot == nil else { return }
            shot = snapshotScreen(app.state)
        }
        app.run()
        try assertSnapshot(#require(shot), "delegation-80x24")
        let salesForm = try #require(device.screens.first { $0.contains("Sales of Siti Rahayu at Inacraft 2027") })
        #expect(salesForm.contains("Transactions") && salesForm.contains("Buyer leads"))
        // "a1" is the booth A-01 too: refused, saying whose it is.
        let refused = device.screens.contains { $0.contains("booth A-01 is already Ani Wijaya's (A-000003)") }
        // Siti and Budi lack the halal certificate the fair requires; Ani has it.
        #expect(device.screens.contains { $0.contains("Requires halal · ⚠ Siti Rahayu lacks halal") })
        let e0 = try #require(try Store(path: dir).data.exhibitions.items.first)
        #expect(try Store(path: dir).data.artisans[EntityID(.artisan, 3)].map(e0.missingCertifications) == [])
        #expect(refused, "\(device.screens.last ?? "")")
        let e = try #require(try Store(path: dir).data.exhibitions.items.first)
        let by = { (n: Int) in e.participant(EntityID(.artisan, n))! }
        #expect(by(3).curation == .accepted && by(3).booth == "A-01")
        #expect(by(2).curation == .rejected && by(1).curation == .accepted && by(1).booth == "A-02")
        #expect(by(1).sales == 3_250_000 && by(1).transactions == 12 && by(1).leads == nil)
    }

    @Test func enrollingFromTheSessionFillsItThenTheWaitlistMovesUp() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Capacity 1: Siti gets the seat, Budi waits; withdrawing Siti gives Budi the seat; u undoes that.
        func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }
        var keys: [Key] = [.char("2"), .char("p"), .char("+")]
        keys += typed("siti") + [.enter, .char("+")] + typed("budi") + [.enter]
        let device = ScriptedDevice(keys)
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        var shot: Grid?
        device.onRead = {
            guard device.keys.isEmpty, shot == nil else { return }
            shot = app.state.render(width: 80, height: 24)
            // Siti is on the first row (enrolled before the waitlist): withdraw her, then undo.
            device.keys = [.home, .char("-"), .char("y")]   // withdrawing asks first
        }
        app.run()
        let text = try #require(shot).lines.joined(separator: "\n")
        #expect(text.contains("Bimtek Glasir · 1 participant registered, capacity 1 · 1 on the waitlist"), "\(text)")
        var s = try #require(try Store(path: dir).data.sessions.items.first)
        #expect(s.participant(EntityID(.artisan, 2))?.enrolment == .registered && s.participant(EntityID(.artisan, 1))?.enrolment == .cancelled)
        let again = ScriptedDevice([.char("u")])
        let second = ConsoleApp(store: store, device: again, lang: .en, today: today)
        second.state.undoStack = app.state.undoStack
        second.run()
        s = try #require(try Store(path: dir).data.sessions.items.first)
        #expect(s.participant(EntityID(.artisan, 1))?.enrolment == .registered && s.participant(EntityID(.artisan, 2))?.enrolment == .waitlist)
    }
}

/// After the fair: the sales grid, typed like a spreadsheet, a row saved as it is left.
@Suite struct SalesGridTests {
    @Test func salesAreTypedRowByRow() throws {
        let (store, dir) = try ParticipantsTests().store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }
        // Accept Ani and Budi (the first two rows), open the grid: Ani sold 1,5 jt in 7, 2 leads; Budi 800.000 in 3.
        var keys: [Key] = [.char("3"), .char("p"), .char("a"), .char("j"), .char("a"), .char("t")]
        keys += typed("1,5 jt") + [.tab] + typed("7") + [.tab] + typed("2") + [.tab]
        keys += typed("800000") + [.tab] + typed("3")
        let device = ScriptedDevice(keys)
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        var shot: Grid?
        device.onRead = {
            guard device.keys.isEmpty, shot == nil else { return }
            shot = snapshotScreen(app.state)
            device.keys = [.escape]
        }
        app.run()
        try assertSnapshot(#require(shot), "sales-grid-80x24")
        let e = try #require(try Store(path: dir).data.exhibitions.items.first)
        let ani = try #require(e.participant(EntityID(.artisan, 3))), budi = try #require(e.participant(EntityID(.artisan, 2)))
        #expect(ani.sales == 1_500_000 && ani.transactions == 7 && ani.leads == 2)
        #expect(budi.sales == 800_000 && budi.transactions == 3 && budi.leads == nil)
    }

    /// Issue 32, finding 3: the grid pages like every list (it had no PgUp/PgDn), by the rows it shows.
    @Test func theGridPagesByTheRowsItShows() throws {
        var state = makeState()
        _ = state.update(.char("3"))
        let fair = try #require(state.rows[.exhibitions]?.max { a, b in
            state.data.exhibitions.items[a].participants.filter { $0.curation == .accepted }.count
                < state.data.exhibitions.items[b].participants.filter { $0.curation == .accepted }.count })
        state.selected[.exhibitions] = fair
        _ = state.update(.char("p")); _ = state.update(.char("t"))
        let grid = try #require(state.top as? SalesGridScreen)
        let page = grid.visible(state.shared.layout)
        #expect(grid.people.count > 1)
        _ = state.update(.pageDown)
        #expect((state.top as? SalesGridScreen)?.row == min(grid.people.count - 1, page))
        _ = state.update(.pageUp)
        #expect((state.top as? SalesGridScreen)?.row == 0)
    }

    @Test func aRowWithAnAmountThatDoesNotReadIsNotSavedAndSaysSo() throws {
        let (store, dir) = try ParticipantsTests().store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keys: [Key] = [.char("3"), .char("p"), .char("a"), .char("t")] + "tujuh".map { .char($0) } + [.enter]
        let device = ScriptedDevice(keys)
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        app.run()
        #expect(device.screens.contains { $0.contains("Not saved for Ani Wijaya") && $0.contains("\"tujuh\" is not an amount") })
        #expect(try Store(path: dir).data.exhibitions.items.first?.participant(EntityID(.artisan, 3))?.sales == nil)
    }
}
