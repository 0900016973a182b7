#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

/// A journal that knows its length (issue 31, finding 5). Each journal line carries its
/// number in the generation (`seq`) and each audit line the generation and number of the
/// change it records, so a journal emptied, cut short or reordered by hand is refused with a
/// clear message instead of read as sound (and its lost ids handed out again). `kriya repair`
/// carries on from what is left, reserving every id the audit trail has seen.
extension Store {
    static let restoreAdvice = "Restore the folder from a backup (kriya backup's copies), or an admin runs kriya repair to carry on from what is left"

    /// After the journal was read from its start (`kept` changes): refused when the audit trail
    /// (`audited`, its newest change, read under the same lock) records a change of this
    /// generation past the journal's last (a crash between the two writes leaves the journal
    /// one ahead, never behind).
    func verifyJournalLength(kept: Int, audited: (JournalPosition, AuditEntry)) throws(StoreError) {
        let (last, entry) = audited
        guard last.journal == journalID, last.seq > kept else { return }
        if repairing { shortJournal = (kept, last.seq); return }
        throw .damaged(path: journalPath, reason: "holds \(kept) change(s), but the audit trail records change \(last.seq) of this journal (\(entry.when), \(entry.user), \(entry.command)): the journal was emptied or cut short and saved changes are missing. \(Store.restoreAdvice)")
    }

    /// The newest audit line that names its place in the journal, read from the trail's end:
    /// its last 16 KB first (where it is, nearly always), then more until a whole line that
    /// names one is there (a large import's line lists every id it touched: a megabyte for
    /// 100,000 rows). Only that line is decoded; every line is checked against its checksum.
    func lastAuditedChange() -> (JournalPosition, AuditEntry)? {
        guard let fd = try? durable.openIfExists(file(Self.auditName)) else { return nil }
        defer { io.close(fd) }
        let size = io.fstat(fd)?.size ?? 0
        for reach in [16 << 10, 256 << 10, 4 << 20, Int.max] {
            let tail = min(size, reach)
            guard tail > 0, let bytes = try? io.pread(fd, tail, at: size - tail, path: file(Self.auditName)) else { return nil }
            let found = bytes.withUnsafeBufferPointer { buf -> (JournalPosition, AuditEntry)? in
                var newest: (JournalPosition, Range<Int>)?
                // Forward through the tail (its first line may be cut); the last one that names a place wins.
                Lines.each(buf, firstNumber: 1) { number, line, range, complete in
                    guard complete, number > 1 || tail == size, SealedLine.verify(line) == nil,
                          let position = AuditFormat.position(line) else { return }
                    newest = (position, range)
                }
                guard let (position, range) = newest else { return nil }
                let line = UnsafeBufferPointer(rebasing: buf[range.lowerBound..<(range.upperBound - 1)])
                guard let entry = try? AuditFormat.read(line) else { return nil }
                return (position, entry)
            }
            if let found { return found }
            if tail == size { return nil }
        }
        return nil
    }

    /// What `kriya repair` did.
    public struct RepairReport: Sendable {
        /// Changes the journal still held, and the number the audit trail records.
        public var kept = 0, recorded = 0
        /// The audit lines of the changes that were lost.
        public var lost: [AuditEntry] = []
        /// The highest id of each kind the audit trail has seen, now never handed out again.
        public var reserved: [EntityID] = []
        /// The generation the data carries on from.
        public var generation = 0
    }

    /// An admin's way on after a loss: every id the audit trail names is reserved, and the
    /// data that is left is written as a new generation (its journal starts empty, so the
    /// trail no longer points past it). Reports what was lost. The store must be opened with
    /// `repairing: true`.
    public func repair() throws(StoreError) -> RepairReport {
        try authorize(CommandName.repair.role!, CommandName.repair.rawValue)
        return try withLock { () throws(StoreError) -> RepairReport in
            try catchUp(locked: true)
            var report = RepairReport()
            report.kept = max(0, journalLines - 1)
            report.recorded = shortJournal?.recorded ?? report.kept
            var highest: [EntityID.Kind: EntityID] = [:]
            if let bytes = try durable.read(file(Self.auditName)) {
                bytes.withUnsafeBufferPointer { buf in
                    Lines.each(buf, firstNumber: 1) { _, line, _, complete in
                        guard complete, SealedLine.verify(line) == nil, let entry = try? AuditFormat.read(line) else { return }
                        for id in entry.targets where id.number > (highest[id.kind]?.number ?? 0) { highest[id.kind] = id }
                        if let p = AuditFormat.position(line), p.journal == journalID, p.seq > report.kept { report.lost.append(entry) }
                    }
                }
            }
            for id in highest.values { data.reserve(upTo: id) }
            report.reserved = highest.values.sorted { $0.kind.rawValue < $1.kind.rawValue }
            try commitNextGeneration(version: formatOnDisk)
            shortJournal = nil
            report.generation = generation
            var change = Change(command: CommandName.repair.rawValue)
            change.detail = "journal kept \(report.kept) of \(report.recorded) change(s); ids reserved up to " + report.reserved.map(\.description).joined(separator: ", ")
            afterSave(change, at: SystemInfo.now().timestamp, user: user)
            return report
        }
    }
}
