import KriyaCore

extension RecordStore {
    /// How this store differs from `dataset` and `auditTrail` (a copy read back): the first
    /// record, id high-water mark or audit line that is not the same, byte for byte; nil when
    /// nothing differs.
    public func difference(from dataset: Dataset, auditTrail: [[UInt8]]) throws(StoreError) -> String? {
        let mine = Dictionary(uniqueKeysWithValues: RecordLines.bodies(of: data).map { ($0.id, $0.json) })
        let theirs = RecordLines.bodies(of: dataset)
        if mine.count != theirs.count { return "\(mine.count) records instead of \(theirs.count)" }
        for body in theirs where mine[body.id] != body.json {
            return mine[body.id] == nil ? "\(body.id) is missing" : "\(body.id) is not the same"
        }
        for (kind, last) in dataset.idHighWater where (data.idHighWater[kind] ?? 0) != last {
            return "the last \(kind.rawValue) id is \(data.idHighWater[kind] ?? 0) instead of \(last)"
        }
        let lines = try self.auditTrail().lines
        if lines.count != auditTrail.count { return "\(lines.count) audit lines instead of \(auditTrail.count)" }
        if let i = lines.indices.first(where: { lines[$0] != auditTrail[$0] }) { return "audit line \(i + 1) is not the same" }
        return nil
    }
}
