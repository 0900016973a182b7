import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 31, "one save path": on files a change, its audit line and an import's note are
/// committed together, as one transaction holds them on PostgreSQL. The audit line rides in
/// the journal line; the note is staged before the commit and put in force after it.
@Suite struct OneCommitTests {
    func filled() throws -> TempDir {
        let dir = TempDir("onecommit")
        let store = try Store(path: dir.path)
        for i in 1...3 { try store.apply(.addArtisan(S.artisan(i)), context: S.ctx) }
        return dir
    }

    func auditLines(_ dir: TempDir) -> [String] {
        dir.text("audit.jsonl").split(separator: "\n").map(String.init)
    }

    func importPlan(_ store: Store, _ n: Int) -> ImportPlan {
        ImportPlan(rows: [ImportPlan.Row(row: 2, line: 2, text: ArtisanText(S.artisan(n), lang: .en),
                                         present: [.name, .phone, .kelurahan, .business, .category])],
                   against: store.data, onDuplicate: .skip, context: S.ctx)
    }

    /// A save whose audit line did not reach `audit.jsonl` (the write failed here; a kill
    /// between the two writes leaves the same) gets it from its journal line at the next save,
    /// in order, so no change lacks its line for longer than until someone saves again.
    @Test func aChangeCutOffBeforeItsAuditLineGetsItAtTheNextSave() throws {
        let dir = try filled()
        let before = auditLines(dir).count
        // The journal line is write 1 and durable; the audit line is write 2.
        let faulty = try Store(path: dir.path, io: FaultyFileIO(fail: .write, at: 2))
        var heard: [StoreWarning] = []
        faulty.onWarning = { heard.append($0) }
        let change = try faulty.apply(.addArtisan(S.artisan(4)), context: S.ctx)
        #expect(heard.map(\.description).contains { $0.contains("the next save adds it") }, "\(heard)")
        #expect(auditLines(dir).count == before)
        #expect(try Store.check(path: dir.path).notes.contains { "\($0)".contains("unaudited") })

        let other = try Store(path: dir.path)
        var caught: [StoreWarning] = []
        other.onWarning = { caught.append($0) }
        try other.apply(.addArtisan(S.artisan(5)), context: S.ctx)
        #expect(caught == [.auditCaughtUp(1)], "\(caught)")
        let lines = auditLines(dir)
        #expect(lines.count == before + 2)
        #expect(lines[before].contains(#""seq":4"#) && lines[before].contains(change.targets[0].description), "\(lines[before])")
        #expect(lines[before + 1].contains(#""seq":5"#))
        #expect(other.history(of: change.targets[0]).first?.command == "add-artisan")
        let report = try Store.check(path: dir.path)
        #expect(report.isSound && report.notes.isEmpty, "\(report.notes)")
    }

    /// An import is never saved without how to take it back, and a note never names an import
    /// that was not saved: a failed commit leaves the note in force before it untouched.
    @Test func anImportsNoteIsSavedWithItOrNotAtAll() throws {
        let dir = try filled()
        let store = try Store(path: dir.path)
        try store.save(importPlan(store, 10), detail: "first.csv", context: S.ctx)
        #expect(try store.lastImport()?.file == "first.csv")

        // The journal append fails (write 2; the staged note was write 1): nothing saved, and
        // the note in force is still the first import's.
        let failing = try Store(path: dir.path, io: FaultyFileIO(fail: .write, at: 2))
        #expect(throws: StoreError.self) { try failing.save(importPlan(failing, 11), detail: "second.csv", context: S.ctx) }
        #expect(try Store(path: dir.path).data.artisans.count == 4)
        #expect(try Store(path: dir.path).lastImport()?.file == "first.csv")
        #expect(!FileManager.default.fileExists(atPath: dir.file(Store.pendingNoteName)))

        // Saved, but putting its note in force fails (rename 2; staging was rename 1): a
        // warning, and the next save by anyone puts it in force.
        let late = try Store(path: dir.path, io: FaultyFileIO(fail: .rename, at: 2))
        var heard: [StoreWarning] = []
        late.onWarning = { heard.append($0) }
        try late.save(importPlan(late, 12), detail: "third.csv", context: S.ctx)
        #expect(heard.map(\.description).contains { $0.contains("the next save does it") }, "\(heard)")
        #expect(try Store(path: dir.path).lastImport()?.file == "first.csv")
        try Store(path: dir.path).apply(.addArtisan(S.artisan(13)), context: S.ctx)
        #expect(try Store(path: dir.path).lastImport()?.file == "third.csv")
        #expect(!FileManager.default.fileExists(atPath: dir.file(Store.pendingNoteName)))
    }

