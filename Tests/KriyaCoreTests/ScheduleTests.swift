import Testing
@testable import KriyaCore

@Suite struct ConflictTests {
    let sid = EntityID(.session, 1), eid = EntityID(.exhibition, 1), aid = EntityID(.artisan, 1)

    func data(sessionStart: Int, exhibitionStart: Int, exhibitionStatus: ExhibitionStatus = .planned) throws -> Dataset {
        var e = Fixture.exhibition(start: Fixture.today.adding(days: exhibitionStart), days: 3)
        e.status = exhibitionStatus
        return try Fixture.build([
            .addArtisan(Fixture.artisan()),
            .addSession(Fixture.session(start: Fixture.today.adding(days: sessionStart), days: 2)),
            .addExhibition(e),
            .enrol(session: sid, artisan: aid, role: .peserta),
            .propose(exhibition: eid, artisan: aid),
        ])
    }

    @Test func overlappingBookingsAreFound() throws {
        let clashes = Conflicts.find(try data(sessionStart: 10, exhibitionStart: 11))
        #expect(clashes == [BookingConflict(artisan: aid, first: sid, second: eid, day: Fixture.today.adding(days: 11))])
        let items = Agenda.items(try data(sessionStart: 10, exhibitionStart: 11), from: Fixture.today, to: Fixture.today.adding(days: 30))
        #expect(items.map(\.id) == [sid, eid])
        #expect(items.allSatisfy { $0.conflicts == [aid] })
    }

    @Test func backToBackIsNotAConflict() throws {
        #expect(Conflicts.find(try data(sessionStart: 10, exhibitionStart: 12)).isEmpty)
    }

    @Test func cancelledEventsDoNotClash() throws {
        #expect(Conflicts.find(try data(sessionStart: 10, exhibitionStart: 11, exhibitionStatus: .cancelled)).isEmpty)
    }

    @Test func agendaKeepsToItsDates() throws {
        let d = try data(sessionStart: 10, exhibitionStart: 40)
        #expect(Agenda.items(d, from: Fixture.today, to: Fixture.today.adding(days: 20)).map(\.id) == [sid])
        #expect(Agenda.items(d, from: Fixture.today.adding(days: 11), to: Fixture.today.adding(days: 41)).map(\.id) == [sid, eid])
    }
}

@Suite struct DemoDataTests {
    let data = DemoData.make(artisans: 300, today: Fixture.today)

    @Test func isDeterministic() {
        let again = DemoData.make(artisans: 300, today: Fixture.today)
        #expect(again.artisans.items == data.artisans.items)
        #expect(again.sessions.items == data.sessions.items)
        #expect(again.exhibitions.items == data.exhibitions.items)
    }

    @Test func coversTheCityAndTheCrafts() {
        #expect(data.artisans.count == 300)
        #expect(Set(data.artisans.items.map(\.kelurahan)).count == 57)
        #expect(Set(data.artisans.items.map(\.category)).count == 12)
        #expect(data.artisans.items.contains { $0.kelurahan == "35.73.05.1004" && $0.category == .keramikGerabah })
        #expect(Set(data.artisans.items.map(\.phone)).count == 300)
    }

    @Test func hasPastAndUpcomingEventsWithPeople() {
        #expect(data.sessions.count >= 12)
        #expect(data.exhibitions.count >= 8)
        #expect(data.sessions.items.contains { $0.end < Fixture.today && $0.participants.contains { !$0.attendance.isEmpty } })
        #expect(data.sessions.items.contains { $0.start > Fixture.today && !$0.participants.isEmpty })
        #expect(data.exhibitions.items.contains { $0.end < Fixture.today && $0.totalSales > 0 })
        #expect(data.exhibitions.items.contains { $0.start > Fixture.today && $0.participants.contains { $0.booth != nil } })
        #expect(!Conflicts.find(data).isEmpty)
    }

    @Test func everyRecordIsValid() {
        for a in data.artisans.items { #expect(Validation.check(a).isEmpty, "\(a.id)") }
        for s in data.sessions.items { #expect(Validation.check(s).isEmpty, "\(s.id)") }
        for e in data.exhibitions.items { #expect(Validation.check(e).isEmpty, "\(e.id)") }
    }
}

@Suite struct StringTableTests {
    @Test func bothLanguagesHaveEveryTextWithTheSamePlaceholders() {
        for key in TextKey.allCases {
            let en = StringsEN.table[key], id = StringsID.table[key]
            #expect(en != nil, "English lacks \(key)")
            #expect(id != nil, "Indonesian lacks \(key)")
            let placeholders = { (s: String) in (0..<6).filter { s.contains("{\($0)}") } }
            #expect(placeholders(en ?? "") == placeholders(id ?? ""), "\(key)")
        }
    }

    /// Every change the history can show has its words in both languages (`ChangeWords.command`).
    @Test func everyStoredCommandHasAWordInBothLanguages() {
        for name in CommandName.allCases {
            #expect(StringsEN.values["Command.\(name.rawValue)"] != nil, "English lacks Command.\(name.rawValue)")
            #expect(StringsID.values["Command.\(name.rawValue)"] != nil, "Indonesian lacks Command.\(name.rawValue)")
        }
    }

    @Test func everyShownEnumValueHasAWordInBothLanguages() {
        func covered<E: RawRepresentable & CaseIterable>(_: E.Type) -> Bool where E.RawValue == String {
            E.allCases.allSatisfy { v in
                StringsEN.values["\(E.self).\(v.rawValue)"] != nil && StringsID.values["\(E.self).\(v.rawValue)"] != nil
            }
        }
        #expect(covered(SessionStatus.self) && covered(ExhibitionStatus.self) && covered(Curation.self))
        #expect(covered(Enrolment.self) && covered(ParticipantRole.self) && covered(ExhibitionLevel.self))
        #expect(covered(BoothPayer.self) && covered(BusinessScale.self) && covered(Gender.self))
        #expect(L10n.value(Curation.accepted, .id) == "lolos kurasi")
    }

    @Test func localeChoosesTheLanguage() {
        #expect(Lang.fromEnvironment(["LANG": "id_ID.UTF-8"]) == .id)
        #expect(Lang.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Lang.fromEnvironment(["LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"]) == .id)
        #expect(Lang.fromEnvironment([:]) == .en)
        #expect(L10n.text(.cDaysUntil, .id, 3) == "3 hari lagi")
    }
}
