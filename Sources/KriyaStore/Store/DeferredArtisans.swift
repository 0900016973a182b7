import KriyaCore

/// The artisans' snapshot of a store opened for a lookup: searched through its index file,
/// with only the lines a result shows read and decoded (issue 18). The journal's versions
/// of the records it changed (kept in the store's `data`) replace the snapshot's.
final class DeferredArtisans {
    let index: SearchIndex
    /// Each snapshot record's id number and where its line starts (one more: the file's end).
    let ids: [Int32]
    let lineStarts: [Int64]
    /// The snapshot, kept open (a compaction may remove its name meanwhile) until the last
    /// holder lets go: the store, or the console searching while the rest is read.
    let fd: Int32
    let io: FileIO
    let path: String
    /// Snapshot positions whose record the journal changed or deleted.
    private(set) var replaced = Set<Int>()

    /// Nil when the index does not describe `fd`'s file as it is now.
    init?(_ contents: ArtisanIndexFile.Contents, snapshot fd: Int32, io: FileIO, path: String) {
        guard let info = io.fstat(fd),
              contents.source == ArtisanIndexFile.Source(size: info.size, inode: info.inode, modified: info.modified),
              contents.lineStarts.first == 0, contents.lineStarts.last == Int64(info.size),
              let index = SearchIndex(parts: contents.parts), index.count == contents.ids.count else { return nil }
        for i in contents.ids.indices {
            guard contents.lineStarts[i] < contents.lineStarts[i + 1], contents.ids[i] > 0,
                  i == 0 || contents.ids[i - 1] < contents.ids[i] else { return nil }
        }
        self.index = index
        self.ids = contents.ids
        self.lineStarts = contents.lineStarts
        self.fd = fd
        self.io = io
        self.path = path
    }

    /// Whether `fd` is this object's to close (`adoptFile`); until then its opener's.
    private var ownsFile = false

    /// From now on the snapshot is closed when the last holder lets go of this.
    func adoptFile() { ownsFile = true }

    deinit { if ownsFile { io.close(fd) } }

    /// Notes the artisans a journal line changed or deleted.
    func touch(_ change: Change) {
        for id in change.artisans.map(\.id) + change.deleted where id.kind == .artisan {
            if let at = position(of: id) { replaced.insert(at) }
        }
    }

    private func position(of id: EntityID) -> Int? {
        let at = ids.partitionPoint { Int($0) < id.number }
        return at < ids.count && Int(ids[at]) == id.number ? at : nil
    }

    func count(changed: Int) -> Int { ids.count - replaced.count + changed }

    /// The index made to fit `items` (a full read after this lookup open): the snapshot's
    /// records in its order, each the journal `changed` still folding to the text indexed
    /// (a check-in, a note, an address), the journal's new artisans after them, appended. Nil
    /// when one was renamed, deleted or moved: the caller folds everyone again.
    func index(for items: [Artisan], changed: Set<EntityID>) -> SearchIndex? {
        guard items.count >= ids.count, zip(items, ids).allSatisfy({ $0.id.number == Int($1) }) else { return nil }
        for id in changed where id.kind == .artisan {
            guard let at = position(of: id) else { continue }   // new since the snapshot
            guard index.folds(items[at], at: at) else { return nil }
        }
        var fitted = index
        fitted.append(contentsOf: items[ids.count...])
        return fitted
    }

    /// A hit of the snapshot (`position`) or of the records the journal changed (`changed`).
    private struct Entry {
        var score: Int
        var id: EntityID
        var position: Int?
        var changed: Int?
    }

    /// The artisans matching `query` that `keep` accepts, in the order a search of every
    /// record gives: by score, then folded name, then id. Nil when a line read is not the
    /// one the index names (the snapshot was changed in place): the caller reads everything.
    func find(_ query: String, changed: [Artisan], limit: Int, keep: ((Artisan) -> Bool)?) -> ArtisanMatches? {
        let merged = entries(query, changed: changed, changedIndex: SearchIndex(changed))
        // The first `limit` of `entries`, read, and how many there are.
        func page(_ entries: [Entry]) -> ArtisanMatches? {
            let shown = entries.prefix(max(0, limit))
            guard let read = decode(shown.compactMap(\.position)) else { return nil }
            return ArtisanMatches(shown: shown.map { $0.changed.map { changed[$0] } ?? read[$0.position!]! }, count: entries.count)
        }
        guard let keep else { return page(merged) }
        // A filter needs each hit's record: read them in file order, keep what passes.
        var passes = Set<Int>()
        let ok = forEachLine(merged.compactMap(\.position).sorted()) { position, artisan in
            if keep(artisan) { passes.insert(position) }
        }
        guard ok else { return nil }
        return page(merged.filter { e in e.position.map(passes.contains) ?? keep(changed[e.changed!]) })
    }

