#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

extension Store {
    var manifestPath: String { file(Self.manifestName) }

    /// The manifest, nil when there is none.
    func readManifest() throws(StoreError) -> Manifest? {
        guard let bytes = try durable.read(manifestPath) else { return nil }
        let m = try Manifest.read(bytes, path: manifestPath)
        if m.version > Store.formatVersion {
            throw .newerFormat(path: path, found: m.version, supported: Store.formatVersion)
        }
        return m
    }

    /// Makes sure the folder holds a current-format store: creates one (generation 1, empty
    /// files) when `create` and the folder has no data, converts a format-1 folder.
    /// Returns true when the folder is left in format 1 (`convert` false), to be read as such.
    func openGeneration(create: Bool, convert: Bool) throws(StoreError) -> Bool {
        if let m = try readManifest() {
            guard m.version == 1 else { return false }
            if !convert { return true }
            try convertFromVersionOne()
            return false
        }
        let hasData = { [self] in io.listDirectory(path).contains { DataFile.parse($0) != nil || DataFile.allCases.map(\.versionOneName).contains($0) } }
        guard create || hasData() else { throw .noData(path: path) }
        // Several staff may open a new folder at the same moment: one makes it, under the
        // lock; the others find its manifest once they have the lock.
        try withLock { () throws(StoreError) in
            guard try readManifest() == nil else { return }
            // Files of generation 1 without a manifest: a first start killed before its commit.
            for name in io.listDirectory(path) where DataFile.parse(name)?.1 == 1 && isEmptyFirstGeneration(name) { io.unlink(file(name)) }
            if hasData() {
                throw .damaged(path: manifestPath, reason: "is missing, but data files are here. It names the generation of files in force; restore it (or the whole folder) from a backup")
            }
            guard create else { throw .noData(path: path) }
            generation = 0
            try commitNextGeneration(created: SystemInfo.now().timestamp)
        }
        return try readManifest()?.version == 1 && !convert
    }

    /// A file of a first generation that holds no record (a snapshot with no line, or a
    /// journal with its header only).
    private func isEmptyFirstGeneration(_ name: String) -> Bool {
        guard let (kind, _) = DataFile.parse(name), let size = io.stat(file(name))?.size else { return false }
        if kind != .journal { return size == 0 }
        guard let bytes = try? durable.read(file(name)) else { return false }
        return bytes.filter { $0 == 0x0A }.count <= 1
    }

    /// The files of the generation the manifest names, opened (and the journal read) while
    /// the caller holds a lock, so that no compaction can swap them meanwhile.
    struct OpenedFiles {
        var manifest: Manifest
        var snapshots: [(kind: DataFile, name: String, fd: Int32)] = []
        var journalName: String
        var journal: [UInt8] = []
        var journalInode: UInt64 = 0
        /// The audit trail's newest change with its place in the journal, read under the same
        /// lock (`Store.verifyJournalLength`); nil when read without one.
        var audited: (JournalPosition, AuditEntry)?

        func close(_ io: FileIO) { for s in snapshots { io.close(s.fd) } }
    }

    /// Opens the generation in force (`versionOne`: the fixed names of format 1).
    func openFiles(versionOne: Bool = false) throws(StoreError) -> OpenedFiles {
        guard let manifest = try readManifest() else {
            throw .damaged(path: manifestPath, reason: "is missing; it names the generation of files in force. Restore it from a backup")
        }
        let name = { (kind: DataFile) in versionOne ? kind.versionOneName : kind.name(manifest.generation) }
        var opened = OpenedFiles(manifest: manifest, journalName: name(.journal))
        do throws(StoreError) {
            for kind in DataFile.snapshots {
                guard let fd = try durable.openIfExists(file(name(kind))) else {
                    if versionOne || (kind.addedInVersion3 && manifest.version < 3) { continue }
                    throw StoreError.damaged(path: file(name(kind)), reason: Store.missingFileAdvice(manifest.generation))
                }
                opened.snapshots.append((kind, name(kind), fd))
            }
            guard let fd = try durable.openIfExists(file(name(.journal))) else {
                if versionOne { return opened }
                throw StoreError.damaged(path: file(name(.journal)), reason: Store.missingFileAdvice(manifest.generation)
                                         + ". The changes saved since the last compaction are in it")
            }
            defer { io.close(fd) }
            let info = io.fstat(fd)
            opened.journalInode = info?.inode ?? 0
            opened.journal = try io.pread(fd, info?.size ?? 0, at: 0, path: file(name(.journal)))
        } catch {
            opened.close(io)
            throw error
        }
        return opened
    }

