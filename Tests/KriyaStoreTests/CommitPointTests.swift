import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 12: one commit point for every change, failed writes taken back, later trouble a
/// warning, and files of the generation in force that nobody can lose unnoticed.
@Suite struct CommitPointTests {
    func filled(_ n: Int = 3) throws -> TempDir {
        let dir = TempDir("commit")
        let store = try Store(path: dir.path)
        for i in 1...n { try store.apply(.addArtisan(S.artisan(i)), context: S.ctx) }
        return dir
    }

    /// Finding 1: a large import that fails at its commit is seen by nobody, and a store
    /// opened earlier never hands out one of its ids.
    @Test func aLargeImportIsEntirelyVisibleOrNotAtAll() throws {
        let dir = try filled()
        let earlier = try Store(path: dir.path)
        let count = Store.lineLimit + 5
        let new = (10..<(10 + count)).map { S.artisan($0) }
        // The manifest's rename is its one commit point: fail it, and nobody sees anything.
        let failing = try Store(path: dir.path, io: FaultyFileIO(fail: .rename, at: 1))
        #expect(throws: StoreError.self) { try failing.apply(adding: new, then: [], as: "import", detail: "big", context: S.ctx) }
        #expect(try Store(path: dir.path).data.artisans.count == 3)
        #expect(try !earlier.refresh())
        let importer = try Store(path: dir.path)
        try importer.apply(adding: new, then: [], as: "import", detail: "big", context: S.ctx)
        // The earlier store sees all of it at its next look, and its next id is past it.
        #expect(try earlier.refresh())
        #expect(earlier.data.artisans.count == 3 + count)
        let next = try earlier.apply(.addArtisan(S.artisan(1), allowDuplicate: true), context: S.ctx)
        #expect(next.targets == [EntityID(.artisan, 4 + count)])
        try earlier.compact()
        #expect(try Store(path: dir.path).data.artisans.count == 4 + count)
    }

    /// Finding 2: a failed write or fsync of the journal leaves nothing behind for others.
    @Test(arguments: [FaultyFileIO.Kind.write, .fsync])
    func aFailedAppendIsTakenBack(kind: FaultyFileIO.Kind) throws {
        let dir = try filled()
        let journal = dir.read(dir.name(.journal))
        for short in [false, true] where kind == .write || !short {
            let store = try Store(path: dir.path, io: FaultyFileIO(fail: kind, at: 1, shortWrite: short))
            #expect(throws: StoreError.self) { try store.apply(.addArtisan(S.artisan(7)), context: S.ctx) }
            #expect(dir.read(dir.name(.journal)) == journal, "\(kind) short \(short)")
            #expect(try Store(path: dir.path).data.artisans.count == 3)
        }
        // Saving again gives one record, not two.
        try Store(path: dir.path).apply(.addArtisan(S.artisan(7)), context: S.ctx)
        #expect(try Store(path: dir.path).data.artisans.items.filter { $0.name == "Pengrajin 7" }.count == 1)
    }

    /// Finding 3: once the journal line is durable the save is acknowledged; a compaction or
    /// an audit line that fails afterwards is a warning.
    @Test func troubleAfterADurableSaveIsAWarning() throws {
        let dir = try filled()
        // The save's own write and fsync succeed; the compaction's manifest rename fails.
        let io = FaultyFileIO(fail: .rename, at: 1)
        let store = try Store(path: dir.path, io: io)
        store.compactThreshold = 0
        var heard: [StoreWarning] = []
        store.onWarning = { heard.append($0) }
        let change = try store.apply(.addArtisan(S.artisan(8)), context: S.ctx)
        #expect(io.tripped)
        #expect(change.targets == [EntityID(.artisan, 4)])
        #expect(heard.count == 1 && heard[0].description.contains("The change was saved"))
        #expect(try Store(path: dir.path).data.artisans.count == 4)
        // Nothing of the failed compaction is left: no next-generation file, no empty .rejected.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names.filter { DataFile.parse($0) != nil }.count == DataFile.allCases.count, "\(names)")
        #expect(!names.contains { $0.hasSuffix(".rejected") || $0.hasSuffix(".tmp") })
        #expect(try Store.check(path: dir.path).isSound)

        // An audit trail that cannot be written: saved, with a warning.
        chmod(dir.file("audit.jsonl"), 0o400)
        defer { chmod(dir.file("audit.jsonl"), 0o600) }
        if getuid() != 0 {
            let other = try Store(path: dir.path)
            var warned: [StoreWarning] = []
            other.onWarning = { warned.append($0) }
            try other.apply(.addArtisan(S.artisan(9)), context: S.ctx)
            #expect(warned.first?.description.contains("audit") == true)
        }
    }

