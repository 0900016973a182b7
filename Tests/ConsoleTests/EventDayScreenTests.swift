import Foundation
import Testing
@testable import Console
@testable import KriyaCore
import KriyaStore
import TextUI

/// Issue 14 at the door and in the participants list, through the real loop on a real store.
@Suite struct EventDayScreenTests {
    let now = SystemInfo.now().today

    /// Ani, Budi, Citra, Dewi registered for a two-day session from today (capacity 4), Eko on
    /// its waitlist; Fajar in Kriya but not enrolled.
    func store(startingIn days: Int = 0) throws -> (Store, String) {
        let dir = NSTemporaryDirectory() + "kriya-eventday-\(UUID().uuidString.prefix(8))"
        let store = try Store(path: dir, user: "ratna")
        for (i, name) in ["Ani Wijaya", "Budi Santoso", "Citra Lestari", "Dewi Anggraini", "Eko Prasetyo", "Fajar Nugroho"].enumerated() {
            try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: name, phone: "0812-0000-300\(i)",
                                                kelurahan: Wilayah.kelurahan[i].code, business: "Usaha \(name)", category: .batik)))
        }
        var s = BimtekSession(id: EntityID(.session, 1), title: "Bimtek Pewarna Alam", organiser: "Dekranasda", venue: "Aula",
                              start: now.adding(days: days), end: now.adding(days: days + 1))
        s.capacity = 4
        try store.apply(.addSession(s))
        for n in 1...5 { try store.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, n), role: .peserta)) }
        return (store, dir)
    }

    func run(_ keys: [Key], on store: Store) -> ScriptedDevice {
        let device = ScriptedDevice(keys)
        ConsoleApp(store: store, device: device, lang: .en, today: now).run()
        return device
    }

    func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

    @Test func theWaitlistIsNamedAtTheDoorAndMovingUpIsAsked() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = run([.char("2"), .char("c")] + typed("eko") + [.enter, .char("y")], on: store)
        #expect(device.screens.contains { $0.contains("Eko Prasetyo") && $0.contains("waitlist") })
        #expect(device.screens.contains { $0.contains("is on the waitlist (4 participants") })
        let eko = try #require(try Store(path: dir).data.sessions.items.first?.participant(EntityID(.artisan, 5)))
        #expect(eko.enrolment == .registered && eko.mark(on: now)?.mark.countsAsPresent == true)
    }

    @Test func anAmbiguousEnterShowsTheChoiceAndF3NeedsAChosenEnrolledPerson() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A second Ani, enrolled too (the session takes more people now).
        var s = try #require(store.data.sessions.items.first)
        s.capacity = nil
        try store.apply(.updateSession(s, baseRev: s.rev))
        try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Ani Rahma", phone: "0812-0000-3999",
                                            kelurahan: Wilayah.kelurahan[9].code, business: "Ani Snack", category: .makananOlahan)))
        try store.apply(.enrol(session: s.id, artisan: EntityID(.artisan, 7), role: .peserta))
        // "ani" fits both Anis as well: the first Enter shows them and checks nobody in.
        var keys: [Key] = [.char("2"), .char("c")] + typed("ani") + [.enter]
        keys += [.escape, .f(3)] + typed("fajar") + [.f(3)]
        let device = run(keys, on: store)
        #expect(device.screens.contains { $0.contains("2 people match \"ani\"") })
        #expect(device.screens.contains { $0.contains("Type a few letters of the name first") })
        #expect(device.screens.contains { $0.contains("Fajar Nugroho is not enrolled: Enter enrols and checks them in.") })
        #expect(try Store(path: dir).data.sessions.items.first?.participants.allSatisfy { $0.attendance.isEmpty } == true)
        // Enter again (the choice seen) takes the highlighted one; more letters settle it too.
        _ = run([.char("2"), .char("c")] + typed("ani") + [.enter, .enter] + typed("ani w") + [.enter], on: store)
        let marked = try #require(try Store(path: dir).data.sessions.items.first).participants.filter { $0.mark(on: now) != nil }.map(\.artisan)
        #expect(Set(marked) == [EntityID(.artisan, 7), EntityID(.artisan, 1)])
    }

    @Test func aDayThatHasNotBegunTakesNoMark() throws {
        let (store, dir) = try store(startingIn: 1)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = run([.char("2"), .char("c")] + typed("ani") + [.enter], on: store)
        #expect(device.screens.contains { $0.contains("this day has not begun") })
        #expect(device.screens.contains { $0.contains("has not begun yet") })
        #expect(try Store(path: dir).data.sessions.items.first?.participants.allSatisfy { $0.attendance.isEmpty } == true)
    }

    @Test func aWalkInWhoIsAlreadyRegisteredIsOfferedNotDuplicated() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Fajar says he is new; his phone, typed another way, says otherwise.
        var keys: [Key] = [.char("2"), .char("c"), .f(7)] + typed("Fajar N") + [.tab] + typed("+62 812 0000 3005") + [.tab, .tab]
        keys += typed("din") + [.tab] + typed("Usaha Baru") + [.tab] + typed("batik") + [.f(2), .char("y")]
        // The session is full (4 of 4): letting him in past its capacity is asked, never assumed.
        keys += [.char("y")]
        let device = run(keys, on: store)
        #expect(device.screens.contains { $0.contains("Already registered") && $0.contains("Fajar Nugroho (A-000006)") })
        #expect(device.screens.contains { $0.contains("session is full") && $0.contains("capacity 4") && $0.contains("past the capacity") },
                "\(device.screens.filter { $0.contains("Fajar") }.suffix(3).joined(separator: "\n----\n"))")
        let after = try Store(path: dir).data
        #expect(after.artisans.count == 6)
        let fajar = try #require(after.sessions.items.first?.participant(EntityID(.artisan, 6)))
        #expect(fajar.enrolment == .registered && fajar.mark(on: now)?.mark.countsAsPresent == true)
    }

    /// Issue 30, finding 4: a walk-in with a registered person's name and kelurahan (or
    /// business) but a new phone is offered that person first; y checks them in, no second record.
    @Test func aWalkInWithTheSameNameAndPlaceIsOfferedThatPerson() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Fajar Nugroho of Pandanwangi (not enrolled) comes with a new phone.
        let fajar = try #require(store.data.artisans[EntityID(.artisan, 6)])
        let place = try #require(Wilayah.kelurahan(code: fajar.kelurahan)?.name)
        var keys: [Key] = [.char("2"), .char("c"), .f(7)] + typed("Fajar Nugroho") + [.tab] + typed("0857-1111-2222") + [.tab, .tab]
        keys += typed(place) + [.tab] + typed("Usaha Lain") + [.tab] + typed("batik") + [.f(2), .char("y"), .char("y")]
        let device = run(keys, on: store)
        #expect(device.screens.contains { $0.contains("Already registered?") && $0.contains("A-000006") && $0.contains("name and kelurahan") },
                "\(device.screens.filter { $0.contains("Fajar") }.suffix(2).joined(separator: "\n"))")
        let after = try Store(path: dir).data
        #expect(after.artisans.count == 6)
        #expect(after.sessions.items.first?.participant(EntityID(.artisan, 6))?.mark(on: now)?.mark.countsAsPresent == true)
    }

    @Test func theArtisanFormOffersTheExistingRecordOrRegistersAnywayOnPurpose() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var keys: [Key] = [.char("a")] + typed("Sari Wijaya") + [.tab] + typed("0812 0000 3000") + [.tab, .tab] + typed("din") + [.tab]
        keys += typed("Batik Sari") + [.tab] + typed("batik") + [.f(2)]
        let device = run(keys + [.char("a")], on: store)
        #expect(device.screens.contains { $0.contains("Ani Wijaya (A-000001) already has this Phone") }, "\(device.screens.last ?? "")")
        #expect(try Store(path: dir).data.artisans.count == 7, "a: registered anyway, on purpose")
        // Another phone, but Ani's name in Ani's kelurahan: saved, with a word and the way to merge.
        var namesake: [Key] = [.char("a")] + typed("ani wijaya") + [.tab] + typed("0812 0000 3999") + [.tab, .tab] + typed("balearjosari") + [.tab]
        namesake += typed("Batik Ani") + [.tab] + typed("batik") + [.f(2)]
        let saved = run(namesake, on: store)
        #expect(saved.screens.contains { $0.contains("Saved A-000008 · another ani wijaya in Balearjosari: A-000001 (M: merge") },
                "\(saved.screens.suffix(3))")
    }

    @Test func withdrawingAsksAndAMarkIsCorrectedWithAReason() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.apply(.checkIn(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), day: now, time: ClockTime(hour: 8, minute: 0)!, enrol: false))
        // Ani was checked in by mistake: she is sick. c, today, sakit (4th), reason, Enter.
        var keys: [Key] = [.char("2"), .char("p"), .char("c")]
        keys += [.down, .down, .down, .enter] + typed("demam") + [.enter]
        // Budi withdraws: asked first; n keeps him, then - and y.
        keys += [.down, .char("-"), .char("n"), .char("-"), .char("y")]
        let device = run(keys, on: store)
        #expect(device.screens.contains { $0.contains("Budi Santoso withdraws?") && $0.contains("stays on record") })
        let s = try #require(try Store(path: dir).data.sessions.items.first)
        let ani = try #require(s.participant(EntityID(.artisan, 1))?.mark(on: now))
        #expect(ani.mark == .sakit && ani.note == "demam")
        #expect(s.participant(EntityID(.artisan, 2))?.enrolment == .cancelled)
        // A seat came free and Eko was first on the waitlist.
        #expect(s.participant(EntityID(.artisan, 5))?.enrolment == .registered)
    }

    /// Finding 11: a clerk's short paths. Enrol from the artisan's own record (a menu of the
    /// sessions open to them), search the participants list, say why someone did not pass
    /// curation, and see what a fair requires in its detail.
    @Test func enrolFromTheRecordSearchTheListAndGiveAReason() throws {
        let (store, dir) = try store(startingIn: 3)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Fajar (the last artisan by name) into the session, from the artisans pane: it is full, so the waitlist.
        let enrolled = run([.char("1"), .end, .char("+"), .enter], on: store)
        #expect(enrolled.screens.contains { $0.contains("Enrol Fajar Nugroho in:") && $0.contains("Bimtek Pewarna Alam") })
        #expect(enrolled.screens.contains { $0.contains("Fajar Nugroho: Enrolled: put on the waitlist") }, "\(enrolled.screens.last ?? "")")
        #expect(try Store(path: dir).data.sessions.items.first?.participant(EntityID(.artisan, 6))?.enrolment == .waitlist)
        // Already in every upcoming session: said, no menu.
        let again = run([.char("1"), .end, .char("+")], on: store)
        #expect(again.screens.contains { $0.contains("No upcoming session Fajar Nugroho can join") })

        // The participants list narrows as one types; Esc gives the whole list back.
        let searched = run([.char("2"), .char("p"), .char("/")] + typed("eko") + [.enter], on: store)
        #expect(searched.screens.contains { $0.contains("Eko Prasetyo") && !$0.contains("Ani Wijaya") && $0.contains("1 of 6 match") },
                "\(searched.screens.last ?? "")")
        let byPhone = run([.char("2"), .char("p"), .char("/")] + typed("+62 812-0000-3002") + [.enter], on: store)
        #expect(byPhone.screens.contains { $0.contains("Citra Lestari") && !$0.contains("Ani Wijaya") && $0.contains("1 of 6 match") })

        // A fair that asks for PIRT; Ani proposed, then rejected with a reason.
        var e = Exhibition(id: EntityID(.exhibition, 1), name: "Malang Craft Fair", level: .lokal, start: now.adding(days: 20), end: now.adding(days: 22))
        e.requiredCertifications = [.pirt]
        try store.apply(.addExhibition(e))
        try store.apply(.propose(exhibition: EntityID(.exhibition, 1), artisan: EntityID(.artisan, 1)))
        let rejected = run([.char("3"), .char("p"), .char("r")] + typed("produk belum siap") + [.enter], on: store)
        let ani = try #require(try Store(path: dir).data.exhibitions.items.first?.participant(EntityID(.artisan, 1)))
        #expect(ani.curation == .rejected && ani.curationNote == "produk belum siap")
        #expect(rejected.screens.contains { $0.contains("Curation note: produk belum siap") }, "\(rejected.screens.last ?? "")")
        let detail = run([.char("3"), .enter], on: store)
        #expect(detail.screens.contains { $0.contains("Required certifications") && $0.contains("PIRT") && $0.contains("produk belum siap") })
    }

    /// M on an artisan: the likely second records, then a question naming what moves.
    @Test func aDuplicateIsMergedFromTheConsole() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "A. Wijaya", phone: "+62 812 0000 3000",
                                            kelurahan: Wilayah.kelurahan[3].code, business: "Batik Ani", category: .batik), allowDuplicate: true))
        // Ani is second by name ("A. Wijaya" sorts first): M, the duplicate (same phone), y.
        let device = run([.char("1"), .home, .down, .char("M"), .enter, .char("y")], on: store)
        #expect(device.screens.contains { $0.contains("Merge into Ani Wijaya (A-000001)") && $0.contains("A-000007  A. Wijaya") && $0.contains("same Phone") })
        #expect(device.screens.contains { $0.contains("Merge a duplicate?") })
        #expect(device.screens.contains { $0.contains("Merged: A-000007 into Ani Wijaya (A-000001)") }, "\(device.screens.suffix(2))")
        #expect(try Store(path: dir).data.artisans[EntityID(.artisan, 7)]?.mergedInto == EntityID(.artisan, 1))
        // Nothing left to merge: said.
        let again = run([.char("1"), .home, .char("M")], on: store)
        #expect(again.screens.contains { $0.contains("Nothing looks like a second record of Ani Wijaya") })
    }

    /// Finding 8: a figure far above what one artisan sells at a fair is asked about first;
    /// "no" goes back to fix it, "yes" saves it.
    @Test func aLargeSalesFigureIsAskedAboutFirst() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.apply(.addExhibition(Exhibition(id: EntityID(.exhibition, 1), name: "Malang Craft Fair", level: .lokal,
                                                  start: now.adding(days: -2), end: now)))
        try store.apply(.propose(exhibition: EntityID(.exhibition, 1), artisan: EntityID(.artisan, 1)))
        try store.apply(.setCuration(exhibition: EntityID(.exhibition, 1), artisan: EntityID(.artisan, 1), curation: .accepted))
        let keys: [Key] = [.char("3"), .char("p"), .char("$")] + typed("2.100.000.000") + [.tab] + typed("12") + [.f(2), .char("n"), .f(2), .char("y")]
        let device = run(keys, on: store)
        #expect(device.screens.contains { $0.contains("Check the figure") && $0.contains("Rp2.100.000.000 in 12 transactions") })
        #expect(device.screens.filter { $0.contains("Check the figure") }.count >= 2, "n went back to the form, F2 asked again")
        #expect(try Store(path: dir).data.exhibitions.items.first?.participant(EntityID(.artisan, 1))?.sales == 2_100_000_000)
        // An ordinary figure is saved without a question.
        let plain = run([.char("3"), .char("p"), .char("$"), .ctrl("u")] + typed("3.250.000") + [.f(2)], on: store)
        #expect(!plain.screens.contains { $0.contains("Check the figure") })
        #expect(try Store(path: dir).data.exhibitions.items.first?.participant(EntityID(.artisan, 1))?.sales == 3_250_000)
    }

    /// Issue 15: a card's code typed by a scanner (the whole id, then Enter) checks its person
    /// in at once, with a distinct word and the bell; a second scan says when they came; a card
    /// of someone not enrolled asks first.
    @Test func aScannedCardChecksItsPersonIn() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scan = { (id: String) -> [Key] in self.typed(id) + [.enter] }
        let device = run([.char("2"), .char("c")] + scan("A-000003") + scan("A-000003") + scan("A-000006") + [.char("y")], on: store)
        #expect(device.screens.contains { $0.contains("▣ Card scanned ✓ Citra Lestari: present") }, "\(device.screens.suffix(2))")
        #expect(device.screens.contains { $0.contains("Citra Lestari is already in (at ") })
        #expect(device.screens.contains { $0.contains("Fajar Nugroho is not enrolled") })
        #expect(device.bells == 2, "the bell rings for each card taken (Citra, then Fajar enrolled at the door)")
        let s = try #require(try Store(path: dir).data.sessions.items.first)
        #expect(s.participant(EntityID(.artisan, 3))?.mark(on: now)?.mark.countsAsPresent == true)
        #expect(s.participant(EntityID(.artisan, 6))?.enrolment == .registered)
        // Silenced in the settings: no bell.
        let quiet = ScriptedDevice([.char("2"), .char("c")] + scan("A-000001"))
        ConsoleApp(store: store, device: quiet, lang: .en, today: now, scanBeep: false).run()
        #expect(quiet.bells == 0 && quiet.screens.contains { $0.contains("▣ Card scanned ✓ Ani Wijaya") })
    }

    /// Issue 15: Ctrl-P at the door (or in the participants list) writes the day's daftar hadir
    /// and says where it went.
    @Test func ctrlPWritesTheDaysAttendanceSheet() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = dir + "-print"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let device = ScriptedDevice([.char("2"), .char("c"), .ctrl("p")])
        ConsoleApp(store: store, device: device, lang: .en, today: now, printFolder: folder).run()
        let file = folder + "/attendance-sheet-B-000001-day-1.html"
        // A long path takes the status line's second row: the words are all there.
        #expect(device.screens.contains { $0.contains("Written:") && $0.contains(folder) }, "\(device.screens.suffix(2))")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("Attendance Sheet") && html.contains("Ani Wijaya") && !html.contains("Eko Prasetyo"), "Eko waits")
        // Once the day is closed, Ctrl-P writes the recap beside the blank sheet, not over it.
        let closing = ScriptedDevice([.char("2"), .char("c"), .f(6), .char("y"), .ctrl("p")])
        ConsoleApp(store: store, device: closing, lang: .en, today: now, printFolder: folder).run()
        let recap = try String(contentsOfFile: folder + "/attendance-sheet-B-000001-day-1-recap.html", encoding: .utf8)
        #expect(recap != html && recap.contains("Ani Wijaya"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == html)
        // In the participants list, a choice of documents: the cards (third) of the session.
        let cards = ScriptedDevice([.char("2"), .char("p"), .ctrl("p"), .down, .down, .enter])
        ConsoleApp(store: store, device: cards, lang: .en, today: now, printFolder: folder).run()
        #expect(cards.screens.contains { $0.contains("Print (HTML, A4)") && $0.contains("Certificates (those numbered)") })
        let cardsHTML = try String(contentsOfFile: folder + "/participant-cards-B-000001.html", encoding: .utf8)
        #expect(cardsHTML.components(separatedBy: "<div class=\"card\">").count - 1 == 4, "the four registered")
        // No certificates yet: said, nothing written.
        let none = ScriptedDevice([.char("2"), .char("p"), .ctrl("p"), .down, .down, .down, .enter])
        ConsoleApp(store: store, device: none, lang: .en, today: now, printFolder: folder).run()
        #expect(none.screens.contains { $0.contains("has no numbered certificates yet") })
        // On the reports pane, the report selected, as kriya report --format html writes it.
        let reports = ScriptedDevice([.char("4"), .ctrl("p")])
        ConsoleApp(store: store, device: reports, lang: .en, today: now, printFolder: folder).run()
        let report = try String(contentsOfFile: folder + "/report-coverage.html", encoding: .utf8)
        #expect(report.hasPrefix("<!DOCTYPE html>") && report.contains("Artisans per Kecamatan and Craft"))
    }

    /// Issue 15: Q shows an artisan's card code on screen, black on white, to photograph.
    @Test func qShowsTheCardCodeOnScreen() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = ScriptedDevice([.char("1"), .home, .char("Q")])
        let app = ConsoleApp(store: store, device: device, lang: .en, today: now)
        var shot: Grid?
        device.onRead = { if device.keys.isEmpty, shot == nil { shot = app.state.render(width: 80, height: 24) } }
        app.run()
        let grid = try #require(shot)
        // 21 modules and a two-module quiet zone a side: 25 columns, 13 lines of half blocks.
        let code = grid.roleLines.enumerated().filter { $0.element.contains("QQQQQQQQQQQQQQQQQQQQQQQQQ") }
        #expect(code.count == 13, "\(grid.lines.joined(separator: "\n"))")
        #expect(grid.lines.contains { $0.contains("A-000001  Ani Wijaya") } && grid.lines.contains { $0.contains("█▀▀▀▀▀█") })
    }

    /// Finding 9's sibling at the door: a whole phone, typed as people say it, finds its person.
    @Test func theDoorFindsSomeoneByTheirWholePhone() throws {
        let (store, dir) = try store()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for typed in ["0812-0000-3002", "+62 812 0000 3002", "3002"] {
            let device = run([.char("2"), .char("c")] + self.typed(typed) + [.enter], on: store)
            #expect(device.screens.contains { $0.contains("✓ Citra Lestari: present") }, "\(typed): \(device.screens.suffix(1))")
            try store.apply(.clearAttendance(session: EntityID(.session, 1), artisan: EntityID(.artisan, 3), day: now))
        }
    }
}
