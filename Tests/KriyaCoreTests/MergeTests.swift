import Testing
@testable import KriyaCore

/// Issue 14, duplicates already stored: two records of one person made one, nothing lost.
@Suite struct MergeTests {
    typealias F = Fixture
    let sid = EntityID(.session, 1), eid = EntityID(.exhibition, 1)
    let keep = EntityID(.artisan, 1), dup = EntityID(.artisan, 2), other = EntityID(.artisan, 3)

    /// Siti twice (the second registered "anyway" with the same phone, an email and a PIRT),
    /// both in a two-day session (each marked one day), the duplicate alone in a fair.
    func data() throws -> Dataset {
        var second = F.artisan("Siti R.", phone: "+62 812 0000 1234")
        second.email = "siti@example.id"
        second.certifications = [Certification(kind: .pirt)]
        let ctx2 = CommandContext(user: "tester", today: F.today.adding(days: 1), time: ClockTime(hour: 9, minute: 0)!)
        var d = try F.build([.addArtisan(F.artisan()), .addArtisan(second, allowDuplicate: true),
                             .addArtisan(F.artisan("Budi", phone: "0812-0000-9999")),
                             .addSession(F.session(start: F.today, days: 2)), .addExhibition(F.exhibition()),
                             .enrol(session: sid, artisan: keep, role: .peserta), .enrol(session: sid, artisan: dup, role: .peserta),
                             .checkIn(session: sid, artisan: keep, day: F.today, time: ClockTime(hour: 8, minute: 0)!, enrol: false),
                             .propose(exhibition: eid, artisan: dup)])
        d.commit(try d.plan(.checkIn(session: sid, artisan: dup, day: F.today.adding(days: 1), time: ClockTime(hour: 8, minute: 0)!, enrol: false), ctx2))
        return d
    }

    @Test func theDuplicatesPlacesAndMissingValuesMoveAndItIsArchivedWithAPointer() throws {
        var d = try data()
        #expect(d.duplicates(of: keep).map(\.artisan.id) == [dup] && d.duplicates(of: keep).first?.field == "phone")
        let (k, o) = (try #require(d.artisans[keep]), try #require(d.artisans[dup]))
        let change = try d.plan(.mergeArtisans(keep: keep, other: dup, keepRev: k.rev, otherRev: o.rev), F.ctx)
        let undo = d.reversal(of: change)
        d.commit(change)
        let s = try #require(d.sessions[sid])
        // One entry for Siti, with both days' marks; the duplicate is gone from the session.
        #expect(s.participants.filter { $0.artisan == keep }.count == 1 && s.participant(dup) == nil)
        #expect(s.participant(keep)?.attendance.count == 2)
        #expect(d.exhibitions[eid]?.participant(keep) != nil && d.exhibitions[eid]?.participant(dup) == nil)
        let kept = try #require(d.artisans[keep]), gone = try #require(d.artisans[dup])
        #expect(kept.email == "siti@example.id" && kept.certifications.map(\.kind) == [.pirt] && kept.name == "Siti Rahayu")
        #expect(gone.archived && gone.mergedInto == keep)
        // Merged records are no longer listed as duplicates; a new one with that phone meets the one kept.
        #expect(d.likelyDuplicates().isEmpty && d.duplicates(of: keep).isEmpty)
        #expect(throws: CommandError.duplicate(keep, name: "Siti Rahayu", field: "phone")) {
            try d.plan(.addArtisan(F.artisan("Siti", phone: "0812 0000 1234")), F.ctx)
        }
        // Not twice, not into itself; and one step back puts everything as it was.
        #expect(throws: CommandError.alreadyMerged(dup, into: keep)) {
            try d.plan(.mergeArtisans(keep: other, other: dup, keepRev: 1, otherRev: gone.rev), F.ctx)
        }
        #expect(throws: CommandError.self) { try d.plan(.mergeArtisans(keep: keep, other: keep, keepRev: kept.rev, otherRev: kept.rev), F.ctx) }
        d.commit(try d.plan(.undo(undo), F.ctx))
        #expect(d.sessions[sid]?.participant(dup)?.attendance.count == 1 && d.artisans[dup]?.mergedInto == nil && d.artisans[keep]?.email == nil)
        // In the staff's words.
        #expect(ChangeWords.summary(change, .id, name: { $0 == keep ? "Siti Rahayu" : nil }) == "Digabungkan: A-000002 ke Siti Rahayu (A-000001)")
    }
}