    static func missingFileAdvice(_ generation: Int) -> String {
        "is missing: kriya.json names generation \(generation), and this is one of its files. Nothing is saved until it is back: restore the folder from a backup (kriya backup makes them)"
    }

    /// Under the lock: writes every record in memory as generation `generation + 1` (three
    /// snapshots and an empty journal whose header keeps the highest ids), then commits it by
    /// replacing the manifest. Damaged lines are set aside first. Until the manifest's rename
    /// nobody reads the new files; if anything fails before it, they are removed and the
    /// store is as it was. Afterwards the old generation's files are removed.
    /// - Parameter version: at least this format (4 before the first id naming an office);
    ///   otherwise 3, or 4 once the folder is 4 or holds such an id.
    /// `audit`: the audit object of the change this generation is written for (an import too
    /// large for a line, a replacement), given its place (the new journal, `seq` 0): the new
    /// journal's header carries it, so it is committed with the manifest. Returns it sealed,
    /// for `audit.jsonl`.
    @discardableResult
    func commitNextGeneration(created: String? = nil, version: Int = 3, journalID chosen: String? = nil,
                              audit: ((JournalPosition) -> [UInt8])? = nil) throws(StoreError) -> [UInt8]? {
        let stamp = SystemInfo.now().timestamp
        let old = try readManifest()
        let next = generation + 1
        let lastIDs = data.idHighWater.sorted { $0.key.rawValue < $1.key.rawValue }.filter { $0.value > 0 }.map { EntityID($0.key, $0.value) }
        let newJournalID = chosen ?? Durable.randomSuffix()
        let carried = audit?(JournalPosition(journal: newJournalID, seq: 0))
        let header = JournalFormat.header(generation: next, created: stamp, lastIDs: lastIDs, id: newJournalID, audit: carried)
        let written = max(version, formatOnDisk >= 4 || data.namesAnOffice ? 4 : 3)
        let manifest = Manifest(version: written, created: created ?? old?.created ?? stamp, generation: next, lastIDs: lastIDs, journalID: newJournalID)
        // Leftovers of an attempt at this generation that failed before its commit.
        for kind in DataFile.allCases { io.unlink(file(kind.name(next))) }
        io.unlink(file(ArtisanIndexFile.name(next)))
        let setAside = try setAsideIssues(at: stamp)
        var lineStarts: [Int64] = []
        let artisans = data.artisans.items
        func takeBack() {
            for kind in DataFile.allCases { io.unlink(file(kind.name(next))) }
            io.unlink(file(ArtisanIndexFile.name(next)))
            for (name, length) in setAside { durable.cut(file(name), to: length) }
        }
        do {
            try durable.create(file(DataFile.artisans.name(next))) { (sink: inout ChunkedWriter) throws(StoreError) in
                lineStarts = try Self.writeLines(artisans, ArtisanCodec.write, to: &sink)
            }
            try durable.create(file(DataFile.sessions.name(next))) { (sink: inout ChunkedWriter) throws(StoreError) in
                for s in data.sessions.items { try sink.write(SnapshotFormat.line(s, SessionCodec.write)) }
            }
            try durable.create(file(DataFile.exhibitions.name(next))) { (sink: inout ChunkedWriter) throws(StoreError) in
                for e in data.exhibitions.items { try sink.write(SnapshotFormat.line(e, ExhibitionCodec.write)) }
            }
            try durable.create(file(DataFile.terms.name(next))) { (sink: inout ChunkedWriter) throws(StoreError) in
                for t in data.terms.items { try sink.write(SnapshotFormat.line(t, TermCodec.write)) }
            }
            try durable.create(file(DataFile.members.name(next))) { (sink: inout ChunkedWriter) throws(StoreError) in
                for m in data.members.items { try sink.write(SnapshotFormat.line(m, MemberCodec.write)) }
            }
            try durable.create(file(DataFile.partners.name(next))) { (sink: inout ChunkedWriter) throws(StoreError) in
                for p in data.partners.items { try sink.write(SnapshotFormat.line(p, PartnerCodec.write)) }
            }
            try durable.create(file(DataFile.journal.name(next))) { (sink: inout ChunkedWriter) throws(StoreError) in try sink.write(header) }
            writeArtisanIndex(artisans, generation: next, lineStarts: lineStarts)
            try durable.syncDirectory(path)
            try durable.replace(manifestPath, with: manifest.bytes)   // the commit point
        } catch {
            takeBack()
            throw error
        }
        do {
            try durable.syncDirectory(path)
        } catch {
            // Renamed, but perhaps not on disk: put the old manifest back, so that what is
            // reported failed is not what others read.
            if let old, (try? durable.replace(manifestPath, with: old.bytes)) != nil, (try? durable.syncDirectory(path)) != nil {
                takeBack()
            } else {
                readOnlyReason = "the folder could not be synced after a compaction (\(error))"
            }
            throw error
        }
        let previous = generation
        generation = next
        formatOnDisk = written
        journalOffset = header.count
        journalID = newJournalID
        journalLines = 1
        // A new journal holds no change yet, or the one whose audit line `afterSave` appends next.
        if carried == nil { auditedThrough = JournalPosition(journal: newJournalID, seq: 0) }
        journalInode = io.stat(journalPath)?.inode ?? 0
        issues = []
        if previous > 0 {
            for kind in DataFile.allCases { io.unlink(file(kind.name(previous))) }
            io.unlink(file(ArtisanIndexFile.name(previous)))
        }
        return carried.map(AuditFormat.sealed)
    }

