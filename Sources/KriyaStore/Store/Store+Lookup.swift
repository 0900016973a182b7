#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

/// Looking artisans up without reading them all (issue 18). Each compaction writes an index
/// of the new artisans' snapshot beside it (`ArtisanIndexFile`); a store opened with
/// `lookup:` reads that index, the journal and the council's (small) snapshots (and with
/// `.records` sessions and exhibitions), and decodes only the artisans' lines it needs.
/// Every answer is the one a full read gives; whenever the index is missing or does not
/// describe the snapshot as it is, the store is read in full.
extension Store {
    /// What a store opened for a lookup reads besides the artisans' index, the journal and
    /// the council's (small) snapshots.
    public enum LookupScope: Sendable {
        /// Nothing more (`kriya find`, the console's first page).
        case search
        /// Sessions and exhibitions too (`kriya show`: an artisan's history).
        case records
    }

    /// True while the artisans' snapshot is searched through its index (opened for a
    /// lookup, nothing changed since): `data.artisans` then holds only the artisans the
    /// journal changed (and with `.search`, sessions and exhibitions only the journal's
    /// versions of those it changed). `loadEverything()` reads the rest.
    public var isDeferred: Bool { deferred != nil }

    /// How many artisans there are.
    public var artisanCount: Int { deferred?.count(changed: data.artisans.count) ?? data.artisans.count }

    /// The search index of the artisans as read, when the full read that followed a lookup
    /// open found the index file's artisans still reading as it folded them, new ones appended
    /// (nil after a rename, a delete or a record out of place): the console
    /// takes it instead of folding every record again. Handed over once (the store keeps no
    /// reference, so the console's later changes to it copy nothing).
    public func takeSearchIndex() -> SearchIndex? {
        defer { searchIndexFromFile = nil }
        return searchIndexFromFile
    }

    /// Reads every record, when the store was opened for a lookup.
    public func loadEverything() throws(StoreError) {
        if deferred != nil { try load() }
    }

    /// The artisans matching `query` (as `SearchIndex.search`: every word, best first) that
    /// `keep` accepts: the first `limit`, and how many in all.
    public func findArtisans(_ query: String, limit: Int, where keep: ((Artisan) -> Bool)? = nil) throws(StoreError) -> ArtisanMatches {
        if let d = deferred {
            if let found = d.find(query, changed: data.artisans.items, limit: limit, keep: keep) { return found }
            // The snapshot is not what its index says (changed in place): read it all, which
            // also reports its damaged lines as usual.
            try load()
        }
        return ArtisanMatches.search(data.artisans.items, query, limit: limit, where: keep)
    }

    /// The current version of each of `ids` that exists (read from the snapshot's lines when
    /// opened for a lookup).
    public func artisans(_ ids: [EntityID]) throws(StoreError) -> [EntityID: Artisan] {
        if let d = deferred {
            if let found = d.records(ids, changed: data.artisans) { return found }
            try load()   // the snapshot is not what its index says: read it all
        }
        var out: [EntityID: Artisan] = [:]
        for id in ids { out[id] = data.artisans[id] }
        return out
    }

    /// `data` with the artisans `ids` in it, for views of a few records (`kriya show`).
    public func data(with ids: [EntityID]) throws(StoreError) -> Dataset {
        guard deferred != nil else { return data }
        var out = data
        for a in try artisans(ids).values where out.artisans[a.id] == nil { out.artisans.merge(a) }
        return out
    }

    /// Opens the generation in force with the artisans' snapshot deferred; false (nothing
    /// changed) when there is no usable index, or anything else goes wrong: the full read
    /// that follows reports it as usual.
    func loadDeferred(_ scope: LookupScope) -> Bool {
        guard let (opened, held) = try? withReadLock({ (held: Bool) throws(StoreError) -> (OpenedFiles, Bool) in
            var files = try openFiles()
            if held { files.audited = lastAuditedChange() }
            return (files, held)
        }) else { return false }
        var keep: Int32 = -1
        defer { for s in opened.snapshots where s.fd != keep { io.close(s.fd) } }
        let g = opened.manifest.generation
        guard let snapshot = opened.snapshots.first(where: { $0.kind == .artisans }),
              let lazy = artisanIndex(generation: g, snapshot: snapshot.fd),
              let (fresh, found) = try? readSnapshots(opened, of: scope == .records ? [.sessions, .exhibitions, .terms, .members, .partners]
                                                                                    : [.terms, .members, .partners]) else { return false }
        keep = snapshot.fd
        lazy.adoptFile()
        closeDeferred()
        data = fresh
        deferred = lazy
        issues = found
        generation = g
        formatOnDisk = opened.manifest.version
        for id in opened.manifest.lastIDs { data.reserve(upTo: id) }
        if let last = lazy.ids.last { data.reserve(upTo: EntityID(.artisan, Int(last))) }
        journalOffset = 0
        journalLines = 0
        journalInode = opened.journalInode
        journalID = opened.manifest.journalID
        loadedJournalName = opened.journalName
        do { try replayJournal(opened.journal, from: 0, locked: held, audited: opened.audited) } catch {
            closeDeferred()
            return false
        }
        return true
    }

    /// The index of generation `g`'s artisans, nil when it is missing or does not describe
    /// the snapshot open as `snapshot` as that file is now.
    func artisanIndex(generation g: Int, snapshot: Int32) -> DeferredArtisans? {
        let name = file(ArtisanIndexFile.name(g))
        guard let fd = try? durable.openIfExists(name) else { return nil }
        defer { io.close(fd) }
        guard let contents = try? ArtisanIndexFile.read(fd, io: io, path: name), contents.generation == g else { return nil }
        return DeferredArtisans(contents, snapshot: snapshot, io: io, path: file(DataFile.artisans.name(g)))
    }

    /// For `kriya check`: whether lookups can use the artisans' index.
    var artisanIndexUsable: Bool {
        guard let fd = try? durable.openIfExists(file(DataFile.artisans.name(generation))) else { return false }
        defer { io.close(fd) }
        return artisanIndex(generation: generation, snapshot: fd) != nil
    }

    /// Lets go of the index; its snapshot is closed once nothing else holds it (`ArtisanLookup`).
    func closeDeferred() {
        deferred = nil
    }

    /// During a compaction, before its commit: the index of generation `g`'s artisans'
    /// snapshot, just written as `items` with lines starting at `lineStarts`. One of the
    /// generation's files (made, synced and committed with them, never renamed), but best
    /// effort: when it cannot be written the generation goes without, and lookups read
    /// everything as before.
    func writeArtisanIndex(_ items: [Artisan], generation g: Int, lineStarts: [Int64]) {
        let name = file(ArtisanIndexFile.name(g))
        guard let info = io.stat(file(DataFile.artisans.name(g))), lineStarts.count == items.count + 1,
              lineStarts.last == Int64(info.size), items.last.map({ $0.id.number < Int(Int32.max) }) ?? true else { return }
        let contents = ArtisanIndexFile.Contents(
            generation: g, source: .init(size: info.size, inode: info.inode, modified: info.modified),
            ids: items.map { Int32($0.id.number) }, lineStarts: lineStarts, parts: SearchIndex(items).parts)
        do {
            try durable.create(name) { (sink: inout ChunkedWriter) throws(StoreError) in try ArtisanIndexFile.write(contents, to: &sink) }
        } catch {
            io.unlink(name)
        }
    }
}
