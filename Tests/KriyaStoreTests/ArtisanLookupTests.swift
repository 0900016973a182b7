import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 18: a store opened for a lookup searches the artisans' snapshot through its index
/// and reads only the lines it shows. Whatever it answers must be what a full read answers:
/// these tests compare the two on random queries, with records changed, added and deleted in
/// the journal after the snapshot, and with damaged lines.
@Suite struct ArtisanLookupTests {
    /// A demo of `count` artisans compacted (so with its index), then changes in the journal:
    /// renamed (moving in the name order), re-worded, new and deleted artisans.
    func prepared(_ count: Int = 1500) throws -> TempDir {
        let dir = TempDir("lookup")
        let store = try Store(path: dir.path)
        try store.replaceAll(with: DemoData.make(artisans: count, today: S.today), reason: "test")
        #expect(FileManager.default.fileExists(atPath: dir.file(ArtisanIndexFile.name(2))))
        var rng = SplitMix64(seed: 18)
        let items = store.data.artisans.items
        for k in 0..<40 {
            var a = items[Int(rng.next() % UInt64(items.count))]
            guard let current = store.data.artisans[a.id] else { continue }
            a = current
            switch k % 4 {
            case 0: a.name = "Aaron " + a.name            // first in name order now
            case 1: a.name = "Zubaidah Wijaya"             // a common word, last in order
            case 2: a.business = "Keramik Sri Rejeki"      // matches other words
            default: a.products = [Product(name: "Wijaya kencana", price: 10_000)]
            }
            try store.apply(.updateArtisan(a, baseRev: a.rev), context: S.ctx)
        }
        var added: [EntityID] = []
        for n in 1...30 {
            var a = S.artisan(900_000 + n)
            a.name = n % 2 == 0 ? "Sri Wijaya \(n)" : "Aaron Baru \(n)"
            added.append(try store.apply(.addArtisan(a, allowDuplicate: true), context: S.ctx).artisans[0].id)
        }
        // Two snapshot records found to be one person: merged (the other archived, pointing on).
        let (keep, other) = (items[10], items[11])
        try store.apply(.mergeArtisans(keep: keep.id, other: other.id, keepRev: store.data.currentRev(keep.id)!,
                                       otherRev: store.data.currentRev(other.id)!), context: S.ctx)
        for id in added.prefix(5) { try store.apply(.delete(id, baseRev: store.data.currentRev(id) ?? 1), context: S.ctx) }
        return dir
    }

    /// The answer of a full read: every record, searched as `find` did before issue 18.
    func expected(_ full: Store, _ query: String, _ keep: ((Artisan) -> Bool)?, limit: Int) -> ([EntityID], Int) {
        let items = full.data.artisans.items
        var matches = SearchIndex(items).search(query)
        if let keep { matches = matches.filter { keep(items[$0]) } }
        return (matches.prefix(limit).map { items[$0].id }, matches.count)
    }

    /// Queries made from the records themselves: name starts, words, phone digits, two words,
    /// places and categories, no word, nothing that matches.
    func queries(_ data: Dataset, _ n: Int) -> [String] {
        var rng = SplitMix64(seed: 7)
        let items = data.artisans.items
        var out = ["", "wijaya", "sri wijaya", "aaron", "zubaidah", "keramik sri", "xqzv", "lowokwaru batik", "0812"]
        while out.count < n {
            let a = items[Int(rng.next() % UInt64(items.count))]
            let words = (a.name + " " + a.business).split(separator: " ").map(String.init)
            switch rng.next() % 5 {
            case 0: out.append(String(words[0].prefix(Int(rng.next() % 4) + 2)))
            case 1: out.append(words[Int(rng.next() % UInt64(words.count))])
            case 2: out.append(String(a.phone.filter(\.isNumber).suffix(5)))
            case 3: out.append(words.prefix(2).joined(separator: " "))
            default: out.append(a.products.first.map { String($0.name.split(separator: " ")[0]) } ?? "batik")
            }
        }
        return out
    }

