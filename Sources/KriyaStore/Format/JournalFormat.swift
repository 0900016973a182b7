import KriyaCore

/// Lines of `journal.jsonl`: a header naming the journal's generation (it changes at every
/// compaction, so readers notice a replaced journal), then one line per saved change with the
/// records it wrote in full.
enum JournalFormat {
    static let version = 1

    /// `lastIDs`: the highest id of each kind ever used, so that an id deleted before this
    /// compaction (and so in no snapshot) is never handed out again.
    /// `id`: sixteen random hex digits naming this journal, which the audit lines of its
    /// changes repeat (`JournalPosition`): lines copied from another folder's trail never match.
    /// `audit`: the audit line (an object) of the change this generation was written for (an
    /// import too large for a line, a replacement), kept with it as a journal line keeps its own.
    static func header(generation: Int, created: String, lastIDs: [EntityID] = [], id: String? = nil, audit: [UInt8]? = nil) -> [UInt8] {
        var w = JSONWriter(capacity: 128)
        w.beginObject()
        w.member("journal", version as Int?)
        w.member("generation", generation as Int?)
        w.member("created", created)
        if let id { w.member("id", id) }
        if !lastIDs.isEmpty { w.member("lastIds", strings: lastIDs.map(\.description)) }
        if let audit { w.member("audit", object: audit) }
        var bytes = w.bytes
        SealedLine.seal(&bytes)
        return bytes
    }

    /// The generation from a header line, nil when the line is not a header.
    static func generation(ofHeader line: UnsafeBufferPointer<UInt8>) -> Int? { header(line)?.generation }

    /// The generation and the last ids used, nil when the line is not a header.
    static func header(_ line: UnsafeBufferPointer<UInt8>) -> (generation: Int, lastIDs: [EntityID], id: String?)? {
        let K = Keys.shared
        guard SealedLine.verify(line) == nil else { return nil }
        var r = JSONReader(line)
        var generation: Int?
        var id: String?
        var lastIDs: [EntityID] = []
        var isHeader = false
        do {
            try r.object { r, key throws(JSONReader.Failure) in
                switch key {
                case K.journal: isHeader = true; try r.skipValue()
                case K.generation: generation = try r.int()
                case K.id: id = try r.string()
                case K.lastIds: try r.array { r throws(JSONReader.Failure) in
                    if let id = EntityID(try r.string()) { lastIDs.append(id) }
                }
                default: try r.skipValue()
                }
            }
        } catch { return nil }
        guard isHeader, let generation else { return nil }
        return (generation, lastIDs, id)
    }

    /// `seq`: the change's number in its generation's journal (1 for the line after the
    /// header), so that a line removed or moved is noticed; older lines have none.
    /// `audit`: the change's audit line (an object), kept in the same line, so that the change
    /// and its audit are committed together: `audit.jsonl` is written after, and from here when
    /// a save was cut off before it (`Store.catchUpAudit`).
    static func entry(_ change: Change, at: String, user: String, seq: Int? = nil, audit: [UInt8]? = nil) -> [UInt8] {
        var w = JSONWriter(capacity: 600)
        w.beginObject()
        w.member("at", at)
        w.member("user", user)
        if let seq { w.member("seq", seq as Int?) }
        w.member("cmd", change.command)
        records(change, &w)
        if !change.deleted.isEmpty { w.member("deleted", strings: change.deleted.map(\.description)) }
        if let audit { w.member("audit", object: audit) }
        var bytes = w.bytes
        SealedLine.seal(&bytes)
        return bytes
    }

