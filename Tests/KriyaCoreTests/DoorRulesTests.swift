import Testing
@testable import KriyaCore

/// Issue 30, finding 1, 5 and 6: one set of event-day rules in the core. The door marks only
/// today's open meeting day; a past or closed day changes by a correction (an editor's, with a
/// reason); closing marks participants only; a full session takes a walk-in only when asked.
@Suite struct DoorRulesTests {
    typealias F = Fixture
    let sid = EntityID(.session, 1)
    let a = EntityID(.artisan, 1), b = EntityID(.artisan, 2), c = EntityID(.artisan, 3)
    let at9 = ClockTime(hour: 9, minute: 3)!

    /// A one-day session on `start`, Ani and Budi enrolled, Citra in Kriya only.
    func data(start: CivilDate = F.today, capacity: Int? = nil) throws -> Dataset {
        var s = F.session(start: start, days: 1, capacity: capacity)
        s.startTime = ClockTime(hour: 8, minute: 0)
        let onTheDay = CommandContext(user: "ratna", today: min(start, F.today), time: ClockTime(hour: 7, minute: 0)!)
        var d = Dataset()
        for command: Command in [.addSession(s), .addArtisan(F.artisan("Ani", phone: "0812-0000-0001")),
                                 .addArtisan(F.artisan("Budi", phone: "0812-0000-0002")), .addArtisan(F.artisan("Citra", phone: "0812-0000-0003")),
                                 .enrol(session: sid, artisan: a, role: .peserta), .enrol(session: sid, artisan: b, role: .peserta)] {
            d.commit(try d.plan(command, onTheDay))
        }
        return d
    }

