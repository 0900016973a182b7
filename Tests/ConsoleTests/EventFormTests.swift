import Foundation
import Testing
@testable import Console
@testable import KriyaCore
@testable import KriyaStore
import TextUI

/// The Bimtek session and exhibition forms: typed, checked, saved; empty and with errors at 80x24.
@Suite struct EventFormTests {
    func type(_ text: String, _ state: inout ConsoleState) { for c in text { _ = state.update(.char(c)) } }
    func to(_ key: String, _ state: inout ConsoleState) {
        while state.form?.fields[state.form!.focus].key != key { _ = state.update(.tab) }
    }

    @Test func aNewSessionWithMeetingDaysChecksItsDates() throws {
        var state = makeState()
        _ = state.update(.char("2"))
        _ = state.update(.char("a"))
        #expect(state.topKind == .form && state.formSubject == .session && state.form?.value("organiser") == "Dekranasda Kota Malang")
        try assertSnapshot(state.render(width: 80, height: 24), "form-new-session-80x24")
        type("Bimtek Glasir Keramik", &state)
        to("partner", &state); type("Universitas Brawijaya", &state)
        to("venue", &state); type("Sentra Keramik Dinoyo", &state)
        to("start", &state); type("16/12/2026", &state)
        to("end", &state); type("10/12/2026", &state)
        to("meetingDays", &state); type("16/12; 32/12", &state)
        to("capacity", &state); type("0", &state)
        #expect(state.update(.f(2)) == .none)
        let errors = Dictionary(uniqueKeysWithValues: state.form!.fields.compactMap { f in f.error.map { (f.key, $0) } })
        #expect(errors.keys.sorted() == ["capacity", "end", "meetingDays"], "\(errors)")
        try assertSnapshot(state.render(width: 80, height: 24), "form-new-session-errors-80x24")
        // Fixed: the end after the start, two meeting days inside, a real capacity.
        to("end", &state); _ = state.update(.ctrl("u")); type("17-12-2026", &state)
        to("meetingDays", &state); _ = state.update(.ctrl("u")); type("16/12; 17/12", &state)
        #expect(state.form?.fields[state.form!.focus].kind.note(for: state.form!.value("meetingDays")) == "2: Wed 16/12, Thu 17/12")
        to("capacity", &state); _ = state.update(.ctrl("u")); type("25", &state)
        guard case .save(.addSession(let s)) = state.update(.f(2)) else { Issue.record("no save"); return }
        #expect(s.title == "Bimtek Glasir Keramik" && s.partner == "Universitas Brawijaya" && s.capacity == 25)
        #expect(s.meetingDays.map(\.iso) == ["2026-12-16", "2026-12-17"] && s.end.iso == "2026-12-17" && s.status == .planned)
    }

    @Test func aNewExhibitionNeedsItsLevelAndReadsMoney() throws {
        var state = makeState(.id)
        _ = state.update(.char("3"))
        _ = state.update(.f(7))
        #expect(state.formSubject == .exhibition)
        try assertSnapshot(state.render(width: 80, height: 24), "form-new-exhibition-id-80x24")
        type("Inacraft 2027", &state)
        to("boothCost", &state); type("7,5 jt", &state)
        #expect(state.update(.f(2)) == .none)
        try assertSnapshot(state.render(width: 80, height: 24), "form-new-exhibition-errors-id-80x24")
        to("level", &state); type("nas", &state); _ = state.update(.tab)
        to("start", &state); type("22/04/2027", &state)
        to("end", &state); type("26/04/2027", &state)
        // A food fair: PIRT and halal required (Space ticks, a letter jumps).
        to("requiredCertifications", &state)
        for k: Key in [.char("p"), .char(" "), .char("h"), .char(" ")] { _ = state.update(k) }
        try assertSnapshot(state.render(width: 80, height: 24), "form-exhibition-certifications-id-80x24")
        guard case .save(.addExhibition(let e)) = state.update(.f(2)) else { Issue.record("no save"); return }
        #expect(e.name == "Inacraft 2027" && e.level == .nasional && e.boothCost == 7_500_000 && e.end.iso == "2027-04-26")
        #expect(e.requiredCertifications == [.pirt, .halal])
    }

    /// A colleague enrols someone while the session form is open: the enrolment changed the
    /// session, not a field of the form, so the save goes through and keeps the enrolment.
    @Test func anEnrolmentMeanwhileIsNoConflict() throws {
        let dir = NSTemporaryDirectory() + "kriya-session-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir)
        try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Siti Rahayu", phone: "0812-0000-1234",
                                            kelurahan: "35.73.05.1004", business: "Keramik Sekar Dinoyo", category: .keramikGerabah)))
        try store.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Glasir", organiser: "Dekranasda",
                                                  venue: "Aula", start: today.adding(days: 7), end: today.adding(days: 8))))
        let toVenue: [Key] = Array(repeating: .tab, count: 7)
        let device = ScriptedDevice([.char("2"), .char("e")] + toVenue + [.ctrl("u")] + "Sentra Dinoyo".map { .char($0) })
        let app = ConsoleApp(store: store, device: device, lang: .en, today: today)
        let colleague = try Store(path: dir)
        var enrolled = false
        device.onRead = {
            guard device.keys.first == .f(2), !enrolled else { return }
            enrolled = true
            _ = try? colleague.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta))
        }
        device.keys += [.f(2)]
        app.run()
        #expect(device.screens.contains { $0.contains("Saved B-000001") }, "\(device.screens.last ?? "")")
        let s = try #require(try Store(path: dir).data.sessions.items.first)
        #expect(s.venue == "Sentra Dinoyo" && s.participants.count == 1 && s.rev == 3)
    }
}

/// Meeting days as a table of dates (Enter on the field), read back into the session.
@Suite struct MeetingDaysTests {
    @Test func meetingDaysAreATableOfDates() throws {
        var state = makeState()
        _ = state.update(.char("2"))
        _ = state.update(.char("n"))
        for c in "Bimtek Pewarnaan Alami" { _ = state.update(.char(c)) }
        while state.form?.fields[state.form!.focus].key != "venue" { _ = state.update(.tab) }
        for c in "Aula Balai Kota" { _ = state.update(.char(c)) }
        _ = state.update(.tab)
        for c in "7/12/2026" { _ = state.update(.char(c)) }
        _ = state.update(.tab)
        for c in "14/12/2026" { _ = state.update(.char(c)) }
        _ = state.update(.tab)
        _ = state.update(.enter)                  // the table
        for day in ["7/12", "10/12", "14/12"] {
            for c in day { _ = state.update(.char(c)) }
            _ = state.update(.tab)                // next row
        }
        try assertSnapshot(state.render(width: 80, height: 24), "form-meeting-days-80x24")
        _ = state.update(.enter)
        #expect(state.form?.value("meetingDays") == "7/12; 10/12; 14/12")
        #expect(state.form?.fields[state.form!.focus].kind.note(for: "7/12; 10/12; 14/12") == "3: Mon 7/12, Thu 10/12, Mon 14/12")
        guard case .save(.addSession(let s)) = state.update(.f(2)) else { Issue.record("no save"); return }
        #expect(s.meetingDays.map(\.iso) == ["2026-12-07", "2026-12-10", "2026-12-14"])
    }
}
