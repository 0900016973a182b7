import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

@Suite struct DamagedFileTests {
    /// A store with 5 artisans, all still in the journal.
    func journalled() throws -> TempDir {
        let dir = TempDir()
        let store = try Store(path: dir.path)
        for n in 1...5 { try store.apply(.addArtisan(S.artisan(n)), context: S.ctx) }
        return dir
    }

    @Test func aDamagedLineIsReportedKeptAsideAndTheRestLoads() throws {
        let dir = try journalled()
        var bytes = dir.read(dir.name(.journal))
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Line 3 of the journal (the second artisan): change one letter of the name.
        let start = lines[0].count + lines[1].count + 2
        let at = start + 40
        bytes[at] = bytes[at] == 0x41 ? 0x42 : 0x41
        dir.write(dir.name(.journal), bytes)

        let store = try Store(path: dir.path)
        #expect(store.data.artisans.count == 4)
        #expect(store.data.artisans[EntityID(.artisan, 2)] == nil)
        #expect(store.issues.map(\.description) == ["\(dir.name(.journal)):3: checksum does not match (damaged line)"])
        let report = try Store.check(path: dir.path)
        #expect(report.problems == ["\(dir.name(.journal)):3: checksum does not match (damaged line)"])

        // Compaction sets the line aside, word for word, and the store is sound again.
        let journalName = dir.name(.journal)
        try store.compact()
        let rejected = dir.text("journal.jsonl.rejected")
        #expect(rejected.contains(#""file":""# + journalName + #"","line":3,"reason":"checksum does not match (damaged line)""#))
        #expect(rejected.contains("Usaha 2"))
        let after = try Store.check(path: dir.path)
        #expect(after.isSound)
        #expect(after.notes.contains { $0.message(.en).contains("journal.jsonl.rejected holds 1 damaged line") })
        // A new artisan gets a fresh id, not the damaged line's.
        #expect(try Store(path: dir.path).apply(.addArtisan(S.artisan(9)), context: S.ctx).targets == [EntityID(.artisan, 6)])
    }

    @Test func aDamagedSnapshotLineIsReportedWithItsLine() throws {
        let dir = try journalled()
        try Store(path: dir.path).compact()
        var text = dir.text(dir.name(.artisans))
        text = text.replacingOccurrences(of: "Pengrajin 4", with: "Pengrajin X")
        dir.write(dir.name(.artisans), Array(text.utf8))
        let store = try Store(path: dir.path)
        #expect(store.data.artisans.count == 4)
        #expect(store.issues.map(\.description) == ["\(dir.name(.artisans)):4: checksum does not match (damaged line)"])
    }

    /// A crash can cut the last line anywhere: every cut still opens, with the earlier saves.
    /// (A save whose journal line was cut never reached its audit line, written after it.)
    @Test func aTruncatedLastLineAtEveryByte() throws {
        let dir = try journalled()
        let full = dir.read(dir.name(.journal))
        let lastStart = full.dropLast().lastIndex(of: 0x0A)! + 1
        let audit = dir.read("audit.jsonl")
        let auditBefore = Array(audit[0..<(audit.dropLast().lastIndex(of: 0x0A)! + 1)])
        for cut in lastStart..<full.count {
            let copy = TempDir("cut")
            try FileManager.default.copyItem(atPath: dir.path, toPath: copy.path)
            copy.write(dir.name(.journal), Array(full[0..<cut]))
            copy.write("audit.jsonl", cut == full.count - 1 ? audit : auditBefore)
            let reader = try Store(path: copy.path)
            let complete = cut == full.count - 1   // only the newline is missing: the line is whole
            #expect(reader.data.artisans.count == (complete ? 5 : 4), "cut at \(cut)")
            // A writer can carry on: the torn piece is reported, then set aside.
            let writer = try Store(path: copy.path)
            try writer.apply(.addArtisan(S.artisan(6)), context: S.ctx)
            let reopened = try Store(path: copy.path)
            #expect(reopened.data.artisans[EntityID(.artisan, 4)] != nil)
            #expect(reopened.data.artisans.items.last?.name == "Pengrajin 6")
            if cut > lastStart && !complete {
                #expect(reopened.issues.count == 1, "cut at \(cut)")
                try reopened.compact()
            }
            #expect(try Store.check(path: copy.path).isSound, "cut at \(cut)")
        }
    }