    @Test func aPastDayTakesNoCheckInEvenWhenItWasNeverClosed() throws {
        let past = F.today.adding(days: -14)
        var d = try data(start: past)
        // Closed back then: Budi alpa.
        d.commit(try d.plan(.closeDay(session: sid, day: past), CommandContext(user: "ratna", today: past, time: at9)))
        #expect(d.sessions[sid]?.participant(b)?.mark(on: past)?.mark == .alpa)
        for enrol in [false, true] {
            #expect(throws: CommandError.dayPast(past, of: sid)) {
                try d.plan(.checkIn(session: sid, artisan: b, day: past, time: at9, enrol: enrol), F.ctx)
            }
        }
        #expect(throws: CommandError.dayPast(past, of: sid)) { try d.plan(.checkIn(session: sid, artisan: c, day: past, time: at9, enrol: true), F.ctx) }
        #expect(d.sessions[sid]?.door(on: past, today: F.today) == .past)
    }

    @Test func afterClosingTodayTheDoorTurnsNobodyLate() throws {
        var d = try data()
        d.commit(try d.plan(.checkIn(session: sid, artisan: a, day: F.today, time: at9, enrol: false), F.ctx))
        d.commit(try d.plan(.closeDay(session: sid, day: F.today), F.ctx))
        #expect(d.sessions[sid]?.closedDays == [F.today])
        #expect(d.sessions[sid]?.door(on: F.today, today: F.today) == .closed)
        #expect(throws: CommandError.dayClosed(F.today, of: sid)) {
            try d.plan(.checkIn(session: sid, artisan: b, day: F.today, time: at9, enrol: false), F.ctx)
        }
        #expect(d.sessions[sid]?.participant(b)?.mark(on: F.today)?.mark == .alpa)
    }

    @Test func aShutDayIsCorrectedByAnEditorWithAReason() throws {
        let past = F.today.adding(days: -3)
        var d = try data(start: past)
        let late = Command.markAttendance(session: sid, artisan: a, day: past, mark: .terlambat, time: at9, note: nil)
        // The door's role on an open day; a correction's on a shut one.
        #expect(d.requiredRole(for: late, today: past) == .clerk)
        #expect(d.requiredRole(for: late, today: F.today) == .editor)
        #expect(d.requiredRole(for: .clearAttendance(session: sid, artisan: a, day: past), today: F.today) == .editor)
        #expect(d.requiredRole(for: .closeDay(session: sid, day: past), today: F.today) == .editor)
        #expect(d.requiredRole(for: .closeDay(session: sid, day: past), today: past) == .clerk)
        // Without a reason: refused, saying so; with one: kept with the mark.
        #expect(throws: CommandError.reasonRequired(past, of: sid, closed: false)) { try d.plan(late, F.ctx) }
        let because = Command.markAttendance(session: sid, artisan: a, day: past, mark: .terlambat, time: at9, note: "daftar hadir kertas")
        d.commit(try d.plan(because, F.ctx))
        #expect(d.sessions[sid]?.participant(a)?.mark(on: past)?.note == "daftar hadir kertas")
        // Taking a mark away on a shut day likewise.
        #expect(throws: CommandError.reasonRequired(past, of: sid, closed: false)) {
            try d.plan(.clearAttendance(session: sid, artisan: a, day: past), F.ctx)
        }
        let cleared = try d.plan(.clearAttendance(session: sid, artisan: a, day: past, reason: "salah orang"), F.ctx)
        #expect(cleared.detail == "\(past.iso): salah orang")
        // Today's open door needs neither.
        var today = try data()
        #expect(today.requiredRole(for: .markAttendance(session: sid, artisan: a, day: F.today, mark: .alpa, time: nil, note: nil), today: F.today) == .clerk)
        today.commit(try today.plan(.markAttendance(session: sid, artisan: a, day: F.today, mark: .alpa, time: nil, note: nil), F.ctx))
    }

    @Test func closingMarksParticipantsNotTrainersOrCommittee() throws {
        var d = try data()
        d.commit(try d.plan(.addArtisan(F.artisan("Dr. Sumarno", phone: "0812-0000-0004")), F.ctx))
        d.commit(try d.plan(.addArtisan(F.artisan("Panitia Rina", phone: "0812-0000-0005")), F.ctx))
        let trainer = EntityID(.artisan, 4), committee = EntityID(.artisan, 5)
        d.commit(try d.plan(.enrol(session: sid, artisan: trainer, role: .narasumber), F.ctx))
        d.commit(try d.plan(.enrol(session: sid, artisan: committee, role: .panitia), F.ctx))
        let closing = try d.plan(.closeDay(session: sid, day: F.today), F.ctx)
        #expect(closing.detail == "\(F.today.iso): 2 absent")
        d.commit(closing)
        let s = try #require(d.sessions[sid])
        #expect(s.participant(a)?.mark(on: F.today)?.mark == .alpa && s.participant(b)?.mark(on: F.today)?.mark == .alpa)
        #expect(s.participant(trainer)?.mark(on: F.today) == nil && s.participant(committee)?.mark(on: F.today) == nil)
    }

    @Test func aFullSessionTakesAWalkInOnlyWhenTheDoorAsked() throws {
        let d = try data(capacity: 2)
        #expect(throws: CommandError.sessionFull(sid, enrolled: 2, capacity: 2)) {
            try d.plan(.checkIn(session: sid, artisan: c, day: F.today, time: at9, enrol: true), F.ctx)
        }
        let asked = try d.plan(.checkIn(session: sid, artisan: c, day: F.today, time: at9, enrol: true, pastCapacity: true), F.ctx)
        #expect(asked.sessions.first?.participant(c)?.enrolment == .registered)
        // Someone already enrolled is never asked about seats.
        #expect(throws: Never.self) { try d.plan(.checkIn(session: sid, artisan: a, day: F.today, time: at9, enrol: false), F.ctx) }
    }

    @Test func closedDaysAreKeptWithTheSessionAndNamedInHistory() {
        #expect(ChangeWords.field("closedDays", .id) == "Hari ditutup")
        #expect(ChangeWords.field("closedDays", .en) == "Closed days")
    }
}