    /// A staged note whose change never reached the journal (killed between the two) is thrown
    /// away at the next save; taking an import back drops its note in the same commit.
    @Test func aNoteForAChangeThatNeverCameIsThrownAway() throws {
        let dir = try filled()
        let store = try Store(path: dir.path)
        try store.save(importPlan(store, 10), detail: "first.csv", context: S.ctx)
        var header = JSONWriter()
        header.beginObject()
        header.member("journal", store.journalID!)
        header.member("seq", (store.lastJournalSeq + 1) as Int?)
        var bytes = header.bytes
        SealedLine.seal(&bytes)
        let never = ImportUndo(of: Change(command: "import"), adding: 0, file: "never.csv", at: "x", user: "y", before: [])
        dir.write(Store.pendingNoteName, bytes + ImportUndoFile.bytes(never))
        try Store(path: dir.path).apply(.addArtisan(S.artisan(14)), context: S.ctx)
        #expect(try Store(path: dir.path).lastImport()?.file == "first.csv")
        #expect(!FileManager.default.fileExists(atPath: dir.file(Store.pendingNoteName)))

        let admin = try Store(path: dir.path)
        #expect(try admin.takeBackLastImport(context: S.ctx) != nil)
        #expect(try Store(path: dir.path).lastImport() == nil)
        #expect(try Store(path: dir.path).takeBackLastImport(context: S.ctx) == nil)
    }

    /// Issue 31, finding 9: the journal's fsync fails and cutting the line back out fails too.
    /// The save is reported failed, so nobody reads it as saved (the line is noted), `check`
    /// names the line, and the next save cuts it out; its audit line never appears.
    @Test func aSaveReportedFailedIsNotReadAsSavedEvenWhenItsTakeBackFailed() throws {
        let dir = try filled()
        let audit = auditLines(dir).count
        let io = FaultyFileIO(fail: .fsync, at: 1)
        io.failTruncateAfter = true
        let store = try Store(path: dir.path, io: io)
        #expect { try store.apply(.addArtisan(S.artisan(4)), context: S.ctx) } throws: { e in
            guard case StoreError.readOnly = e else { return false }
            return true
        }
        #expect(dir.text(dir.name(.journal)).contains("Pengrajin 4"))
        #expect(try Store(path: dir.path).data.artisans.count == 3)
        #expect(try !store.refresh() && store.data.artisans.count == 3)
        let report = try Store.check(path: dir.path)
        #expect(report.notes.contains { if case .failedSave(_, 5, _, _, "add-artisan") = $0 { return true } else { return false } }, "\(report.notes)")
        #expect(report.notes.map { $0.message(.en) }.joined().contains("line 5: a save reported failed"))

        let next = try Store(path: dir.path).apply(.addArtisan(S.artisan(6)), context: S.ctx)
        #expect(next.targets == [EntityID(.artisan, 4)])
        #expect(!dir.text(dir.name(.journal)).contains("Pengrajin 4"))
        #expect(!FileManager.default.fileExists(atPath: dir.file(Store.failedSaveName)))
        #expect(auditLines(dir).count == audit + 1)
        let after = try Store.check(path: dir.path)
        #expect(after.isSound && after.notes.isEmpty, "\(after.notes)")
    }

    /// A large import's audit line lists every id it touched (over 256 KB for 30,000 rows): the
    /// next save by another process still finds it and does not write it a second time.
    @Test func aLargeImportsAuditLineIsNotWrittenTwice() throws {
        let dir = try filled()
        let importer = try Store(path: dir.path)
        let rows = (10..<30_010).map { S.artisan($0) }
        try importer.apply(adding: rows, then: [], as: "import", detail: "besar.csv", context: S.ctx)
        let before = auditLines(dir)
        #expect(before.last!.utf8.count > 256 << 10 && before.last!.contains(#""cmd":"import""#))
        let other = try Store(path: dir.path)
        var heard: [StoreWarning] = []
        other.onWarning = { heard.append($0) }
        try other.apply(.addArtisan(S.artisan(4)), context: S.ctx)
        #expect(heard.isEmpty, "\(heard)")
        let after = auditLines(dir)
        #expect(after.count == before.count + 1)
        #expect(after.filter { $0.contains(#""cmd":"import""#) }.count == 1)
    }
}
