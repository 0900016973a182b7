import Dispatch
import KriyaCore

extension Store {
    /// Folds the journal into new snapshot files and starts an empty journal.
    public func compact() throws(StoreError) {
        try withLock { () throws(StoreError) in
            try catchUp(locked: true)
            try compactLocked()
        }
    }

    /// Replaces everything with `dataset` (for `kriya demo --force`, after a backup).
    public func replaceAll(with dataset: Dataset, reason: String) throws(StoreError) {
        try withLock { () throws(StoreError) in
            try catchUp(locked: true)
            // The last import's undo names ids of the data being replaced: it no longer applies
            // (gone first, so that a crash cannot leave it beside the new data).
            io.unlink(file(ImportUndoFile.name))
            data = dataset
            try compactLocked()
            var change = Change(command: "replace-all")
            change.detail = "\(reason): \(dataset.artisans.count) artisans, \(dataset.sessions.count) sessions, \(dataset.exhibitions.count) exhibitions"
            try durable.append(AuditFormat.entry(change, at: SystemInfo.now().timestamp, user: user), to: file(Store.auditName))
        }
    }

    /// Under the lock: set damaged lines aside, write each snapshot (temp + fsync + rename),
    /// then a new journal with the next generation, then fsync the directory. A crash at any
    /// point leaves either the old files or snapshots that the old journal replays over.
    func compactLocked() throws(StoreError) {
        let stamp = SystemInfo.now().timestamp
        try setAsideIssues(at: stamp)

        let artisans = data.artisans.items
        try durable.replace(file("artisans.jsonl")) { (sink: inout ChunkedWriter) throws(StoreError) in
            try Self.writeLines(artisans, ArtisanCodec.write, to: &sink)
        }
        try durable.replace(file("sessions.jsonl")) { (sink: inout ChunkedWriter) throws(StoreError) in
            for s in data.sessions.items { try sink.write(SnapshotFormat.line(s, SessionCodec.write)) }
        }
        try durable.replace(file("exhibitions.jsonl")) { (sink: inout ChunkedWriter) throws(StoreError) in
            for e in data.exhibitions.items { try sink.write(SnapshotFormat.line(e, ExhibitionCodec.write)) }
        }

        let lastIDs = data.idHighWater.sorted { $0.key.rawValue < $1.key.rawValue }.filter { $0.value > 0 }.map { EntityID($0.key, $0.value) }
        let header = JournalFormat.header(generation: generation + 1, created: stamp, lastIDs: lastIDs)
        try durable.replace(journalPath, with: header)
        try durable.syncDirectory(path)

        generation += 1
        journalOffset = header.count
        journalLines = 1
        journalInode = io.stat(journalPath)?.inode ?? 0
        issues = []
    }

    /// Appends each damaged line to `<file>.rejected`, with where it was and why, so that
    /// nothing is ever dropped silently.
    private func setAsideIssues(at stamp: String) throws(StoreError) {
        var byFile: [String: [UInt8]] = [:]
        for issue in issues {
            var w = JSONWriter()
            w.beginObject()
            w.member("at", stamp)
            w.member("file", issue.file)
            w.member("line", issue.line as Int?)
            w.member("reason", issue.reason)
            if let text = String(validating: issue.raw, as: UTF8.self) {
                w.member("raw", text)
            } else {
                // Not even UTF-8: keep the exact bytes, in hex.
                w.member("rawHex", issue.raw.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
            }
            w.endObject()
            byFile[issue.file, default: []].append(contentsOf: w.bytes + [0x0A])
        }
        for (name, bytes) in byFile.sorted(by: { $0.key < $1.key }) {
            try durable.append(bytes, to: file(name + ".rejected"))
        }
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