    static func records(_ change: Change, _ w: inout JSONWriter) {
        if !change.artisans.isEmpty {
            w.key("artisans"); w.beginArray()
            for a in change.artisans { w.beginObject(); ArtisanCodec.write(a, &w); w.endObject() }
            w.endArray()
        }
        if !change.sessions.isEmpty {
            w.key("sessions"); w.beginArray()
            for s in change.sessions { w.beginObject(); SessionCodec.write(s, &w); w.endObject() }
            w.endArray()
        }
        if !change.exhibitions.isEmpty {
            w.key("exhibitions"); w.beginArray()
            for e in change.exhibitions { w.beginObject(); ExhibitionCodec.write(e, &w); w.endObject() }
            w.endArray()
        }
        if !change.terms.isEmpty {
            w.key("terms"); w.beginArray()
            for t in change.terms { w.beginObject(); TermCodec.write(t, &w); w.endObject() }
            w.endArray()
        }
        if !change.members.isEmpty {
            w.key("members"); w.beginArray()
            for m in change.members { w.beginObject(); MemberCodec.write(m, &w); w.endObject() }
            w.endArray()
        }
        if !change.partners.isEmpty {
            w.key("partners"); w.beginArray()
            for p in change.partners { w.beginObject(); PartnerCodec.write(p, &w); w.endObject() }
            w.endArray()
        }
    }

    /// The records of one (already verified) entry line.
    static func read(_ line: UnsafeBufferPointer<UInt8>) throws(JSONReader.Failure) -> Change {
        var seq: Int?
        return try read(line, seq: &seq)
    }

    /// The same, with the line's `seq` when it has one.
    static func read(_ line: UnsafeBufferPointer<UInt8>, seq: inout Int?) throws(JSONReader.Failure) -> Change {
        let K = Keys.shared
        var number: Int?
        var r = JSONReader(line)
        var change = Change(command: "")
        try r.object { r, key throws(JSONReader.Failure) in
            switch key {
            case K.cmd: change.command = try r.string()
            case K.seq: number = try r.int()
            case K.artisans: try r.array { r throws(JSONReader.Failure) in change.artisans.append(try ArtisanCodec.read(&r)) }
            case K.sessions: try r.array { r throws(JSONReader.Failure) in change.sessions.append(try SessionCodec.read(&r)) }
            case K.exhibitions: try r.array { r throws(JSONReader.Failure) in change.exhibitions.append(try ExhibitionCodec.read(&r)) }
            case K.terms: try r.array { r throws(JSONReader.Failure) in change.terms.append(try TermCodec.read(&r)) }
            case K.members: try r.array { r throws(JSONReader.Failure) in change.members.append(try MemberCodec.read(&r)) }
            case K.partners: try r.array { r throws(JSONReader.Failure) in change.partners.append(try PartnerCodec.read(&r)) }
            case K.deleted: try r.array { r throws(JSONReader.Failure) in
                let text = try r.string()
                guard let id = EntityID(text) else { throw r.fail("deleted: not an id: \(text)") }
                change.deleted.append(id)
            }
            default: try r.skipValue()
            }
        }
        try r.finish()
        seq = number
        return change
    }
}

/// Lines of `audit.jsonl`: when, which Unix user, which command, and field by field what
/// changed. NIK values are masked here as everywhere.
enum AuditFormat {
    /// `journal`: where the change is in the journal (its generation and `seq`), so that a
    /// journal shorter than the audit trail says is noticed (`Store.verifyJournalLength`).
    static func entry(_ change: Change, at: String, user: String, role: StaffRole? = nil,
                      journal: JournalPosition? = nil) -> [UInt8] {
        sealed(object(change, at: at, user: user, role: role, journal: journal))
    }

    /// An audit object (`object`) sealed as a line of `audit.jsonl`.
    static func sealed(_ object: [UInt8]) -> [UInt8] {
        var bytes = object
        bytes.removeLast()
        SealedLine.seal(&bytes)
        return bytes
    }

