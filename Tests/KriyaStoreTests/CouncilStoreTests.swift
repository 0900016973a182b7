import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 16 in the store: terms, board members and partners in the same journal and snapshot
/// rules as everything else; a format-2 folder opens as it is.
@Suite struct CouncilStoreTests {
    let term = Term(id: EntityID(.term, 1), name: "2023–2028", start: CivilDate(year: 2023, month: 7, day: 1)!,
                    end: CivilDate(year: 2028, month: 6, day: 30)!)

    /// An artisan, a term with its chair, a partner with a comma in its name, and an outreach
    /// session run with it, taught by the chair.
    func filled(_ dir: TempDir) throws -> Store {
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try store.apply(.addTerm(term), context: S.ctx)
        var chair = BoardMember(id: EntityID(.member, 1), term: EntityID(.term, 1), name: "Ny. Widya", position: "Ketua")
        chair.artisan = EntityID(.artisan, 1)
        chair.phone = "0813 3100 5540"
        try store.apply(.addMember(chair), context: S.ctx)
        var partner = Partner(id: EntityID(.partner, 1), name: "Dinas Koperasi, Perindustrian dan Perdagangan", kind: .perangkatDaerah)
        partner.people = ["Bapak Heru"]
        try store.apply(.addPartner(partner), context: S.ctx)
        var s = BimtekSession(id: EntityID(.session, 1), title: "Sosialisasi NIB", organiser: "Dekranasda", venue: "Aula",
                              start: S.today, end: S.today)
        s.kind = .sosialisasi
        s.partners = [EntityID(.partner, 1)]
        s.trainerRefs = [EntityID(.member, 1)]
        s.trainers = ["Bapak Heru"]
        try store.apply(.addSession(s), context: S.ctx)
        return store
    }

    @Test func theCouncilsRecordsSurviveReopeningAndCompaction() throws {
        let dir = TempDir("council")
        let store = try filled(dir)
        let before = store.data
        let reopened = try Store(path: dir.path).data
        #expect(reopened.terms.items == before.terms.items && reopened.members.items == before.members.items
                && reopened.partners.items == before.partners.items && reopened.sessions.items == before.sessions.items)
        try store.compact()
        #expect(dir.text(dir.name(.partners)).contains("\"name\":\"Dinas Koperasi, Perindustrian dan Perdagangan\""))
        #expect(dir.text(dir.name(.members)).contains("\"id\":\"M-000001\""))
        let compacted = try Store(path: dir.path).data
        #expect(compacted.members.items == before.members.items && compacted.sessions.items[0].kind == .sosialisasi
                && compacted.sessions.items[0].trainerRefs == [EntityID(.member, 1)])
        let report = try Store.check(path: dir.path)
        #expect(report.isSound && report.terms == 1 && report.members == 1 && report.partners == 1, "\(report.problems)")
        // The audit says what was added, in the same words as for the rest.
        #expect(dir.text("audit.jsonl").contains("\"cmd\":\"add-partner\""))
        // Ids keep counting after a compaction.
        let next = try store.apply(.addPartner(Partner(id: EntityID(.partner, 1), name: "UMM", kind: .universitas)), context: S.ctx)
        #expect(next.targets == [EntityID(.partner, 2)])
    }

    @Test func aFormatTwoFolderOpensAsItIsAndIsMadeFormatThreeBeforeTheCouncilIsSaved() throws {
        let dir = TempDir("format2")
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        // What Kriya 2 left: no council files, manifest version 2.
        for kind in [DataFile.terms, .members, .partners] { try FileManager.default.removeItem(atPath: dir.file(dir.name(kind))) }
        var manifest = try Manifest.read(dir.read("kriya.json"), path: "kriya.json")
        manifest.version = 2
        dir.write("kriya.json", manifest.bytes)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let bytes = files.map { dir.read($0) }

        let old = try Store(path: dir.path)
        #expect(old.data.artisans.count == 1 && old.data.terms.count == 0)
        #expect(try Store.check(path: dir.path).isSound)
        // An artisan saved: still format 2, nothing rewritten.
        try old.apply(.addArtisan(S.artisan(2)), context: S.ctx)
        #expect(try Manifest.read(dir.read("kriya.json"), path: "").version == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == files)
        #expect(files.filter { $0 != dir.name(.journal) && $0 != "audit.jsonl" }.allSatisfy { dir.read($0) == bytes[files.firstIndex(of: $0)!] })
        // The first partner: the folder becomes format 3 first (a Kriya 2 would drop the partner).
        try old.apply(.addPartner(Partner(id: EntityID(.partner, 1), name: "UMM", kind: .universitas)), context: S.ctx)
        #expect(try Manifest.read(dir.read("kriya.json"), path: "").version == 3)
        let now = try Store(path: dir.path).data
        #expect(now.artisans.count == 2 && now.partners.items.map(\.name) == ["UMM"])
        #expect(FileManager.default.fileExists(atPath: dir.file(dir.name(.partners))))
    }

    @Test func checkNamesALinkToAPartnerOrTermThatIsNotThere() throws {
        let dir = TempDir("dangling")
        let store = try filled(dir)
        // Written by hand (or by a broken tool): a session naming a partner nobody has.
        var s = store.data.sessions.items[0]
        s.partners = [EntityID(.partner, 9)]
        s.rev += 1
        var change = Change(command: "update-session")
        change.sessions = [s]
        dir.write(dir.name(.journal), dir.read(dir.name(.journal)) + JournalFormat.entry(change, at: "2026-11-29T09:00:00Z", user: "x") + [0x0A])
        let report = try Store.check(path: dir.path)
        #expect(report.problems.contains { $0.contains("B-000001 partners: R-000009 does not exist") }, "\(report.problems)")
    }
}
