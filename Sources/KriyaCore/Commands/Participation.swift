/// Who took part in which sessions and exhibitions, by artisan: what `Dataset.sessions(of:)`
/// and `exhibitions(of:)` find by walking every participant (600k at a million artisans,
/// ~15 ms at each move in the console's detail pane), found by a binary search. Built for
/// one dataset; made again when the data changes.
public struct Participation: Sendable {
    /// Artisan number << 32 | the record's position, sorted: one artisan's records in a run.
    private let sessionKeys: [UInt64]
    private let exhibitionKeys: [UInt64]

    public init(_ data: Dataset) {
        var keys: [UInt64] = []
        let sessions = data.sessions.items
        for i in sessions.indices {
            for p in sessions[i].participants { keys.append(UInt64(p.artisan.number) << 32 | UInt64(i)) }
        }
        sessionKeys = Self.sortedOnce(keys)
        keys = []
        let exhibitions = data.exhibitions.items
        for i in exhibitions.indices {
            for p in exhibitions[i].participants { keys.append(UInt64(p.artisan.number) << 32 | UInt64(i)) }
        }
        exhibitionKeys = Self.sortedOnce(keys)
    }

    /// As `data.sessions(of:)`: the sessions `artisan` took part in, newest first.
    public func sessions(of artisan: EntityID, in data: Dataset) -> [BimtekSession] {
        let items = data.sessions.items
        return Self.positions(sessionKeys, artisan).filter { $0 < items.count }.map { items[$0] }.sorted { $0.start > $1.start }
    }

    /// As `data.exhibitions(of:)`: the exhibitions `artisan` was put forward for, newest first.
    public func exhibitions(of artisan: EntityID, in data: Dataset) -> [Exhibition] {
        let items = data.exhibitions.items
        return Self.positions(exhibitionKeys, artisan).filter { $0 < items.count }.map { items[$0] }.sorted { $0.start > $1.start }
    }

    /// Sorted, each key once (a person listed twice in one session is one session).
    private static func sortedOnce(_ keys: [UInt64]) -> [UInt64] {
        var sorted = keys.sorted()
        var kept = 0
        for k in sorted.indices where k == 0 || sorted[k] != sorted[kept - 1] {
            sorted[kept] = sorted[k]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// The positions of `artisan`'s run, in rising order (as a walk of the records finds them).
    private static func positions(_ keys: [UInt64], _ artisan: EntityID) -> [Int] {
        guard artisan.kind == .artisan else { return [] }
        let number = UInt64(artisan.number)
        var low = keys.partitionPoint { $0 >> 32 < number }
        var out: [Int] = []
        while low < keys.count, keys[low] >> 32 == number {
            out.append(Int(keys[low] & 0xFFFF_FFFF))
            low += 1
        }
        return out
    }
}
