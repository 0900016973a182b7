#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

extension Store {
    /// Reads everything: snapshots, then the journal replayed over them. The journal is
    /// opened first, so a compaction running meanwhile can only make us read newer snapshots
    /// with an older journal, which replays harmlessly (records carry revisions).
    func load(locked: Bool) throws(StoreError) {
        var fresh = Dataset()
        var found: [LoadIssue] = []
        if origins != nil { origins = [:] }
        let journalFD: Int32? = io.stat(journalPath) == nil ? nil : try io.open(journalPath, O_RDONLY, 0)
        defer { if let journalFD { io.close(journalFD) } }

        // The three snapshot files are read at the same time (and the large one in pieces).
        typealias Pieces<R> = Result<[SnapshotParser.Parsed<R>]?, StoreError>
        func parse<R: Record>(_ name: String, _ read: @escaping @Sendable (inout JSONReader) throws(JSONReader.Failure) -> R) -> Pieces<R> {
            Result { () throws(StoreError) in try durable.withContents(of: file(name)) { SnapshotParser.parse($0, file: name, read) } }
        }
        let sessionsJob = Background { parse("sessions.jsonl") { r throws(JSONReader.Failure) in try SessionCodec.read(&r) } }
        let exhibitionsJob = Background { parse("exhibitions.jsonl") { r throws(JSONReader.Failure) in try ExhibitionCodec.read(&r) } }
        let artisanPieces = parse("artisans.jsonl") { r throws(JSONReader.Failure) in try ArtisanCodec.read(&r) }

        func take<R: Record>(_ name: String, _ result: Pieces<R>, into table: inout RecordTable<R>) throws(StoreError) {
            guard let pieces = try result.get() else { return }
            table.reserveCapacity(pieces.reduce(0) { $0 + $1.records.count })
            for piece in pieces {
                table.merge(contentsOf: piece.records)
                if origins != nil {
                    for (record, line) in zip(piece.records, piece.lines) { origins?[record.id] = (name, Int(line)) }
                }
                found += piece.issues
            }
        }
        try take("artisans.jsonl", artisanPieces, into: &fresh.artisans)
        try take("sessions.jsonl", sessionsJob.value, into: &fresh.sessions)
        try take("exhibitions.jsonl", exhibitionsJob.value, into: &fresh.exhibitions)

        data = fresh
        issues = found
        generation = 0
        journalOffset = 0
        journalLines = 0
        journalInode = 0
        guard let journalFD else { return }
        journalInode = io.fstat(journalFD)?.inode ?? 0
        let size = io.fstat(journalFD)?.size ?? 0
        let bytes = try io.pread(journalFD, size, at: 0, path: journalPath)
        try replayJournal(bytes, from: 0, locked: locked)
    }

    /// Applies journal lines from `start` on. A last line without its newline is a save in
    /// progress (when we do not hold the lock) or a torn write (when we do).
    func replayJournal(_ bytes: [UInt8], from start: Int, locked: Bool) throws(StoreError) {
        let base = start
        bytes.withUnsafeBufferPointer { buf in
            Lines.each(buf, firstNumber: journalLines + 1) { number, line, range, complete in
                if !complete {
                    // Whole but for its newline: use it, but read it again once it is finished.
                    if number > 1, SealedLine.verify(line) == nil, let change = try? JournalFormat.read(line) {
                        data.commit(change)
                        return
                    }
                    // A save in progress (we do not hold the lock) or one that never finished.
                    if !locked { return }
                }
                journalOffset = base + range.upperBound
                journalLines = number
                if number == 1 && base == 0 {
                    if let h = JournalFormat.header(line) {
                        generation = h.generation
                        for id in h.lastIDs { data.reserve(upTo: id) }
                        return
                    }
                    issues.append(LoadIssue(file: Store.journalName, line: number, reason: "the journal's header line is damaged", raw: Array(line)))
                    return
                }
                guard complete else {
                    issues.append(LoadIssue(file: Store.journalName, line: number, reason: "torn last line (a save that never finished)", raw: Array(line)))
                    return
                }
                if line.count > JSONLimits.maxLineBytes {
                    issues.append(LoadIssue(file: Store.journalName, line: number, reason: JSONLimits.tooLong(line.count), raw: Array(line.prefix(4096))))
                    return
                }
                if let problem = SealedLine.verify(line) {
                    issues.append(LoadIssue(file: Store.journalName, line: number, reason: problem.description, raw: Array(line)))
                    return
                }
                do {
                    let change = try JournalFormat.read(line)
                    data.commit(change)
                    if origins != nil {
                        for id in change.artisans.map(\.id) + change.sessions.map(\.id) + change.exhibitions.map(\.id) {
                            origins?[id] = (Store.journalName, number)
                        }
                    }
                } catch {
                    issues.append(LoadIssue(file: Store.journalName, line: number, reason: "\(error)", raw: Array(line)))
                }
            }
        }
    }

    /// Brings `data` up to date with the files: new journal lines, or a full reload when the
    /// journal was replaced by a compaction. True when anything was read.
    @discardableResult
    func catchUp(locked: Bool) throws(StoreError) -> Bool {
        guard io.stat(journalPath) != nil else {
            if journalInode != 0 { try load(locked: locked); return true }
            return false
        }
        let fd = try io.open(journalPath, O_RDONLY, 0)
        defer { io.close(fd) }
        guard let info = io.fstat(fd) else { return false }
        let head = try io.pread(fd, min(info.size, 256), at: 0, path: journalPath)
        let headerEnd = head.firstIndex(of: 0x0A) ?? head.count
        let headGeneration = head.withUnsafeBufferPointer {
            JournalFormat.generation(ofHeader: UnsafeBufferPointer(rebasing: $0[0..<headerEnd]))
        }
        if info.inode != journalInode || (headGeneration ?? generation) != generation || info.size < journalOffset {
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
