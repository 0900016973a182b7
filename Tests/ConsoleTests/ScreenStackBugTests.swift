import Foundation
import Testing
@testable import Console
@testable import KriyaCore
import KriyaStore
import TextUI

/// The bugs the console's old shape produced (issue 13), each through the real loop and a
/// scripted terminal, as a user meets them: what the screen shows and what the store keeps.
@Suite struct ScreenStackBugTests {
    /// Five artisans, all enrolled in a two-day Bimtek that runs today and tomorrow.
    func store() throws -> (Store, String) {
        let dir = NSTemporaryDirectory() + "kriya-stack-\(UUID().uuidString.prefix(8))"
        let store = try Store(path: dir, user: "ratna")
        for (i, name) in ["Ani Wijaya", "Budi Santoso", "Citra Lestari", "Dewi Anggraini", "Eko Prasetyo"].enumerated() {
            try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: name, phone: "0812-0000-200\(i)",
                                                kelurahan: Wilayah.kelurahan[i].code, business: "Usaha \(name)", category: .batik)))
        }
        // The console reads the real clock at every key: "today" is the machine's, so is the door's day.
        let now = SystemInfo.now().today
        try store.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Pewarna Alam", organiser: "Dekranasda",
                                                  venue: "Aula", start: now, end: now.adding(days: 1))))
        for n in 1...5 { try store.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, n), role: .peserta)) }
        return (store, dir)
    }

    func run(_ keys: [Key], on store: Store, size: (Int, Int) = (80, 24)) -> ScriptedDevice {
        let device = ScriptedDevice(keys)
        device.size = size
        ConsoleApp(store: store, device: device, lang: .en, today: today).run()
        return device
    }

    @Test func undoAfterAConsoleImportAsksInADialogThatIsDrawnAndWaitsForAnAnswer() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sheet = dir + "-sheet.csv"
        try "Nama;No HP/WA;Kelurahan;Nama Usaha;Kategori\r\nSiti Rahayu;0812-0000-1234;Dinoyo;Keramik Sekar;Keramik\r\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: sheet) }
        // Import, then u: the question must be on screen; a key that is not an answer leaves it
        // there (the old console took that key as "no" without ever showing the question).
        let device = run([.char("I")] + sheet.map { .char($0) } + [.enter, .enter, .char("u"), .char("j"), .char("y")], on: store)
        let asked = device.screens.filter { $0.contains("Take back the import of") }
        #expect(asked.count >= 2, "the dialog is drawn, and still there after a key that does not answer it")
        #expect(try Store(path: dir).data.artisans.items.allSatisfy { $0.name != "Siti Rahayu" }, "y took the import back")
    }

    @Test func f1OpensHelpInAFormAndAtTheDoor() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let form = run([.char("a"), .f(1)], on: store)
        #expect(form.screens.last { $0.contains("Keys in force") }?.contains("Check every field and save") == true)
        let door = run([.char("2"), .char("c"), .f(1)], on: store)
        let help = try #require(door.screens.last { $0.contains("Keys in force") })
        // Every key of the door is in its help, F8 and the days too.
        for key in ["F3", "F4", "F5", "F6", "F7", "F8", "← →", "Esc"] { #expect(help.contains(key), "\(key) missing from the door's help") }
    }

    @Test func theDoorsKeyBarShowsTheDaysAndCertificatesWhereThereIsRoom() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wide = run([.char("2"), .char("c")], on: store, size: (160, 40))
        let bar = try #require(wide.screens.last { $0.contains("Check-in ·") }?.split(separator: "\n").last)
        #expect(bar.contains("F8 ") && bar.contains("←→ ") && bar.contains("F7 "), "\(bar)")
        // At 80 columns the bar keeps whole labels and the keys of a busy morning.
        let narrow = run([.char("2"), .char("c")], on: store)
        let short = try #require(narrow.screens.last { $0.contains("Check-in ·") }?.split(separator: "\n").last)
        #expect(short.contains("F7 Walk-in") && short.hasSuffix("Esc Back") == false || short.contains("Esc Back"))
        #expect(!short.contains("Wal ") && !short.hasSuffix("Ba"))
    }

    @Test func aKeyListedButUselessHereSaysSoInsteadOfDoingNothing() throws {
        var state = makeState()
        _ = state.update(.char("p"))                      // participants, on the artisans pane
        #expect(state.topKind == .list && state.message?.contains("does nothing here now") == true)
        _ = state.update(.char("2"))
        _ = state.update(.char("d"))                      // remove, on a session
        #expect(state.topKind == .list && state.message?.contains("does nothing here now") == true)
        // In the help they are greyed, not offered.
        _ = state.update(.f(1))
        let help = state.render(width: 80, height: 24)
        let row = try #require(help.lines.firstIndex { $0.hasPrefix("  d D Del") })
        #expect(help.roleLines[row].hasPrefix("mmmm"))
    }

    @Test func gAndGMoveTheSelectionInTheParticipantsSoMinusWithdrawsTheOneShown() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // G: the last row (Eko); - withdraws Eko, nobody else.
        _ = run([.char("2"), .char("p"), .char("G"), .char("-"), .char("y")], on: store)
        let s = try #require(try Store(path: dir).data.sessions.items.first)
        #expect(s.participant(EntityID(.artisan, 5))?.enrolment == .cancelled)
        #expect(s.participants.filter { $0.enrolment == .cancelled }.count == 1)
        // g back to the first (Ani).
        _ = run([.char("2"), .char("p"), .char("G"), .char("g"), .char("-"), .char("y")], on: store)
        #expect(try Store(path: dir).data.sessions.items.first?.participant(EntityID(.artisan, 1))?.enrolment == .cancelled)
    }

    @Test func pagingMovesByTheRowsShownEverywhere() throws {
        // The door: 13 rows of people under the counters at 80x24; a page is 13, not 18.
        var state = makeState()
        _ = state.update(.char("2"))
        let session = try #require(state.data.sessions.items.first { $0.participants.count > 30 })
        let at = try #require(state.rows[.sessions]?.firstIndex { state.data.sessions.items[$0].id == session.id })
        state.selected[.sessions] = at
        _ = state.update(.char("c"))
        let shown = state.render(width: 80, height: 24).lines.dropFirst(9).prefix(13)
        _ = state.update(.pageDown)
        let door = try #require(state.checkIn)
        #expect(door.selected == 13)
        let names = door.rows.prefix(14).compactMap { state.data.artisans[$0]?.name }
        #expect(shown.last?.contains(names[12]) == true && state.render(width: 80, height: 24).lines[21].contains(names[13]))
    }

    @Test func scrollingADetailNeverRunsPastItsEndSoUpMovesAtOnce() throws {
        var state = makeState()
        _ = state.update(.enter)
        let top = state.render(width: 80, height: 24).lines[2]
        for _ in 0..<200 { _ = state.update(.down) }
        let bottom = state.render(width: 80, height: 24).lines
        _ = state.update(.up)
        let oneUp = state.render(width: 80, height: 24).lines
        #expect(oneUp != bottom, "↑ after scrolling past the end moves at once")
        for _ in 0..<200 { _ = state.update(.up) }
        #expect(state.render(width: 80, height: 24).lines[2] == top)
    }

    @Test func historyIsLaidOutAtTheWidthItIsDrawnAt() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var a = try #require(store.data.artisans.items.first)
        a.notes = String(repeating: "catatan panjang ", count: 12)
        try store.apply(.updateArtisan(a, baseRev: a.rev))
        let app = ConsoleApp(store: store, device: ScriptedDevice([]), lang: .en, today: today)
        app.state.resize(width: 80, height: 24)
        var effect = app.state.update(.char("h"))
        while let next = effect { effect = app.run(next) }
        #expect(app.state.topKind == .history)
        let narrow = app.state.render(width: 80, height: 24).lines, wide = app.state.render(width: 160, height: 24).lines
        // The note's change is cut at the width of the screen it is drawn on, not the one it was opened on.
        #expect(narrow.contains { $0.contains("catatan panjang") })
        #expect(wide.contains { $0.trimmingCharacters(in: .whitespaces).count > 80 })
    }

    @Test func aDraftOfARecordNoLongerListedOpensThatRecordsForm() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Budi is archived (off the list); his draft is left from a console that died.
        let budi = EntityID(.artisan, 2)
        try store.apply(.archiveArtisan(budi, archived: true, baseRev: store.data.artisans[budi]!.rev))
        let rev = store.data.artisans[budi]!.rev
        var values = ArtisanForm.values(of: store.data.artisans[budi]!, .en)
        values["notes"] = "Pindah ke Batu"
        FormDraft(values: values, editing: budi.description, rev: rev, focus: 0, saved: "29/11 10:00").write(data: dir, user: "ratna")
        let device = run([.f(2)], on: store)
        #expect(device.screens.first?.contains("Edit \(budi)") == true, "the form is Budi's, not the selected row's")
        let after = try Store(path: dir).data
        #expect(after.artisans[budi]?.notes == "Pindah ke Batu" && after.artisans[EntityID(.artisan, 1)]?.notes == nil)
    }
}

/// A name that looks like a placeholder is shown as typed in every message about it.
@Suite struct MessageTextTests {
    @Test func aNameHoldingBracesIsShownAsTyped() throws {
        var state = makeState()
        let id = try #require(state.selectedID(.artisans))
        var a = try #require(state.data.artisans[id])
        a.name = "Budi {1} {0}"
        a.rev += 1
        var data = state.data
        data.artisans.merge(a)
        state.replaceData(data)
        _ = state.update(.char("d"))
        let dialog = state.render(width: 80, height: 24).lines.joined(separator: "\n")
        #expect(dialog.contains("Budi {1} {0}"))
        #expect(!dialog.contains("Budi \(id)"))
    }
}