    func compare(_ dir: TempDir, queries count: Int = 120) throws {
        let full = try Store(path: dir.path)
        let lookup = try Store(path: dir.path, lookup: .search)
        #expect(lookup.isDeferred)
        #expect(lookup.artisanCount == full.data.artisans.count)
        let filters: [((Artisan) -> Bool)?] = [nil, { $0.category == .batik }, { Wilayah.kelurahan(code: $0.kelurahan)?.kecamatanCode == Wilayah.kecamatan[0].code }]
        for (i, q) in queries(full.data, count).enumerated() {
            let keep = filters[i % filters.count]
            let limit = [20, 1, 200][i % 3]
            let got = try lookup.findArtisans(q, limit: limit, where: keep)
            let want = expected(full, q, keep, limit: limit)
            #expect(got.shown.map(\.id) == want.0, "query \(q.debugDescription)")
            #expect(got.count == want.1, "query \(q.debugDescription)")
            // Every record shown is the current version, the journal's where it changed one.
            for a in got.shown { #expect(a == full.data.artisans[a.id]) }
        }
        #expect(lookup.isDeferred, "a lookup never needed the whole snapshot")
        #expect(lookup.issues.map(\.description) == full.issues.map(\.description))
    }

    @Test func lookupsGiveWhatAFullReadGivesWithTheJournalsChanges() throws {
        try compare(try prepared())
    }

    @Test func aDamagedJournalLineIsReportedAsByAFullRead() throws {
        let dir = try prepared()
        var journal = dir.read(dir.name(.journal))
        let lines = journal.split(separator: 0x0A, omittingEmptySubsequences: false)
        let at = lines[0].count + lines[1].count + lines[2].count + 3 + 30   // inside line 4
        journal[at] ^= 0x01
        dir.write(dir.name(.journal), journal)
        try compare(dir, queries: 40)
        let lookup = try Store(path: dir.path, lookup: .search)
        #expect(lookup.issues.count == 1)
    }

    @Test func aSnapshotChangedByHandIsReadInFull() throws {
        let dir = try prepared(400)
        var snapshot = dir.read(dir.name(.artisans))
        snapshot[1000] ^= 0x01
        dir.write(dir.name(.artisans), snapshot)
        let full = try Store(path: dir.path)
        let lookup = try Store(path: dir.path, lookup: .search)
        #expect(!lookup.isDeferred, "the snapshot is no longer the file its index was made from")
        #expect(full.issues.count == 1)
        #expect(lookup.issues.map(\.description) == full.issues.map(\.description))
        let got = try lookup.findArtisans("", limit: 500)
        #expect(got.shown.map(\.id) == expected(full, "", nil, limit: 500).0)
    }

    /// A line damaged in place with the file's time put back (a disk's bit rot): the index
    /// still matches the file, so the lookup notices only when it reads that line. It then
    /// reads everything, and answers and reports as a full read.
    @Test func aLineRottedInPlaceIsNoticedWhenRead() throws {
        let dir = try prepared(400)
        let name = dir.name(.artisans)
        var before = stat()
        #expect(stat(dir.file(name), &before) == 0)
        var snapshot = dir.read(name)
        // Damage the snapshot line of the first artisan an empty query shows that the
        // journal did not change (the lookup reads that line).
        let full0 = try Store(path: dir.path)
        let d = try Store(path: dir.path, lookup: .search).deferred!
        let changed = Set(d.replaced.map { EntityID(.artisan, Int(d.ids[$0])) })
        let first = expected(full0, "", nil, limit: 100).0.first { $0.number <= 400 && !changed.contains($0) }!
        let needle = Array("\"id\":\"\(first)\"".utf8)
        let at = (0..<(snapshot.count - needle.count)).first { Array(snapshot[$0..<($0 + needle.count)]) == needle }!
        snapshot[at + needle.count + 12] ^= 0x01
        let fd = open(dir.file(name), O_WRONLY)
        _ = snapshot.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
        close(fd)
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, dir.file(name), times, 0) == 0)

