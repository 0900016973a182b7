import Dispatch
import KriyaCore

extension Store {
    /// Folds the journal into new snapshot files and starts an empty journal.
    public func compact() throws(StoreError) {
        try authorize(.admin, "compact")
        try withLock { () throws(StoreError) in
            try catchUp(locked: true)
            try compactLocked()
        }
    }

    /// Replaces everything with `dataset` (for `kriya demo --force`, after a backup): one
    /// commit, so a kill half-way leaves the old data whole or the new data whole.
    public func replaceAll(with dataset: Dataset, reason: String) throws(StoreError) {
        try authorize(.admin, "replace-all")
        try withLock { () throws(StoreError) in
            try catchUp(locked: true)
            // The last import's undo names ids of the data being replaced: it no longer
            // applies (gone first, so that a crash cannot leave it beside the new data).
            io.unlink(file(ImportUndoFile.name))
            let before = data
            data = dataset
            do throws(StoreError) { try commitNextGeneration() } catch { data = before; throw error }
            var change = Change(command: "replace-all")
            change.detail = "\(reason): \(dataset.artisans.count) artisans, \(dataset.sessions.count) sessions, \(dataset.exhibitions.count) exhibitions"
            afterSave(change, at: SystemInfo.now().timestamp, user: user)
        }
    }

    /// Under the lock: the data in memory as the next generation (`commitNextGeneration`).
    func compactLocked() throws(StoreError) {
        try commitNextGeneration()
    }

    /// Snapshot lines of `items`, encoded on two cores a block at a time (so memory holds two
    /// blocks, not the file) and written in order.
    static func writeLines<R: Sendable>(_ items: [R], _ encode: @escaping @Sendable (R, inout JSONWriter) -> Void,
                                        to sink: inout ChunkedWriter) throws(StoreError) {
        let block = 8_192
        var start = 0
        while start < items.count {
            let end = min(items.count, start + 2 * block)
            let middle = min(end, start + block)
            let halves = Slots<[UInt8]>(2, empty: [])
            let from = start
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                let range = k == 0 ? from..<middle : middle..<end
                var out: [UInt8] = []
                out.reserveCapacity(range.count * 600)
                for i in range { SnapshotFormat.line(items[i], encode, into: &out) }
                halves.pointer[k] = out
            }
            try sink.write(halves.take(0, leaving: []))
            try sink.write(halves.take(1, leaving: []))
            start = end
        }
    }
}
