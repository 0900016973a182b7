import Testing
@testable import KriyaCore

/// Issue 30, findings 6, 10 and 11: history and messages in the user's words, phones as the
/// office writes them, and landlines for the council's partners.
@Suite struct UsersWordsTests {
    @Test func historyValuesReadAsTheFormsShowThem() {
        let names: (EntityID) -> String? = { $0 == EntityID(.partner, 1) ? "Universitas Brawijaya" : nil }
        #expect(FieldChange.shown("status", "planned", .id) == "direncanakan")
        #expect(FieldChange.shown("status", "open", .id) == "berlangsung")
        #expect(FieldChange.shown("start", "2026-12-04", .id) == CivilDate(year: 2026, month: 12, day: 4)!.short(.id))
        #expect(FieldChange.shown("boothCost", "2500000", .id) == "Rp2.500.000")
        #expect(FieldChange.shown("payer", "dekranasda", .id) == "Dekranasda")
        #expect(FieldChange.shown("payer", "shared", .id) == "bersama")
        #expect(FieldChange.shown("partners", "R-000001", .id, name: names) == "Universitas Brawijaya (R-000001)")
        #expect(FieldChange.shown("meetingDays", "2026-12-04; 2026-12-05", .en)
                == [4, 5].map { CivilDate(year: 2026, month: 12, day: $0)!.short(.en) }.joined(separator: ", "))
        #expect(FieldChange.shown("phone", "+6281333445566", .id) == "0813-3344-5566")
        #expect(FieldChange.shown("notes", "", .id) == "—")
        // A mark taken away on a shut day says why.
        #expect(ChangeWords.detail("2026-12-01: salah orang", of: "clear-attendance", .en).hasSuffix("(salah orang)"))
    }

    @Test func phonesShowTheOfficesWayWhateverTheSpelling() throws {
        #expect(Phone.display("+6281333445566") == "0813-3344-5566")
        #expect(Phone.display("+628123456789") == "0812-3456-789")
        #expect(Phone.display("+62812345678") == "0812-345-678")
        var a = Artisan(id: EntityID(.artisan, 1), name: "Tamu", phone: "0813 3344 5566", kelurahan: "35.73.05.1004", business: "Usaha", category: .batik)
        #expect(a.prepareForSaving().isEmpty)
        #expect(a.phone == "+6281333445566" && a.phoneTyped == nil && a.phoneShown == "0813-3344-5566")
    }

    @Test func aPartnerMayGiveALandline() throws {
        #expect(try Phone.normalise("0341-551312", allowingLandline: true).get() == "+62341551312")
        #expect(try Phone.normalise("(0341) 551 312", allowingLandline: true).get() == "+62341551312")
        #expect(try Phone.normalise("+62 341 551312", allowingLandline: true).get() == "+62341551312")
        // An artisan's phone stays a mobile one; nonsense stays refused.
        #expect((try? Phone.normalise("0341-551312").get()) == nil)
        #expect((try? Phone.normalise("12345", allowingLandline: true).get()) == nil)
        let ub = Partner(id: EntityID(.partner, 1), name: "Universitas Negeri Malang", kind: .universitas)
        var withPhone = ub
        withPhone.phone = "0341-551312"
        let data = try Fixture.build([.addPartner(withPhone)])
        let p = try #require(data.partners[EntityID(.partner, 1)])
        #expect(p.phone == "+62341551312" && p.phoneShown == "0341-551312")
    }

    /// Finding 11: an exhibition reads as running on its days everywhere (`show`, the agenda,
    /// the detail), as the lists already said.
    @Test func anExhibitionRunsOnItsDays() {
        var e = Exhibition(id: EntityID(.exhibition, 1), name: "Inacraft", level: .nasional, start: Fixture.today.adding(days: -1),
                           end: Fixture.today.adding(days: 2))
        #expect(e.status(on: Fixture.today) == .open && e.status(on: Fixture.today.adding(days: -5)) == .planned)
        #expect(e.status(on: Fixture.today.adding(days: 3)) == .done)
        e.status = .cancelled
        #expect(e.status(on: Fixture.today) == .cancelled)
    }
}

/// Issue 31, finding 7: sums of money and counts from a file a group member can write never trap.
@Suite struct ClampedSumTests {
    @Test func aFairWithHugeSalesIsRefusedNotACrash() throws {
        var e = Exhibition(id: EntityID(.exhibition, 1), name: "Pameran", level: .lokal, start: Fixture.today, end: Fixture.today)
        for n in 1...20 {
            var p = ExhibitionParticipant(artisan: EntityID(.artisan, n))
            p.sales = Rupiah.maxAmount
            p.transactions = Int.max / 3
            e.participants.append(p)
        }
        #expect(e.totalSales > Rupiah.maxAmount)
        #expect(Validation.check(e).contains { $0.field == "sales" })
        #expect([Int.max, 5].clampedSum() == Int.max && [Int64.min, -1].clampedSum() == Int64.min && [1, 2, 3].clampedSum() == 6)
        var data = Dataset()
        data.exhibitions.merge(e)
        let report = Report.make(.exhibitions, data: data, today: Fixture.today, lang: .id)
        #expect(!report.sections.isEmpty)
    }
}
