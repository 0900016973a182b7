import Testing
@testable import KriyaCore

/// Issue 33: what a door did away from the office, replayed onto the office's data, each
/// conflict decided by its rule, exactly once, and the same whichever door comes back first.
@Suite struct DoorSyncTests {
    let day1 = Fixture.today
    var day2: CivilDate { day1.adding(days: 1) }
    let sid = EntityID(.session, 1)

    func at(_ hour: Int, _ minute: Int, on day: CivilDate? = nil, user: String = "pintu") -> CommandContext {
        CommandContext(user: user, today: day ?? day1, time: ClockTime(hour: hour, minute: minute)!)
    }

    /// The office: four people, a two-day session from today with the first three enrolled.
    func office() throws -> Dataset {
        var data = Dataset()
        for (i, name) in ["Ani", "Budi", "Citra", "Dewi"].enumerated() {
            data.commit(try data.plan(.addArtisan(Fixture.artisan(name, phone: "0812-0000-100\(i)")), Fixture.ctx))
        }
        data.commit(try data.plan(.addSession(Fixture.session(start: day1, days: 2)), Fixture.ctx))
        for n in 1...3 { data.commit(try data.plan(.enrol(session: sid, artisan: EntityID(.artisan, n), role: .peserta), Fixture.ctx)) }
        return data
    }

    /// Packs a door on `office` and returns the door's data (walk-ins in its own range).
    func pack(_ office: inout Dataset) throws -> (door: Dataset, number: Int, base: [BimtekSession]) {
        let change = try office.plan(.packDoor(sessions: [sid], door: DoorRecord(number: 0, packedAt: "2026-11-29 07:00", packedBy: "ratna")), Fixture.ctx)
        office.commit(change)
        let number = try #require(change.sessions.first?.doors.last?.number)
        var door = office
        door.reserve(upTo: EntityID(.artisan, DoorRecord.firstWalkInNumber(door: number)))
        return (door, number, [office.sessions[sid]!])
    }

    func back(_ door: Dataset, _ number: Int, _ base: [BimtekSession]) -> DoorReturn {
        DoorReturn(number: number, base: base, sessions: [door.sessions[sid]!],
                   walkIns: door.artisans.items.filter { DoorRecord.isDoorID($0.id) }, stamp: "2026-11-29 17:00")
    }

    func notes(_ c: Change) -> [DoorSyncNote] { (c.detail ?? "").split(separator: "\n").dropFirst().compactMap { DoorSyncNote(line: String($0)) } }

