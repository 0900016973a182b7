import Testing
@testable import KriyaCore

/// Issue 16: the council itself. Terms and who serves, partners and what was run with them,
/// trainers picked from the records, outreach without certificates.
@Suite struct CouncilTests {
    typealias F = Fixture
    let t1 = Term(id: EntityID(.term, 1), name: "2018–2023", start: CivilDate(year: 2018, month: 7, day: 1)!,
                  end: CivilDate(year: 2023, month: 6, day: 30)!)
    let t2 = Term(id: EntityID(.term, 1), name: "2023–2028", start: CivilDate(year: 2023, month: 7, day: 1)!,
                  end: CivilDate(year: 2028, month: 6, day: 30)!)

    func member(_ name: String, _ position: String, term: Int, from: CivilDate? = nil, until: CivilDate? = nil) -> BoardMember {
        var m = BoardMember(id: EntityID(.member, 1), term: EntityID(.term, term), name: name, position: position)
        m.from = from
        m.until = until
        return m
    }

    func board() throws -> Dataset {
        try F.build([.addTerm(t1), .addTerm(t2),
                     .addMember(member("Ny. Widya", "Ketua", term: 1)),
                     .addMember(member("Hj. Fitri", "Ketua", term: 2, until: CivilDate(year: 2026, month: 3, day: 31)!)),
                     .addMember(member("Dr. Retno", "Ketua", term: 2, from: CivilDate(year: 2026, month: 4, day: 1)!)),
                     .addMember(member("Supriyadi", "Ketua Bidang", term: 2)),
                     .addMember(member("Bapak Agus", "Anggota", term: 2))])
    }

    @Test func theCurrentTermIsTheOneWhoseDatesHoldToday() throws {
        let data = try board()
        #expect(data.currentTerm(on: F.today)?.name == "2023–2028")
        #expect(data.currentTerm(on: CivilDate(year: 2020, month: 1, day: 1)!)?.name == "2018–2023")
        #expect(data.currentTerm(on: CivilDate(year: 2030, month: 1, day: 1)!) == nil)
        // Typed as people write it.
        #expect(data.term(named: "2018-2023")?.id == EntityID(.term, 1) && data.term(named: "2023 – 2028")?.id == EntityID(.term, 2))
        #expect(data.term(named: "T-000002")?.name == "2023–2028" && data.term(named: "2019") == nil)
        // The board in board order: chairs first, members last.
        #expect(data.board(of: EntityID(.term, 2)).map(\.position) == ["Ketua", "Ketua", "Ketua Bidang", "Anggota"])
    }

    @Test func aChairWhoLeftMidTermNoLongerSignsHerSuccessorDoes() throws {
        let data = try board()
        #expect(data.chair(on: CivilDate(year: 2025, month: 1, day: 1)!)?.name == "Hj. Fitri")
        #expect(data.chair(on: F.today)?.name == "Dr. Retno")
        let fitri = data.members[EntityID(.member, 2)]!
        #expect(fitri.serves(on: CivilDate(year: 2026, month: 3, day: 31)!, in: data.terms[fitri.term]!))
        #expect(!fitri.serves(on: CivilDate(year: 2026, month: 4, day: 1)!, in: data.terms[fitri.term]!))
        #expect(data.chair(on: CivilDate(year: 2020, month: 1, day: 1)!)?.name == "Ny. Widya")
    }

