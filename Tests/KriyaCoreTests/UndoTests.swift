import Testing
@testable import KriyaCore

/// Undo, archive and delete: each a command, checked against the current state.
@Suite struct UndoTests {
    typealias F = Fixture

    /// Applies `command` and returns how to undo it.
    func apply(_ command: Command, to data: inout Dataset) throws -> Reversal {
        let change = try data.plan(command, F.ctx)
        let reversal = data.reversal(of: change)
        data.commit(change)
        return reversal
    }

    @Test func undoingAnEditPutsTheOldValuesBackAtANewRevision() throws {
        var data = try F.build([.addArtisan(F.artisan())])
        var edited = data.artisans.items[0]
        edited.business = "Sekar Baru"
        let undo = try apply(.updateArtisan(edited, baseRev: 1), to: &data)
        let change = try data.plan(.undo(undo), F.ctx)
        #expect(change.command == "undo" && change.detail == "update-artisan")
        #expect(change.fields.contains(FieldChange(field: "business", from: "Sekar Baru", to: "Keramik Sekar Dinoyo")))
        data.commit(change)
        #expect(data.artisans.items[0].business == "Keramik Sekar Dinoyo" && data.artisans.items[0].rev == 3)
    }

    @Test func undoingAnAddRemovesTheRecordButNotItsId() throws {
        var data = Dataset()
        let undo = try apply(.addArtisan(F.artisan()), to: &data)
        data.commit(try data.plan(.undo(undo), F.ctx))
        #expect(data.artisans.count == 0)
        let next = try data.plan(.addArtisan(F.artisan("Budi")), F.ctx)
        #expect(next.targets == [EntityID(.artisan, 2)])
    }

    @Test func undoingAnEnrolmentWithdrawsIt() throws {
        var data = try F.build([.addArtisan(F.artisan()), .addSession(F.session())])
        let a = EntityID(.artisan, 1), s = EntityID(.session, 1)
        let undo = try apply(.enrol(session: s, artisan: a, role: .peserta), to: &data)
        data.commit(try data.plan(.undo(undo), F.ctx))
        #expect(data.sessions[s]?.participants.isEmpty == true)
    }

    @Test func anUndoIsRefusedWhenSomeoneChangedTheRecordSince() throws {
        var data = try F.build([.addArtisan(F.artisan())])
        var mine = data.artisans.items[0]
        mine.brand = "Sekar"
        let undo = try apply(.updateArtisan(mine, baseRev: 1), to: &data)
        var theirs = data.artisans.items[0]
        theirs.notes = "called"
        data.commit(try data.plan(.updateArtisan(theirs, baseRev: 2), F.ctx))
        #expect(throws: CommandError.conflict(EntityID(.artisan, 1), base: 2, current: 3)) { try data.plan(.undo(undo), F.ctx) }
        // Undoing an add after someone enrolled the new artisan: refused, the enrolment stays.
        var other = Dataset()
        let undoAdd = try apply(.addArtisan(F.artisan()), to: &other)
        other.commit(try other.plan(.addSession(F.session()), F.ctx))
        other.commit(try other.plan(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta), F.ctx))
        #expect(throws: CommandError.referenced(EntityID(.artisan, 1), sessions: 1, exhibitions: 0)) { try other.plan(.undo(undoAdd), F.ctx) }
    }

    @Test func onlyWhatNothingRefersToIsDeletedTheRestIsArchived() throws {
        let a = EntityID(.artisan, 1), b = EntityID(.artisan, 2), s = EntityID(.session, 1)
        var data = try F.build([.addArtisan(F.artisan()), .addArtisan(F.artisan("Budi", phone: "0812-0000-9999")),
                                .addSession(F.session()), .enrol(session: s, artisan: a, role: .peserta)])
        #expect(throws: CommandError.referenced(a, sessions: 1, exhibitions: 0)) { try data.plan(.delete(a, baseRev: 1), F.ctx) }
        #expect(throws: CommandError.hasParticipants(s, 1)) { try data.plan(.delete(s, baseRev: 2), F.ctx) }
        #expect(throws: CommandError.conflict(b, base: 7, current: 1)) { try data.plan(.delete(b, baseRev: 7), F.ctx) }
        data.commit(try data.plan(.delete(b, baseRev: 1), F.ctx))
        #expect(data.artisans[b] == nil && data.artisans.count == 1)
        let archived = try data.plan(.archiveArtisan(a, archived: true, baseRev: 1), F.ctx)
        #expect(archived.command == "archive-artisan" && archived.fields == [FieldChange(field: "archived", from: "false", to: "true")])
        data.commit(archived)
        #expect(data.artisans[a]?.archived == true && data.sessions[s]?.participant(a) != nil)
    }
}

/// The field-by-field merge behind the conflict view.
@Suite struct ThreeWayMergeTests {
    let fields = ["name", "phone", "brand", "notes"]
    let base = ["name": "Siti", "phone": "0812", "brand": "Sekar", "notes": ""]

    @Test func fieldsOneSideChangedAreTakenAndOnlyRealClashesAreAsked() {
        let theirs = ["name": "Siti", "phone": "0813", "brand": "Sekar Jaya", "notes": ""]
        let mine = ["name": "Siti R.", "phone": "0812", "brand": "Sekar Baru", "notes": ""]
        var m = ThreeWayMerge(fields: fields, base: base, theirs: theirs, mine: mine)
        #expect(m.conflicts.map(\.field) == ["brand"] && m.takenFromTheirs == ["phone"] && m.keptMine == ["name"])
        #expect(m.result == ["name": "Siti R.", "phone": "0813", "brand": "Sekar Baru", "notes": ""])
        m.conflicts[0].keepMine = false
        #expect(m.result["brand"] == "Sekar Jaya")
        // The same new value on both sides is no clash.
        let same = ThreeWayMerge(fields: fields, base: base, theirs: mine, mine: mine)
        #expect(same.conflicts.isEmpty && same.result == mine)
    }

    @Test func withoutTheBaseEveryDifferenceIsAsked() {
        let theirs = ["name": "Siti", "phone": "0813", "brand": "Sekar", "notes": "x"]
        let mine = ["name": "Siti", "phone": "0812", "brand": "Sekar", "notes": ""]
        let m = ThreeWayMerge(fields: fields, base: nil, theirs: theirs, mine: mine)
        #expect(m.conflicts.map(\.field) == ["phone", "notes"] && m.takenFromTheirs.isEmpty)
    }
}
