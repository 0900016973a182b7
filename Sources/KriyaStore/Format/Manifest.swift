import KriyaCore

/// `kriya.json`: the format and its version and, from version 2, the generation of the data
/// files in force and the highest id of each kind ever given out. Replacing it (temp file,
/// fsync, rename, fsync of the folder) is the one commit point of every change that writes
/// new files: a compaction, a large import, `demo --force` (LevelDB's CURRENT, SQLite's WAL
/// index play the same part). Until the rename nobody reads the new files; after it everybody
/// does.
struct Manifest: Equatable {
    var version: Int
    var created: String
    var generation: Int
    var lastIDs: [EntityID]
    /// The id of the generation's journal (`JournalFormat.header`), so that a journal emptied
    /// of its header too is still known for the one the audit trail names.
    var journalID: String? = nil

    static func read(_ bytes: [UInt8], path: String) throws(StoreError) -> Manifest {
        var format: String?, version: Int?, created = "", generation: Int?, lastIDs: [EntityID] = [], journalID: String?
        let text = bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes
        do {
            try text.withUnsafeBufferPointer { buf throws(JSONReader.Failure) in
                // Version 1 had no checksum; from version 2 on a damaged manifest is caught.
                if buf.count > SealedLine.tailLength, let problem = SealedLine.verify(buf), problem != .noChecksum {
                    throw JSONReader.Failure(offset: 0, reason: problem.description)
                }
                var r = JSONReader(buf)
                try r.object { r, key throws(JSONReader.Failure) in
                    switch key {
                    case "format": format = try r.string()
                    case "version": version = try r.int()
                    case "created": created = try r.string()
                    case "generation": generation = try r.count()
                    case "journal": journalID = try r.string()
                    case "lastIds": try r.array { r throws(JSONReader.Failure) in
                        if let id = EntityID(try r.string()) { lastIDs.append(id) }
                    }
                    default: try r.skipValue()
                    }
                }
            }
        } catch {
            throw .badManifest(path: path, reason: "not readable: \(error)")
        }
        guard format == "kriya", let version else {
            throw .badManifest(path: path, reason: "expected {\"format\":\"kriya\",\"version\":N}")
        }
        if version < 1 { throw .badManifest(path: path, reason: "unknown format version \(version)") }
        if version >= 2 && version <= Store.formatVersion && (generation ?? 0) < 1 {
            throw .badManifest(path: path, reason: "no generation (a number from 1) in it")
        }
        return Manifest(version: version, created: created, generation: generation ?? 0, lastIDs: lastIDs, journalID: journalID)
    }

    var bytes: [UInt8] {
        var w = JSONWriter(capacity: 160)
        w.beginObject()
        w.member("format", "kriya")
        w.member("version", version as Int?)
        w.member("created", created)
        w.member("generation", generation as Int?)
        if !lastIDs.isEmpty { w.member("lastIds", strings: lastIDs.map(\.description)) }
        if let journalID { w.member("journal", journalID) }
        var out = w.bytes
        SealedLine.seal(&out)
        return out
    }
}

extension DataFile {
    var stem: String {
        switch self {
        case .artisans: return "artisans"
        case .sessions: return "sessions"
        case .exhibitions: return "exhibitions"
        case .terms: return "terms"
        case .members: return "members"
        case .partners: return "partners"
        case .journal: return "journal"
        }
    }

    /// `artisans.000007.jsonl`: the file of this kind in generation `generation`.
    func name(_ generation: Int) -> String {
        let digits = String(generation)
        return stem + "." + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".jsonl"
    }

    /// Format version 1 kept one file of each kind under a fixed name.
    var versionOneName: String { stem + ".jsonl" }

    /// Where damaged lines of this kind are set aside, whatever their generation.
    var rejectedName: String { stem + ".jsonl.rejected" }

    /// The kind and generation of a data file's name, nil for any other name.
    static func parse(_ name: String) -> (DataFile, Int)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2] == "jsonl", let kind = allCases.first(where: { $0.stem == parts[0] }),
              !parts[1].isEmpty, parts[1].count <= 12, parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(parts[1]) else { return nil }
        return (kind, n)
    }
}
