import Foundation
import Testing
@testable import Console
@testable import KriyaCore
import KriyaStore
import TextUI
import KriyaText

/// Issue 30, findings 1, 3 and 7 at the door, on the console's own state: the door of a past or
/// closed day marks nobody; Enter acts only when one candidate is left (single names are common
/// in Malang), a digit picks among those shown, later words narrow by word starts; the last
/// digits of a phone work as typed, 0 included.
@Suite struct DoorTieTests {
    let today = SystemInfo.now().today
    let people: [(String, String, String)] = [
        ("Rudi", "Batik Rudi", "0812-3344-0241"), ("Rudi Hartono", "Keramik Dinoyo", "0813-3344-5566"),
        ("Fitri", "Keripik Fitri", "0812-1111-2222"), ("Fitriani", "Kue Fitriani", "0812-1111-3333"),
        ("Sulastri", "Kulit Citra", "0812-5555-1111"), ("Sulastri Utami", "Sanggar Utami", "0812-5555-2222"),
        ("Bambang Rahayu", "Topeng Malangan", "0812-6666-1111"), ("Bambang", "Anugerah Rotan", "0812-6666-2222"),
    ]

    /// Everyone above enrolled in a session whose only day is `start`.
    func data(start: CivilDate) throws -> Dataset {
        var d = Dataset()
        let ctx = CommandContext(user: "ratna", today: min(start, today), time: ClockTime(hour: 7, minute: 0)!)
        for (i, p) in people.enumerated() {
            d.commit(try d.plan(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: p.0, phone: p.2, kelurahan: Wilayah.kelurahan[i].code,
                                                    business: p.1, category: .batik)), ctx))
        }
        var s = BimtekSession(id: EntityID(.session, 1), title: "Bimtek Pewarna Alam", organiser: "Dekranasda", venue: "Aula",
                              start: start, end: start)
        s.startTime = ClockTime(hour: 8, minute: 0)
        d.commit(try d.plan(.addSession(s), ctx))
        for n in 1...people.count { d.commit(try d.plan(.enrol(session: s.id, artisan: EntityID(.artisan, n), role: .peserta), ctx)) }
        return d
    }

    func door(_ d: Dataset) -> ConsoleState {
        var state = ConsoleState(data: d, lang: .en, today: today, dataPath: "/tmp/kriya-ties", user: "ratna")
        _ = state.update(.char("2"))
        _ = state.update(.char("c"))
        return state
    }

    func type(_ text: String, _ state: inout ConsoleState) { for c in text { _ = state.update(.char(c)) } }
    func names(_ state: ConsoleState) -> [String] { state.screen(CheckInScreen.self)!.enrolled.map { state.shared.data.artisans[$0]!.name } }

    @Test func anExactNameThatStartsAnotherAsksAndADigitPicks() throws {
        var state = door(try data(start: today))
        type("rudi", &state)
        #expect(Set(names(state)) == ["Rudi", "Rudi Hartono"])
        // Enter does not guess.
        #expect(state.update(.enter) == nil)
        #expect(state.shared.message?.contains("2 people match \"rudi\"") == true)
        // The digit beside Rudi Hartono checks him in.
        let at = try #require(names(state).firstIndex(of: "Rudi Hartono"))
        let effect = state.update(.char(Character(String(at + 1))))
        guard case .save(.checkIn(_, let who, _, _, false, _))? = effect else { Issue.record("\(String(describing: effect))"); return }
        #expect(who == EntityID(.artisan, 2))
        // "fitri" is Fitri and Fitriani: asked too.
        var other = door(try data(start: today))
        type("fitri", &other)
        #expect(other.screen(CheckInScreen.self)?.ambiguous == true && other.update(.enter) == nil)
    }

    @Test func laterWordsNarrowByWordStartsNotAnywhere() throws {
        var state = door(try data(start: today))
        type("sulastri u", &state)
        #expect(names(state) == ["Sulastri Utami"])        // not Sulastri of "Kulit Citra"
        var again = door(try data(start: today))
        type("bambang rah", &again)
        #expect(names(again) == ["Bambang Rahayu"])         // not Bambang of "Anugerah Rotan"
        guard case .save(.checkIn(_, let who, _, _, _, _))? = again.update(.enter) else { Issue.record("Enter did not check in"); return }
        #expect(who == EntityID(.artisan, 7))
        // The business and the kelurahan narrow as the name does.
        var business = door(try data(start: today))
        type("rudi keramik", &business)
        #expect(names(business) == ["Rudi Hartono"])
    }

    @Test func thePhonesLastDigitsWorkAsTypedWithTheirZero() throws {
        for typed in ["0241", "241", "3344 0241", "+62 812 3344 0241"] {
            var state = door(try data(start: today))
            type(typed, &state)
            #expect(names(state) == ["Rudi"], "\(typed)")
        }
    }

    @Test func aPastDayAndAClosedTodayMarkNobodyAtTheDoor() throws {
        // A finished session opens on its last day: Enter on a name says why and plans nothing.
        var past = door(try data(start: today.adding(days: -20)))
        type("bambang r", &past)
        #expect(past.update(.enter) == nil)
        #expect(past.shared.message?.contains("is past: the door marks only today") == true)
        #expect(past.update(.f(4)) == nil && past.update(.f(7)) == nil)
        // Today after F6: no more door marks either.
        var d = try data(start: today)
        d.commit(try d.plan(.closeDay(session: EntityID(.session, 1), day: today),
                            CommandContext(user: "ratna", today: today, time: ClockTime(hour: 12, minute: 0)!)))
        var closed = door(d)
        type("bambang r", &closed)
        #expect(closed.update(.enter) == nil)
        #expect(closed.shared.message?.contains("was closed") == true)
        #expect(closed.update(.f(6)) == nil && closed.shared.message?.contains("was closed") == true)
    }

    /// Keys a check-in for the demo's Bimtek of today, ties counted as they come, three ways a
    /// clerk may read the door: typing the name until it is the one candidate left (Enter) or
    /// numbered among at most three (its digit): a short list an untrained clerk reads at a
    /// glance; the same among up to nine; and typing the whole first name first.
    @Test func keysPerCheckInOnTheDemoSessionWithItsTies() throws {
        let data = DemoData.make(artisans: 300, today: today)
        var state = ConsoleState(data: data, lang: .id, today: today, dataPath: "/tmp/kriya-demo-keys", user: "ratna")
        _ = state.update(.char("2"))
        let sid = try #require(data.sessions.items.first { $0.days.contains(today) }?.id)
        // The demo puts today's session first on the Bimtek pane.
        #expect(state.selectedID(.sessions) == sid)
        _ = state.update(.char("c"))
        let people = data.sessions[sid]!.participants.filter { $0.enrolment == .registered }.map(\.artisan)
        /// Keys to check `id` in having typed `typed`, reading up to `rows` numbered candidates:
        /// Enter or a digit; nil while neither works.
        func pick(_ typed: String, _ id: EntityID, rows: Int) throws -> (keys: Int, tie: Bool)? {
            var probe = state
            for k in typed { _ = probe.update(.char(k)) }
            let door = try #require(probe.screen(CheckInScreen.self))
            guard let at = door.enrolled.firstIndex(of: id) else { return nil }
            if door.enrolled.count == 1 { return (typed.count + 1, false) }
            return door.enrolled.count <= rows && at < door.numbered && !typed.hasSuffix(" ") ? (typed.count + 1, true) : nil
        }
        func measure(rows: Int, wholeFirstName: Bool) throws -> (average: Double, ties: Int) {
            var keys = 0, ties = 0
            for id in people {
                let name = data.artisans[id]!.name.lowercased()
                var typed = wholeFirstName ? String(name.split(separator: " ")[0]) : ""
                var found = typed.isEmpty ? nil : try pick(typed, id, rows: rows)
                for c in name.dropFirst(typed.count) where found == nil {
                    typed.append(c)
                    found = try pick(typed, id, rows: rows)
                }
                let f = try #require(found, "\(name) never found by its name")
                keys += f.keys
                ties += f.tie ? 1 : 0
            }
            return (Double(keys) / Double(people.count), ties)
        }
        let glance = try measure(rows: 3, wholeFirstName: false), nine = try measure(rows: 9, wholeFirstName: false)
        let whole = try measure(rows: 3, wholeFirstName: true)
        func said(_ m: (average: Double, ties: Int)) -> String { String(format: "%.2f keys (%d ties by a digit)", m.average, m.ties) }
        print("door keys for \(people.count) people: short list \(said(glance)); up to nine \(said(nine)); whole first name \(said(whole))")
        #expect(glance.average <= 4)
    }

    /// Finding 11: the Bimtek pane's key bar offers the door; F7 on the reports pane says it
    /// adds nothing there instead of opening another pane's form.
    @Test func theBimtekBarShowsTheDoorAndReportsAddNothing() throws {
        var state = ConsoleState(data: try data(start: today), lang: .id, today: today, dataPath: "/tmp/kriya-bar", user: "ratna")
        _ = state.update(.char("2"))
        #expect(state.render(width: 80, height: 24).lines.last?.contains("c Presensi") == true)
        _ = state.update(.char("4"))
        _ = state.update(.f(7))
        #expect(state.topKind == .list && state.shared.message?.contains("F7") == true)
    }

    /// Finding 9: meaning kept at 80 columns. A long message takes a second row rather than
    /// lose its end; the door's heading keeps its date with a long session title.
    @Test func longMessagesAndTitlesKeepTheirEndAt80Columns() throws {
        var d = try data(start: today.adding(days: 3))
        var s = try #require(d.sessions[EntityID(.session, 1)])
        s.title = "Bimtek Pewarnaan Alam Batik Tulis Celaket bagi Sanggar Rampalcelaket Permata"
        d.sessions.merge(s)
        var state = ConsoleState(data: d, lang: .id, today: today, dataPath: "/tmp/kriya-80", user: "ratna")
        for k in [Key.char("2"), .char("c")] + "bambang r".map({ Key.char($0) }) + [.enter] { _ = state.update(k) }
        let message = try #require(state.shared.message)
        #expect(DisplayWidth.of(message) > 78, "a message long enough to need two rows")
        let screen = state.render(width: 80, height: 24).lines
        let shown = screen[21...22].map { $0.trimmingSpaces }.joined(separator: " ")
        #expect(shown == message, "\(screen[21...22])")
        let date = today.adding(days: 3).short(.id)
        #expect(screen[2].trimmingSpaces.hasSuffix(date), "\(screen[2])")
    }
}
