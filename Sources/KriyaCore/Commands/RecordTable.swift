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
    private var index: [EntityID: Int] = [:]
    /// The highest id number ever seen, so that new ids never reuse one.
    public private(set) var maxNumber = 0

    public init() {}

    public init(_ records: [R]) {
        reserveCapacity(records.count)
        for record in records { merge(record) }
    }

    public var count: Int { items.count }

    public subscript(id: EntityID) -> R? {
        index[id].map { items[$0] }
    }

    public mutating func reserveCapacity(_ n: Int) {
        items.reserveCapacity(n)
        index.reserveCapacity(n)
    }

    /// Takes `record` unless a revision at least as new is already here, so replaying a
    /// journal over a snapshot that already holds some of its changes is harmless.
    /// Returns whether it was taken.
    @discardableResult
    public mutating func merge(_ record: R) -> Bool {
        // Fast path for files in id order: past the last id means new, one hash insert.
        if let last = items.last?.id, last < record.id {
            maxNumber = max(maxNumber, record.id.number)
            index[record.id] = items.count
            items.append(record)
            return true
        }
        if let at = index[record.id] {
            guard record.rev > items[at].rev else { return false }
            items[at] = record
            return true
        }
        maxNumber = max(maxNumber, record.id.number)
        if let last = items.last, record.id < last.id {
            // Out of order (rare: only from hand-edited files); keep the id order.
            let position = items.firstIndex { record.id < $0.id } ?? items.count
            items.insert(record, at: position)
            for i in position..<items.count { index[items[i].id] = i }
        } else {
            index[record.id] = items.count
            items.append(record)
        }
        return true
    }

    /// Removes a record (a real delete, of a record nothing refers to). The id stays used:
    /// `maxNumber` does not go down, so it is never given to another record.
    public mutating func remove(_ id: EntityID) {
        guard let at = index.removeValue(forKey: id) else { return }
        items.remove(at: at)
        for i in at..<items.count { index[items[i].id] = i }
    }

    /// Removes many records in one pass (a large delete would shift the rest once per record).
    public mutating func remove(_ ids: Set<EntityID>) {
        guard !ids.isEmpty else { return }
        items.removeAll { ids.contains($0.id) }
        index.removeAll(keepingCapacity: true)
        for (i, r) in items.enumerated() { index[r.id] = i }
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
        for i in records.indices { index[records[i].id] = base + i }
        if let last = records.last { maxNumber = max(maxNumber, last.id.number) }
        if items.isEmpty { items = records } else { items.append(contentsOf: records) }
    }
}
