/// The index as plain arrays, so that the store can keep it in a file beside the artisans'
/// snapshot and a lookup can search a million artisans without reading a record (issue 18);
/// and hits with their score, so that a lookup can merge the snapshot's hits with those of
/// records changed since, in the order a full search gives.
extension SearchIndex {
    public struct Parts: Sendable {
        public var blob: [UInt8]
        public var starts: [Int32]
        public var nameLengths: [Int32]
        public var primaryLengths: [Int32]
        public var nameRank: [Int32]
        public var byteCounts: [Int]
        /// Each record's place and category tag; each tag's key and folded words.
        public var tags: [UInt32]
        public var tagKeys: [String]
        public var tagText: [[UInt8]]

        public init(blob: [UInt8], starts: [Int32], nameLengths: [Int32], primaryLengths: [Int32],
                    nameRank: [Int32], byteCounts: [Int], tags: [UInt32], tagKeys: [String], tagText: [[UInt8]]) {
            self.blob = blob
            self.starts = starts
            self.nameLengths = nameLengths
            self.primaryLengths = primaryLengths
            self.nameRank = nameRank
            self.byteCounts = byteCounts
            self.tags = tags
            self.tagKeys = tagKeys
            self.tagText = tagText
        }
    }

    public var parts: Parts {
        Parts(blob: blob, starts: starts, nameLengths: nameLengths, primaryLengths: primaryLengths,
              nameRank: nameRank, byteCounts: byteCounts, tags: tags, tagKeys: tagKeys, tagText: tagText)
    }

    /// An index made of `parts`, nil when they do not hold together (a damaged or planted
    /// file): every offset is checked here, so searching can never read outside the text.
    public init?(parts p: Parts) {
        let n = p.nameLengths.count
        guard p.starts.count == n + 1, p.primaryLengths.count == n, p.nameRank.count == n,
              p.byteCounts.count == 256, p.starts.first == 0, Int(p.starts[n]) == p.blob.count,
              p.tags.count == 2 * n, p.tagKeys.count == p.tagText.count, Set(p.tagKeys).count == p.tagKeys.count,
              p.tags.allSatisfy({ Int($0) < p.tagText.count }) else { return nil }
        var byRank = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            let length = p.starts[i + 1] - p.starts[i]
            let rank = Int(p.nameRank[i])
            guard length >= 0, (0...length).contains(p.nameLengths[i]),
                  (p.nameLengths[i]...length).contains(p.primaryLengths[i]),
                  (0..<n).contains(rank), byRank[rank] < 0 else { return nil }
            byRank[rank] = Int32(i)
        }
        self.init()
        blob = p.blob
        starts = p.starts
        nameLengths = p.nameLengths
        primaryLengths = p.primaryLengths
        nameRank = p.nameRank
        self.byRank = byRank
        byteCounts = p.byteCounts
        tags = p.tags
        tagKeys = p.tagKeys
        tagText = p.tagText
        tagIndex = Dictionary(uniqueKeysWithValues: p.tagKeys.enumerated().map { ($1, UInt32($0)) })
    }

    /// A record matching a query, and how well (0 best; `search` orders by score, then name).
    public struct Hit: Equatable, Sendable {
        public var position: Int
        public var score: Int
    }

    /// `search`'s result with each hit's score; every record, score 0, for an empty query.
    public func hits(_ query: String) -> [Hit] {
        var cursor = hitCursor(query)
        var out: [Hit] = []
        out.reserveCapacity(cursor.count)
        while let hit = cursor.next() { out.append(hit) }
        return out
    }

    /// `hits` one at a time, for a caller that wants the first few of a short query's
    /// million (the loading console's page: the whole list cost ~50 MB and ~60 ms a key).
    public func hitCursor(_ query: String) -> HitCursor {
        guard let (maps, wordsPerMap, count) = scored(query, within: nil) else {
            return HitCursor(maps: nil, wordsPerMap: 0, byRank: byRank, count: byRank.count)
        }
        return HitCursor(maps: maps, wordsPerMap: wordsPerMap, byRank: byRank, count: count)
    }

    public struct HitCursor {
        /// One bitmap per score indexed by name rank; nil: every record by name, score 0.
        let maps: [UInt64]?
        let wordsPerMap: Int
        let byRank: [Int32]
        /// How many hits in all.
        public let count: Int
        private var word = 0, bits: UInt64 = 0, started = false

        init(maps: [UInt64]?, wordsPerMap: Int, byRank: [Int32], count: Int) {
            (self.maps, self.wordsPerMap, self.byRank, self.count) = (maps, wordsPerMap, byRank, count)
        }

        public mutating func next() -> Hit? {
            guard let maps else {
                defer { word += 1 }
                return word < byRank.count ? Hit(position: Int(byRank[word]), score: 0) : nil
            }
            if !started { started = true; bits = maps.first ?? 0 }
            while bits == 0 {
                word += 1
                guard word < maps.count else { return nil }
                bits = maps[word]
            }
            let hit = Hit(position: Int(byRank[(word % wordsPerMap) * 64 + bits.trailingZeroBitCount]), score: word / wordsPerMap)
            bits &= bits - 1
            return hit
        }
    }

    /// The folded name of the record at `position`: what ties within a score are ordered by.
    public func foldedName(_ position: Int) -> ArraySlice<UInt8> {
        let s = Int(starts[position])
        return blob[s..<(s + Int(nameLengths[position]))]
    }
}