    @Test func aSeatOutsideItsTermOrOfNoTermIsRefused() throws {
        var data = try board()
        let outside = member("Budi", "Anggota", term: 2, until: CivilDate(year: 2029, month: 1, day: 1)!)
        #expect(throws: CommandError.invalid([FieldError("until", .dayOutsideRange(CivilDate(year: 2029, month: 1, day: 1)!))])) {
            try data.plan(.addMember(outside), F.ctx)
        }
        #expect(throws: CommandError.invalid([FieldError("term", .unknownReference(EntityID(.term, 9)))])) {
            try data.plan(.addMember(member("Budi", "Anggota", term: 9)), F.ctx)
        }
        var linked = member("Budi", "Anggota", term: 2)
        linked.artisan = EntityID(.artisan, 5)
        #expect(throws: CommandError.invalid([FieldError("artisan", .unknownReference(EntityID(.artisan, 5)))])) {
            try data.plan(.addMember(linked), F.ctx)
        }
        // A term that still has a board is not deleted; an empty one is.
        #expect(throws: CommandError.termHasMembers(EntityID(.term, 2), 4)) { try data.plan(.delete(EntityID(.term, 2), baseRev: 1), F.ctx) }
        data.commit(try data.plan(.addTerm(Term(id: EntityID(.term, 1), name: "2028–2033", start: CivilDate(year: 2028, month: 7, day: 1)!,
                                                end: CivilDate(year: 2033, month: 6, day: 30)!)), F.ctx))
        data.commit(try data.plan(.delete(EntityID(.term, 3), baseRev: 1), F.ctx))
        #expect(data.terms.count == 2)
        // A second term of the same name would split its board in two.
        #expect(throws: CommandError.invalid([FieldError("name", .duplicate("2023-2028"))])) {
            try data.plan(.addTerm(Term(id: EntityID(.term, 1), name: "2023-2028", start: t2.start, end: t2.end)), F.ctx)
        }
    }

    @Test func partnersAreLinkedToSessionsAndExhibitionsAndCannotBeDeletedWhileNamed() throws {
        var ub = Partner(id: EntityID(.partner, 1), name: "Universitas Brawijaya", kind: .universitas)
        ub.phone = "0812 3333 4444"
        let office = Partner(id: EntityID(.partner, 1), name: "Dinas Koperasi, Perindustrian dan Perdagangan", kind: .perangkatDaerah)
        var s = F.session()
        s.partners = [EntityID(.partner, 1), EntityID(.partner, 2)]
        var e = F.exhibition()
        e.partners = [EntityID(.partner, 2)]
        var data = try F.build([.addPartner(ub), .addPartner(office), .addSession(s), .addExhibition(e)])
        #expect(data.partners[EntityID(.partner, 1)]?.phone == "+6281233334444" && data.partners[EntityID(.partner, 1)]?.phoneShown == "0812-3333-4444")
        #expect(data.sessions(withPartner: EntityID(.partner, 1)).map(\.id) == [EntityID(.session, 1)])
        #expect(data.exhibitions(withPartner: EntityID(.partner, 2)).count == 1)
        #expect(data.partnerNames(of: data.sessions.items[0]) == ["Universitas Brawijaya", "Dinas Koperasi, Perindustrian dan Perdagangan"])
        #expect(throws: CommandError.referenced(EntityID(.partner, 2), sessions: 1, exhibitions: 1)) {
            try data.plan(.delete(EntityID(.partner, 2), baseRev: 1), F.ctx)
        }
        // A partner that is not there, or a second record of the same partner, is refused.
        var wrong = F.session()
        wrong.partners = [EntityID(.partner, 7)]
        #expect(throws: CommandError.invalid([FieldError("partners[1]", .unknownReference(EntityID(.partner, 7)))])) {
            try data.plan(.addSession(wrong), F.ctx)
        }
        #expect(throws: CommandError.self) {
            try data.plan(.addPartner(Partner(id: EntityID(.partner, 1), name: "universitas  brawijaya", kind: .universitas)), F.ctx)
        }
        // Unlinked, it goes.
        var unlinked = data.sessions.items[0]
        unlinked.partners = [EntityID(.partner, 1)]
        data.commit(try data.plan(.updateSession(unlinked, baseRev: unlinked.rev), F.ctx))
        var fair = data.exhibitions.items[0]
        fair.partners = []
        data.commit(try data.plan(.updateExhibition(fair, baseRev: fair.rev), F.ctx))
        data.commit(try data.plan(.delete(EntityID(.partner, 2), baseRev: 1), F.ctx))
        #expect(data.partners.count == 1)
    }

    @Test func trainersPickedFromTheBoardPartnersAndArtisansCountOnTheirRecords() throws {
        var partner = Partner(id: EntityID(.partner, 1), name: "Universitas Negeri Malang", kind: .universitas)
        partner.people = ["Ibu Lina Marlina, M.Ds."]
        var data = try board()
        data.commit(try data.plan(.addPartner(partner), F.ctx))
        data.commit(try data.plan(.addArtisan(F.artisan()), F.ctx))
        // Supriyadi's seat is also his artisan record.
        var seat = data.members[EntityID(.member, 4)]!
        seat.artisan = EntityID(.artisan, 1)
        data.commit(try data.plan(.updateMember(seat, baseRev: 1), F.ctx))

        // The picker: the current board first (each person once), then the partners' people.
        let choices = data.trainerChoices(today: F.today)
        #expect(choices.prefix(4).map(\.name) == ["Dr. Retno", "Hj. Fitri", "Supriyadi", "Bapak Agus"])
        #expect(choices.last == TrainerChoice(name: "Ibu Lina Marlina, M.Ds.", ref: nil, note: "Universitas Negeri Malang", partner: EntityID(.partner, 1)))

        // Taught as a board member, as an artisan, and as a speaker enrolled: one person, three sessions.
        var a = F.session()
        a.trainerRefs = [EntityID(.member, 4)]
        a.trainers = ["Ibu Lina Marlina, M.Ds."]
        var b = F.session(start: F.today.adding(days: 30))
        b.trainerRefs = [EntityID(.artisan, 1)]
        let c = F.session(start: F.today.adding(days: 60))
        for s in [a, b, c] { data.commit(try data.plan(.addSession(s), F.ctx)) }
        data.commit(try data.plan(.enrol(session: EntityID(.session, 3), artisan: EntityID(.artisan, 1), role: .narasumber), F.ctx))
        #expect(data.sessionsTaught(by: EntityID(.member, 4)).map(\.id) == [EntityID(.session, 3), EntityID(.session, 2), EntityID(.session, 1)])
        #expect(data.sessionsTaught(by: EntityID(.artisan, 1)).count == 3)
        // The artisan's detail counts from the sessions it has already: the same answer.
        #expect(data.sessionsTaught(by: EntityID(.artisan, 1), joined: data.sessions(of: EntityID(.artisan, 1))).map(\.id)
                == data.sessionsTaught(by: EntityID(.artisan, 1)).map(\.id))
        #expect(data.sessionsTaught(by: EntityID(.member, 5)).isEmpty)
        #expect(data.trainerNames(of: data.sessions.items[0]) == ["Supriyadi", "Ibu Lina Marlina, M.Ds."])
        // A trainer on record cannot be deleted from under the session; an unknown one is refused.
        #expect(throws: CommandError.referenced(EntityID(.member, 4), sessions: 1, exhibitions: 0)) {
            try data.plan(.delete(EntityID(.member, 4), baseRev: 2), F.ctx)
        }
        #expect(throws: CommandError.linkedToBoard(EntityID(.artisan, 1), member: EntityID(.member, 4))) {
            var only = data
            only.commit(try only.plan(.withdraw(session: EntityID(.session, 3), artisan: EntityID(.artisan, 1)), F.ctx))
            var s2 = only.sessions[EntityID(.session, 2)]!
            s2.trainerRefs = []
            only.commit(try only.plan(.updateSession(s2, baseRev: s2.rev), F.ctx))
            var s3 = only.sessions[EntityID(.session, 3)]!
            s3.participants = []
            only.commit(try only.plan(.updateSession(s3, baseRev: s3.rev), F.ctx))
            try only.plan(.delete(EntityID(.artisan, 1), baseRev: 1), F.ctx)
        }
        var bad = F.session()
        bad.trainerRefs = [EntityID(.member, 40)]
        #expect(throws: CommandError.invalid([FieldError("trainerRefs[1]", .unknownReference(EntityID(.member, 40)))])) {
            try data.plan(.addSession(bad), F.ctx)
        }
    }

    @Test func outreachKeepsAttendanceButGivesNoCertificatesUnlessAskedTo() throws {
        var s = F.session(start: F.today, days: 1)
        s.kind = .sosialisasi
        var data = try F.build([.addArtisan(F.artisan()), .addSession(s),
                                .enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta),
                                .checkIn(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), day: F.today,
                                         time: ClockTime(hour: 8, minute: 50)!, enrol: false)])
        let held = data.sessions.items[0]
        #expect(!held.givesCertificates && held.participants[0].mark(on: F.today)?.mark == .hadir)
        #expect(!CheckInRules.eligible(held.participants[0], in: held))
        #expect(throws: CommandError.noCertificates(EntityID(.session, 1))) {
            try data.plan(.issueCertificates(session: EntityID(.session, 1), pattern: .standard, year: 2026), F.ctx)
        }
        #expect(throws: CommandError.noCertificates(EntityID(.session, 1))) {
            try data.plan(.issueCertificate(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), number: "X/1"), F.ctx)
        }
        // Asked for on the session: given like a training's.
        var asked = held
        asked.certificates = true
        data.commit(try data.plan(.updateSession(asked, baseRev: held.rev), F.ctx))
        let change = try data.plan(.issueCertificates(session: EntityID(.session, 1), pattern: .standard, year: 2026), F.ctx)
        #expect(change.sessions[0].participants[0].certificate == "DKM/BT/2026/001")
        #expect(F.session().givesCertificates)
    }

    @Test func theCouncilsRecordsAreUndoneLikeAnyOther() throws {
        var data = try board()
        let add = try data.plan(.addPartner(Partner(id: EntityID(.partner, 1), name: "Politeknik Negeri Malang", kind: .universitas)), F.ctx)
        let reversal = data.reversal(of: add)
        data.commit(add)
        var edited = data.members[EntityID(.member, 5)]!
        edited.field = "Pemasaran"
        let edit = try data.plan(.updateMember(edited, baseRev: 1), F.ctx)
        #expect(edit.fields.map(\.field) == ["field"])
        let back = data.reversal(of: edit)
        data.commit(edit)
        data.commit(try data.plan(.undo(back), F.ctx))
        data.commit(try data.plan(.undo(reversal), F.ctx))
        #expect(data.members[EntityID(.member, 5)]?.field == nil && data.partners.count == 0)
        // Its id is not given out again.
        #expect(try data.plan(.addPartner(Partner(id: EntityID(.partner, 1), name: "UMM", kind: .universitas)), F.ctx).partners[0].id == EntityID(.partner, 2))
    }

    @Test func thePartnersReportCountsEachSessionForEachPartnerAndYear() throws {
        var training = F.session()
        training.partners = [EntityID(.partner, 1)]
        var outreach = F.session(start: CivilDate(year: 2027, month: 2, day: 1)!, days: 1)
        outreach.kind = .sosialisasi
        outreach.partners = [EntityID(.partner, 1), EntityID(.partner, 2)]
        let data = try F.build([.addPartner(Partner(id: EntityID(.partner, 1), name: "Universitas Brawijaya", kind: .universitas)),
                                .addPartner(Partner(id: EntityID(.partner, 1), name: "Bank Jatim", kind: .perusahaan)),
                                .addArtisan(F.artisan()), .addSession(training), .addSession(outreach), .addSession(F.session()),
                                .enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta)])
        let report = Report.make(.partners, data: data, today: F.today, lang: .en)
        let rows = report.sections[0].table!.rows
        #expect(rows == [["Bank Jatim", "2027", "0", "1", "0", "0"],
                         ["Universitas Brawijaya", "2026", "1", "0", "1", "0"],
                         ["Universitas Brawijaya", "2027", "0", "1", "0", "0"],
                         ["(no partner)", "2026", "1", "0", "0", "0"],
                         ["Total", "", "2", "1", "1", "0"]])
        let board = Report.make(.board, data: try self.board(), today: F.today, lang: .id)
        #expect(board.sections[0].table!.rows == [["2023–2028", "4", "1", "0"], ["2018–2023", "1", "0", "0"]])
    }
}