    /// Finding 7: replacing everything (demo --force) is one commit too.
    @Test func replacingAllFailsWhole() throws {
        let dir = try filled()
        let before = try Store(path: dir.path).data
        let store = try Store(path: dir.path, io: FaultyFileIO(fail: .rename, at: 1))
        #expect(throws: StoreError.self) { try store.replaceAll(with: DemoData.make(artisans: 50, today: S.today), reason: "test") }
        #expect(S.same(try Store(path: dir.path).data, before))
        #expect(try Store.check(path: dir.path).isSound)
    }

    /// Finding 9: a deleted or swapped journal is noticed, not quietly replaced (ids reused).
    @Test func aMissingJournalStopsTheStore() throws {
        let dir = try filled()
        let open = try Store(path: dir.path)
        try FileManager.default.removeItem(atPath: dir.file(dir.name(.journal)))
        #expect { try Store(path: dir.path) } throws: { e in
            guard case StoreError.damaged(let p, let reason) = e else { return false }
            return p.hasSuffix(dir.name(.journal)) && reason.contains("backup")
        }
        #expect(throws: StoreError.self) { try open.apply(.addArtisan(S.artisan(5)), context: S.ctx) }
        let report = try Store.check(path: dir.path)
        #expect(!report.isSound && report.problems[0].contains("is missing"))
        #expect(!FileManager.default.fileExists(atPath: dir.file(dir.name(.journal))))

