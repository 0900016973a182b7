import Foundation
import KriyaText

/// Search over artisans, folded once so that each query is a byte search (DESIGN.md §2):
/// case- and diacritic-insensitive, every word must match somewhere in the record (name,
/// business, brand and the other searched text details, products, kelurahan/kecamatan, category, phone digits), best matches first.
/// A phone is held once, national (`0812…`); a query typed international (`+62812…`,
/// `62812…`) also matches a phone that starts with its national form (`phoneStart`).
public struct SearchIndex: Sendable {
    public init() {}

    /// Each record's folded fields, separated by 0x01 so a word never spans two fields.
    var blob: [UInt8] = []
    /// Where each record's text starts in `blob`; one extra entry marks the end.
    var starts: [Int32] = [0]
    /// How many bytes of each record's text are its name (the first field).
    var nameLengths: [Int32] = []
    /// How many bytes of each record's text are its main fields (name, business, brand,
    /// place, category, phone); products come after them.
    var primaryLengths: [Int32] = []
    /// Position of each record when sorted by folded name, and the reverse.
    var nameRank: [Int32] = []
    var byRank: [Int32] = []
    /// How often each byte occurs, to look for a word's rarest byte first.
    var byteCounts = [Int](repeating: 0, count: 256)
    /// Words many records share, folded once: a kelurahan's (its name, spaceless form,
    /// variants and kecamatan) and a category's (Indonesian and English labels). Each record
    /// names two, its place and its category (`tags[2r]`, `tags[2r + 1]`), instead of
    /// holding their words in `blob`: that was 40% of the text (issue 18).
    var tags: [UInt32] = []
    var tagText: [[UInt8]] = []
    /// The key of each tag (`k:` + kelurahan code, `c:` + category), to find it again.
    var tagKeys: [String] = []
    var tagIndex: [String: UInt32] = [:]

    public var count: Int { nameLengths.count }
    /// From how many records (or narrowed positions) a search is scanned on every core; tests
    /// set it low to compare the pieces' answer with one scan's.
    var parallelFrom = 50_000

    /// Indexes `artisans` in their order; results are positions in that array.
    public init(_ artisans: [Artisan]) {
        append(contentsOf: artisans[...])
    }

