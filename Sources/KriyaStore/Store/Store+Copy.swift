import KriyaCore

/// `kriya copy` on flat files: the audit trail read out whole, and an empty folder filled.
extension Store {
    public func auditTrail() throws(StoreError) -> AuditTrail {
        var trail = AuditTrail()
        guard let bytes = try durable.read(file(Self.auditName)) else { return trail }
        bytes.withUnsafeBufferPointer { buf in
            Lines.each(buf) { _, line, _, complete in
                guard complete, SealedLine.verify(line) == nil else { trail.damaged += 1; return }
                trail.lines.append(Array(line) + [0x0A])
            }
        }
        return trail
    }

    /// Read under the writers' lock, after catching up: no save comes between the two.
    public func snapshot() throws(StoreError) -> (data: Dataset, auditTrail: AuditTrail) {
        try loadEverything()
        return try withLock { () throws(StoreError) -> (data: Dataset, auditTrail: AuditTrail) in
            try catchUp(locked: true)
            return (data, try auditTrail())
        }
    }

    /// The audit lines first, then the records as one new generation: the moment the records
    /// are there, so is their history. Interrupted in between, the folder holds an audit trail
    /// and no records, and a second copy into it is refused (`.notEmpty`) rather than doubled.
    public func restore(_ dataset: Dataset, auditTrail lines: [[UInt8]]) throws(StoreError) {
        try authorize(.admin, "copy")
        try withLock { () throws(StoreError) in
            try catchUp(locked: true)
            guard data.isEmpty, (io.stat(file(Self.auditName))?.size ?? 0) == 0 else { throw .notEmpty(location: path) }
            try durable.replace(file(Self.auditName), with: Array(lines.joined()))
            let before = data
            data = dataset
            do throws(StoreError) { try commitNextGeneration() } catch { data = before; throw error }
        }
    }
}
