import Testing
@testable import KriyaCore

/// Issue 14: the door records the right person on the right day, a mark can be corrected, and
/// the same person is never registered twice by accident.
@Suite struct EventDayRulesTests {
    typealias F = Fixture
    let sid = EntityID(.session, 1)
    let a = EntityID(.artisan, 1), b = EntityID(.artisan, 2), c = EntityID(.artisan, 3)

    /// A two-day session from today, capacity 2: two people registered, a third on the waitlist.
    func data(capacity: Int = 2) throws -> Dataset {
        try F.build([.addSession(F.session(start: F.today, days: 2, capacity: capacity)),
                     .addArtisan(F.artisan("Ani", phone: "0812-0000-0001")), .addArtisan(F.artisan("Budi", phone: "0812-0000-0002")),
                     .addArtisan(F.artisan("Citra", phone: "0812-0000-0003")),
                     .enrol(session: sid, artisan: a, role: .peserta), .enrol(session: sid, artisan: b, role: .peserta),
                     .enrol(session: sid, artisan: c, role: .peserta)])
    }

    @Test func noMarkOnAMeetingDayThatHasNotBegun() throws {
        let d = try data()
        let tomorrow = F.today.adding(days: 1)
        for command: Command in [.checkIn(session: sid, artisan: a, day: tomorrow, time: ClockTime(hour: 8, minute: 0)!, enrol: false),
                                 .markAttendance(session: sid, artisan: a, day: tomorrow, mark: .izin, time: nil, note: nil),
                                 .closeDay(session: sid, day: tomorrow)] {
            #expect(throws: CommandError.dayNotBegun(tomorrow, of: sid)) { try d.plan(command, F.ctx) }
        }
        // Today's is fine.
        #expect(throws: Never.self) { try d.plan(.checkIn(session: sid, artisan: a, day: F.today, time: ClockTime(hour: 8, minute: 0)!, enrol: false), F.ctx) }
    }

    @Test func anyMarkCanBeCorrectedWithAReasonOrTakenAway() throws {
        var d = try data()
        d.commit(try d.plan(.checkIn(session: sid, artisan: a, day: F.today, time: ClockTime(hour: 8, minute: 0)!, enrol: false), F.ctx))
        // The wrong person was checked in: corrected to sakit, with why; then taken away altogether.
        d.commit(try d.plan(.markAttendance(session: sid, artisan: a, day: F.today, mark: .sakit, time: nil, note: " demam "), F.ctx))
        let mark = try #require(d.sessions[sid]?.participant(a)?.mark(on: F.today))
        #expect(mark.mark == .sakit && mark.note == "demam" && !mark.mark.countsAsPresent)
        let clear = try d.plan(.clearAttendance(session: sid, artisan: a, day: F.today), F.ctx)
        #expect(clear.command == "clear-attendance")
        d.commit(clear)
        #expect(d.sessions[sid]?.participant(a)?.mark(on: F.today) == nil)
        // Nothing to take away: said so.
        #expect(throws: CommandError.self) { try d.plan(.clearAttendance(session: sid, artisan: a, day: F.today), F.ctx) }
        // Someone who withdrew after coming keeps the mark, and it can still be corrected.
        d.commit(try d.plan(.checkIn(session: sid, artisan: b, day: F.today, time: ClockTime(hour: 8, minute: 0)!, enrol: false), F.ctx))
        d.commit(try d.plan(.withdraw(session: sid, artisan: b), F.ctx))
        #expect(d.sessions[sid]?.participant(b)?.mark(on: F.today)?.mark == .hadir)
        #expect(throws: Never.self) { try d.plan(.markAttendance(session: sid, artisan: b, day: F.today, mark: .izin, time: nil, note: nil), F.ctx) }
    }

