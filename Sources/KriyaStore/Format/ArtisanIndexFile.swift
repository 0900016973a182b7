import KriyaCore

/// `artisans.000007.idx`: the search index of generation 7's artisans snapshot, written at
/// each compaction beside it, with each record's id and where its line starts (issue 18).
/// A lookup searches this and decodes only the lines it shows, instead of parsing a million
/// records. It is derived data: a missing, damaged or out-of-date index only means the
/// store is read in full, as before. Binary, little-endian (every machine Kriya runs on):
///
///     "KRIYAIX1", then eight UInt64: version (3: phones held once, national), generation, the snapshot's size, inode
///     and modification time (ns), record count N, text bytes, tag table bytes;
///     ids (Int32 × N), line starts (Int64 × N+1, the last is the snapshot's size), text
///     starts (Int32 × N+1), name lengths, main-field lengths, name ranks (Int32 × N each),
///     byte counts (Int64 × 256), tags (UInt32 × 2N: place, category), the tag table (UInt32
///     count, then per tag its key and its words, each a UInt32 length and the bytes), the
///     folded text.
enum ArtisanIndexFile {
    static let magic = Array("KRIYAIX1".utf8)
    /// 3 since phones are folded once (an index of version 2 reads its international digits
    /// too, so it would find what a full read no longer does: it is not used, and the next
    /// compaction writes a new one).
    static let version: UInt64 = 3

    static func name(_ generation: Int) -> String {
        String(DataFile.artisans.name(generation).dropLast(".jsonl".count)) + ".idx"
    }

    /// The generation of an index file's name, nil for any other name.
    static func generation(of name: String) -> Int? {
        guard name.hasSuffix(".idx"), let (kind, g) = DataFile.parse(String(name.dropLast(4)) + ".jsonl"),
              kind == .artisans else { return nil }
        return g
    }

    /// Which snapshot file an index was made from: the index is used only while it is still
    /// that file (the store never changes a snapshot; a hand edit changes at least one).
    struct Source: Equatable {
        var size: Int
        var inode: UInt64
        var modified: Int64
    }

    struct Contents {
        var generation: Int
        var source: Source
        /// The number of each record's id (`A-000123` → 123), in the snapshot's order.
        var ids: [Int32]
        /// Where each line starts in the snapshot; one more entry, the snapshot's size.
        var lineStarts: [Int64]
        var parts: SearchIndex.Parts
    }

    static func write(_ c: Contents, to sink: inout ChunkedWriter) throws(StoreError) {
        var table: [UInt8] = []
        func put32(_ n: Int) { withUnsafeBytes(of: UInt32(n).littleEndian) { table.append(contentsOf: $0) } }
        put32(c.parts.tagKeys.count)
        for (key, words) in zip(c.parts.tagKeys, c.parts.tagText) {
            put32(key.utf8.count); table.append(contentsOf: key.utf8)
            put32(words.count); table.append(contentsOf: words)
        }
        var header = magic
        for value in [version, UInt64(c.generation), UInt64(c.source.size), c.source.inode, UInt64(bitPattern: c.source.modified),
                      UInt64(c.ids.count), UInt64(c.parts.blob.count), UInt64(table.count)] {
            withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) }
        }
        try sink.write(header)
        func put<T>(_ array: [T]) throws(StoreError) {
            let bytes = array.withUnsafeBytes { Array($0) }
            try sink.write(bytes)
        }
        try put(c.ids)
        try put(c.lineStarts)
        try put(c.parts.starts)
        try put(c.parts.nameLengths)
        try put(c.parts.primaryLengths)
        try put(c.parts.nameRank)
        try put(c.parts.byteCounts.map { Int64($0) })
        try put(c.parts.tags)
        try sink.write(table)
        try sink.flush()
        try sink.write(c.parts.blob)
    }

    /// The index in `fd`, nil when it is not one this Kriya wrote whole (wrong magic or
    /// version, cut short, sizes that do not add up). Offsets are checked by the caller.
    static func read(_ fd: Int32, io: FileIO, path: String) throws(StoreError) -> Contents? {
        guard let info = io.fstat(fd), info.size >= 72 else { return nil }
        let head = try io.pread(fd, 72, at: 0, path: path)
        guard Array(head[0..<8]) == magic else { return nil }
        let fields = (0..<8).map { k in head[(8 + 8 * k)..<(16 + 8 * k)].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
        guard fields[0] == version, fields[5] < 1 << 31, fields[6] < 1 << 31, fields[7] < 1 << 31 else { return nil }
        let n = Int(fields[5]), textBytes = Int(fields[6]), tableBytes = Int(fields[7])
        let expected = 72 + 4 * n + 8 * (n + 1) + 4 * (n + 1) + 3 * 4 * n + 8 * 256 + 4 * 2 * n + tableBytes + textBytes
        guard info.size == expected else { return nil }
        var at = 72
        func take<T>(_ count: Int, _: T.Type) throws(StoreError) -> [T] {
            let bytes = try io.pread(fd, count * MemoryLayout<T>.stride, at: at, path: path)
            at += bytes.count
            return [T](unsafeUninitializedCapacity: count) { buffer, initialised in
                bytes.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw.prefix(count * MemoryLayout<T>.stride)))
                }
                initialised = bytes.count / MemoryLayout<T>.stride
            }
        }
        let ids = try take(n, Int32.self)
        let lineStarts = try take(n + 1, Int64.self)
        let starts = try take(n + 1, Int32.self)
        let nameLengths = try take(n, Int32.self)
        let primaryLengths = try take(n, Int32.self)
        let nameRank = try take(n, Int32.self)
        let byteCounts = try take(256, Int64.self).map { Int($0) }
        let tags = try take(2 * n, UInt32.self)
        let table = try io.pread(fd, tableBytes, at: at, path: path)
        at += table.count
        let blob = try io.pread(fd, textBytes, at: at, path: path)
        guard ids.count == n, lineStarts.count == n + 1, starts.count == n + 1, nameRank.count == n, tags.count == 2 * n,
              blob.count == textBytes, let (tagKeys, tagText) = readTable(table) else { return nil }
        return Contents(generation: Int(fields[1]),
                        source: Source(size: Int(fields[2]), inode: fields[3], modified: Int64(bitPattern: fields[4])),
                        ids: ids, lineStarts: lineStarts,
                        parts: SearchIndex.Parts(blob: blob, starts: starts, nameLengths: nameLengths, primaryLengths: primaryLengths,
                                                 nameRank: nameRank, byteCounts: byteCounts, tags: tags, tagKeys: tagKeys, tagText: tagText))
    }

    /// The tag table's keys and words, nil when it does not add up.
    private static func readTable(_ bytes: [UInt8]) -> ([String], [[UInt8]])? {
        var at = 0
        func next32() -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            defer { at += 4 }
            return (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        func chunk() -> [UInt8]? {
            guard let n = next32(), n <= bytes.count - at else { return nil }
            defer { at += n }
            return Array(bytes[at..<(at + n)])
        }
        guard let count = next32() else { return nil }
        var keys: [String] = [], words: [[UInt8]] = []
        for _ in 0..<count {
            guard let key = chunk(), let text = String(validating: key, as: UTF8.self), let w = chunk() else { return nil }
            keys.append(text)
            words.append(w)
        }
        return at == bytes.count ? (keys, words) : nil
    }
}