        let lookup = try Store(path: dir.path, lookup: .search)
        #expect(lookup.isDeferred)
        let got = try lookup.findArtisans("", limit: 100)
        #expect(!lookup.isDeferred, "the damaged line made it read everything")
        let full = try Store(path: dir.path)
        #expect(full.issues.count == 1)
        #expect(lookup.issues.map(\.description) == full.issues.map(\.description))
        #expect(got.shown.map(\.id) == expected(full, "", nil, limit: 100).0)
        #expect(!got.shown.map(\.id).contains(first))
    }

    /// `kriya show`'s data: each artisan (the journal's version where it changed one), their
    /// sessions and exhibitions, and the one they were merged into, as a full read has them.
    @Test func anArtisansPageHasWhatAFullReadHas() throws {
        let dir = try prepared(600)
        let full = try Store(path: dir.path)
        let lookup = try Store(path: dir.path, lookup: .records)
        #expect(lookup.isDeferred)
        var rng = SplitMix64(seed: 3)
        let ids = full.data.artisans.items.map(\.id)
        let sample = (0..<60).map { _ in ids[Int(rng.next() % UInt64(ids.count))] } + [ids.last!, EntityID(.artisan, 999_999)]
        for id in sample {
            let got = try lookup.artisans([id])[id]
            #expect(got == full.data.artisans[id], "\(id)")
            guard let a = got else { continue }
            let data = try lookup.data(with: [id] + (a.mergedInto.map { [$0] } ?? []))
            #expect(data.sessions(of: id).map(\.id) == full.data.sessions(of: id).map(\.id))
            #expect(data.exhibitions(of: id).map(\.id) == full.data.exhibitions(of: id).map(\.id))
        }
        // Those deleted are gone here too; the one merged leads to the one kept.
        let deleted = (1...full.data.artisans.maxNumber).map { EntityID(.artisan, $0) }.filter { full.data.artisans[$0] == nil }
        #expect(deleted.count == 5)
        #expect(try lookup.artisans(deleted).isEmpty)
        let merged = try #require(full.data.artisans.items.first { $0.mergedInto != nil })
        let page = try lookup.data(with: [merged.id, merged.mergedInto!])
        #expect(page.artisans[merged.mergedInto!] == full.data.artisans[merged.mergedInto!])
        #expect(lookup.isDeferred)
    }

    @Test func aChangeFromALookupStoreReadsEverythingFirst() throws {
        let dir = try prepared(300)
        let lookup = try Store(path: dir.path, lookup: .search)
        #expect(lookup.isDeferred)
        let a = try lookup.apply(.addArtisan(S.artisan(777_777), allowDuplicate: true), context: S.ctx).artisans[0]
        #expect(!lookup.isDeferred)
        #expect(lookup.data.artisans.count == lookup.artisanCount)
        let full = try Store(path: dir.path)
        #expect(full.data.artisans[a.id] == a)
        #expect(Set(full.data.artisans.items.map(\.id)).count == full.data.artisans.count)
        // Sessions and exhibitions (not read for the lookup) are all there for the change.
        #expect(lookup.data.sessions.items == full.data.sessions.items)
        #expect(lookup.data.exhibitions.items == full.data.exhibitions.items)
    }

    @Test func aDamagedOrForeignIndexIsIgnored() throws {
        let dir = try prepared(300)
        let name = ArtisanIndexFile.name(2)
        var bytes = dir.read(name)
        // Written by a Kriya that folded phones twice (version 2): its text is not what a full
        // read searches now, so it is not used.
        #expect(try Store(path: dir.path, lookup: .search).isDeferred)
        var older = bytes
        older.replaceSubrange(8..<16, with: [2, 0, 0, 0, 0, 0, 0, 0])
        dir.write(name, older)
        #expect(!(try Store(path: dir.path, lookup: .search)).isDeferred)
        // The second record given the first one's name rank: the ranks are no longer one
        // per record, which could hide a record or read past the text; refused.
        let n = 300
        let ranks = 72 + 4 * n + 8 * (n + 1) + 4 * (n + 1) + 4 * n + 4 * n
        bytes.replaceSubrange((ranks + 4)..<(ranks + 8), with: bytes[ranks..<(ranks + 4)])
        dir.write(name, bytes)
        #expect(!(try Store(path: dir.path, lookup: .search)).isDeferred)
        dir.write(name, Array(dir.read(name).prefix(bytes.count - 1)))   // cut short
        let cut = try Store(path: dir.path, lookup: .search)
        #expect(!cut.isDeferred)
        dir.write(name, Array("not an index".utf8))
        let foreign = try Store(path: dir.path, lookup: .search)
        #expect(!foreign.isDeferred)
        #expect(try foreign.findArtisans("sri", limit: 5).count == expected(try Store(path: dir.path), "sri", nil, limit: 5).1)
    }
}