    @Test func aWaitlistedPersonIsNotUnknownAtTheDoor() throws {
        let d = try data()
        let at8 = ClockTime(hour: 8, minute: 0)!
        #expect(throws: CommandError.onWaitlist(c, in: sid)) { try d.plan(.checkIn(session: sid, artisan: c, day: F.today, time: at8, enrol: false), F.ctx) }
        // Moved up at the door on purpose.
        let change = try d.plan(.checkIn(session: sid, artisan: c, day: F.today, time: at8, enrol: true, pastCapacity: true), F.ctx)
        #expect(change.sessions.first?.participant(c)?.enrolment == .registered)
    }

    @Test func aWithdrawalNeverMovesSomeoneUpPastTheCapacity() throws {
        var d = try data()
        // Let in at the door over capacity: 3 registered for 2 seats, nobody waiting any more.
        d.commit(try d.plan(.checkIn(session: sid, artisan: c, day: F.today, time: ClockTime(hour: 8, minute: 0)!, enrol: true, pastCapacity: true), F.ctx))
        d.commit(try d.plan(.addArtisan(F.artisan("Dewi", phone: "0812-0000-0004")), F.ctx))
        let dewi = EntityID(.artisan, 4)
        d.commit(try d.plan(.enrol(session: sid, artisan: dewi, role: .peserta), F.ctx))
        #expect(d.sessions[sid]?.participant(dewi)?.enrolment == .waitlist)
        // One withdraws: 2 left in 2 seats, so Dewi stays on the waitlist.
        let change = try d.plan(.withdraw(session: sid, artisan: a), F.ctx)
        d.commit(change)
        #expect(d.sessions[sid]?.participant(dewi)?.enrolment == .waitlist)
        // Another withdraws: a seat is free now, Dewi moves up.
        d.commit(try d.plan(.withdraw(session: sid, artisan: b), F.ctx))
        #expect(d.sessions[sid]?.participant(dewi)?.enrolment == .registered)
    }

    @Test func theSamePersonIsNotRegisteredTwiceByAccident() throws {
        var siti = F.artisan("Siti Rahayu", phone: "0812-0000-1234")
        siti.nib = "1234567890123"
        siti.nik = "3573010101010001"
        let d = try F.build([.addArtisan(siti)])
        let first = EntityID(.artisan, 1)
        // The same phone typed another way, the same NIB, the same NIK.
        var again = F.artisan("Siti R.", phone: "+62 812 0000 1234")
        #expect(throws: CommandError.duplicate(first, name: "Siti Rahayu", field: "phone")) { try d.plan(.addArtisan(again), F.ctx) }
        again.phone = "0813-1111-2222"
        again.nib = "1234567890123"
        #expect(throws: CommandError.duplicate(first, name: "Siti Rahayu", field: "nib")) { try d.plan(.addArtisan(again), F.ctx) }
        again.nib = nil
        again.nik = "3573010101010001"
        #expect(throws: CommandError.duplicate(first, name: "Siti Rahayu", field: "nik")) { try d.plan(.addArtisan(again), F.ctx) }
        // On purpose (a shared household phone): allowed, and then found by the check.
        var household = F.artisan("Budi Rahayu", phone: "081200001234")
        household.business = "Ukir Budi"
        var both = d
        both.commit(try both.plan(.addArtisan(household, allowDuplicate: true), F.ctx))
        let found = both.likelyDuplicates()
        #expect(found.count == 1 && found[0].field == "phone" && found[0].ids == [first, EntityID(.artisan, 2)])
        // The same name in the same kelurahan is only a hint.
        var namesake = F.artisan("siti rahayu", phone: "0899-0000-0000")
        namesake.id = EntityID(.artisan, 99)
        #expect(both.sameNameAndPlace(as: namesake).map(\.id) == [first])
    }

