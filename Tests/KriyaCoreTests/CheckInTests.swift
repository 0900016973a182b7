import Testing
@testable import KriyaCore

/// Event-day rules: late after the grace period, once per person and day, closing the day,
/// certificate eligibility and numbers that are never reused.
@Suite struct CheckInTests {
    typealias F = Fixture
    let a = EntityID(.artisan, 1), b = EntityID(.artisan, 2), c = EntityID(.artisan, 3), s = EntityID(.session, 1)

    func data(minDays: Int? = nil) throws -> Dataset {
        var session = F.session(start: F.today, days: 2)
        session.startTime = ClockTime(hour: 8, minute: 30)
        session.graceMinutes = 15
        session.certificateMinDays = minDays
        return try F.build([.addArtisan(F.artisan()), .addArtisan(F.artisan("Budi", phone: "0812-0000-2222")),
                            .addArtisan(F.artisan("Ani", phone: "0812-0000-3333")), .addSession(session),
                            .enrol(session: s, artisan: a, role: .peserta), .enrol(session: s, artisan: b, role: .peserta)])
    }

    func at(_ h: Int, _ m: Int) -> ClockTime { ClockTime(hour: h, minute: m)! }

    @Test func lateOnlyAfterTheGracePeriod() throws {
        let d = try data()
        let session = try #require(d.sessions[s])
        #expect(CheckInRules.mark(session, at: at(8, 45)) == .hadir && CheckInRules.mark(session, at: at(8, 46)) == .terlambat)
        var noClock = session
        noClock.startTime = nil
        #expect(CheckInRules.mark(noClock, at: at(11, 0)) == .hadir)
    }

    @Test func aPersonIsCheckedInOnceADayWhicheverDoor() throws {
        var d = try data()
        d.commit(try d.plan(.checkIn(session: s, artisan: a, day: F.today, time: at(8, 12), enrol: false), F.ctx))
        let other = CommandContext(user: "budi.s", today: F.today, time: at(8, 13))
        #expect(throws: CommandError.alreadyCheckedIn(a, time: at(8, 12), by: "tester")) {
            try d.plan(.checkIn(session: s, artisan: a, day: F.today, time: at(8, 13), enrol: false), other)
        }
        // Not enrolled: refused, unless taken in at the door.
        #expect(throws: CommandError.notEnrolled(c, in: s)) { try d.plan(.checkIn(session: s, artisan: c, day: F.today, time: at(9, 0), enrol: false), F.ctx) }
        d.commit(try d.plan(.checkIn(session: s, artisan: c, day: F.today, time: at(9, 0), enrol: true), F.ctx))
        let p = try #require(d.sessions[s]?.participant(c))
        #expect(p.enrolment == .registered && p.mark(on: F.today)?.mark == .terlambat && p.mark(on: F.today)?.by == "tester")
        #expect(d.sessions[s]?.participant(a)?.attendance.count == 1)
    }

    @Test func closingTheDayMarksOnlyTheMissingAbsent() throws {
        var d = try data()
        d.commit(try d.plan(.checkIn(session: s, artisan: a, day: F.today, time: at(8, 0), enrol: false), F.ctx))
        let change = try d.plan(.closeDay(session: s, day: F.today), F.ctx)
        #expect(change.detail == "\(F.today.iso): 1 absent")
        d.commit(change)
        #expect(d.sessions[s]?.participant(a)?.mark(on: F.today)?.mark == .hadir)
        #expect(d.sessions[s]?.participant(b)?.mark(on: F.today)?.mark == .alpa)
        #expect(throws: CommandError.notAMeetingDay(F.today.adding(days: 9), of: s)) { try d.plan(.closeDay(session: s, day: F.today.adding(days: 9)), F.ctx) }
    }

    @Test func certificatesGoToTheEligibleWithNumbersNeverReused() throws {
        var d = try data()
        let day2 = F.today.adding(days: 1)
        let onDay2 = CommandContext(user: "tester", today: day2, time: at(8, 0))
        for (who, day) in [(a, F.today), (a, day2), (b, F.today)] {
            d.commit(try d.plan(.checkIn(session: s, artisan: who, day: day, time: at(8, 0), enrol: false), day == day2 ? onDay2 : F.ctx))
        }
        let session = try #require(d.sessions[s])
        #expect(CheckInRules.eligible(session.participant(a)!, in: session) && !CheckInRules.eligible(session.participant(b)!, in: session))
        // Another session already issued number 7 this year.
        var other = F.session(start: F.today.adding(days: -30), days: 1)
        other.title = "Bimtek Lain"
        d.commit(try d.plan(.addSession(other), F.ctx))
        d.commit(try d.plan(.enrol(session: EntityID(.session, 2), artisan: c, role: .peserta), F.ctx))
        d.commit(try d.plan(.issueCertificate(session: EntityID(.session, 2), artisan: c, number: "DKM/BT/2026/007"), F.ctx))
        d.commit(try d.plan(.issueCertificates(session: s, pattern: .standard, year: 2026), F.ctx))
        #expect(d.sessions[s]?.participant(a)?.certificate == "DKM/BT/2026/008" && d.sessions[s]?.participant(b)?.certificate == nil)
        // Issuing again gives nobody a second number.
        let again = try d.plan(.issueCertificates(session: s, pattern: .standard, year: 2026), F.ctx)
        #expect(again.detail == "none due")
        // One day is enough when the session says so.
        let lenient = try data(minDays: 1)
        var l = lenient
        l.commit(try l.plan(.checkIn(session: s, artisan: b, day: F.today, time: at(8, 0), enrol: false), F.ctx))
        #expect(CheckInRules.eligible(l.sessions[s]!.participant(b)!, in: l.sessions[s]!))
    }

    @Test func patternsFillYearAndCounter() {
        let p = CertificatePattern("SERT-{year}-{n:04}/MLG")
        #expect(p.number(year: 2027, 12) == "SERT-2027-0012/MLG" && p.counter(of: "SERT-2027-0012/MLG", year: 2027) == 12)
        #expect(p.counter(of: "SERT-2026-0012/MLG", year: 2027) == nil && !CertificatePattern("no counter").isValid)
        #expect(CertificatePattern.standard.number(year: 2026, 1) == "DKM/BT/2026/001")
    }
}
