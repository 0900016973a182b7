import KriyaCore

/// `last-import.jsonl`: what the last import changed, so that it can be taken back. A header
/// line (file, when, who, the first and last id it added), then each artisan it updated as it
/// was before, one sealed line each, like a snapshot.
enum ImportUndoFile {
    static let name = "last-import.jsonl"

    static func bytes(_ u: ImportUndo) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.member("import", u.file)
        w.member("at", u.at)
        w.member("user", u.user)
        w.member("firstAdded", u.added?.lowerBound)
        w.member("lastAdded", u.added?.upperBound)
        var out = w.bytes
        SealedLine.seal(&out)
        for a in u.before { SnapshotFormat.line(a, ArtisanCodec.write, into: &out) }
        return out
    }

    /// The undo, nil when the file is damaged (a line that does not verify): better no undo
    /// than half of one.
    static func read(_ bytes: [UInt8]) -> ImportUndo? {
        let K = Keys.shared
        var undo: ImportUndo?
        var first: Int?, last: Int?
        var damaged = false
        bytes.withUnsafeBufferPointer { buf in
            Lines.each(buf) { number, line, _, complete in
                guard complete, SealedLine.verify(line) == nil, !damaged else { damaged = true; return }
                var r = JSONReader(line)
                do {
                    if number == 1 {
                        var u = ImportUndo(file: "", at: "", user: "", added: nil, before: [])
                        try r.object { r, key throws(JSONReader.Failure) in
                            switch key {
                            case K.import: u.file = try r.string()
                            case K.at: u.at = try r.string()
                            case K.user: u.user = try r.string()
                            case K.firstAdded: first = try r.int()
                            case K.lastAdded: last = try r.int()
                            default: try r.skipValue()
                            }
                        }
                        if let first, let last, first <= last { u.added = first...last }
                        undo = u
                    } else {
                        let a = try ArtisanCodec.read(&r)
                        undo?.before.append(a)
                    }
                } catch { damaged = true }
            }
        }
        return damaged ? nil : undo
    }
}

private final class Keys: Sendable {
    let `import`: JSONKey = "import"
    let at: JSONKey = "at"
    let user: JSONKey = "user"
    let firstAdded: JSONKey = "firstAdded"
    let lastAdded: JSONKey = "lastAdded"
    static let shared = Keys()
}
