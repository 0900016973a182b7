import Dispatch
import KriyaCore

/// The store's line formats for another medium: PostgreSQL keeps each record as the same JSON
/// object a snapshot line holds, and each change and audit entry as the same sealed line the
/// journal and the audit trail hold, so a copy between the two is byte for byte and every
/// reader is the one the files use.
package enum RecordLines {
    /// One record of a change, as a snapshot line's object without its checksum.
    package struct Body {
        package let id: EntityID
        package let rev: Int
        package let json: [UInt8]
    }

    /// Every record `change` writes, as JSON objects.
    package static func bodies(of change: Change) -> [Body] {
        func make<R: Record>(_ records: [R], _ write: (R, inout JSONWriter) -> Void) -> [Body] {
            records.map { r in
                var w = JSONWriter(capacity: 640)
                w.beginObject(); write(r, &w); w.endObject()
                return Body(id: r.id, rev: r.rev, json: w.bytes)
            }
        }
        return make(change.artisans, ArtisanCodec.write) + make(change.sessions, SessionCodec.write)
            + make(change.exhibitions, ExhibitionCodec.write) + make(change.terms, TermCodec.write)
            + make(change.members, MemberCodec.write) + make(change.partners, PartnerCodec.write)
    }

    /// Every record of `dataset`, as JSON objects.
    package static func bodies(of dataset: Dataset) -> [Body] {
        var all = Change(command: "replace-all")
        all.artisans = dataset.artisans.items
        all.sessions = dataset.sessions.items
        all.exhibitions = dataset.exhibitions.items
        all.terms = dataset.terms.items
        all.members = dataset.members.items
        all.partners = dataset.partners.items
        return bodies(of: all)
    }

    /// Reads `count` records' objects, in id order, on two cores (as the files' snapshots are
    /// read): `record(i)` gives the i-th one's kind and bytes and may be called from either
    /// thread. Returns the data and, for each record that could not be read, its index and why.
    package static func read(count: Int, _ record: @escaping @Sendable (Int) -> (EntityID.Kind, UnsafeBufferPointer<UInt8>))
        -> (data: Dataset, problems: [(index: Int, reason: String)]) {
        let halves = Slots<(Dataset, [(index: Int, reason: String)])>(2, empty: (Dataset(), []))
        DispatchQueue.concurrentPerform(iterations: count >= 2_000 ? 2 : 1) { k in
            let range = count >= 2_000 ? (k == 0 ? 0..<count / 2 : count / 2..<count) : 0..<count
            var data = Dataset()
            var problems: [(index: Int, reason: String)] = []
            for i in range {
                let (kind, bytes) = record(i)
                if let problem = merge(bytes, kind: kind, into: &data) { problems.append((i, problem)) }
            }
            halves.pointer[k] = (data, problems)
        }
        var (data, problems) = halves.take(0, leaving: (Dataset(), []))
        let (second, more) = halves.take(1, leaving: (Dataset(), []))
        // The second half's ids come after the first's, kind by kind: appended in one go each.
        data.artisans.merge(contentsOf: second.artisans.items)
        data.sessions.merge(contentsOf: second.sessions.items)
        data.exhibitions.merge(contentsOf: second.exhibitions.items)
        data.terms.merge(contentsOf: second.terms.items)
        data.members.merge(contentsOf: second.members.items)
        data.partners.merge(contentsOf: second.partners.items)
        return (data, problems + more)
    }

    /// Reads one record's object (of the kind its id names) into `data`. The error is the
    /// reader's reason, for a message that names the record.
    package static func merge(_ json: UnsafeBufferPointer<UInt8>, kind: EntityID.Kind, into data: inout Dataset) -> String? {
        var r = JSONReader(json)
        do throws(JSONReader.Failure) {
            switch kind {
            case .artisan: data.artisans.merge(try ArtisanCodec.read(&r))
            case .session: data.sessions.merge(try SessionCodec.read(&r))
            case .exhibition: data.exhibitions.merge(try ExhibitionCodec.read(&r))
            case .term: data.terms.merge(try TermCodec.read(&r))
            case .member: data.members.merge(try MemberCodec.read(&r))
            case .partner: data.partners.merge(try PartnerCodec.read(&r))
            }
            try r.finish()
            return nil
        } catch {
            return error.description
        }
    }

    /// A change as the journal writes it (sealed, with its newline).
    package static func change(_ change: Change, at stamp: String, user: String) -> [UInt8] {
        JournalFormat.entry(change, at: stamp, user: user)
    }

    /// A change line read back, or why it cannot be (a damaged line).
    package static func readChange(_ line: UnsafeBufferPointer<UInt8>) -> Result<Change, LineProblem> {
        let body = UnsafeBufferPointer(rebasing: line[..<(line.last == 0x0A ? line.count - 1 : line.count)])
        if let problem = SealedLine.verify(body) { return .failure(LineProblem(reason: problem.description)) }
        do throws(JSONReader.Failure) { return .success(try JournalFormat.read(body)) }
        catch { return .failure(LineProblem(reason: error.description)) }
    }

    /// An audit line as the audit trail writes it (sealed, NIK masked, with its newline).
    package static func audit(_ change: Change, at stamp: String, user: String, role: StaffRole?) -> [UInt8] {
        AuditFormat.entry(change, at: stamp, user: user, role: role)
    }

    /// An audit line read back; nil when it is damaged.
    package static func readAudit(_ line: UnsafeBufferPointer<UInt8>) -> AuditEntry? {
        let body = UnsafeBufferPointer(rebasing: line[..<(line.last == 0x0A ? line.count - 1 : line.count)])
        guard SealedLine.verify(body) == nil else { return nil }
        return try? AuditFormat.read(body)
    }

    /// The columns a database keeps beside an audit line (for queries): its UTC time stamp,
    /// user, role, command and targets. Nil when the line does not verify.
    package static func auditColumns(_ line: [UInt8]) -> (at: String, user: String, role: String?, command: String, targets: [String])? {
        line.withUnsafeBufferPointer { buf in
            let body = UnsafeBufferPointer(rebasing: buf[..<(buf.last == 0x0A ? buf.count - 1 : buf.count)])
            guard SealedLine.verify(body) == nil else { return nil }
            var r = JSONReader(body)
            var at = "", user = "", command = "", role: String?, targets: [String] = []
            do throws(JSONReader.Failure) {
                try r.object { r, key throws(JSONReader.Failure) in
                    switch key {
                    case "at": at = try r.string()
                    case "user": user = try r.string()
                    case "role": role = r.null() ? nil : try r.string()
                    case "cmd": command = try r.string()
                    case "targets": targets = try r.strings()
                    default: try r.skipValue()
                    }
                }
            } catch { return nil }
            return (at, user, role, command, targets)
        }
    }

    /// How to take the last import back, as `last-import.jsonl` holds it.
    package static func importUndo(_ undo: ImportUndo) -> [UInt8] {
        ImportUndoFile.bytes(undo)
    }

    /// An import's undo note read back; nil when it is damaged (better no undo than half of one).
    package static func readImportUndo(_ bytes: [UInt8]) -> ImportUndo? {
        ImportUndoFile.read(bytes)
    }

    package struct LineProblem: Error {
        package let reason: String
    }
}