    /// The audit line as one JSON object, unsealed: what a journal line carries.
    static func object(_ change: Change, at: String, user: String, role: StaffRole? = nil,
                       journal: JournalPosition? = nil) -> [UInt8] {
        var w = JSONWriter(capacity: 300)
        w.beginObject()
        w.member("at", at)
        w.member("user", user)
        // The role the change was made with (issue 17); older lines have none.
        w.member("role", role)
        w.member("cmd", change.command)
        w.member("targets", strings: change.targets.map(\.description))
        w.member("detail", change.detail)
        if let journal {
            w.member("journal", journal.journal)
            w.member("seq", journal.seq as Int?)
        }
        w.key("changes")
        w.beginArray()
        for f in change.fields {
            let sensitive = f.field == "nik"
            w.beginObject()
            w.member("field", f.field)
            w.member("from", sensitive ? f.from.maskedNIK : f.from)
            w.member("to", sensitive ? f.to.maskedNIK : f.to)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}

/// A saved change's place: the journal named `journal` (its header's id), change `seq` in it.
struct JournalPosition: Equatable {
    var journal: String
    var seq: Int
}

extension JournalFormat {
    /// The audit line a journal line (or header: `seq` 0) carries, sealed as `audit.jsonl`
    /// holds it, with the line's `seq`; nil for a line that carries none (older ones) or that
    /// does not verify.
    static func carriedAudit(_ line: UnsafeBufferPointer<UInt8>) -> (seq: Int, line: [UInt8])? {
        guard SealedLine.verify(line) == nil else { return nil }
        var r = JSONReader(line)
        var seq = 0
        var audit: [UInt8]?
        do throws(JSONReader.Failure) {
            try r.object { r, key throws(JSONReader.Failure) in
                if key == "seq" { seq = try r.int() } else if key == "audit" { audit = try r.rawValue() } else { try r.skipValue() }
            }
        } catch { return nil }
        guard let audit, audit.last == 0x7D else { return nil }
        return (seq, AuditFormat.sealed(audit))
    }
}

extension AuditFormat {
    /// Where an (already verified) audit line's change is in the journal; nil for lines that
    /// name none (older ones, roles set, an import's new generation).
    static func position(_ line: UnsafeBufferPointer<UInt8>) -> JournalPosition? {
        var r = JSONReader(line)
        var journal: String?, seq: Int?
        try? r.object { r, key throws(JSONReader.Failure) in
            switch key {
            case "journal": journal = try r.string()
            case "seq": seq = try r.int()
            default: try r.skipValue()
            }
        }
        guard let journal, let seq else { return nil }
        return JournalPosition(journal: journal, seq: seq)
    }

    /// One (already verified) audit line.
    static func read(_ line: UnsafeBufferPointer<UInt8>) throws(JSONReader.Failure) -> AuditEntry {
        var r = JSONReader(line)
        var entry = AuditEntry(when: "", user: "", command: "", targets: [], detail: nil, changes: [])
        try r.object { r, key throws(JSONReader.Failure) in
            switch key {
            case "at": entry.when = SystemInfo.local(utcStamp: try r.string())
            case "user": entry.user = try r.string()
            case "cmd": entry.command = try r.string()
            case "targets": entry.targets = try r.strings().compactMap(EntityID.init)
            case "detail": entry.detail = r.null() ? nil : try r.string()
            case "changes": try r.array { r throws(JSONReader.Failure) in
                var change = FieldChange(field: "", from: "", to: "")
                try r.object { r, key throws(JSONReader.Failure) in
                    switch key {
                    case "field": change.field = try r.string()
                    case "from": change.from = try r.string()
                    case "to": change.to = try r.string()
                    default: try r.skipValue()
                    }
                }
                entry.changes.append(change)
            }
            default: try r.skipValue()
            }
        }
        return entry
    }
}

/// A snapshot line: one record.
enum SnapshotFormat {
    static func line<R>(_ record: R, _ write: (R, inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter(capacity: 640)
        w.beginObject()
        write(record, &w)
        var bytes = w.bytes
        SealedLine.seal(&bytes)
        return bytes
    }

    static func line<R>(_ record: R, _ write: (R, inout JSONWriter) -> Void, into out: inout [UInt8]) {
        out.append(contentsOf: line(record, write))
    }
}

/// Member names (and enum values) this file reads, packed once; each reader takes a reference
/// (`let K = Keys.shared`) so matching costs no lazy-global check per key.
private final class Keys: Sendable {
    let artisans: JSONKey = "artisans"
    let cmd: JSONKey = "cmd"
    let seq: JSONKey = "seq"
    let id: JSONKey = "id"
    let deleted: JSONKey = "deleted"
    let lastIds: JSONKey = "lastIds"
    let exhibitions: JSONKey = "exhibitions"
    let generation: JSONKey = "generation"
    let journal: JSONKey = "journal"
    let sessions: JSONKey = "sessions"
    let terms: JSONKey = "terms"
    let members: JSONKey = "members"
    let partners: JSONKey = "partners"
    static let shared = Keys()
}