    /// Adds artisans after those already indexed (a colleague's new records), without
    /// folding everyone again; their positions continue the numbering. A large batch (opening
    /// the console on 100k artisans) is folded on every core, in pieces joined in order.
    public mutating func append(contentsOf artisans: ArraySlice<Artisan>) {
        guard !artisans.isEmpty else { return }
        let firstNewByte = blob.count, firstNew = count
        let pieceCount = artisans.count >= 20_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
        var pieces = [Folded](repeating: Folded(), count: max(1, pieceCount))
        if pieces.count == 1 {
            pieces[0].fold(artisans)
        } else {
            let n = artisans.count, base = artisans.startIndex
            pieces.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: slots.count) { k in
                    slots[k].fold(artisans[(base + n * k / slots.count)..<(base + n * (k + 1) / slots.count)])
                }
            }
        }
        blob.reserveCapacity(blob.count + pieces.reduce(0) { $0 + $1.blob.count })
        for piece in pieces {
            let offset = Int32(blob.count)
            blob.append(contentsOf: piece.blob)
            starts.append(contentsOf: piece.ends.map { $0 + offset })
            nameLengths.append(contentsOf: piece.nameLengths)
            primaryLengths.append(contentsOf: piece.primaryLengths)
            // The piece's own tag numbers, as this index numbers them.
            let global = piece.tagKeys.indices.map { tag(piece.tagKeys[$0], piece.tagText[$0]) }
            tags.append(contentsOf: piece.tags.map { global[Int($0)] })
        }
        nameRank = rankByName(keeping: firstNew)
        byRank = [Int32](repeating: 0, count: count)
        for (record, rank) in nameRank.enumerated() { byRank[Int(rank)] = Int32(record) }
        blob.withUnsafeBufferPointer { for b in $0[firstNewByte...] { byteCounts[Int(b)] += 1 } }
    }

    /// Whether the record at `position` is `a` as this index folds it (text, name and main
    /// field lengths, place and category): then `a` needs nothing new indexed.
    public func folds(_ a: Artisan, at position: Int) -> Bool {
        guard position >= 0, position < count else { return false }
        var piece = Folded()
        piece.fold([a][...])
        let s = Int(starts[position]), e = Int(starts[position + 1])
        guard piece.blob.count == e - s, piece.nameLengths[0] == nameLengths[position],
              piece.primaryLengths[0] == primaryLengths[position], blob[s..<e].elementsEqual(piece.blob) else { return false }
        return piece.tagKeys[Int(piece.tags[0])] == tagKeys[Int(tags[2 * position])]
            && piece.tagKeys[Int(piece.tags[1])] == tagKeys[Int(tags[2 * position + 1])]
    }

    /// Whether two versions of an artisan read the same to the index (a change elsewhere, such
    /// as a note or a certificate, needs no re-indexing).
    public static func sameText(_ a: Artisan, _ b: Artisan) -> Bool {
        a.name == b.name && a.business == b.business && a.kelurahan == b.kelurahan
            && ArtisanTextField.searched.allSatisfy { a[text: $0] == b[text: $0] } && a.category == b.category && a.phone == b.phone && a.products.map(\.name) == b.products.map(\.name)
    }

    /// The number of the tag `key`, added with its words when new.
    private mutating func tag(_ key: String, _ text: [UInt8]) -> UInt32 {
        if let known = tagIndex[key] { return known }
        let n = UInt32(tagText.count)
        tagIndex[key] = n
        tagKeys.append(key)
        tagText.append(text)
        return n
    }

    /// Some artisans' folded text, with where each record ends (relative to this piece).
    private struct Folded {
        var blob: [UInt8] = []
        var ends: [Int32] = []
        var nameLengths: [Int32] = []
        var primaryLengths: [Int32] = []
        /// Two per record (place, category), numbered in this piece's `tagKeys`.
        var tags: [UInt32] = []
        var tagKeys: [String] = []
        var tagText: [[UInt8]] = []
        private var tagIndex: [String: UInt32] = [:]

        private mutating func tag(_ key: String, _ words: () -> [UInt8]) -> UInt32 {
            if let known = tagIndex[key] { return known }
            let n = UInt32(tagKeys.count)
            tagIndex[key] = n
            tagKeys.append(key)
            tagText.append(words())
            return n
        }

        mutating func fold(_ artisans: ArraySlice<Artisan>) {
            blob.reserveCapacity(artisans.count * 160)
            ends.reserveCapacity(artisans.count)
            nameLengths.reserveCapacity(artisans.count)
            primaryLengths.reserveCapacity(artisans.count)
            tags.reserveCapacity(2 * artisans.count)
            for a in artisans {
                let start = blob.count
                Fold.append(a.name, to: &blob)
                nameLengths.append(Int32(blob.count - start))
                field(a.business)
                for text in ArtisanTextField.searched { if let value = a[text: text] { field(value) } }
                // Place and category words are the same for many people: folded once, as tags.
                tags.append(tag("k:" + a.kelurahan) { SearchIndex.placeWords(a.kelurahan) })
                tags.append(tag("c:" + a.category.rawValue) { SearchIndex.fields([a.category.label(.id), a.category.label(.en)]) })
                phoneDigits(a.phone)
                primaryLengths.append(Int32(blob.count - start))
                for p in a.products { field(p.name) }
                blob.append(0x01)
                ends.append(Int32(blob.count))
            }
        }

        /// Digits only, national (0812…) whatever form is stored; a number from abroad as it is.
        /// (The international form beside it was 13% of the text at 1M: `phoneStart` instead.)
        private mutating func phoneDigits(_ phone: String) {
            var digits = phone.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
            if !phone.hasPrefix("+62"), let normalised = try? Phone.normalise(phone).get() {
                digits = normalised.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
            }
            blob.append(0x01)
            guard digits.count > 2, digits[0] == 0x36, digits[1] == 0x32 else {
                blob.append(contentsOf: digits)
                return
            }
            blob.append(0x30)
            blob.append(contentsOf: digits[2...])
        }

        private mutating func field(_ text: String) {
            blob.append(0x01)
            Fold.append(text, to: &blob)
        }
    }

    /// The position of the word's rarest byte.
    private func anchor(_ word: [UInt8]) -> Int {
        word.indices.min { byteCounts[Int(word[$0])] < byteCounts[Int(word[$1])] } ?? 0
    }

    /// Each text folded, each behind a field separator.
    private static func fields(_ texts: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for t in texts { out.append(0x01); Fold.append(t, to: &out) }
        return out
    }

    /// Kelurahan name, its spaceless form and variants, and the kecamatan.
    private static func placeWords(_ code: String) -> [UInt8] {
        guard let kel = Wilayah.kelurahan(code: code) else { return fields([code]) }
        let kec = Wilayah.kecamatan(code: kel.kecamatanCode)?.name ?? ""
        return fields([kel.name, Fold.compact(kel.name)] + kel.variants + [kec])
    }

    /// The name rank of every record. The first `kept` are already ranked (`byRank`): only
    /// the new ones are sorted and merged in (a colleague's new artisan at 1M: a merge, not a
    /// sort of a million names, ~1 s, in every open console).
    private func rankByName(keeping kept: Int = 0) -> [Int32] {
        let order = blob.withUnsafeBufferPointer { buf -> [Int] in
            let base = buf.baseAddress!
            let before = { (a: Int, b: Int) -> Bool in
                let la = Int(nameLengths[a]), lb = Int(nameLengths[b])
                let c = memcmp(base + Int(starts[a]), base + Int(starts[b]), min(la, lb))
                return c != 0 ? c < 0 : (la != lb ? la < lb : a < b)
            }
            let new = (kept..<count).sorted(by: before)
            guard kept > 0, byRank.count == kept else { return kept == 0 ? new : (0..<count).sorted(by: before) }
            var merged: [Int] = []
            merged.reserveCapacity(count)
            var i = 0, j = 0
            while i < kept || j < new.count {
                if j == new.count || (i < kept && before(Int(byRank[i]), new[j])) {
                    merged.append(Int(byRank[i])); i += 1
                } else {
                    merged.append(new[j]); j += 1
                }
            }
            return merged
        }
        var rank = [Int32](repeating: 0, count: count)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        return rank
    }

    /// Positions of the records matching every word of `query`, best first: name starting
    /// with the first word (and holding the others, first of all), then a word of the name starting with it, then name containing
    /// it, then the rest; ties by name. An empty query returns everything, by name.
    /// - Parameter within: only look at these positions (to narrow a previous result).
    public func search(_ query: String, within: [Int]? = nil) -> [Int] {
        guard let (maps, wordsPerMap, hits) = scored(query, within: within) else {
            guard let within else { return byRank.map(Int.init) }
            return within.sorted { nameRank[$0] < nameRank[$1] }
        }
        var out: [Int] = []
        out.reserveCapacity(hits)
        for (i, var bits) in maps.enumerated() where bits != 0 {
            let rankBase = (i % wordsPerMap) * 64
            while bits != 0 {
                out.append(Int(byRank[rankBase + bits.trailingZeroBitCount]))
                bits &= bits - 1
            }
        }
        return out
    }

    /// The hits of `query` as one bitmap per score (0 best), each indexed by name rank; nil
    /// for a query without words.
    func scored(_ query: String, within: [Int]?) -> (maps: [UInt64], wordsPerMap: Int, hits: Int)? {
        let words = SearchIndex.terms(query).sorted { $0.count > $1.count }
        if words.isEmpty { return nil }
        let first = SearchIndex.terms(query).first!
        let anchors = words.map(anchor)
        let phoneStarts = words.map(SearchIndex.phoneStart)
        let startAnchors = phoneStarts.map { $0.map(anchor) ?? 0 }
        // For each word, the tags (places, categories) whose words hold it.
        let tagHits: [[Bool]] = words.map { w in tagText.map { t in t.withUnsafeBufferPointer { $0.baseAddress.map { SearchIndex.contains($0, t.count, w) } ?? false } } }
        let anyTag = tagHits.map { $0.contains(true) }
        let tagged: @Sendable (Int, Int) -> Bool = { r, k in anyTag[k] && (tagHits[k][Int(tags[2 * r])] || tagHits[k][Int(tags[2 * r + 1])]) }
        // Hits go into one bitmap per score, indexed by name rank: reading the bitmaps in
        // order gives the result sorted without comparing anything.
        let wordsPerMap = (count + 63) / 64
        /// Scans piece `k` of `pieces` (a run of records, or of `within`) into its own bitmaps.
        @Sendable func scan(_ k: Int, of pieces: Int, into maps: inout [UInt64]) -> Int {
            var hits = 0
            blob.withUnsafeBufferPointer { buf in
                let base = buf.baseAddress!
                /// Word `k` in the record's text (without its tags), or its phone start in the main fields.
                func inText(_ r: Int, _ k: Int) -> Bool {
                    let s = Int(starts[r]), e = Int(starts[r + 1])
                    return words[k].withUnsafeBufferPointer({ ByteSearch.find(base + s, e - s, $0, anchor: anchors[k]) }) != nil
                        || startsPhone(r, k)
                }
                func startsPhone(_ r: Int, _ k: Int) -> Bool {
                    guard let start = phoneStarts[k] else { return false }
                    let s = Int(starts[r])
                    return start.withUnsafeBufferPointer({ ByteSearch.find(base + s, Int(primaryLengths[r]), $0, anchor: startAnchors[k]) }) != nil
                }
                func holds(_ r: Int, _ k: Int) -> Bool { tagged(r, k) || inText(r, k) }
                func check(_ r: Int) {
                    for k in words.indices.dropFirst() where !holds(r, k) { return }
                    let rank = Int(nameRank[r])
                    maps[score(r, first, words, base) { tagged(r, $0) || startsPhone(r, $0) } * wordsPerMap + rank / 64] |= 1 << UInt64(rank % 64)
                    hits += 1
                }
                if let within {
                    let n = within.count
                    for r in within[(n * k / pieces)..<(n * (k + 1) / pieces)] where r < count && holds(r, 0) { check(r) }
                    return
                }
                let from = count * k / pieces, end = count * (k + 1) / pieces
                // Records whose place or category holds the longest word, then a scan of the
                // text for it (records already taken skipped); the others are checked in each.
                // Hits come in order, so the record holding one is found by walking forward.
                if anyTag[0] {
                    let hit = tagHits[0]
                    tags.withUnsafeBufferPointer { t in
                        for r in from..<end where hit[Int(t[2 * r])] || hit[Int(t[2 * r + 1])] { check(r) }
                    }
                }
                let total = Int(starts[end])
                words[0].withUnsafeBufferPointer { longest in
                    var offset = Int(starts[from]), r = from
                    while offset < total, let found = ByteSearch.find(base + offset, total - offset, longest, anchor: anchors[0]) {
                        let at = offset + found
                        while Int(starts[r + 1]) <= at { r += 1 }
                        if !tagged(r, 0) { check(r) }
                        offset = Int(starts[r + 1])
                    }
                }
                // An international number typed: the phones starting with its national form, but
                // not the records the word itself was found in (taken above).
                guard let start = phoneStarts[0] else { return }
                start.withUnsafeBufferPointer { phone in
                    var offset = Int(starts[from]), r = from
                    while offset < total, let found = ByteSearch.find(base + offset, total - offset, phone, anchor: startAnchors[0]) {
                        let at = offset + found
                        while Int(starts[r + 1]) <= at { r += 1 }
                        if at < Int(starts[r]) + Int(primaryLengths[r]), !tagged(r, 0) {
                            let s = Int(starts[r]), e = Int(starts[r + 1])
                            if words[0].withUnsafeBufferPointer({ ByteSearch.find(base + s, e - s, $0, anchor: anchors[0]) }) == nil { check(r) }
                        }
                        offset = Int(starts[r + 1])
                    }
                }
            }
            return hits
        }
        // A large index is scanned on every core, each piece into its own bitmaps, joined by OR
        // (a key at 1M artisans scanned ~110 MB on one core).
        let pieces = (within?.count ?? count) >= parallelFrom ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        var maps = [UInt64](repeating: 0, count: wordsPerMap * 6)
        var hits = 0
        if pieces == 1 {
            hits = scan(0, of: 1, into: &maps)
        } else {
            var parts = [(maps: [UInt64], hits: Int)](repeating: ([], 0), count: pieces)
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: pieces) { k in
                    var own = [UInt64](repeating: 0, count: wordsPerMap * 6)
                    let found = scan(k, of: pieces, into: &own)
                    slots[k] = (own, found)
                }
            }
            for part in parts {
                hits += part.hits
                for i in maps.indices where part.maps[i] != 0 { maps[i] |= part.maps[i] }
            }
        }
        return (maps, wordsPerMap, hits)
    }

    /// 0: the name starts with the first word and a word of it starts with each other one; 1: the name starts with the
    /// first word; 2: a word of the name does; 3: the name holds it; 4: every word is in the
    /// main fields (not only in a product); 5: the rest.
    /// `tagged(k)`: the record's place or category holds `words[k]` (they are main fields).
    private func score(_ r: Int, _ word: [UInt8], _ words: [[UInt8]], _ base: UnsafePointer<UInt8>, tagged: (Int) -> Bool) -> Int {
        let s = base + Int(starts[r])
        let n = Int(nameLengths[r])
        if word.count <= n {
            if memcmp(s, word, word.count) == 0 {
                // The other words start words of the name too: "siti ra" puts Siti Rahayu before
                // Siti Fauzi, and before Siti Anggraini (whose "ra" is inside a word).
                return words.count > 1 && words.allSatisfy({ SearchIndex.startsAWord(s, n, $0) }) ? 0 : 1
            }
            if SearchIndex.contains(s, n, word) {
                return SearchIndex.startsAWord(s, n, word) ? 2 : 3
            }
        }
        let primary = Int(primaryLengths[r])
        return words.indices.allSatisfy { tagged($0) || SearchIndex.contains(s, primary, words[$0]) } ? 4 : 5
    }

    /// A word of the first `n` bytes (after the start, a space or a hyphen) begins with `word`.
    private static func startsAWord(_ p: UnsafePointer<UInt8>, _ n: Int, _ word: [UInt8]) -> Bool {
        guard word.count <= n else { return false }
        for i in 0...(n - word.count) where i == 0 || p[i - 1] == 0x20 || p[i - 1] == 0x2D {
            if memcmp(p + i, word, word.count) == 0 { return true }
        }
        return false
    }

    private static func contains(_ p: UnsafePointer<UInt8>, _ n: Int, _ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { ByteSearch.find(p, n, $0) != nil }
    }
}