    /// Finding 6: planned → ongoing on the first day → done when the last day is closed; the
    /// counts say participants, waitlist and speakers apart, the same everywhere.
    @Test func aSessionRunsFromItsFirstDayAndEndsWhenItsLastIsClosed() throws {
        var d = try data()
        let s0 = try #require(d.sessions[sid])
        #expect(s0.status == .planned && s0.status(on: F.today.adding(days: -1)) == .planned && s0.status(on: F.today) == .ongoing)
        d.commit(try d.plan(.checkIn(session: sid, artisan: a, day: F.today, time: ClockTime(hour: 8, minute: 0)!, enrol: false), F.ctx))
        #expect(d.sessions[sid]?.status == .ongoing)
        // Closing the first of two days does not end it; closing the last does.
        d.commit(try d.plan(.closeDay(session: sid, day: F.today), F.ctx))
        #expect(d.sessions[sid]?.status == .ongoing)
        let tomorrow = CommandContext(user: "tester", today: F.today.adding(days: 1), time: ClockTime(hour: 16, minute: 0)!)
        d.commit(try d.plan(.closeDay(session: sid, day: F.today.adding(days: 1)), tomorrow))
        #expect(d.sessions[sid]?.status == .done && d.sessions[sid]?.status(on: F.today.adding(days: 5)) == .done)
        // A cancelled session stays cancelled whatever the date.
        var cancelled = try #require(d.sessions[sid])
        cancelled.status = .cancelled
        #expect(cancelled.status(on: F.today) == .cancelled)
    }

    @Test func countsKeepSpeakersAndTheWaitlistApart() throws {
        var d = try data()
        d.commit(try d.plan(.addArtisan(F.artisan("Dewi", phone: "0812-0000-0004")), F.ctx))
        d.commit(try d.plan(.enrol(session: sid, artisan: EntityID(.artisan, 4), role: .narasumber), F.ctx))
        let s = try #require(d.sessions[sid])
        #expect(s.enrolledCount == 2)
        #expect(L10n.people(s, .id) == "2 peserta terdaftar, kapasitas 2 · 1 di daftar tunggu · 1 narasumber")
        #expect(L10n.people(s, .en) == "2 participants registered, capacity 2 · 1 on the waitlist · 1 speaker")
        // Let in at the door beyond the capacity: said as such, never "3 of 2".
        d.commit(try d.plan(.checkIn(session: sid, artisan: c, day: F.today, time: ClockTime(hour: 8, minute: 0)!, enrol: true, pastCapacity: true), F.ctx))
        #expect(L10n.enrolment(try #require(d.sessions[sid]), .id) == "3 peserta terdaftar (melebihi kapasitas 2)")
    }

    /// The sheet printed by default (CLI and console alike): today's, the next, else the last.
    @Test func theDayToPrint() throws {
        let s = try #require(try data().sessions[sid])   // today and tomorrow
        #expect(s.dayToPrint(today: F.today) == F.today)
        #expect(s.dayToPrint(today: F.today.adding(days: -5)) == F.today)
        #expect(s.dayToPrint(today: F.today.adding(days: 9)) == F.today.adding(days: 1))
    }
}

/// Issue 14, finding 9: a phone typed in pieces, with +62 and spaces, finds its owner.
@Suite struct PhoneSearchTests {
    @Test func aPhoneInPiecesIsOneTerm() throws {
        let data = try Fixture.build([.addArtisan(Fixture.artisan("Siti Rahayu", phone: "0812-0000-0120")),
                                      .addArtisan(Fixture.artisan("Budi", phone: "0813-0812-0000"))])
        let index = SearchIndex(data.artisans.items)
        for typed in ["+62 812 0000 0120", "+62 812-0000-0120", "0812 0000 0120", "62 812 0000 0120", "081200000120"] {
            #expect(index.search(typed).map { data.artisans.items[$0].name } == ["Siti Rahayu"], "\(typed)")
        }
        #expect(SearchIndex.terms("batik 0812").count == 2)
    }

