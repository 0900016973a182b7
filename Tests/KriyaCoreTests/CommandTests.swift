import Testing
@testable import KriyaCore

@Suite struct ValidationTests {
    @Test func everyProblemIsReportedByField() {
        var a = Fixture.artisan(" ", phone: "0341-551234", kelurahan: "nowhere", business: "")
        a.nib = "12345"
        a.kbli = "1a345"
        a.email = "siti@"
        a.workers = -1
        a.products = [Product(name: "", price: -5)]
        let fields = Validation.check(a).map(\.field)
        #expect(fields == ["name", "phone", "email", "kelurahan", "business", "nib", "kbli", "workers",
                           "products[1].name", "products[1].price"])
    }

    @Test func aGoodArtisanHasNoProblems() {
        var a = Fixture.artisan()
        a.nib = "1234567890123"
        a.email = "siti@contoh.id"
        #expect(Validation.check(a).isEmpty)
    }

    @Test func sessionDatesAndCapacity() {
        var s = Fixture.session()
        s.end = s.start.adding(days: -1)
        s.capacity = 0
        s.meetingDays = [s.start.adding(days: 30)]
        let problems = Validation.check(s)
        #expect(problems.contains(FieldError("end", .endBeforeStart)))
        #expect(problems.contains(FieldError("capacity", .notPositive)))
        #expect(problems.contains { $0.field == "meetingDays" })
    }

    @Test func aBoothIsGivenOnce() {
        var e = Fixture.exhibition()
        var p1 = ExhibitionParticipant(artisan: EntityID(.artisan, 1), curation: .accepted)
        p1.booth = "A-01"
        var p2 = ExhibitionParticipant(artisan: EntityID(.artisan, 2), curation: .accepted)
        p2.booth = "a-01"
        e.participants = [p1, p2]
        #expect(Validation.check(e) == [FieldError("participants[2].booth", .duplicate("a-01"))])
        e.participants[1].curation = .withdrawn   // a withdrawn exhibitor frees the booth
        #expect(Validation.check(e).isEmpty)
    }
}

@Suite struct CommandTests {
    @Test func addAssignsIncreasingIdsAndNormalisesThePhone() throws {
        let data = try Fixture.build([.addArtisan(Fixture.artisan()), .addArtisan(Fixture.artisan("Budi", phone: "+62 813 0000 0002"))])
        #expect(data.artisans.items.map(\.id.description) == ["A-000001", "A-000002"])
        let siti = data.artisans[EntityID(.artisan, 1)]!
        #expect(siti.phone == "+6281200001234")
        #expect(siti.phoneShown == "0812-0000-1234")
        #expect(siti.rev == 1)
    }

