import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

@Suite struct StoreRoundTripTests {
    @Test func savedChangesSurviveReopeningAndCompaction() throws {
        let dir = TempDir()
        let store = try Store(path: dir.path, user: "ratna")
        for n in 1...25 { try store.apply(.addArtisan(S.artisan(n)), context: S.ctx) }
        var a = store.data.artisans[EntityID(.artisan, 3)]!
        // An escape sequence is refused (it would only ever be garbage in a note)…
        a.notes = "baris satu\u{1B}[0m"
        #expect(throws: StoreError.self) { try store.apply(.updateArtisan(a, baseRev: 1), context: S.ctx) }
        // …while line breaks, tabs, quotes and backslashes come back exactly.
        a.notes = "baris satu\nbaris \"dua\" \\ tiga\tempat ✓"
        try store.apply(.updateArtisan(a, baseRev: 1), context: S.ctx)

        let reopened = try Store(path: dir.path)
        #expect(S.same(reopened.data, store.data))
        #expect(reopened.data.artisans[EntityID(.artisan, 3)]!.notes == a.notes)

        try reopened.compact()
        let afterCompaction = try Store(path: dir.path)
        #expect(S.same(afterCompaction.data, store.data))
        #expect(dir.text(dir.name(.journal)).split(separator: "\n").count == 1)   // just the header
        #expect(dir.text(dir.name(.artisans)).split(separator: "\n").count == 25)
    }

    @Test func demoDataRoundTripsExactly() throws {
        let dir = TempDir()
        let demo = DemoData.make(artisans: 300, today: S.today)
        try Store(path: dir.path).replaceAll(with: demo, reason: "test")
        let reopened = try Store(path: dir.path)
        #expect(S.same(reopened.data, demo))
        #expect(reopened.issues.isEmpty)
        #expect(try Store.check(path: dir.path).isSound)
    }

    @Test func idsAreNeverReused() throws {
        let dir = TempDir()
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try store.apply(.addArtisan(S.artisan(2)), context: S.ctx)
        try store.compact()
        let change = try Store(path: dir.path).apply(.addArtisan(S.artisan(3)), context: S.ctx)
        #expect(change.targets == [EntityID(.artisan, 3)])
    }

    @Test func theAuditTrailSaysWhoChangedWhat() throws {
        let dir = TempDir()
        let store = try Store(path: dir.path, user: "ratna")
        var a = S.artisan(1)
        a.nik = "3573010101010001"
        try store.apply(.addArtisan(a), context: CommandContext(user: "ratna", today: S.today, time: S.ctx.time))
        var b = store.data.artisans[EntityID(.artisan, 1)]!
        b.business = "Usaha Baru"
        try store.apply(.updateArtisan(b, baseRev: 1), context: CommandContext(user: "budi", today: S.today, time: S.ctx.time))
        let lines = dir.text("audit.jsonl").split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""user":"ratna","role":"admin","cmd":"add-artisan","targets":["A-000001"]"#))
        // Each names its change's place in the journal (its id, change 1), so a journal cut short is noticed.
        #expect(lines[0].contains(#""seq":1,"changes""#) && lines[1].contains(#""seq":2,"changes""#))
        #expect(lines[0].contains("3573**********01") && !lines[0].contains("3573010101010001"))
        #expect(lines[1].contains(#""user":"budi","role":"admin","cmd":"update-artisan""#))
        #expect(lines[1].contains(#"{"field":"business","from":"Usaha 1","to":"Usaha Baru"}"#))
    }

    @Test func filesAreForTheOwnerOrTheStaffGroupOnly() throws {
        let dir = TempDir()
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try store.compact()
        for name in [dir.name(.artisans), dir.name(.journal), "audit.jsonl", "kriya.json", "kriya.lock"] {
            #expect(PosixFileIO().stat(dir.file(name))!.mode & 0o777 == 0o600, "\(name)")
        }
        let shared = TempDir("shared")
        try FileManager.default.createDirectory(atPath: shared.path, withIntermediateDirectories: true)
        chmod(shared.path, 0o2770)
        let team = try Store(path: shared.path)
        try team.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        #expect(PosixFileIO().stat(shared.file(shared.name(.journal)))!.mode & 0o777 == 0o660)
        #expect(PosixFileIO().stat(shared.file("audit.jsonl"))!.mode & 0o777 == 0o660)
    }