    @Test func eachRuleDecidesItsConflictAndASecondSyncChangesNothing() throws {
        var office = try office()
        var (door, number, base) = try pack(&office)
        #expect(office.sessions[sid]?.doors.first?.isOut == true)
        let (a1, a2, a3) = (EntityID(.artisan, 1), EntityID(.artisan, 2), EntityID(.artisan, 3))

        // At the door: Ani at 08:20, Citra at 08:30, a walk-in (Eko) registered and let in; the next day Budi.
        door.commit(try door.plan(.checkIn(session: sid, artisan: a1, day: day1, time: ClockTime(hour: 8, minute: 20)!, enrol: false), at(8, 20)))
        door.commit(try door.plan(.checkIn(session: sid, artisan: a3, day: day1, time: ClockTime(hour: 8, minute: 30)!, enrol: false), at(8, 30)))
        let walkIn = try door.plan(.addArtisan(Fixture.artisan("Eko Walk-in", phone: "0812-7777-0001")), at(8, 40))
        door.commit(walkIn)
        let eko = try #require(walkIn.artisans.first?.id)
        #expect(DoorRecord.isDoorID(eko) && eko.number == DoorRecord.firstWalkInNumber(door: number) + 1)
        door.commit(try door.plan(.checkIn(session: sid, artisan: eko, day: day1, time: ClockTime(hour: 8, minute: 41)!, enrol: true), at(8, 41)))
        door.commit(try door.plan(.checkIn(session: sid, artisan: a2, day: day2, time: ClockTime(hour: 8, minute: 5)!, enrol: false), at(8, 5, on: day2)))

        // At the office meanwhile: Ani checked in by hand earlier, Citra withdrawn, Eko registered
        // by phone, and the second day taken out of the session.
        office.commit(try office.plan(.checkIn(session: sid, artisan: a1, day: day1, time: ClockTime(hour: 8, minute: 5)!, enrol: false), at(8, 5, user: "ratna")))
        office.commit(try office.plan(.withdraw(session: sid, artisan: a3), Fixture.ctx))
        office.commit(try office.plan(.addArtisan(Fixture.artisan("Eko Prasetyo", phone: "0812-7777-0001")), Fixture.ctx))
        var edited = office.sessions[sid]!
        edited.meetingDays = [day1]
        edited.end = day1
        office.commit(try office.plan(.updateSession(edited, baseRev: edited.rev), Fixture.ctx))

        let change = try office.plan(.syncDoor(back(door, number, base)), Fixture.ctx)
        office.commit(change)
        let s = try #require(office.sessions[sid])
        let ekoAtOffice = try #require(office.artisans.items.first { $0.phone == "+6281277770001" }).id
        #expect(office.artisans.count == 5, "Eko is one record, the office's")
        #expect(s.participant(a1)?.mark(on: day1)?.time == ClockTime(hour: 8, minute: 5), "the earlier check-in stands")
        #expect(s.participant(a3)?.enrolment == .cancelled && s.participant(a3)?.mark(on: day1)?.mark == .hadir, "withdrawn, the mark kept")
        #expect(s.participant(ekoAtOffice)?.mark(on: day1)?.time == ClockTime(hour: 8, minute: 41))
        #expect(s.participant(a2)?.mark(on: day2) == nil, "a day that is no longer a meeting day keeps no mark")
        #expect(!s.participants.contains { DoorRecord.isDoorID($0.artisan) }, "no door id reaches the office")
        #expect(s.doors.first?.syncedAt == "2026-11-29 17:00" && s.doors.first?.walkIns == [DoorRecord.WalkIn(door: eko, office: ekoAtOffice)])
        // The card printed at the door still finds Eko at the office.
        #expect(office.officeID(ofWalkIn: eko) == ekoAtOffice && office.officeID(ofWalkIn: a1) == nil)
        let said = notes(change)
        #expect(said.contains(.earlierKept(session: sid, artisan: a1, day: day1, kept: ClockTime(hour: 8, minute: 5)!, other: ClockTime(hour: 8, minute: 20)!)))
        #expect(said.contains(.withdrawnMarked(session: sid, artisan: a3, day: day1)))
        #expect(said.contains(.sameAsOffice(door: eko, office: ekoAtOffice, field: "phone")))
        #expect(said.contains(.dayGone(session: sid, artisan: a2, day: day2)))
        for note in said { #expect(DoorSyncNote(line: note.line) == note) }

        // Again (a rerun after a crash, or twice): nothing more.
        let again = try office.plan(.syncDoor(back(door, number, base)), Fixture.ctx)
        #expect(again.sessions.isEmpty && again.artisans.isEmpty)
    }

    /// Two doors of one session, packed from the same state, brought back in either order: the
    /// same marks as one door that did both (the earlier check-in of someone seen at both).
    @Test func twoDoorsInEitherOrderGiveTheSameResult() throws {
        var start = try office()
        var (door1, n1, base1) = try pack(&start)
        var (door2, n2, base2) = try pack(&start)
        #expect(n1 != n2)
        let (a1, a2) = (EntityID(.artisan, 1), EntityID(.artisan, 2))
        door1.commit(try door1.plan(.checkIn(session: sid, artisan: a1, day: day1, time: ClockTime(hour: 8, minute: 20)!, enrol: false), at(8, 20)))
        door2.commit(try door2.plan(.checkIn(session: sid, artisan: a1, day: day1, time: ClockTime(hour: 8, minute: 10)!, enrol: false), at(8, 10)))
        door2.commit(try door2.plan(.checkIn(session: sid, artisan: a2, day: day1, time: ClockTime(hour: 8, minute: 15)!, enrol: false), at(8, 15)))
        let w1 = try door1.plan(.addArtisan(Fixture.artisan("Fajar", phone: "0812-8888-0001")), at(8, 30))
        door1.commit(w1)
        door1.commit(try door1.plan(.checkIn(session: sid, artisan: w1.artisans[0].id, day: day1, time: ClockTime(hour: 8, minute: 31)!, enrol: true), at(8, 31)))
        let w2 = try door2.plan(.addArtisan(Fixture.artisan("Fajar S.", phone: "0812-8888-0001")), at(8, 32))
        door2.commit(w2)
        door2.commit(try door2.plan(.checkIn(session: sid, artisan: w2.artisans[0].id, day: day1, time: ClockTime(hour: 8, minute: 33)!, enrol: true), at(8, 33)))

        func marks(_ order: [(Dataset, Int, [BimtekSession])]) throws -> [String] {
            var office = start
            for (door, n, base) in order { office.commit(try office.plan(.syncDoor(back(door, n, base)), Fixture.ctx)) }
            #expect(office.artisans.count == 5, "the walk-in seen at both doors is one person")
            let s = try #require(office.sessions[sid])
            return s.participants.flatMap { p in p.attendance.map { "\(p.artisan) \($0.day.iso) \($0.mark) \($0.time?.description ?? "")" } }.sorted()
        }
        let oneThenTwo = try marks([(door1, n1, base1), (door2, n2, base2)])
        let twoThenOne = try marks([(door2, n2, base2), (door1, n1, base1)])
        #expect(oneThenTwo == twoThenOne)
        #expect(oneThenTwo.contains("A-000001 \(day1.iso) hadir 08:10"))
        #expect(oneThenTwo.count == 3, "\(oneThenTwo)")
    }

    /// A door refuses what is the office's; the office's roles table knows the door's commands.
    @Test func theDoorDoesOnlyTheDoorsWork() {
        let door: [CommandName] = [.checkIn, .markAttendance, .clearAttendance, .closeDay, .enrol, .withdraw, .addArtisan, .issueCertificate, .issueCertificates, .undo]
        #expect(CommandName.allCases.filter(\.atTheDoor) == door)
        #expect(CommandName.packDoor.role == .editor && CommandName.syncDoor.role == .editor)
    }
}
