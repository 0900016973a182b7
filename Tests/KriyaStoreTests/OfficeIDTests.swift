import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore
@testable import KriyaPostgres
import PostgresTestServer

/// Issue 19: where several councils share one registry, new ids name the office that registered
/// the record (`A-3573-000123`); the number alone still finds it, on both media.
@Suite struct OfficeIDTests {
    @Test(arguments: Medium.allCases) func idsNameTheOfficeAndTheNumberStillFindsThem(_ medium: Medium) throws {
        guard let place = try Place.make(medium, "office") else { return }
        let malang = try place.open()
        malang.office = 3573
        let batu = try place.open()
        batu.office = 3579
        let first = try malang.apply(.addArtisan(S.artisan(1))).targets[0]
        let second = try batu.apply(.addArtisan(S.artisan(2))).targets[0]
        let third = try malang.apply(.addArtisan(S.artisan(3))).targets[0]
        #expect([first, second, third].map(\.description) == ["A-3573-000001", "A-3579-000002", "A-3573-000003"])
        try malang.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Batik", organiser: "UM",
                                                   venue: "Balai Kota", start: S.today, end: S.today)))

        // Read again: every id as it was shown, found by the number typed without the office.
        let again = try place.open()
        #expect(again.issues.isEmpty)
        #expect(again.data.artisans.items.map(\.id.description) == ["A-3573-000001", "A-3579-000002", "A-3573-000003"])
        #expect(again.data.sessions.items.map(\.id.description) == ["B-3573-000001"])
        let typed = try #require(EntityID("A-000002"))
        #expect(again.data.artisans[typed]?.id.description == "A-3579-000002")
        #expect(again.history(of: typed).map(\.command) == ["add-artisan"])
        #expect(again.history(of: second).map(\.command) == ["add-artisan"])

        // Changed and deleted by the id typed without its office: gone for good, and its number
        // never handed out again.
        var a = try #require(again.data.artisans[typed])
        a.notes = "diubah di meja lain"
        try again.apply(.updateArtisan(a, baseRev: 1))
        try again.apply(.delete(typed, baseRev: 2))
        let later = try place.open()
        #expect(later.data.artisans[typed] == nil)
        #expect(later.data.artisans.count == 2)
        later.office = 3573
        #expect(try later.apply(.addArtisan(S.artisan(4))).targets[0].description == "A-3573-000004")
        #expect(try place.open().history(of: typed).map(\.command) == ["delete", "update-artisan", "add-artisan"])
    }

    /// A folder becomes format 4 only with its first id naming an office, so that an older Kriya
    /// refuses it rather than drop such records; folders without office codes stay 3.
    @Test func aFolderBecomesFormatFourWithItsFirstOfficeID() throws {
        let dir = TempDir("office-format")
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try store.compact()
        #expect(try Store(path: dir.path).formatOnDisk == 3)
        store.office = 3573
        try store.apply(.addArtisan(S.artisan(2)))
        #expect(try Store(path: dir.path).formatOnDisk == 4)
        let manifest = try String(contentsOfFile: dir.path + "/kriya.json", encoding: .utf8)
        #expect(manifest.contains("\"version\":4"), "\(manifest)")
        try store.compact()
        #expect(try Store(path: dir.path).formatOnDisk == 4)
        #expect(try Store(path: dir.path).data.artisans.items.map(\.id.description) == ["A-000001", "A-3573-000002"])
    }

    /// An import at an office's desk: every new id names the office, and taking it back removes them.
    @Test(arguments: Medium.allCases) func anImportAtAnOfficeAndItsUndo(_ medium: Medium) throws {
        guard let place = try Place.make(medium, "officeimport") else { return }
        let store = try place.open()
        store.office = 3573
        let rows = (1...3).map { n in
            ImportPlan.Row(row: n + 1, line: n + 1, text: ArtisanText(S.artisan(n), lang: .id), present: [.name, .phone, .kelurahan, .business, .category])
        }
        let plan = ImportPlan(rows: rows, against: store.data, onDuplicate: .skip, context: S.ctx)
        try store.save(plan, detail: "sheet.csv")
        #expect(try place.open().data.artisans.items.map(\.id.description) == ["A-3573-000001", "A-3573-000002", "A-3573-000003"])
        let undone = try #require(try store.takeBackLastImport(dryRun: false, context: nil))
        #expect(undone.1.removed.map(\.description) == ["A-3573-000001", "A-3573-000002", "A-3573-000003"])
        #expect(try place.open().data.artisans.count == 0)
    }
}
