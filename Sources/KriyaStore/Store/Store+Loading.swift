#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

extension Store {
    /// Reads everything: the snapshots of the generation in force, then its journal replayed
    /// over them. The files are opened and the journal read under a lock (the caller's, or a
    /// shared one taken here), so they are one consistent state; parsing happens after.
    func load(locked: Bool = false, versionOne: Bool = false) throws(StoreError) {
        var opened: OpenedFiles
        var haveLock = locked
        if locked {
            opened = try openFiles(versionOne: versionOne)
            opened.audited = lastAuditedChange()
        } else {
            (opened, haveLock) = try withReadLock { (held: Bool) throws(StoreError) in
                // Without the lock (someone who may only read), a compaction can remove the
                // files between reading the manifest and opening them: read it again then.
                var attempt = 0
                while true {
                    do throws(StoreError) {
                        var files = try openFiles(versionOne: versionOne)
                        if held { files.audited = lastAuditedChange() }
                        return (files, held)
                    } catch {
                        attempt += 1
                        guard !held, attempt < 5, case .damaged = error else { throw error }
                    }
                }
            }
        }
        defer { opened.close(io) }
        if origins != nil { origins = [:] }
        let (fresh, found) = try readSnapshots(opened, of: Set(DataFile.snapshots))
        data = fresh
        // A lookup store's index, while it is of the generation now read (a compaction since
        // may have folded changed artisans into a new snapshot).
        let wasDeferred = opened.manifest.generation == generation ? deferred : nil
        searchIndexFromFile = nil
        closeDeferred()
        journalChangedArtisans = []
        issues = found
        generation = opened.manifest.generation
        formatOnDisk = opened.manifest.version
        for id in opened.manifest.lastIDs { data.reserve(upTo: id) }
        journalOffset = 0
        journalLines = 0
        journalInode = opened.journalInode
        journalID = opened.manifest.journalID
        loadedJournalName = opened.journalName
        try replayJournal(opened.journal, from: 0, locked: haveLock, audited: opened.audited)
        // Read in full after a lookup open: the index already made serves, made to fit.
        searchIndexFromFile = wasDeferred?.index(for: data.artisans.items, changed: journalChangedArtisans)
    }

    /// The records of the opened snapshots of `kinds` (a lookup reads the council's only)
    /// and the lines that could not be read.
    func readSnapshots(_ opened: OpenedFiles, of kinds: Set<DataFile>) throws(StoreError) -> (Dataset, [LoadIssue]) {
        var fresh = Dataset()
        var found: [LoadIssue] = []
        // The snapshot files are read at the same time (and the large one in pieces).
        typealias Pieces<R> = Result<[SnapshotParser.Parsed<R>], StoreError>
        func parse<R: Record>(_ kind: DataFile, _ read: @escaping @Sendable (inout JSONReader) throws(JSONReader.Failure) -> R) -> Pieces<R> {
            guard kinds.contains(kind), let s = opened.snapshots.first(where: { $0.kind == kind }) else { return .success([]) }
            return Result { () throws(StoreError) in
                try durable.withContents(of: s.fd, path: file(s.name)) { SnapshotParser.parse($0, file: s.name, read) }
            }
        }
        let sessionsJob = Background { parse(.sessions) { r throws(JSONReader.Failure) in try SessionCodec.read(&r) } }
        let exhibitionsJob = Background { parse(.exhibitions) { r throws(JSONReader.Failure) in try ExhibitionCodec.read(&r) } }
        let artisanPieces = parse(.artisans) { r throws(JSONReader.Failure) in try ArtisanCodec.read(&r) }
        let termPieces = parse(.terms) { r throws(JSONReader.Failure) in try TermCodec.read(&r) }
        let memberPieces = parse(.members) { r throws(JSONReader.Failure) in try MemberCodec.read(&r) }
        let partnerPieces = parse(.partners) { r throws(JSONReader.Failure) in try PartnerCodec.read(&r) }

        func take<R: Record>(_ kind: DataFile, _ result: Pieces<R>, into table: inout RecordTable<R>) throws(StoreError) {
            let pieces = try result.get()
            let name = opened.snapshots.first(where: { $0.kind == kind })?.name ?? ""
            table.reserveCapacity(pieces.reduce(0) { $0 + $1.records.count })
            for piece in pieces {
                table.merge(contentsOf: piece.records)
                if origins != nil {
                    for (record, line) in zip(piece.records, piece.lines) { origins?[record.id] = (name, Int(line)) }
                }
                found += piece.issues
            }
        }
        try take(.artisans, artisanPieces, into: &fresh.artisans)
        try take(.sessions, sessionsJob.value, into: &fresh.sessions)
        try take(.exhibitions, exhibitionsJob.value, into: &fresh.exhibitions)
        try take(.terms, termPieces, into: &fresh.terms)
        try take(.members, memberPieces, into: &fresh.members)
        try take(.partners, partnerPieces, into: &fresh.partners)
        return (fresh, found)
    }

