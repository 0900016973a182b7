#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

/// A double fault (issue 31, finding 9): a save's journal write or fsync failed, it was
/// reported failed, and cutting its line back out of the journal failed too. The line may be
/// on disk whole, and then everyone would read as saved what its user was told was not. The
/// process that reported it notes where the line starts in `kriya.failed-save.json`; everyone
/// reads the journal without that line while the note is there, the next writer cuts it out
/// under the lock, and `kriya check` names it meanwhile.
extension Store {
    static let failedSaveName = "kriya.failed-save.json"

    struct FailedSave: Equatable {
        var journal: String?
        /// The journal's length before the line: where it starts.
        var length: Int
        var seq: Int?
        var at: String, user: String, command: String
    }

    /// Under the lock, right after the failure: notes the line (best effort; when even this
    /// cannot be written, this process refuses every save and says so, as before).
    func noteFailedSave(length: Int, seq: Int?, change: Change, at stamp: String, user: String) {
        var w = JSONWriter(capacity: 160)
        w.beginObject()
        w.member("journal", journalID)
        w.member("length", length as Int?)
        w.member("seq", seq)
        w.member("at", stamp)
        w.member("user", user)
        w.member("cmd", change.command)
        var bytes = w.bytes
        SealedLine.seal(&bytes)
        _ = try? durable.replace(file(Self.failedSaveName), with: bytes)
        _ = try? durable.syncDirectory(path)
    }

    /// The noted failed save, if any (one `stat` when there is none).
    func failedSave() -> FailedSave? {
        guard io.stat(file(Self.failedSaveName)) != nil, let bytes = try? durable.read(file(Self.failedSaveName)) else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> FailedSave? in
            let line = UnsafeBufferPointer(rebasing: buf[..<(buf.last == 0x0A ? buf.count - 1 : buf.count)])
            guard SealedLine.verify(line) == nil else { return nil }
            var r = JSONReader(line)
            var f = FailedSave(journal: nil, length: -1, seq: nil, at: "", user: "", command: "")
            do throws(JSONReader.Failure) {
                try r.object { r, key throws(JSONReader.Failure) in
                    switch key {
                    case "journal": f.journal = try r.string()
                    case "length": f.length = try r.int()
                    case "seq": f.seq = try r.int()
                    case "at": f.at = try r.string()
                    case "user": f.user = try r.string()
                    case "cmd": f.command = try r.string()
                    default: try r.skipValue()
                    }
                }
            } catch { return nil }
            return f.length >= 0 ? f : nil
        }
    }

    /// Where to stop reading journal `bytes` (read from `start`): before the noted failed
    /// save's line, when it is there and is the journal's last line, the change it names (a
    /// note that does not fit is ignored: it never hides a change someone saved after it).
    func readableEnd(of bytes: [UInt8], from start: Int) -> Int? {
        guard let f = failedSave(), f.journal == nil || f.journal == journalID,
              f.length >= start, f.length < start + bytes.count else { return nil }
        let rest = bytes[(f.length - start)...]
        let body = rest.last == 0x0A ? rest.dropLast() : rest
        guard !body.contains(0x0A) else { return nil }   // more than that one line after it
        let ok = Array(body).withUnsafeBufferPointer { line -> Bool in
            var r = JSONReader(line)
            var seq: Int?, command: String?
            try? r.object { r, key throws(JSONReader.Failure) in
                switch key {
                case "seq": seq = try r.int()
                case "cmd": command = try r.string()
                default: try r.skipValue()
                }
            }
            return command == f.command && (f.seq == nil || seq == f.seq)
        }
        return ok ? f.length - start : nil
    }

    /// Under the writers' lock, caught up: cuts the noted line out of the journal (the
    /// take-back that failed before) and removes the note, or removes a note that no longer
    /// fits. When the cut fails again, the save fails: a line appended after it would make it
    /// read as saved.
    func takeOutFailedSave() throws(StoreError) {
        guard let f = failedSave() else { return }
        let size = io.stat(journalPath)?.size ?? 0
        if f.journal == nil || f.journal == journalID, size > f.length, f.length == journalOffset {
            try durable.truncate(journalPath, to: f.length)
        }
        io.unlink(file(Self.failedSaveName))
        try durable.syncDirectory(path)
    }

    /// For `kriya check`: the noted line, while it is still in the journal (its line number).
    func failedSaveStillThere() -> (line: Int, FailedSave)? {
        guard let f = failedSave(), f.journal == nil || f.journal == journalID, f.length == journalOffset,
              (io.stat(journalPath)?.size ?? 0) > f.length else { return nil }
        return (journalLines + 1, f)
    }
}
