import Testing
@testable import KriyaCore

/// Ids that name an office (issue 19): read, written, and the same record as the bare number.
@Suite struct OfficeIDParsingTests {
    @Test func anOfficeIDReadsAndWritesBack() throws {
        let id = try #require(EntityID("A-3573-000123"))
        #expect(id.kind == .artisan && id.office == 3573 && id.number == 123)
        #expect(id.description == "A-3573-000123" && id.key == "A-000123")
        #expect(EntityID("a-3573-123")?.description == "A-3573-000123")
        #expect(EntityID(" B-3507-000004 ")?.description == "B-3507-000004")
        #expect(EntityID("A-000123")?.office == 0)
        #expect(MemoryLayout<EntityID>.size == 8)
    }

    @Test func malformedOfficeIDsAreRefused() {
        for text in ["A-0999-000123", "A-35730-000123", "A-3573-", "A-3573-00x1", "A-35-73-000123", "A-3573-0000000001", "A-x573-000123"] {
            #expect(EntityID(text) == nil, "\(text)")
        }
    }

    @Test func theNumberIdentifiesTheRecord() throws {
        let withOffice = try #require(EntityID("A-3573-000123")), bare = try #require(EntityID("A-000123"))
        #expect(withOffice == bare)
        #expect(Set([withOffice, bare]).count == 1)
        #expect(withOffice != EntityID("B-3573-000123"))
        #expect(EntityID("A-3579-000122")! < withOffice)
    }

    @Test func newRecordsNameTheDesksOffice() throws {
        var data = Dataset()
        let ctx = CommandContext(user: "ratna", today: CivilDate(year: 2026, month: 12, day: 1)!, time: ClockTime(hour: 9, minute: 0)!, office: 3573)
        var a = Artisan(id: EntityID(.artisan, 1), name: "Siti", phone: "081234567890", kelurahan: Wilayah.kelurahan[0].code,
                        business: "Keramik Siti", category: .batik)
        let change = try data.plan(.addArtisan(a), ctx)
        data.commit(change)
        #expect(change.targets.map(\.description) == ["A-3573-000001"])
        a.phone = "081234567891"
        let many = try data.addArtisans([a], office: 3573)
        #expect(many.map(\.id.description) == ["A-3573-000002"])
        let term = try data.plan(.addTerm(Term(id: EntityID(.term, 1), name: "2025–2030", start: ctx.today, end: ctx.today.adding(days: 1000))), ctx)
        #expect(term.targets.map(\.description) == ["T-3573-000001"])
    }
}
