import Dispatch
import KriyaCore

/// Reads a snapshot file's lines into records on every core: the file is cut at line ends
/// into one piece per core, each piece parsed on its own thread, the results joined in order.
/// Opening 100k artisans is mostly JSON reading, so this nearly halves it on two cores.
enum SnapshotParser {
    struct Parsed<R> {
        var records: [R] = []
        /// The file line of each record.
        var lines: [Int32] = []
        var issues: [LoadIssue] = []
    }

    private struct Bytes: @unchecked Sendable { let buffer: UnsafeBufferPointer<UInt8> }

    static func parse<R: Record>(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                         _ read: @escaping @Sendable (inout JSONReader) throws(JSONReader.Failure) -> R) -> [Parsed<R>] {
        let pieces = bytes.count > 1 << 20 ? 2 : 1
        var cuts = [0]
        for k in 1..<pieces {
            var at = bytes.count * k / pieces
            while at < bytes.count, bytes[at - 1] != 0x0A { at += 1 }
            cuts.append(at)
        }
        cuts.append(bytes.count)
        let slots = Slots<Parsed<R>>(pieces, empty: Parsed())
        let shared = Bytes(buffer: bytes)
        let cutsCopy = cuts
        DispatchQueue.concurrentPerform(iterations: pieces) { k in
            let piece = UnsafeBufferPointer(rebasing: shared.buffer[cutsCopy[k]..<cutsCopy[k + 1]])
            var out = Parsed<R>()
            out.records.reserveCapacity(piece.count / 300)
            Lines.each(piece) { number, line, _, complete in
                if line.count > JSONLimits.maxLineBytes {
                    out.issues.append(LoadIssue(file: file, line: number, reason: JSONLimits.tooLong(line.count), raw: Array(line.prefix(4096))))
                    return
                }
                if let problem = SealedLine.verify(line) {
                    out.issues.append(LoadIssue(file: file, line: number, reason: complete ? problem.description : "torn last line", raw: Array(line)))
                    return
                }
                var r = JSONReader(line)
                do {
                    let record = try read(&r)
                    try r.finish()
                    out.records.append(record)
                    out.lines.append(Int32(number))
                } catch {
                    out.issues.append(LoadIssue(file: file, line: number, reason: "\(error)", raw: Array(line)))
                }
            }
            slots.pointer[k] = out
        }
        // Hand the pieces over in order, numbering lines from the start of the file. The
        // records are moved out of the slots, not copied (each copy costs a retain per field).
        var pieces_: [Parsed<R>] = []
        var linesBefore = 0
        for k in 0..<pieces {
            if k > 0 {
                linesBefore += UnsafeBufferPointer(rebasing: bytes[cuts[k - 1]..<cuts[k]]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
            var piece = Parsed<R>()
            swap(&piece, &slots.pointer[k])
            if linesBefore > 0 {
                for i in piece.lines.indices { piece.lines[i] += Int32(linesBefore) }
                for i in piece.issues.indices { piece.issues[i].line += linesBefore }
            }
            pieces_.append(piece)
        }
        setAsideDuplicates(&pieces_, file: file, bytes: bytes)
        return pieces_
    }

    /// A second line with an id already read (a hand-edited or planted file) is a damaged
    /// line: reported, kept out of what loads and set aside at compaction. Files the store
    /// writes are in rising id order, so this costs one comparison a line unless they are not.
    static func setAsideDuplicates<R: Record>(_ pieces: inout [Parsed<R>], file: String, bytes: UnsafeBufferPointer<UInt8>) {
        var previous: EntityID?
        var ascending = true
        outer: for piece in pieces {
            for r in piece.records {
                if let p = previous, !(p < r.id) { ascending = false; break outer }
                previous = r.id
            }
        }
        guard !ascending else { return }
        var firstLine: [EntityID: Int32] = [:]
        for k in pieces.indices {
            var keep: [Int] = []
            for (i, r) in pieces[k].records.enumerated() {
                if let first = firstLine[r.id] {
                    let line = Int(pieces[k].lines[i])
                    pieces[k].issues.append(LoadIssue(file: file, line: line,
                        reason: "\(r.id) appears again (first on line \(first)); this line was left out",
                        raw: rawLine(line, in: bytes)))
                } else {
                    firstLine[r.id] = pieces[k].lines[i]
                    keep.append(i)
                }
            }
            if keep.count != pieces[k].records.count {
                pieces[k].records = keep.map { pieces[k].records[$0] }
                pieces[k].lines = keep.map { pieces[k].lines[$0] }
            }
        }
    }

    /// The bytes of line `number` (from 1) of `bytes`, for setting it aside.
    static func rawLine(_ number: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var found: [UInt8] = []
        Lines.each(bytes) { n, line, _, _ in if n == number { found = Array(line) } }
        return found
    }
}
