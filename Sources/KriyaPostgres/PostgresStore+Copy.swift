import KriyaCore
import KriyaStore

/// `kriya copy` on PostgreSQL: the audit trail read out whole, and an empty database filled in
/// one transaction (all of it or none).
extension PostgresStore {
    public func auditTrail() throws(StoreError) -> AuditTrail {
        var trail = AuditTrail()
        let rows = try db.exec("SELECT line FROM kriya_audit ORDER BY seq")
        for row in 0..<rows.count {
            let line = rows.withBytes(row, 0) { Array($0) }
            if RecordLines.auditColumns(line) == nil { trail.damaged += 1 } else { trail.lines.append(line) }
        }
        return trail
    }

    /// Read in one repeatable-read transaction: the records and the trail of the same moment.
    public func snapshot() throws(StoreError) -> (data: Dataset, auditTrail: AuditTrail) {
        try db.transaction("REPEATABLE READ READ ONLY") { () throws(StoreError) -> (data: Dataset, auditTrail: AuditTrail) in
            try load()
            return (data, try auditTrail())
        }
    }

    public func restore(_ dataset: Dataset, auditTrail lines: [[UInt8]]) throws(StoreError) {
        try authorize(.admin, "copy")
        try locked { () throws(StoreError) in
            let held = try db.exec("SELECT EXISTS (SELECT 1 FROM kriya_record) OR EXISTS (SELECT 1 FROM kriya_audit)")
            guard held.string(0, 0) == "f" else { throw .notEmpty(location: address) }
            try writeAuditLines(lines)
            // Desks already open on this database read everything again. The trail copied is
            // this change's audit.
            try write(.replacingAll(with: dataset, reason: "kriya copy"), records: RecordLines.bodies(of: dataset),
                      at: SystemInfo.now().timestamp, user: user, audit: false, replacing: true, marks: dataset.idHighWater)
        }
        data = dataset
    }

    /// Audit lines as they were written elsewhere, with their columns read from each line
    /// (`kriya_copy_audit`: an admin's, into an empty database only).
    func writeAuditLines(_ lines: [[UInt8]]) throws(StoreError) {
        let rows = lines.compactMap { line in RecordLines.auditColumns(line).map { (line, $0) } }
        for start in stride(from: 0, to: rows.count, by: 5_000) {
            let part = rows[start..<min(start + 5_000, rows.count)]
            // Targets go as one text each, split again in SQL: unnest cannot take an array of arrays.
            try db.exec("""
                SELECT kriya_copy_audit($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                """, [PGArray.text(part.map { Array($0.1.at.utf8) }), PGArray.text(part.map { Array($0.1.user.utf8) }),
                      PGArray.text(part.map { Array(($0.1.role ?? "").utf8) }), PGArray.text(part.map { Array($0.1.command.utf8) }),
                      PGArray.text(part.map { Array($0.1.targets.map { EntityID($0)?.key ?? $0 }.joined(separator: " ").utf8) }), PGArray.text(part.map(\.0))])
        }
    }
}