    /// Appends each damaged line to `<kind>.jsonl.rejected`, with where it was and why, so
    /// that nothing is ever dropped silently. Returns each file's length before, to cut it
    /// back if the compaction fails (the lines are still in the files in force then).
    func setAsideIssues(at stamp: String) throws(StoreError) -> [(String, Int)] {
        var byFile: [String: [UInt8]] = [:]
        for issue in issues {
            var w = JSONWriter()
            w.beginObject()
            w.member("at", stamp)
            w.member("file", issue.file)
            w.member("line", issue.line as Int?)
            w.member("reason", issue.reason)
            if let text = String(validating: issue.raw, as: UTF8.self) {
                w.member("raw", text)
            } else {
                // Not even UTF-8: keep the exact bytes, in hex.
                w.member("rawHex", issue.raw.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
            }
            w.endObject()
            let target = DataFile.parse(issue.file)?.0.rejectedName ?? issue.file + ".rejected"
            byFile[target, default: []].append(contentsOf: w.bytes + [0x0A])
        }
        var before: [(String, Int)] = []
        for (name, bytes) in byFile.sorted(by: { $0.key < $1.key }) {
            let length = io.stat(file(name))?.size ?? 0
            do { try durable.append(bytes, to: file(name)) } catch {
                for (done, was) in before { durable.cut(file(done), to: was) }
                throw error
            }
            before.append((name, length))
        }
        return before
    }

    /// Converts a format-1 folder (fixed file names, no generation in the manifest), under the
    /// lock, after copying it to `<data>-backups/`: its records become generation 1 of … the
    /// next generation, committed by the new manifest; then the old files go.
    func convertFromVersionOne() throws(StoreError) {
        try withLock { () throws(StoreError) in
            guard let m = try readManifest(), m.version == 1 else { return }
            let names = io.listDirectory(path).filter { Store.isVersionOneFile($0) }
            let copy = try copyFiles(names, label: "format1")
            try load(locked: true, versionOne: true)
            try commitNextGeneration(created: m.created)
            for kind in DataFile.allCases { io.unlink(file(kind.versionOneName)) }
            warn(.converted(version: formatOnDisk, copy: copy))
        }
    }

    static func isVersionOneFile(_ name: String) -> Bool {
        name == manifestName || name == auditName || name == ImportUndoFile.name || name.hasSuffix(".rejected")
            || DataFile.allCases.contains { $0.versionOneName == name }
    }

    /// Best effort, when nobody is writing: temp files of saves that never finished, and
    /// files of generations not in force (a compaction that failed or was killed).
    func cleanStaleFiles() {
        _ = try? lock.tryLock { () throws(StoreError) in
            for name in io.listDirectory(path) {
                if name.hasSuffix(".tmp") { io.unlink(file(name)); continue }
                if let g = DataFile.parse(name)?.1 ?? ArtisanIndexFile.generation(of: name), g != generation,
                   let m = try readManifest(), g != m.generation {
                    io.unlink(file(name))
                }
            }
        }
    }
}

extension Durable {
    /// Best effort: cuts `path` back to `length` (removes it when that is 0).
    func cut(_ path: String, to length: Int) {
        if length == 0 { io.unlink(path); return }
        try? truncate(path, to: length)
    }

    /// Cuts `path` back to `length` and fsyncs it.
    func truncate(_ path: String, to length: Int) throws(StoreError) {
        let fd = try io.open(path, O_WRONLY, 0)
        defer { io.close(fd) }
        try io.truncate(fd, to: length, path: path)
        try io.fsync(fd, path: path)
    }
}