    @Test func invalidAddThrowsEveryProblemAndChangesNothing() {
        let data = Dataset()
        #expect(throws: CommandError.invalid([FieldError("name", .required), FieldError("business", .required)])) {
            try data.plan(.addArtisan(Fixture.artisan("", business: "")), Fixture.ctx)
        }
        #expect(data.artisans.count == 0)
    }

    @Test func aStaleRevisionIsAConflict() throws {
        var data = try Fixture.build([.addArtisan(Fixture.artisan())])
        var mine = data.artisans[EntityID(.artisan, 1)]!
        var theirs = mine
        theirs.business = "Keramik Sekar Jaya"
        data.commit(try data.plan(.updateArtisan(theirs, baseRev: 1), Fixture.ctx))
        mine.brand = "Sekar"
        #expect(throws: CommandError.conflict(EntityID(.artisan, 1), base: 1, current: 2)) {
            try data.plan(.updateArtisan(mine, baseRev: 1), Fixture.ctx)
        }
        #expect(data.artisans[EntityID(.artisan, 1)]!.business == "Keramik Sekar Jaya")
    }

    @Test func updateAuditsOnlyTheFieldsThatChanged() throws {
        let data = try Fixture.build([.addArtisan(Fixture.artisan())])
        var a = data.artisans[EntityID(.artisan, 1)]!
        a.business = "Keramik Sekar Jaya"
        a.products = [Product(name: "Vas", price: 75_000)]
        let change = try data.plan(.updateArtisan(a, baseRev: 1), Fixture.ctx)
        #expect(change.fields == [FieldChange(field: "business", from: "Keramik Sekar Dinoyo", to: "Keramik Sekar Jaya"),
                                  FieldChange(field: "products", from: "", to: "Vas 75000")])
    }

    @Test func enrolmentFillsThenWaitlistsThenPromotes() throws {
        var commands: [Command] = [.addSession(Fixture.session(capacity: 2))]
        for i in 1...3 { commands.append(.addArtisan(Fixture.artisan("P\(i)", phone: "0812000000\(10 + i)"))) }
        for i in 1...3 { commands.append(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, i), role: .peserta)) }
        var data = try Fixture.build(commands)
        var s = data.sessions[EntityID(.session, 1)]!
        #expect(s.participants.map(\.enrolment) == [.registered, .registered, .waitlist])
        #expect(throws: CommandError.alreadyEnrolled(EntityID(.artisan, 1), in: EntityID(.session, 1))) {
            try data.plan(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta), Fixture.ctx)
        }
        data.commit(try data.plan(.withdraw(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1)), Fixture.ctx))
        s = data.sessions[EntityID(.session, 1)]!
        #expect(s.participants.map(\.enrolment) == [.cancelled, .registered, .registered])
        #expect(s.rev == 5)
    }

    @Test func attendanceOnlyOnMeetingDaysAndForEnrolledPeople() throws {
        let sid = EntityID(.session, 1), aid = EntityID(.artisan, 1)
        var data = try Fixture.build([.addSession(Fixture.session()), .addArtisan(Fixture.artisan())])
        let day = data.sessions[sid]!.start
        // On the day itself (a mark on a day that has not begun is refused: see below).
        let onDay = CommandContext(user: "tester", today: day, time: ClockTime(hour: 9, minute: 0)!)
        #expect(throws: CommandError.dayNotBegun(day, of: sid)) {
            try data.plan(.markAttendance(session: sid, artisan: aid, day: day, mark: .hadir, time: nil, note: nil), Fixture.ctx)
        }
        #expect(throws: CommandError.notEnrolled(aid, in: sid)) {
            try data.plan(.markAttendance(session: sid, artisan: aid, day: day, mark: .hadir, time: nil, note: nil), onDay)
        }
        data.commit(try data.plan(.enrol(session: sid, artisan: aid, role: .peserta), Fixture.ctx))
        #expect(throws: CommandError.notAMeetingDay(day.adding(days: 5), of: sid)) {
            try data.plan(.markAttendance(session: sid, artisan: aid, day: day.adding(days: 5), mark: .hadir, time: nil, note: nil), onDay)
        }
        let t = ClockTime(hour: 8, minute: 20)
        data.commit(try data.plan(.markAttendance(session: sid, artisan: aid, day: day, mark: .hadir, time: t, note: nil), onDay))
        // Marking the same day again replaces the mark, never counts twice.
        data.commit(try data.plan(.markAttendance(session: sid, artisan: aid, day: day, mark: .terlambat, time: t, note: nil), onDay))
        let p = data.sessions[sid]!.participant(aid)!
        #expect(p.attendance.count == 1)
        #expect(p.attendance[0].mark == .terlambat)
        #expect(p.attendance[0].by == "tester")
    }

    @Test func referencesMustExist() throws {
        let data = try Fixture.build([.addSession(Fixture.session())])
        #expect(throws: CommandError.notFound(EntityID(.artisan, 9))) {
            try data.plan(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 9), role: .peserta), Fixture.ctx)
        }
        var s = Fixture.session()
        s.participants = [SessionParticipant(artisan: EntityID(.artisan, 4))]
        #expect(throws: CommandError.invalid([FieldError("participants[1]", .unknownReference(EntityID(.artisan, 4)))])) {
            try data.plan(.addSession(s), Fixture.ctx)
        }
    }

    @Test func replayingAnOlderRevisionChangesNothing() throws {
        var data = try Fixture.build([.addArtisan(Fixture.artisan())])
        var a = data.artisans[EntityID(.artisan, 1)]!
        let old = a
        a.business = "Baru"
        data.commit(try data.plan(.updateArtisan(a, baseRev: 1), Fixture.ctx))
        var replay = Change(command: "replay")
        replay.artisans = [old]
        data.commit(replay)
        #expect(data.artisans[EntityID(.artisan, 1)]!.business == "Baru")
    }
}

@Suite struct LengthLimitTests {
    /// Limits count characters, not bytes: 120 accented letters are a name that fits.
    @Test func lengthsAreCharacters() {
        var a = Fixture.artisan(String(repeating: "é", count: 120))
        #expect(Validation.check(a).isEmpty)
        a.name += "é"
        #expect(Validation.check(a) == [FieldError("name", .tooLong(max: 120))])
    }
}

@Suite struct ControlCharacterTests {
    /// Escapes, bells, DEL and C1 controls are refused in text fields; tabs and line breaks
    /// (an address on two lines) are not.
    @Test func controlsAreRefusedLineBreaksAreNot() {
        var a = Fixture.artisan("Siti\u{1B}[2J")
        a.address = "Jl. Bunga 1\nRT 02\tRW 03"
        a.notes = "lunas\u{7F}"
        a.brand = "Sekar\u{9B}31m"
        #expect(Validation.check(a) == [FieldError("name", .controlCharacters), FieldError("brand", .controlCharacters),
                                        FieldError("notes", .controlCharacters)])
        a.name = "Siti Rahayu"; a.notes = "lunas"; a.brand = "Sekar ✓"
        #expect(Validation.check(a).isEmpty)
    }
}