    /// Issue 31, finding 5: a journal emptied, cut to its header or short of a whole line is
    /// refused (it read as sound, and the next id was one already given); `repair` carries on,
    /// reserving every id the audit trail has seen.
    @Test func aShortenedJournalIsRefusedAndRepairReservesItsIds() throws {
        for keep in [0, 1, 3] {   // lines kept: none, the header, the header and two changes
            let dir = try journalled()
            let full = dir.read(dir.name(.journal))
            let lines = full.split(separator: 0x0A, omittingEmptySubsequences: false)
            dir.write(dir.name(.journal), Array(lines.prefix(keep).map { Array($0) + [0x0A] }.joined()))
            #expect(throws: StoreError.self, "kept \(keep) lines") { try Store(path: dir.path) }
            do { _ = try Store(path: dir.path) } catch {
                #expect("\(error)".contains("audit trail records change 5 of this journal"), "\(error)")
            }
            let report = try Store.check(path: dir.path)
            #expect(!report.isSound && report.problems.first?.contains("cut short") == true, "\(report.problems)")

            let repairing = try Store(path: dir.path, repairing: true)
            let repaired = try repairing.repair()
            #expect(repaired.kept == max(0, keep - 1) && repaired.recorded == 5)
            #expect(repaired.lost.count == 5 - max(0, keep - 1))
            #expect(repaired.reserved == [EntityID(.artisan, 5)])
            #expect(try Store.check(path: dir.path).isSound)
            // No id is handed out twice: the next artisan is A-000006, not a lost one's.
            #expect(try Store(path: dir.path).apply(.addArtisan(S.artisan(9)), context: S.ctx).targets == [EntityID(.artisan, 6)])
        }
    }

    @Test func aReorderedJournalIsRefused() throws {
        let dir = try journalled()
        var lines = dir.read(dir.name(.journal)).split(separator: 0x0A).map(Array.init)
        lines.swapAt(2, 3)
        dir.write(dir.name(.journal), Array(lines.map { $0 + [0x0A] }.joined()))
        do {
            _ = try Store(path: dir.path)
            Issue.record("a reordered journal opened")
        } catch {
            #expect("\(error)".contains("line 3 holds change 3, not 2"), "\(error)")
        }
    }

    /// A crash between a change's journal line and its audit line leaves the journal ahead:
    /// that is no loss, and opens as before.
    @Test func aJournalAheadOfTheAuditTrailOpens() throws {
        let dir = try journalled()
        let audit = dir.read("audit.jsonl")
        dir.write("audit.jsonl", Array(audit[0..<(audit.dropLast().lastIndex(of: 0x0A)! + 1)]))
        #expect(try Store(path: dir.path).data.artisans.count == 5)
        let report = try Store.check(path: dir.path)
        #expect(report.isSound)
        // Finding 9: `check` says a change lacks its audit line (it said nothing).
        #expect(report.notes.map { $0.message(.en) } .contains { $0.contains("the last 1 change has no line in the audit trail") }, "\(report.notes)")
    }

    @Test func checkReportsBrokenRulesAndMissingReferences() throws {
        let dir = TempDir()
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try store.compact()
        // Hand-edit a snapshot: a bad phone and a session pointing at nobody, with valid checksums.
        var a = store.data.artisans[EntityID(.artisan, 1)]!
        a.phone = "12345"
        var bytes: [UInt8] = []
        SnapshotFormat.line(a, ArtisanCodec.write, into: &bytes)
        dir.write(dir.name(.artisans), bytes)
        var s = BimtekSession(id: EntityID(.session, 1), title: "T", organiser: "O", venue: "V", start: S.today, end: S.today)
        s.rev = 1
        s.participants = [SessionParticipant(artisan: EntityID(.artisan, 7))]
        bytes = []
        SnapshotFormat.line(s, SessionCodec.write, into: &bytes)
        dir.write(dir.name(.sessions), bytes)
        let report = try Store.check(path: dir.path)
        #expect(report.problems.contains { $0.hasPrefix("\(dir.name(.artisans)):1: A-000001 phone:") })
        #expect(report.problems.contains("\(dir.name(.sessions)):1: B-000001 participants: A-000007 does not exist"))
    }
}

@Suite struct FaultInjectionTests {
    /// Every kind of failure at every step of a save leaves the old state when the save is
    /// reported failed, and the new one when it is acknowledged: never "failed, yet there".
    @Test(arguments: [FaultyFileIO.Kind.write, .fsync, .rename])
    func aFailedSaveLeavesOldOrNewState(kind: FaultyFileIO.Kind) throws {
        for n in 1...6 {
            for short in [false, true] where kind == .write || !short {
                let dir = TempDir("fault")
                let setup = try Store(path: dir.path)
                for i in 1...3 { try setup.apply(.addArtisan(S.artisan(i)), context: S.ctx) }
                let before = setup.data
                let io = FaultyFileIO(fail: kind, at: n, shortWrite: short)
                let store = try Store(path: dir.path, io: io)
                store.compactThreshold = 0   // the save also compacts: more steps to fail in
                var acknowledged = false
                do {
                    try store.apply(.addArtisan(S.artisan(4)), context: S.ctx)
                    acknowledged = true
                } catch {
                    #expect(io.tripped)
                }
                let after = try Store(path: dir.path)
                if acknowledged {
                    #expect(after.data.artisans.count == 4, "\(kind) #\(n)")
                } else {
                    #expect(S.same(after.data, before), "\(kind) #\(n) short \(short): reported failed, yet saved")
                }
                // Whatever happened, a later save works and the store checks out after it.
                try after.apply(.addArtisan(S.artisan(5)), context: S.ctx)
                if !after.issues.isEmpty { try after.compact() }
                #expect(try Store.check(path: dir.path).isSound, "\(kind) #\(n) short \(short)")
            }
        }
    }
}