        let other = try filled()
        try Store(path: other.path).compact()
        try Store(path: other.path).apply(.addArtisan(S.artisan(4)), context: S.ctx)
        // Someone puts an older journal (another generation's) in its place: it lacks the change
        // the audit trail records of this generation's journal, so it is refused (issue 31:
        // it used to open, one change short).
        other.write(other.name(.journal), JournalFormat.header(generation: 1, created: "x"))
        #expect { try Store(path: other.path) } throws: { e in "\(e)".contains("audit trail records change 1 of this journal") }
        #expect(try !Store.check(path: other.path).isSound)
    }

    @Test func aBackupHoldsTheLastImportAndOnlyTheGenerationInForce() throws {
        let dir = try filled()
        let store = try Store(path: dir.path)
        let plan = ImportPlan(rows: [ImportPlan.Row(row: 2, line: 2, text: ArtisanText(S.artisan(20), lang: .en),
                                                    present: [.name, .phone, .kelurahan, .business, .category])],
                              against: store.data, onDuplicate: .skip, context: S.ctx)
        try store.save(plan, detail: "sheet.csv", context: S.ctx)
        let copy = try store.backup(to: dir.file("backups"))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: copy))
        #expect(names == Set(["kriya.json", "audit.jsonl", "last-import.jsonl"] + DataFile.allCases.map { dir.name($0) }))
        #expect(try Store.check(path: copy).isSound)
        #expect(try Store(path: copy).lastImport()?.file == "sheet.csv")
    }

    /// Finding 8: `check` beside a writer never takes its save in progress for damage.
    @Test func checkBesideAWriterIsQuiet() throws {
        let dir = try filled()
        let done = Flag()
        let path = dir.path
        let writer = Thread {
            guard let store = try? Store(path: path) else { return }
            var n = 100
            while !done.isSet { n += 1; _ = try? store.apply(.addArtisan(S.artisan(n)), context: S.ctx) }
        }
        writer.start()
        defer { done.set() }
        for _ in 0..<30 {
            let report = try Store.check(path: dir.path)
            #expect(report.isSound, "\(report.problems)")
        }
    }

    /// A format-1 folder (fixed names) is copied aside and converted on first open.
    @Test func aVersionOneFolderIsConverted() throws {
        let dir = TempDir("v1")
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        dir.write("kriya.json", Array(#"{"format":"kriya","version":1,"created":"2026-01-01T00:00:00Z"}"#.utf8) + [0x0A])
        var snapshot: [UInt8] = []
        for n in 1...3 { var a = S.artisan(n); a.id = EntityID(.artisan, n); a.rev = 1; SnapshotFormat.line(a, ArtisanCodec.write, into: &snapshot) }
        dir.write("artisans.jsonl", snapshot)
        var a4 = S.artisan(4); a4.id = EntityID(.artisan, 4); a4.rev = 1
        var change = Change(command: "add-artisan"); change.artisans = [a4]
        dir.write("journal.jsonl", JournalFormat.header(generation: 5, created: "x", lastIDs: [EntityID(.artisan, 9)])
                  + JournalFormat.entry(change, at: "x", user: "u"))
        let store = try Store(path: dir.path)
        #expect(store.data.artisans.count == 4)
        #expect(store.warnings.contains { $0.description.contains("converted") })
        #expect(dir.name(.journal) == "journal.000006.jsonl")
        #expect(!FileManager.default.fileExists(atPath: dir.file("journal.jsonl")))
        #expect(!FileManager.default.fileExists(atPath: dir.file("artisans.jsonl")))
        let backups = try FileManager.default.contentsOfDirectory(atPath: dir.path + "-backups")
        #expect(backups.count == 1 && backups[0].hasSuffix("-format1"))
        defer { try? FileManager.default.removeItem(atPath: dir.path + "-backups") }
        // The highest id of format 1's journal header is kept.
        #expect(try store.apply(.addArtisan(S.artisan(5)), context: S.ctx).targets == [EntityID(.artisan, 10)])
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

/// Finding 9: members a newer Kriya wrote survive this one's saves and compactions.
@Suite struct UnknownMemberTests {
    @Test func membersOfANewerVersionAreKeptWordForWord() throws {
        let dir = TempDir("newer")
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try store.compact()
        // A newer Kriya's artisan line: two members this version does not know.
        let extra = #""loyalty":{"tier":"gold","since":"2027-01-01"},"tags":["ekspor","UMKM \"naik kelas\""]"#
        var line = Array(String(dir.text(dir.name(.artisans)).dropLast(SealedLine.tailLength + 1)).utf8)
        line += Array(("," + extra).utf8)
        SealedLine.seal(&line)
        dir.write(dir.name(.artisans), line)

        let reopened = try Store(path: dir.path)
        #expect(reopened.issues.isEmpty)
        var a = try #require(reopened.data.artisans[EntityID(.artisan, 1)])
        #expect(a.unknownMembers == extra)
        // Changed here, then compacted twice: the members are still there, as written.
        a.business = "Usaha Baru"
        try reopened.apply(.updateArtisan(a, baseRev: a.rev), context: S.ctx)
        #expect(dir.text(dir.name(.journal)).contains(extra))
        try reopened.compact()
        try Store(path: dir.path).compact()
        let text = dir.text(dir.name(.artisans))
        #expect(text.contains(extra) && text.contains("Usaha Baru"))
        #expect(try Store(path: dir.path).data.artisans[EntityID(.artisan, 1)]?.unknownMembers == extra)
        // Not a change anyone made: the history names only the business.
        #expect(store.history(of: EntityID(.artisan, 1)).first?.changes.map(\.field) == ["business"])
        #expect(try Store.check(path: dir.path).isSound)
    }

    @Test func aParticipantsNewerMembersSurviveAnEnrolment() throws {
        let dir = TempDir("newer-participant")
        let store = try Store(path: dir.path)
        for n in 1...2 { try store.apply(.addArtisan(S.artisan(n)), context: S.ctx) }
        var s = BimtekSession(id: EntityID(.session, 1), title: "Batik tulis", organiser: "Dekranasda", venue: "Balai Kota",
                              start: S.today, end: S.today)
        s.participants = [SessionParticipant(artisan: EntityID(.artisan, 1))]
        try store.apply(.addSession(s), context: S.ctx)
        try store.compact()
        let extra = #""seat":"B-12""#
        let name = dir.name(.sessions)
        var line = Array(dir.text(name).replacingOccurrences(of: #""enrolment":"registered""#, with: #""enrolment":"registered","# + extra)
                            .dropLast(SealedLine.tailLength + 1).utf8)
        SealedLine.seal(&line)
        dir.write(name, line)

        let reopened = try Store(path: dir.path)
        #expect(reopened.issues.isEmpty)
        #expect(reopened.data.sessions[EntityID(.session, 1)]?.participants.first?.unknownMembers == extra)
        try reopened.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 2), role: .peserta), context: S.ctx)
        try reopened.compact()
        #expect(try Store(path: dir.path).data.sessions[EntityID(.session, 1)]?.participants.first?.unknownMembers == extra)
        #expect(!(store.history(of: EntityID(.session, 1)).first?.changes.contains { $0.to.contains("B-12") } ?? true))
    }
}
