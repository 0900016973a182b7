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
    /// merging and reading only as far as needed (a short query matches most of a million,
    /// and `find` with a filter would read every one); `complete` when no more pass. Nil when
    /// a line read is not the one the index names.
    func first(_ query: String, changed: [Artisan], changedIndex: SearchIndex, limit: Int,
               skip: (Artisan) -> Bool) -> (shown: [Artisan], complete: Bool)? {
        var merge = Merge(self, changed: changed, changedIndex: changedIndex, index.hitCursor(query), changedIndex.hits(query))
        var shown: [Artisan] = []
        // One more than asked says whether there are more.
        while shown.count <= limit {
            var batch: [Entry] = []
            while batch.count < max(64, limit + 1 - shown.count), let e = merge.next() { batch.append(e) }
            if batch.isEmpty { break }
            guard let read = decode(batch.compactMap(\.position)) else { return nil }
            for e in batch {
                let a = e.changed.map { changed[$0] } ?? read[e.position!]!
                if !skip(a) { shown.append(a) }
            }
        }
        return (Array(shown.prefix(limit)), shown.count <= limit)
    }

    /// Every match of `query` in a full search's order.
    private func entries(_ query: String, changed: [Artisan], changedIndex: SearchIndex) -> [Entry] {
        var merge = Merge(self, changed: changed, changedIndex: changedIndex, index.hitCursor(query), changedIndex.hits(query))
        var merged: [Entry] = []
        while let e = merge.next() { merged.append(e) }
        return merged
    }

    /// The snapshot's hits whose record the journal left alone (`a`), merged with the hits
    /// among the journal's versions (`b`), one at a time: by score, then folded name, then id.
    private struct Merge {
        let owner: DeferredArtisans
        let changed: [Artisan]
        let changedIndex: SearchIndex
        var a: SearchIndex.HitCursor
        let b: [SearchIndex.Hit]
        var nextA: SearchIndex.Hit?
        var j = 0

        init(_ owner: DeferredArtisans, changed: [Artisan], changedIndex: SearchIndex, _ a: SearchIndex.HitCursor, _ b: [SearchIndex.Hit]) {
            (self.owner, self.changed, self.changedIndex, self.a, self.b) = (owner, changed, changedIndex, a, b)
            nextA = advance()
        }

        private mutating func advance() -> SearchIndex.Hit? {
            while let hit = a.next() { if !owner.replaced.contains(hit.position) { return hit } }
            return nil
        }

        mutating func next() -> Entry? {
            let takeA: Bool
            switch (nextA, j < b.count ? b[j] : nil) {
            case (nil, nil): return nil
            case (.some, nil): takeA = true
            case (nil, .some): takeA = false
            case let (x?, y?):
                if x.score != y.score {
                    takeA = x.score < y.score
                } else {
                    let na = owner.index.foldedName(x.position), nb = changedIndex.foldedName(y.position)
                    takeA = na == nb ? Int(owner.ids[x.position]) < changed[y.position].id.number : na.lexicographicallyPrecedes(nb)
                }
            }
            if takeA, let x = nextA {
                nextA = advance()
                return Entry(score: x.score, id: EntityID(.artisan, Int(owner.ids[x.position])), position: x.position)
            }
            defer { j += 1 }
            return Entry(score: b[j].score, id: changed[b[j].position].id, changed: b[j].position)
        }
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

    /// Reads the lines at `positions` (ascending) and decodes each; false when one fails its
    /// checksum, does not parse, or holds another id. Lines near each other are read in one
    /// go, up to a megabyte; a line far from the others alone (a page of 200 hits by name is
    /// scattered over the whole file: reading 4 MB for each made a key at 1M cost ~90 ms).
    private func forEachLine(_ positions: [Int], _ body: (Int, Artisan) -> Void) -> Bool {
        var window: [UInt8] = []
        var windowStart: Int64 = 0
        for (i, p) in positions.enumerated() {
            let start = lineStarts[p], end = lineStarts[p + 1]
            if start < windowStart || end > windowStart + Int64(window.count) {
                var last = end
                for q in positions[(i + 1)...] {
                    guard lineStarts[q + 1] - start <= 1 << 20 else { break }
                    last = max(last, lineStarts[q + 1])
                }
                let length = Int(last - start)
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