    /// The door's and the participants list's boxes compare phones one way.
    @Test func oneSearchKeyForAPhoneInAnySpelling() {
        for typed in ["0812-0000-0120", "+62 812 0000 0120", "62812 0000 0120", "(0812) 0000.0120"] {
            #expect(Phone.searchKey(typed) == "81200000120", "\(typed)")
            #expect(Phone.matches("+6281200000120", Phone.searchKey(typed)!))
        }
        #expect(Phone.searchKey("0120") == nil, "three digits after the 0: too few to mean anyone")
        #expect(Phone.searchKey("20120") == "20120" && Phone.matches("+6281200020120", "20120"))
        #expect(Phone.searchKey("siti 0812") == nil && Phone.searchKey("081") == nil)
    }
}

/// Issue 14, finding 7: the month view marks a clash on the days someone is booked twice.
@Suite struct ClashDayTests {
    @Test func onlyTheSharedDaysAreClashDays() throws {
        let t = Fixture.today
        var fair = Fixture.exhibition(start: t.adding(days: 19), days: 1)
        fair.name = "Pameran Sehari"
        let data = try Fixture.build([
            .addArtisan(Fixture.artisan()), .addSession(Fixture.session(start: t.adding(days: 18), days: 3)), .addExhibition(fair),
            .enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta),
            .propose(exhibition: EntityID(.exhibition, 1), artisan: EntityID(.artisan, 1)),
        ])
        let items = Agenda.items(data, from: t, to: t.adding(days: 40))
        #expect(items.count == 2 && items.allSatisfy { $0.clashDays == [t.adding(days: 19)] })
    }
}

/// Issue 14, finding 8: booths are written one way and their refusal says whose; sales come
/// from the fair and must be plausible.
@Suite struct BoothAndSalesTests {
    @Test func boothNumbersAreWrittenOneWay() {
        for typed in ["a 1", "A-1", "A01", "a-01", " A1 "] { #expect(Booth.normalise(typed) == "A-01", "\(typed)") }
        #expect(Booth.normalise("B12") == "B-12" && Booth.normalise("Hall 3 / 12") == "HALL 3 / 12")
    }

    @Test func aBoothGivenTwiceIsRefusedSayingWhose() throws {
        let eid = EntityID(.exhibition, 1)
        var d = try Fixture.build([.addExhibition(Fixture.exhibition(start: Fixture.today.adding(days: -1))),
                                   .addArtisan(Fixture.artisan("Ani", phone: "0812-0000-0001")),
                                   .addArtisan(Fixture.artisan("Budi", phone: "0812-0000-0002")),
                                   .propose(exhibition: eid, artisan: EntityID(.artisan, 1)),
                                   .propose(exhibition: eid, artisan: EntityID(.artisan, 2))])
        d.commit(try d.plan(.assignBooth(exhibition: eid, artisan: EntityID(.artisan, 1), booth: "a 1"), Fixture.ctx))
        #expect(d.exhibitions[eid]?.participant(EntityID(.artisan, 1))?.booth == "A-01")
        #expect(throws: CommandError.boothTaken("A-01", by: EntityID(.artisan, 1), name: "Ani")) {
            try d.plan(.assignBooth(exhibition: eid, artisan: EntityID(.artisan, 2), booth: "A-1"), Fixture.ctx)
        }
        // Sales: plausible ones from the first day on.
        let sale = { (s: Int64?, t: Int?) in Command.recordSales(exhibition: eid, artisan: EntityID(.artisan, 1), sales: s, transactions: t, leads: nil) }
        #expect(throws: CommandError.implausibleSales(5, transactions: 0)) { try d.plan(sale(5, nil), Fixture.ctx) }
        #expect(throws: CommandError.implausibleSales(2_100, transactions: 2_100_000)) { try d.plan(sale(2_100, 2_100_000), Fixture.ctx) }
        #expect(throws: Never.self) { try d.plan(sale(2_100_000, 7), Fixture.ctx) }
        let early = CommandContext(user: "t", today: Fixture.today.adding(days: -5), time: ClockTime(hour: 9, minute: 0)!)
        #expect(throws: CommandError.fairNotBegun(eid, starts: Fixture.today.adding(days: -1))) { try d.plan(sale(2_100_000, 7), early) }
    }
}