    /// Applies journal lines from `start` on. A last line without its newline is a save in
    /// progress (when we hold no lock) or a torn write (when we do).
    /// `audited`: the audit trail's newest change, read under the same lock; a journal read
    /// from its start must reach it.
    func replayJournal(_ bytes: [UInt8], from start: Int, locked: Bool, audited: (JournalPosition, AuditEntry)? = nil) throws(StoreError) {
        // A save reported failed whose line could not be taken back out is not read as saved.
        let bytes = readableEnd(of: bytes, from: start).map { Array(bytes.prefix($0)) } ?? bytes
        let base = start
        let name = loadedJournalName
        var misplaced: (line: Int, seq: Int)?
        var unfinished = 0
        journalEndsUnfinished = false
        bytes.withUnsafeBufferPointer { buf in
            Lines.each(buf, firstNumber: journalLines + 1) { number, line, range, complete in
                if !complete {
                    // Whole but for its newline: use it, but read it again once it is finished.
                    if number > 1, SealedLine.verify(line) == nil, let change = try? JournalFormat.read(line) {
                        data.commit(change)
                        noteArtisans(change)
                        unfinished = 1
                        journalEndsUnfinished = true
                        return
                    }
                    // A save in progress (we hold no lock) or one that never finished.
                    if !locked { return }
                }
                journalOffset = base + range.upperBound
                journalLines = number
                if number == 1 && base == 0 {
                    if let h = JournalFormat.header(line) {
                        // Format 1 kept the generation in the journal; from format 2 the
                        // manifest names it and a journal of another generation was swapped in.
                        if generation == 0 { generation = h.generation }
                        else if h.generation != generation {
                            issues.append(LoadIssue(file: name, line: 1, reason: "the journal's header names generation \(h.generation), not \(generation): this file was put here by hand", raw: Array(line)))
                        }
                        for id in h.lastIDs { data.reserve(upTo: id) }
                        if journalID == nil { journalID = h.id }
                        return
                    }
                    issues.append(LoadIssue(file: name, line: number, reason: "the journal's header line is damaged", raw: Array(line)))
                    return
                }
                guard complete else {
                    issues.append(LoadIssue(file: name, line: number, reason: "torn last line (a save that never finished)", raw: Array(line)))
                    return
                }
                if line.count > JSONLimits.maxLineBytes {
                    issues.append(LoadIssue(file: name, line: number, reason: JSONLimits.tooLong(line.count), raw: Array(line.prefix(4096))))
                    return
                }
                if let problem = SealedLine.verify(line) {
                    issues.append(LoadIssue(file: name, line: number, reason: problem.description, raw: Array(line)))
                    return
                }
                do {
                    var seq: Int?
                    let change = try JournalFormat.read(line, seq: &seq)
                    // Each change carries its number: one that is not its line's was moved, or lines above it removed.
                    if let seq, seq != number - 1, misplaced == nil { misplaced = (number, seq) }
                    data.commit(change)
                    noteArtisans(change)
                    if origins != nil {
                        for id in change.artisans.map(\.id) + change.sessions.map(\.id) + change.exhibitions.map(\.id)
                            + change.terms.map(\.id) + change.members.map(\.id) + change.partners.map(\.id) {
                            origins?[id] = (name, number)
                        }
                    }
                } catch {
                    issues.append(LoadIssue(file: name, line: number, reason: "\(error)", raw: Array(line)))
                }
            }
        }
        if let misplaced, !repairing {
            throw .damaged(path: journalPath, reason: "line \(misplaced.line) holds change \(misplaced.seq), not \(misplaced.line - 1): lines were removed or put in another order. \(Store.restoreAdvice)")
        }
        if start == 0, let audited { try verifyJournalLength(kept: max(0, journalLines - 1) + unfinished, audited: audited) }
    }

    /// A journal line read: which artisans it changed (for a lookup store, and for whether the
    /// index file still fits what a full read found).
    private func noteArtisans(_ change: Change) {
        deferred?.touch(change)
        for a in change.artisans { journalChangedArtisans.insert(a.id) }
        for id in change.deleted where id.kind == .artisan { journalChangedArtisans.insert(id) }
    }

    /// Brings `data` up to date with the files: new journal lines, or a full reload when a
    /// new generation was committed. The caller holds a lock. True when anything was read.
    @discardableResult
    func catchUp(locked: Bool) throws(StoreError) -> Bool {
        guard let manifest = try readManifest() else {
            throw .damaged(path: manifestPath, reason: "is missing; it names the generation of files in force. Restore it from a backup")
        }
        if manifest.generation != generation {
            try load(locked: locked)
            return true
        }
        guard let fd = try durable.openIfExists(journalPath) else {
            throw .damaged(path: journalPath, reason: Store.missingFileAdvice(generation) + ". The changes saved since the last compaction are in it")
        }
        defer { io.close(fd) }
        guard let info = io.fstat(fd) else { return false }
        if info.inode != journalInode || info.size < journalOffset {
            // Replaced or cut short by hand (the store never does either): read it all again.
            try load(locked: locked)
            return true
        }
        guard info.size > journalOffset else { return false }
        let bytes = try io.pread(fd, info.size - journalOffset, at: journalOffset, path: journalPath)
        let before = journalOffset
        try replayJournal(bytes, from: journalOffset, locked: locked)
        return journalOffset != before
    }
}