    /// The first `limit` matches of `query` that `skip` does not reject, in `find`'s order,
    /// reading lines only as far as needed (a short query matches most of a million, and
    /// `find` with a filter would read every one); `complete` when no more pass. Nil when a
    /// line read is not the one the index names.
    func first(_ query: String, changed: [Artisan], changedIndex: SearchIndex, limit: Int,
               skip: (Artisan) -> Bool) -> (shown: [Artisan], complete: Bool)? {
        let merged = entries(query, changed: changed, changedIndex: changedIndex)
        var shown: [Artisan] = []
        var next = 0
        // One more than asked says whether there are more.
        while shown.count <= limit && next < merged.count {
            let batch = merged[next..<min(merged.count, next + max(64, limit + 1 - shown.count))]
            next = batch.endIndex
            guard let read = decode(batch.compactMap(\.position)) else { return nil }
            for e in batch {
                let a = e.changed.map { changed[$0] } ?? read[e.position!]!
                if !skip(a) { shown.append(a) }
            }
        }
        let complete = shown.count <= limit
        return (Array(shown.prefix(limit)), complete)
    }

    /// Every match of `query` in a full search's order: the snapshot's hits whose record the
    /// journal left alone, merged with the hits among the journal's versions (`changed`).
    private func entries(_ query: String, changed: [Artisan], changedIndex: SearchIndex) -> [Entry] {
        let a = index.hits(query).filter { !replaced.contains($0.position) }
        let b = changedIndex.hits(query)
        // Merge two lists already in order.
        var merged: [Entry] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let takeA: Bool
            if i == a.count { takeA = false } else if j == b.count { takeA = true } else if a[i].score != b[j].score {
                takeA = a[i].score < b[j].score
            } else {
                let na = index.foldedName(a[i].position), nb = changedIndex.foldedName(b[j].position)
                takeA = na == nb ? Int(ids[a[i].position]) < changed[b[j].position].id.number : na.lexicographicallyPrecedes(nb)
            }
            if takeA {
                merged.append(Entry(score: a[i].score, id: EntityID(.artisan, Int(ids[a[i].position])), position: a[i].position))
                i += 1
            } else {
                merged.append(Entry(score: b[j].score, id: changed[b[j].position].id, changed: b[j].position))
                j += 1
            }
        }
        return merged
    }

    /// The current versions of `ids`: the journal's (`changed`) where it has one, else the
    /// snapshot's line; nil when a line does not read as the index says.
    func records(_ ids: [EntityID], changed: RecordTable<Artisan>) -> [EntityID: Artisan]? {
        var out: [EntityID: Artisan] = [:]
        var positions: [Int] = []
        for id in ids where id.kind == .artisan {
            if let a = changed[id] { out[id] = a } else if let p = position(of: id), !replaced.contains(p) { positions.append(p) }
        }
        guard let read = decode(positions) else { return nil }
        for a in read.values { out[a.id] = a }
        return out
    }

    /// The records at `positions`, nil when one does not read as the index says.
    private func decode(_ positions: [Int]) -> [Int: Artisan]? {
        var out: [Int: Artisan] = [:]
        let ok = forEachLine(positions.sorted()) { out[$0] = $1 }
        return ok ? out : nil
    }

    /// Reads the lines at `positions` (ascending) a few megabytes at a time and decodes each;
    /// false when one fails its checksum, does not parse, or holds another id.
    private func forEachLine(_ positions: [Int], _ body: (Int, Artisan) -> Void) -> Bool {
        var window: [UInt8] = []
        var windowStart: Int64 = 0
        for p in positions {
            let start = lineStarts[p], end = lineStarts[p + 1]
            if start < windowStart || end > windowStart + Int64(window.count) {
                let length = max(Int(end - start), 4 << 20)
                guard let bytes = try? io.pread(fd, length, at: Int(start), path: path), bytes.count >= Int(end - start) else { return false }
                window = bytes
                windowStart = start
            }
            let from = Int(start - windowStart), to = Int(end - windowStart)
            // The line without its newline, as the snapshot parser sees it.
            guard window[to - 1] == 0x0A else { return false }
            let artisan: Artisan? = window.withUnsafeBufferPointer { buf in
                let line = UnsafeBufferPointer(rebasing: buf[from..<(to - 1)])
                guard SealedLine.verify(line) == nil else { return nil }
                var r = JSONReader(line)
                guard let a = try? ArtisanCodec.read(&r), (try? r.finish()) != nil else { return nil }
                return a
            }
            guard let artisan, artisan.id == EntityID(.artisan, Int(ids[p])) else { return false }
            body(p, artisan)
        }
        return true
    }
}

/// What `Store.findArtisans` found: the first ones, and how many match in all.
public struct ArtisanMatches: Sendable {
    public var shown: [Artisan]
    public var count: Int

    /// Searches `items` as the console does (`SearchIndex.search`: every word, best first).
    public static func search(_ items: [Artisan], _ query: String, limit: Int, where keep: ((Artisan) -> Bool)?) -> ArtisanMatches {
        var matches = SearchIndex(items).search(query)
        if let keep { matches = matches.filter { keep(items[$0]) } }
        return ArtisanMatches(shown: matches.prefix(max(0, limit)).map { items[$0] }, count: matches.count)
    }
}
