import Dispatch
import KriyaCore

extension Store {
    /// Folds the journal into new snapshot files and starts an empty journal.
    public func compact() throws(StoreError) {
        try authorize(CommandName.compact.role!, CommandName.compact.rawValue)
        try withLock { () throws(StoreError) in
            try catchUp(locked: true)
            // A save cut off before it finished first: its note and audit line name this journal.
            try finishCutOffSave()
            try compactLocked()
        }
    }

    /// Under the lock: the data in memory as the next generation (`commitNextGeneration`).
    func compactLocked() throws(StoreError) {
        try commitNextGeneration()
    }

    /// Snapshot lines of `items`, encoded on two cores a block at a time (so memory holds two
    /// blocks, not the file) and written in order. Returns where each line starts, and the
    /// file's length last (what the artisans' index file keeps).
    @discardableResult
    static func writeLines<R: Sendable>(_ items: [R], _ encode: @escaping @Sendable (R, inout JSONWriter) -> Void,
                                        to sink: inout ChunkedWriter) throws(StoreError) -> [Int64] {
        let block = 8_192
        var start = 0
        var lineStarts: [Int64] = [0]
        lineStarts.reserveCapacity(items.count + 1)
        while start < items.count {
            let end = min(items.count, start + 2 * block)
            let middle = min(end, start + block)
            let halves = Slots<[UInt8]>(2, empty: [])
            let ends = Slots<[Int64]>(2, empty: [])
            let from = start
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                let range = k == 0 ? from..<middle : middle..<end
                var out: [UInt8] = []
                var lineEnds: [Int64] = []
                out.reserveCapacity(range.count * 600)
                lineEnds.reserveCapacity(range.count)
                for i in range {
                    SnapshotFormat.line(items[i], encode, into: &out)
                    lineEnds.append(Int64(out.count))
                }
                halves.pointer[k] = out
                ends.pointer[k] = lineEnds
            }
            for k in 0..<2 {
                let base = lineStarts.last!
                lineStarts.append(contentsOf: ends.take(k, leaving: []).map { $0 + base })
                try sink.write(halves.take(k, leaving: []))
            }
            start = end
        }
        return lineStarts
    }
}
