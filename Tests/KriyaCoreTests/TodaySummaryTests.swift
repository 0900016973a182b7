import Testing
@testable import KriyaCore

/// Issue 34: what is on today, and what is due, from the data as it is.
@Suite struct TodaySummaryTests {
    let today = Fixture.today

    @Test func todaysDoorsTheComingWeekAndWhatIsDue() throws {
        var data = Dataset()
        for i in 0..<4 { data.commit(try data.plan(.addArtisan(Fixture.artisan("Orang \(i)", phone: "0812-0000-20\(10 + i)")), Fixture.ctx)) }
        // Today's session: three in, one late, one izin.
        var s = Fixture.session(start: today, days: 2)
        s.startTime = ClockTime(hour: 8, minute: 30)
        s.graceMinutes = 15
        data.commit(try data.plan(.addSession(s), Fixture.ctx))
        let sid = EntityID(.session, 1)
        for n in 1...4 { data.commit(try data.plan(.enrol(session: sid, artisan: EntityID(.artisan, n), role: .peserta), Fixture.ctx)) }
        let at = { (h: Int, m: Int) in CommandContext(user: "pintu", today: today, time: ClockTime(hour: h, minute: m)!) }
        data.commit(try data.plan(.checkIn(session: sid, artisan: EntityID(.artisan, 1), day: today, time: ClockTime(hour: 8, minute: 20)!, enrol: false), at(8, 20)))
        data.commit(try data.plan(.checkIn(session: sid, artisan: EntityID(.artisan, 2), day: today, time: ClockTime(hour: 9, minute: 0)!, enrol: false), at(9, 0)))
        data.commit(try data.plan(.markAttendance(session: sid, artisan: EntityID(.artisan, 3), day: today, mark: .izin, time: nil, note: "sakit"), at(9, 1)))
        // Last week's session, its day never closed; next week's, hardly anyone enrolled.
        var past = Fixture.session(start: today.adding(days: -7), days: 1)
        past.title = "Bimtek Lalu"
        data.commit(try data.plan(.addSession(past), Fixture.ctx))
        var next = Fixture.session(start: today.adding(days: 5), days: 1, capacity: 30)
        next.title = "Bimtek Depan"
        data.commit(try data.plan(.addSession(next), Fixture.ctx))
        // A halal certificate running out in a month.
        var a = try #require(data.artisans[EntityID(.artisan, 4)])
        a.certifications = [Certification(kind: .halal, number: "ID-1", validUntil: today.adding(days: 30))]
        data.commit(try data.plan(.updateArtisan(a, baseRev: a.rev), Fixture.ctx))

        let summary = TodaySummary(data, today: today)
        let door = try #require(summary.sessions.first)
        #expect(summary.sessions.count == 1 && door.session == sid && door.day == 1 && door.days == 2)
        #expect((door.expected, door.present, door.late, door.away, door.notYet) == (4, 1, 1, 1, 1))
        #expect(door.doorLine(.id) == "diharapkan 4 · hadir 2 (terlambat 1) · izin atau alpa 1 · belum 1")
        #expect(summary.comingWeek.map(\.title) == ["Bimtek Depan"])
        #expect(summary.isBusy)
        #expect(summary.due.contains(.dayNotClosed(session: EntityID(.session, 2), title: "Bimtek Lalu", day: today.adding(days: -7))))
        #expect(summary.due.contains(.underEnrolled(session: EntityID(.session, 3), title: "Bimtek Depan", start: today.adding(days: 5), enrolled: 0, capacity: 30)))
        #expect(summary.due.contains(.certificationsExpiring(count: 1, first: today.adding(days: 30))))
        #expect(summary.due.allSatisfy { !$0.message(.id).isEmpty && !$0.message(.en).isEmpty })

        // A quiet day: nothing on, nothing due.
        let quiet = TodaySummary(Dataset(), today: today)
        #expect(!quiet.isBusy && quiet.due.isEmpty)
    }
}
