import KriyaCore
import KriyaText
import TOMLKit

/// What `scripts/fuzz.sh` throws inputs at, in process: every reader of bytes that come from
/// the data folder or from a spreadsheet. Each returns normally whatever the input; a record
/// that reads is written back and read again, and must come back the same (a reader and a
/// writer that disagree would lose data at the next compaction). Not for anything else.
@_spi(Fuzzing) public enum FuzzTargets {
    public static let names = ["artisan line", "session line", "exhibition line", "journal line", "journal header",
                               "manifest", "import undo", "audit line", "snapshot file", "spreadsheet",
                               "access file", "site file", "toml", "carried audit"]

    /// Runs target `which` (taken modulo the number of targets) on `input`.
    public static func run(_ which: Int, _ input: UnsafeBufferPointer<UInt8>) {
        switch which % names.count {
        case 0: record(input, ArtisanCodec.read, ArtisanCodec.write)
        case 1: record(input, SessionCodec.read, SessionCodec.write)
        case 2: record(input, ExhibitionCodec.read, ExhibitionCodec.write)
        case 3:
            if let change = try? JournalFormat.read(input) {
                let again = JournalFormat.entry(change, at: "x", user: "u")
                let back = again.dropLast().withUnsafeBufferPointer { try? JournalFormat.read($0) }
                precondition(back?.artisans == change.artisans && back?.sessions == change.sessions
                             && back?.exhibitions == change.exhibitions && back?.deleted == change.deleted
                             && back?.terms == change.terms && back?.members == change.members && back?.partners == change.partners,
                             "a journal line reads back differently")
            }
        case 4: _ = JournalFormat.header(input)
        case 5: _ = try? Manifest.read(Array(input), path: "kriya.json")
        case 6: _ = ImportUndoFile.read(Array(input))
        case 7: _ = try? AuditFormat.read(input)
        case 8:
            _ = SnapshotParser.parse(input, file: "artisans.jsonl") { r throws(JSONReader.Failure) in try ArtisanCodec.read(&r) }
        case 10: _ = AccessFile.parse(String(decoding: input, as: UTF8.self))
        case 11: _ = InstalledFolder.siteData(String(decoding: input, as: UTF8.self))
        case 12:
            // What every TOML reader (config, theme, access, site) does first: the guard, then the parser.
            let text = String(decoding: input, as: UTF8.self)
            if TOMLGuard.problem(in: text) == nil { _ = try? TOMLTable(string: text) }
        case 13:
            // The audit line a journal line carries (`carriedAudit`), and the place a staged note
            // or a failed save names: sealed first, so that the checksum lets the reader in.
            var body = Array(input)
            if body.last == 0x7D { body.removeLast() }
            SealedLine.seal(&body)
            body.removeLast()
            body.withUnsafeBufferPointer { line in
                if let carried = JournalFormat.carriedAudit(line) {
                    precondition(carried.line.dropLast().withUnsafeBufferPointer { SealedLine.verify($0) } == nil,
                                 "a carried audit line fails its own checksum")
                    _ = carried.line.dropLast().withUnsafeBufferPointer { try? AuditFormat.read($0) }
                }
                _ = AuditFormat.position(line)
            }
        case 9:
            guard let file = try? TextFile(bytes: Array(input), path: "fuzz.csv"),
                  let sheet = try? ArtisanImport(file: file, path: "fuzz.csv") else { return }
            let ctx = CommandContext(user: "fuzz", today: CivilDate(year: 2026, month: 11, day: 30)!, time: ClockTime(hour: 9, minute: 0)!)
            _ = ImportPlan(rows: sheet.rows, against: Dataset(), onDuplicate: .update, context: ctx)
        default: break
        }
    }

    private static func record<R: Equatable>(_ input: UnsafeBufferPointer<UInt8>,
                                             _ read: (inout JSONReader) throws(JSONReader.Failure) -> R,
                                             _ write: (R, inout JSONWriter) -> Void) {
        var r = JSONReader(input)
        guard let record = try? read(&r), (try? r.finish()) != nil else { return }
        let line = SnapshotFormat.line(record, write)
        let back: R? = line.dropLast().withUnsafeBufferPointer { buf in
            precondition(SealedLine.verify(buf) == nil, "a written line fails its own checksum")
            var again = JSONReader(buf)
            return try? read(&again)
        }
        precondition(back == record, "a record reads back differently after it is written")
    }
}