    @Test func aBackupIsACheckableCopy() throws {
        let dir = TempDir()
        let store = try Store(path: dir.path)
        for n in 1...5 { try store.apply(.addArtisan(S.artisan(n)), context: S.ctx) }
        let target = TempDir("backup")
        let copy = try store.backup(to: target.path)
        #expect(copy.hasPrefix(target.path + "/kriya-"))
        let report = try Store.check(path: copy)
        #expect(report.isSound && report.artisans == 5)
        #expect(S.same(try Store(path: copy).data, store.data))
    }
}

@Suite struct StoreSafetyTests {
    @Test func aNewerFormatIsRefusedAndLeftAlone() throws {
        let dir = TempDir()
        _ = try Store(path: dir.path)
        let manifest = Array(#"{"format":"kriya","version":99}"#.utf8) + [0x0A]
        dir.write("kriya.json", manifest)
        #expect(throws: StoreError.newerFormat(path: dir.path, found: 99, supported: Store.formatVersion)) { try Store(path: dir.path) }
        #expect(dir.read("kriya.json") == manifest)
    }

    @Test func aFolderThatIsNotKriyaDataIsRefusedByCheck() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        #expect(throws: StoreError.self) { try Store.check(path: dir.path) }
    }

    /// Found by CI: writers starting together on a new folder raced to write kriya.json.
    @Test func manyStoresOpeningANewFolderAtOnceAllSucceed() throws {
        for _ in 0..<20 {
            let dir = TempDir("race")
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do { _ = try Store(path: dir.path) } catch { failures.add("\(error)") }
            }
            #expect(failures.list.isEmpty, "\(failures.list)")
            #expect(try Store.check(path: dir.path).isSound)
        }
    }

    // A stale update from another desk: BothStoresTests, on files and on PostgreSQL.

    @Test func readersSeeOtherProcessesSavesAndCompactions() throws {
        let dir = TempDir()
        let writer = try Store(path: dir.path)
        let reader = try Store(path: dir.path)
        try writer.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        #expect(try reader.refresh())
        #expect(reader.data.artisans.count == 1)
        #expect(try !reader.refresh())
        try writer.compact()
        try writer.apply(.addArtisan(S.artisan(2)), context: S.ctx)
        #expect(try reader.refresh())
        #expect(S.same(reader.data, writer.data))
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var list: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

/// A delete is journalled, replays, and its id is never handed out again, even after a
/// compaction has left it out of every snapshot.
@Suite struct DeleteStoreTests {
    @Test func aDeletedRecordStaysDeletedAndItsIdUnused() throws {
        let dir = TempDir("delete")
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try store.apply(.addArtisan(S.artisan(2)), context: S.ctx)
        try store.apply(.delete(EntityID(.artisan, 2), baseRev: 1), context: S.ctx)
        #expect(try Store(path: dir.path).data.artisans.count == 1)
        #expect(dir.text(dir.name(.journal)).contains(#""deleted":["A-000002"]"#))
        try store.compact()
        let reopened = try Store(path: dir.path)
        #expect(reopened.data.artisans.count == 1 && reopened.issues.isEmpty)
        let change = try reopened.apply(.addArtisan(S.artisan(3)), context: S.ctx)
        #expect(change.targets == [EntityID(.artisan, 3)])
    }
}

@Suite struct ExhibitionFormatTests {
    @Test func requiredCertificationsRoundTrip() throws {
        let dir = TempDir("fair")
        let store = try Store(path: dir.path)
        var fair = Exhibition(id: EntityID(.exhibition, 1), name: "Festival Kuliner", level: .lokal, start: S.today, end: S.today)
        fair.requiredCertifications = [.pirt, .halal]
        try store.apply(.addExhibition(fair), context: S.ctx)
        #expect(try Store(path: dir.path).data.exhibitions.items.first?.requiredCertifications == [.pirt, .halal])
        try store.compact()
        #expect(dir.text(dir.name(.exhibitions)).contains(#""requiredCertifications":["PIRT","halal"]"#))
        #expect(try Store(path: dir.path).data.exhibitions.items.first?.requiredCertifications == [.pirt, .halal])
    }
}
