/// What every stored record has: a typed id and a revision that grows by one on each change.
public protocol Record: Hashable, Sendable {
    var id: EntityID { get set }
    var rev: Int { get set }
}

extension Artisan: Record {}
extension BimtekSession: Record {}
extension Exhibition: Record {}

/// Records of one kind in id order, with O(1) lookup by id.
public struct RecordTable<R: Record>: Sendable {
    public private(set) var items: [R] = []
    private var index = PositionIndex()
    /// The highest id number ever seen, so that new ids never reuse one.
    public private(set) var maxNumber = 0

    public init() {}

    public init(_ records: [R]) {
        reserveCapacity(records.count)
        for record in records { merge(record) }
    }

    public var count: Int { items.count }

    public subscript(id: EntityID) -> R? {
        guard let at = index[id.number], items[at].id == id else { return nil }
        return items[at]
    }

    public mutating func reserveCapacity(_ n: Int) {
        items.reserveCapacity(n)
    }

    /// Takes `record` unless a revision at least as new is already here, so replaying a
    /// journal over a snapshot that already holds some of its changes is harmless.
    /// Returns whether it was taken.
    @discardableResult
    public mutating func merge(_ record: R) -> Bool {
        // Fast path for files in id order: past the last id means new, one hash insert.
        if let last = items.last?.id, last < record.id {
            maxNumber = max(maxNumber, record.id.number)
            index[record.id.number] = items.count
            items.append(record)
            return true
        }
        if let at = index[record.id.number], items[at].id == record.id {
            guard record.rev > items[at].rev else { return false }
            items[at] = record
            return true
        }
        maxNumber = max(maxNumber, record.id.number)
        if let last = items.last, record.id < last.id {
            // Out of order (rare: only from hand-edited files); keep the id order.
            let position = items.firstIndex { record.id < $0.id } ?? items.count
            items.insert(record, at: position)
            for i in position..<items.count { index[items[i].id.number] = i }
        } else {
            index[record.id.number] = items.count
            items.append(record)
        }
        return true
    }

    /// Removes a record (a real delete, of a record nothing refers to). The id stays used:
    /// `maxNumber` does not go down, so it is never given to another record.
    public mutating func remove(_ id: EntityID) {
        guard let at = index[id.number], items[at].id == id else { return }
        index[id.number] = nil
        items.remove(at: at)
        for i in at..<items.count { index[items[i].id.number] = i }
    }

    /// Removes many records in one pass (a large delete would shift the rest once per record).
    public mutating func remove(_ ids: Set<EntityID>) {
        guard !ids.isEmpty else { return }
        items.removeAll { ids.contains($0.id) }
        index = PositionIndex()
        for i in items.indices { index[items[i].id.number] = i }
    }

    /// Makes sure no id up to `number` is handed out again (ids of deleted records, kept
    /// across compactions in the journal header).
    public mutating func reserve(upTo number: Int) { maxNumber = max(maxNumber, number) }

    /// Takes many records at once. Records in rising id order past the last one (a snapshot
    /// file) are appended in bulk, without copying each record one by one.
    public mutating func merge(contentsOf records: [R]) {
        var ascending = true
        var previous = items.last?.id
        for r in records {
            if let p = previous, !(p < r.id) { ascending = false; break }
            previous = r.id
        }
        guard ascending else {
            for r in records { merge(r) }
            return
        }
        // By index, so that no record is copied just to read its id.
        let base = items.count
        for i in records.indices { index[records[i].id.number] = base + i }
        if let last = records.last { maxNumber = max(maxNumber, last.id.number) }
        if items.isEmpty { items = records } else { items.append(contentsOf: records) }
    }
}

/// Where each record sits in `items`, by id number. Ids are handed out in sequence, so a plain
/// array indexed by number (4 bytes a record) does what a dictionary did at ~40 (a million
/// artisans: 4 MB instead of 50). A number far past the others (a hand-edited file's
/// `A-999999999`) goes to a dictionary instead of stretching the array.
struct PositionIndex: Sendable {
    /// Position + 1 per number; 0 for none.
    private var dense: [Int32] = []
    private var sparse: [Int: Int] = [:]
    private var stored = 0

    subscript(number: Int) -> Int? {
        get {
            if number >= 0, number < dense.count, dense[number] != 0 { return Int(dense[number]) - 1 }
            return sparse.isEmpty ? nil : sparse[number]
        }
        set {
            let had = self[number] != nil
            if !sparse.isEmpty { sparse[number] = nil }
            if number >= 0, number < dense.count { dense[number] = 0 }
            stored += (newValue != nil ? 1 : 0) - (had ? 1 : 0)
            guard let position = newValue else { return }
            // Dense while the array stays within a few times the records it holds.
            if number >= 0, number < max(4096, 4 * stored, dense.count), position < Int(Int32.max) {
                // Appending grows the array geometrically (a `reserveCapacity` here would not).
                if number >= dense.count { dense.append(contentsOf: repeatElement(0, count: number + 1 - dense.count)) }
                dense[number] = Int32(position + 1)
            } else {
                sparse[number] = position
            }
        }
    }
}
